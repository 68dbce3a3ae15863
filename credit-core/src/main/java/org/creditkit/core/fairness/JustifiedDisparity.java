package org.creditkit.core.fairness;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The "justified disparity" view of one group: its approval gap beside its risk gaps, all against
 * the reference group and all as group minus reference, with a classification by {@link #RULE}.
 *
 * @param approvalGap approval rate(group) - approval rate(reference)
 * @param approvalRatio approval rate(group) / approval rate(reference)
 * @param defaultRateGap observed default rate(group) - observed default rate(reference)
 * @param defaultRateGapCi 95% interval of the default-rate gap
 * @param goodRateRatio (1 - default rate(group)) / (1 - default rate(reference)): the approval ratio
 *     a decision maker approving exactly the non-defaulters would produce
 * @param pdGap mean PD(group) - mean PD(reference), shown but never used to justify a gap
 * @param classification the classification
 * @param explanation one sentence saying why this classification applies
 */
public record JustifiedDisparity(OptionalDouble approvalGap, OptionalDouble approvalRatio,
        OptionalDouble defaultRateGap, Optional<Interval> defaultRateGapCi, OptionalDouble goodRateRatio,
        OptionalDouble pdGap, DisparityClass classification, String explanation) {

    /** The classification rule, as printed in the reports. */
    public static final String RULE = "An approval gap is a ratio (group over reference) below the warning level "
            + "whose difference is statistically significant (Holm-adjusted p < alpha over the grouping's approval "
            + "comparisons). "
            + "It is JUSTIFIED BY RISK when the group's observed default rate is significantly higher than the "
            + "reference's (the 95% interval of the default-rate gap lies above 0) and the approval ratio is at "
            + "least the good-rate ratio (1 - DR group) / (1 - DR reference), i.e. no larger than approving "
            + "exactly the non-defaulters would give; otherwise it is UNEXPLAINED. The mean-PD gap is shown "
            + "but never justifies a gap: it is the model's own estimate, which is what is being audited.";
}
