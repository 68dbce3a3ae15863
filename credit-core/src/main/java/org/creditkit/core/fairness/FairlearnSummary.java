package org.creditkit.core.fairness;

import java.util.OptionalDouble;

/**
 * Fairlearn-style scalar summaries over all non-empty groups of one grouping (regardless of the
 * minimum group size, as Fairlearn computes them), matching {@code fairlearn.metrics}:
 * <ul>
 *   <li>demographic parity difference = max - min of the approval (selection) rates;</li>
 *   <li>demographic parity ratio = min / max of the approval rates (absent if max = 0);</li>
 *   <li>equalized odds difference = max(TPR max - min, FPR max - min) over groups where each rate
 *       is defined;</li>
 *   <li>equalized odds ratio = min(TPR min / max, FPR min / max).</li>
 * </ul>
 * The odds summaries are absent without outcomes.
 *
 * @param groups number of non-empty groups
 * @param demographicParityDifference max - min approval rate
 * @param demographicParityRatio min / max approval rate
 * @param equalizedOddsDifference larger of the TPR and FPR ranges
 * @param equalizedOddsRatio smaller of the TPR and FPR min/max ratios
 */
public record FairlearnSummary(int groups, OptionalDouble demographicParityDifference,
        OptionalDouble demographicParityRatio, OptionalDouble equalizedOddsDifference,
        OptionalDouble equalizedOddsRatio) {
}
