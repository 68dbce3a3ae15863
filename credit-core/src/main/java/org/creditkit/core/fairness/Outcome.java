package org.creditkit.core.fairness;

/**
 * The observed repayment outcome of one decision. In the outcome metrics the label
 * {@code y = 1} means {@link #GOOD} (did not default) and {@code y = 0} means {@link #BAD}
 * (defaulted); the favourable decision (approval) is the prediction {@code ŷ = 1}.
 */
public enum Outcome {
    /** Repaid / did not default ({@code y = 1}). */
    GOOD,
    /** Defaulted ({@code y = 0}). */
    BAD,
    /** Not observed (for example a declined application or a loan still running). */
    UNKNOWN
}
