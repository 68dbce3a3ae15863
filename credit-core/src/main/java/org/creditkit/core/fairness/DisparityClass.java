package org.creditkit.core.fairness;

/**
 * The "justified disparity" classification of one group's approval rate against its reference.
 * The rule is stated in {@link JustifiedDisparity#RULE}.
 */
public enum DisparityClass {
    /** The group is the reference of its grouping. */
    REFERENCE,
    /** The group or the reference has fewer records than the minimum group size. */
    INSUFFICIENT_DATA,
    /** The approval ratio is at or above the warning level (or the group is approved more often). */
    NO_GAP,
    /** The ratio is below the warning level but the difference is not statistically significant. */
    GAP_NOT_SIGNIFICANT,
    /**
     * A significant approval gap that the observed risk accounts for: the group's observed default
     * rate is significantly higher than the reference's, and the approval ratio is at least the
     * ratio of non-default rates.
     */
    GAP_JUSTIFIED_BY_RISK,
    /** A significant approval gap that the observed default rates do not account for. */
    UNEXPLAINED_GAP
}
