package org.creditkit.core.fairness;

/** How the 95% confidence interval of a rate difference is computed. */
public enum DifferenceMethod {
    /** Newcombe's hybrid score interval (method 10 of Newcombe 1998), from two Wilson intervals. */
    NEWCOMBE,
    /** Seeded percentile bootstrap (see {@link AuditConfig#bootstrapReplicates()}). */
    BOOTSTRAP
}
