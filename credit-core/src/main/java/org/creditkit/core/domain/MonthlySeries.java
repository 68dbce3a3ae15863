package org.creditkit.core.domain;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Objects;

/**
 * Consecutive monthly values (sales, headcount, kWh...) starting at {@link #firstMonth()}.
 * Immutable: the values are copied in and never handed out except as a copy.
 */
public final class MonthlySeries {

    private final YearMonth firstMonth;
    private final double[] values;

    private MonthlySeries(YearMonth firstMonth, double[] values) {
        this.firstMonth = Objects.requireNonNull(firstMonth, "firstMonth");
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || values[i] < 0) {
                throw new IllegalArgumentException("value " + i + " (" + values[i]
                        + ") must be a finite number >= 0");
            }
        }
        for (int i = 0; i < values.length; i++) {
            values[i] += 0.0; // -0.0 becomes 0.0, so equal-looking series are equal (Arrays.equals tells them apart)
        }
        this.values = values;
    }

    /**
     * @param firstMonth month of {@code values[0]}
     * @param values     finite, non-negative monthly values (copied)
     * @throws IllegalArgumentException on a NaN, infinite or negative value
     */
    public static MonthlySeries of(YearMonth firstMonth, double... values) {
        return new MonthlySeries(firstMonth, values.clone());
    }

    /** Month of the first value. */
    public YearMonth firstMonth() {
        return firstMonth;
    }

    /** Month of the last value ({@link #firstMonth()} minus one when empty). */
    public YearMonth lastMonth() {
        return firstMonth.plusMonths(values.length - 1L);
    }

    /** Number of months. */
    public int length() {
        return values.length;
    }

    /** True when there are no months. */
    public boolean isEmpty() {
        return values.length == 0;
    }

    /** The value of month {@code i} (0 = first). */
    public double get(int i) {
        return values[i];
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonthlySeries m && firstMonth.equals(m.firstMonth) && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * firstMonth.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MonthlySeries[" + firstMonth + ", " + Arrays.toString(values) + "]";
    }
}
