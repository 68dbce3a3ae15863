package org.creditkit.core.quality;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The one rule that tells a monthly figure in another unit than the rest of an enterprise's series (fen for
 * CNY: 100 times too large; thousand or ten-thousand CNY, 千元 or 万元: 1,000 or 10,000 times too small; Wh
 * for kWh) from a real change. Used by the loan book for its months and by the application reader for the
 * application's own series, so both refuse the same months with the same words.
 *
 * <p>A figure is a unit change only when both hold against a reference of the enterprise's other figures
 * (at least {@value #MIN_REFERENCE}, positive): it lies beyond 10 times the reference's highest figure (or
 * below a tenth of its lowest), and its ratio to the reference's median is that of a unit change: within 3
 * times of 100, 1,000 or 10,000 (33..300, 333..3,000, 3,333..30,000, either way). A month 20 times the median
 * is a real (if odd) change, not a unit; a month of zero is never judged. Tuned to no false positive on the
 * generator's data and on far more volatile books (LoanBookPlausibilityTest, UnitChangeTest).
 */
public final class UnitChange {

    /** The most recent accepted figures a month is judged against. */
    public static final int WINDOW = 12;
    /** Fewer reference figures than this: not judged (the loan book, whose reference starts with the application's series). */
    public static final int MIN_REFERENCE = 3;
    /**
     * The reference an application's own series needs ({@link #scan}): a new firm's electricity went 30,
     * 38, 35 kWh then 1,211 (40 times, a unit's ratio) and stayed there, a ramp-up that three figures before
     * it cannot tell from a switch to Wh; completed with the months after it, the reference holds the new
     * level and the month is read.
     */
    public static final int MIN_SERIES_REFERENCE = 6;
    private static final double BEYOND = 10;
    private static final double BAND = 3;
    private static final double[] FACTORS = {100, 1_000, 10_000};

    private UnitChange() {
    }

    /**
     * A figure judged to be in another unit.
     *
     * @param factor  100, 1,000 or 10,000
     * @param up      the figure is too large (else too small)
     * @param times   the figure against the reference's median, either way (at least 1)
     * @param median  the reference's median
     * @param extreme the reference's highest figure when {@code up}, else its lowest
     * @param count   how many figures the reference has
     */
    public record Jump(long factor, boolean up, double times, double median, double extreme, int count) {

        /** The figure {@code v} in the unit of the reference. */
        public double corrected(double v) {
            return up ? v / factor : v * factor;
        }

        /**
         * The message, in the loan book's words.
         *
         * @param v      the figure
         * @param source where the reference figures are, e.g. "in this series before 2024-08"
         * @param unit   the unit of the series, e.g. "CNY"
         * @param hint   what the factor likely means, e.g. "fen instead of CNY"
         */
        public String message(double v, String source, String unit, String hint) {
            return String.format(Locale.ROOT,
                    "%s is %s times %s the median (%s) of this enterprise's %d figures %s, and %s their %s (%s): a"
                            + " change of unit by %,d (%s?) rather than a real change; valid: %s like the rest of the"
                            + " series (%s here, were it %,d times %s)", plain(v), ratio(times), up ? "above" : "below",
                    plain(median), count, source, up ? "over 10 times" : "under a tenth of", up ? "highest" : "lowest",
                    plain(extreme), factor, hint, unit, plain(corrected(v)), factor, up ? "smaller" : "larger");
        }
    }

    /**
     * Judges {@code v} against reference figures {@code sorted} (ascending, positive, at least
     * {@value #MIN_REFERENCE}; the caller's array is read only).
     *
     * @return the unit change, or null when {@code v} is not one (or is not positive)
     */
    public static Jump judge(double v, double[] sorted) {
        if (!(v > 0) || sorted.length < MIN_REFERENCE) {
            return null;
        }
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        boolean up = v > BEYOND * max;
        boolean down = v * BEYOND < min;
        if (!up && !down) {
            return null;
        }
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double times = up ? v / median : median / v;
        long factor = factor(times);
        return factor == 0 ? null : new Jump(factor, up, times, median, up ? max : min, n);
    }

    /**
     * The unit factor {@code times} (a figure against the reference's median, either way) is consistent
     * with: within 3 times of 100, 1,000 or 10,000; 0 when none.
     */
    static long factor(double times) {
        for (double factor : FACTORS) {
            if (times >= factor / BAND && times <= factor * BAND) {
                return (long) factor;
            }
        }
        return 0;
    }

    /** Receives each month of a series found in another unit. */
    @FunctionalInterface
    public interface Found {
        /**
         * @param index  the month's index in the series
         * @param jump   how it differs
         * @param before how many of the reference figures come before the month (the rest after it)
         */
        void month(int index, Jump jump, int before);
    }

    /**
     * Whether any month of {@code values[0..count)} could be a unit change: at least
     * {@value #MIN_SERIES_REFERENCE} + 1 positive figures, no month of zero, and the highest over 10 times the lowest. A single
     * pass without allocation; false for almost every real series, so that {@link #scan} (which sorts)
     * runs only on candidates.
     */
    public static boolean mayHaveJumps(double[] values, int count) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int positive = 0;
        for (int i = 0; i < count; i++) {
            double v = values[i];
            if (v == 0) {
                return false; // intermittent activity: see scan
            }
            if (v > 0 && v < Double.POSITIVE_INFINITY) {
                positive++;
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
        }
        return positive > MIN_SERIES_REFERENCE && max > BEYOND * min;
    }

    /**
     * Judges each positive month of a series in order, as the loan book judges its months: against the
     * latest {@value #WINDOW} months before it that were not found in another unit; with fewer than
     * {@value #MIN_SERIES_REFERENCE} of them, the months after it complete the reference. A month found is
     * not added to the reference, so a series that switches unit for good is found on every month after
     * the switch (a switch within the first months is completed with its own later months and not found).
     * Series with fewer than {@value #MIN_SERIES_REFERENCE} + 1 positive months are not judged, nor a
     * series with a month of zero: a dormant firm's electricity of 38, 0, 7, 30, 1,211, 39, 10, 42, 51, 0,
     * 0, 860 kWh (the generator's, seed 5) has two active months that the rule reads as Wh; where a firm
     * stops and starts, one month against the others says nothing about units.
     *
     * <p>Only a month too large is reported: that is the fen (or Wh) month that inflates the 12-month bases
     * the limits are computed from and the features. A month too small is read: it lowers the bases and
     * reads as distress, so it errs on the cautious side, and it cannot be told from a shutdown. The
     * generator's 1,000,000 applications (seed 17) hold 8 firms whose electricity and water fall 35 to 2,400
     * times for two to three months and come back, which a rule on runs of low months refused as 万元 or MWh.
     */
    public static void scan(double[] values, int count, Found found) {
        if (!mayHaveJumps(values, count)) {
            return;
        }
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            if (values[i] > 0 && values[i] < Double.POSITIVE_INFINITY) {
                lowest = Math.min(lowest, values[i]);
            }
        }
        double[] accepted = new double[count];
        double[] ref = new double[WINDOW + MIN_SERIES_REFERENCE];
        int n = 0;
        for (int i = 0; i < count; i++) {
            double v = values[i];
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
                continue;
            }
            if (!(v > BEYOND * lowest)) {
                accepted[n++] = v; // within 10 times of every other month: no reference can flag it
                continue;
            }
            int from = Math.max(0, n - WINDOW);
            int size = 0;
            for (int k = from; k < n; k++) {
                ref[size++] = accepted[k];
            }
            int before = size;
            for (int j = i + 1; j < count && size < MIN_SERIES_REFERENCE; j++) {
                double later = values[j];
                if (later > 0 && later < Double.POSITIVE_INFINITY) {
                    ref[size++] = later;
                }
            }
            Jump jump = null;
            if (size >= MIN_SERIES_REFERENCE) {
                double[] sorted = Arrays.copyOf(ref, size);
                Arrays.sort(sorted);
                jump = judge(v, sorted);
            }
            if (jump == null || !jump.up()) {
                accepted[n++] = v; // a month too small is read (see above)
            } else {
                found.month(i, jump, before);
            }
        }
    }

    /** The usual meaning of a unit factor for a series in {@code unit} ("CNY", "kWh"), else "another unit". */
    public static String hint(String unit, boolean up, long factor) {
        Map<Long, String> hints = switch (unit) {
            case "CNY" -> up ? Map.of(100L, "fen instead of CNY")
                    : Map.of(100L, "CNY where the rest of the series is in fen, or hundreds of CNY",
                            1_000L, "thousand CNY (千元) instead of CNY",
                            10_000L, "ten-thousand CNY (万元) instead of CNY");
            case "kWh" -> up ? Map.of(1_000L, "Wh instead of kWh")
                    : Map.of(1_000L, "MWh instead of kWh", 10_000L, "ten-thousand kWh (万千瓦时) instead of kWh");
            case "tonnes" -> up ? Map.of(1_000L, "kilograms instead of tonnes") : Map.of();
            default -> Map.of();
        };
        return hints.getOrDefault(factor, "another unit");
    }

    /** A ratio as the messages print it: whole above 100, one decimal below. */
    public static String ratio(double times) {
        return times >= 100 ? String.format(Locale.ROOT, "%,.0f", times) : String.format(Locale.ROOT, "%.1f", times);
    }

    /** A figure as the messages print it: whole when whole, else two decimals. */
    public static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
