package org.creditkit.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money rounded to cents from doubles, with the results of {@code BigDecimal.valueOf(double)} arithmetic
 * and without its cost: {@code BigDecimal.valueOf} writes the double as a string and parses it, and a
 * product of two longs' worth of digits goes through {@code BigInteger} division to round (about 500
 * bytes and a microsecond per call, on every decision).
 *
 * <p>How: the exact answer rounds the decimal {@code S} that {@code Double.toString} writes (within one
 * ulp of the double) times 100 half up. The double product {@code t} is within a few ulps of that
 * decimal; when {@code t} is farther than {@link #MARGIN_ULPS} ulps from a half cent, both lie on the same
 * side of it and round to the same cent, so the cent is taken from {@code t}. Otherwise (about one value in
 * ten million, and every value too large for the shortcut) the {@code BigDecimal} computation runs as before.
 */
final class Cents {

    /** Ulps of the double product that must separate it from a half cent (the error is below 3). */
    static final double MARGIN_ULPS = 64;
    /** Products at most this large have ulps of 2^-22 at most: fractions of a cent are resolved. */
    private static final double MAX_FAST = 0x1p31;

    private Cents() {
    }

    /**
     * {@code BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP)}.
     *
     * @param v a finite value
     * @return the value in cents, scale 2
     */
    static BigDecimal halfUp(double v) {
        long cents = fastCents(v * 100.0);
        return cents >= 0 ? BigDecimal.valueOf(cents, 2) : BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * {@code amount.multiply(BigDecimal.valueOf(rate)).setScale(2, RoundingMode.HALF_UP)}.
     *
     * @param amount an amount of scale 2, at least 0
     * @param rate a rate, at least 0
     * @return the product in cents, scale 2
     */
    static BigDecimal times(BigDecimal amount, double rate) {
        double d = amount.doubleValue();
        if (amount.scale() == 2 && d >= 0 && d < MAX_FAST && rate >= 0 && rate <= 1) {
            // d is amount correctly rounded; its cents are exact as a long below 2^53 / 100
            double unscaled = Math.rint(d * 100.0);
            long cents = fastCents(unscaled * rate);
            if (cents >= 0) {
                return BigDecimal.valueOf(cents, 2);
            }
        }
        return amount.multiply(BigDecimal.valueOf(rate)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The cents {@code t} (a value times 100) rounds half up to, or -1 when {@code t} cannot decide them. */
    private static long fastCents(double t) {
        if (!(t >= 0 && t < MAX_FAST)) {
            return -1;
        }
        double whole = Math.floor(t);
        double frac = t - whole; // exact: t and its floor share the exponent range
        if (Math.abs(frac - 0.5) <= MARGIN_ULPS * Math.ulp(t)) {
            return -1;
        }
        return (long) whole + (frac > 0.5 ? 1 : 0);
    }
}
