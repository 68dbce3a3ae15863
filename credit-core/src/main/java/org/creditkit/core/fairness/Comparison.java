package org.creditkit.core.fairness;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A group's rate compared with its reference group's rate.
 *
 * <p>Signs: {@code difference = rate(group) - rate(reference)} (negative: the group has the lower
 * rate); {@code ratio = rate(group) / rate(reference)} (below 1: the group has the lower rate).
 * The difference and its interval are absent when either group is empty; the ratio is absent when
 * the reference rate is 0; the p-value is absent when either group is empty. The reference
 * compared with itself has difference 0, ratio 1 (intervals [0, 0] and [1, 1]) and p-value 1.
 *
 * @param difference group minus reference
 * @param differenceCi 95% interval of the difference (Newcombe hybrid score or seeded bootstrap)
 * @param ratio group over reference
 * @param ratioCi 95% interval of the ratio by the Katz log method,
 *     {@code exp(ln(ratio) ± z sqrt(1/k1 - 1/n1 + 1/k2 - 1/n2))}, with Haldane's correction when a
 *     group is all or none favourable; absent if either count of successes is 0
 * @param pValue two-sided p-value of "the rates are equal" (Fisher exact or two-proportion z)
 */
public record Comparison(OptionalDouble difference, Optional<Interval> differenceCi, OptionalDouble ratio,
        Optional<Interval> ratioCi, OptionalDouble pValue) {

    /** A comparison where nothing could be computed. */
    public static final Comparison ABSENT =
            new Comparison(OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                    OptionalDouble.empty());
}
