package org.creditkit.core.domain;

/** Tax credit rating (纳税信用等级), best first. */
public enum TaxGrade {
    /** Grade A. */
    A,
    /** Grade B. */
    B,
    /** Grade M (new or small taxpayers without enough history). */
    M,
    /** Grade C. */
    C,
    /** Grade D (serious tax dishonesty). */
    D
}
