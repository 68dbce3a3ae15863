package org.creditkit.rules;

/**
 * Where the time of one decision went, in nanoseconds (wall clock, for monitoring; speed is
 * guarded by JMH benchmarks, not by these figures).
 *
 * @param scoringNanos feature extraction and scoring (0 when the decision started from a scored input)
 * @param rulesNanos rule evaluation including assembling the decision
 * @param totalNanos the whole decision
 */
public record DecisionTimings(long scoringNanos, long rulesNanos, long totalNanos) {

    /**
     * Creates timings.
     *
     * @param scoringNanos scoring time
     * @param rulesNanos rules time
     * @param totalNanos total time
     * @return the timings
     */
    public static DecisionTimings of(long scoringNanos, long rulesNanos, long totalNanos) {
        return new DecisionTimings(scoringNanos, rulesNanos, totalNanos);
    }
}
