package org.creditkit.core.fairness;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of one check for one group, with its evidence.
 *
 * @param check the check id: {@code approval-ratio}, {@code equal-opportunity} or {@code calibration}
 * @param grouping the grouping's name
 * @param group the group's label
 * @param status the result
 * @param value the measured value (ratio, difference or gap), absent if it could not be computed
 * @param interval its 95% interval, where one exists
 * @param pValue the p-value of the underlying test, where one exists
 * @param adjustedPValue the Holm-adjusted p-value over the check's family (this check, this
 *     grouping); significance is judged on it
 * @param count records in the group
 * @param threshold the thresholds applied, in words
 * @param evidence the numbers behind the result (rates, intervals, counts, p-value)
 * @param note why this status, in one sentence
 */
public record CheckResult(String check, String grouping, String group, CheckStatus status, OptionalDouble value,
        Optional<Interval> interval, OptionalDouble pValue, OptionalDouble adjustedPValue, int count, String threshold, String evidence,
        String note) {
}
