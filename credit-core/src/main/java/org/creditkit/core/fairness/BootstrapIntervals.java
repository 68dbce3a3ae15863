package org.creditkit.core.fairness;

import java.util.Objects;
import java.util.Optional;

/**
 * Percentile bootstrap intervals of a group's approval rate and of its difference from the
 * reference, shown beside the Wilson and Newcombe intervals. Computed on the aggregated counts: each
 * replicate draws the group's favourable count from Binomial(n, k/n) (and the reference's likewise),
 * which is the distribution of the count in a resample of the group's records, so a million decisions
 * cost no more than a thousand. Seeded: the same audit seed gives the same intervals.
 *
 * @param replicates how many resamples
 * @param approval 95% interval of the approval rate
 * @param difference 95% interval of approval rate minus the reference's; absent for the reference
 */
public record BootstrapIntervals(int replicates, Interval approval, Optional<Interval> difference) {

    /**
     * Checks the parts.
     *
     * @param replicates see {@link #replicates()}
     * @param approval see {@link #approval()}
     * @param difference see {@link #difference()}
     */
    public BootstrapIntervals {
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(difference, "difference");
    }
}
