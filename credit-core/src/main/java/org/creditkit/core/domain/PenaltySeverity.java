package org.creditkit.core.domain;

/** Severity of an administrative penalty. */
public enum PenaltySeverity {
    /** Warning or small fine. */
    MINOR,
    /** Ordinary fine. */
    GENERAL,
    /** Serious: large fine, licence suspension or revocation (重大行政处罚). */
    SERIOUS
}
