package org.creditkit.core.fairness;

/** The result of one fairness check, in increasing order of severity for the verdict. */
public enum CheckStatus {
    /** The check's measure is within its threshold (or the difference is not material). */
    PASS,
    /** Too few records in the group or its reference to decide; never a false alarm. */
    INSUFFICIENT_DATA,
    /** Needs a reviewer's attention: a warning band, an unconfirmed gap, or a gap justified by risk. */
    WARN,
    /** A material, statistically significant disparity that the observed risk does not explain. */
    FAIL
}
