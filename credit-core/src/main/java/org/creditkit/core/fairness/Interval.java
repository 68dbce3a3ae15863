package org.creditkit.core.fairness;

/**
 * A closed interval {@code [lower, upper]}, used for 95% confidence intervals of rates and of
 * rate differences.
 *
 * @param lower the lower bound, finite
 * @param upper the upper bound, finite, at least {@code lower}
 */
public record Interval(double lower, double upper) {

    /**
     * Checks the bounds.
     *
     * @param lower see {@link #lower()}
     * @param upper see {@link #upper()}
     * @throws IllegalArgumentException if a bound is not finite or {@code lower > upper}
     */
    public Interval {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
            throw new IllegalArgumentException(
                    "Interval bounds must be finite with lower <= upper, got [" + lower + ", " + upper + "]");
        }
    }

    /**
     * Returns the interval {@code [lower, upper]}.
     *
     * @param lower lower bound
     * @param upper upper bound
     * @return the interval
     */
    public static Interval of(double lower, double upper) {
        return new Interval(lower, upper);
    }

    /**
     * Tells whether the interval contains a value.
     *
     * @param value the value
     * @return true if {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /**
     * Tells whether the interval lies entirely on one side of zero.
     *
     * @return true if zero is outside the interval
     */
    public boolean excludesZero() {
        return !contains(0.0);
    }
}
