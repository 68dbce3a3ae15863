package org.creditkit.core.fairness;

import java.util.OptionalDouble;

/**
 * Fairlearn-style scalar summaries over the groups of one grouping that reach the minimum group size,
 * matching {@code fairlearn.metrics} on those groups. Smaller groups are excluded from these headline
 * figures (a group of one would make the demographic parity difference 1.000) and counted in
 * {@code smallGroups}; their rates are still listed in the reports.
 * <ul>
 *   <li>demographic parity difference = max - min of the approval (selection) rates;</li>
 *   <li>demographic parity ratio = min / max of the approval rates (absent if max = 0);</li>
 *   <li>equalized odds difference = max(TPR max - min, FPR max - min) over groups where each rate
 *       is defined;</li>
 *   <li>equalized odds ratio = min(TPR min / max, FPR min / max).</li>
 * </ul>
 * The summaries are absent when no group reaches the minimum size; the odds summaries also without
 * outcomes.
 *
 * @param groups number of groups summarised (at least the minimum group size)
 * @param smallGroups number of non-empty groups below the minimum size, excluded from the summaries
 * @param demographicParityDifference max - min approval rate
 * @param demographicParityRatio min / max approval rate
 * @param equalizedOddsDifference larger of the TPR and FPR ranges
 * @param equalizedOddsRatio smaller of the TPR and FPR min/max ratios
 */
public record FairlearnSummary(int groups, int smallGroups, OptionalDouble demographicParityDifference,
        OptionalDouble demographicParityRatio, OptionalDouble equalizedOddsDifference,
        OptionalDouble equalizedOddsRatio) {
}
