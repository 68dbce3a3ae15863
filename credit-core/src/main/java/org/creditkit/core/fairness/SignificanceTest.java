package org.creditkit.core.fairness;

/** The two-sided test used for the p-value of a rate difference between a group and its reference. */
public enum SignificanceTest {
    /** Fisher's exact test on the 2x2 table (group/reference x favourable/not). */
    FISHER_EXACT,
    /** The pooled two-proportion z-test (normal approximation). */
    TWO_PROPORTION_Z
}
