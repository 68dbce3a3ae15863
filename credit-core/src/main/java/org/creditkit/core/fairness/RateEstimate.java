package org.creditkit.core.fairness;

import java.util.OptionalDouble;

/**
 * A proportion with its 95% Wilson score interval.
 *
 * <p>{@code rate = successes / trials}; absent when {@code trials = 0} (an empty group), in which
 * case the interval is the uninformative [0, 1]. The Wilson interval with z = 1.959964 is
 * {@code (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)}; e.g. 8/10 gives [0.490, 0.943].
 *
 * @param successes records with the property (e.g. approved)
 * @param trials records considered
 * @param rate {@code successes / trials}, absent for no trials
 * @param ci 95% Wilson score interval
 */
public record RateEstimate(int successes, int trials, OptionalDouble rate, Interval ci) {

    /**
     * Computes the estimate.
     *
     * @param successes records with the property, 0..trials
     * @param trials records considered, at least 0
     * @return the estimate
     * @throws IllegalArgumentException if the counts are inconsistent
     */
    public static RateEstimate of(int successes, int trials) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("Need 0 <= successes <= trials, got " + successes + "/" + trials);
        }
        return new RateEstimate(successes, trials,
                trials == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) successes / trials),
                Stats.wilson(successes, trials));
    }
}
