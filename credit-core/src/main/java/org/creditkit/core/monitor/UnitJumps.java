package org.creditkit.core.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

import org.creditkit.core.Problem;
import org.creditkit.core.domain.MonthlySeries;

/**
 * Finds the months of a loan whose sales or electricity figure is in another unit than the rest of the
 * enterprise's series: fen for CNY (100 times too large), thousand or ten-thousand CNY (千元, 万元; 1,000 or
 * 10,000 times too small), Wh or 万千瓦时 for kWh. Read as figures, such a month hid a drop in sales behind
 * a value 100 times too large (no warning), or raised a collapse that never happened.
 *
 * <p>Each month is judged against the enterprise's own figures before it: the application's series (the
 * origination baseline, last 12 months) and the loan's months already accepted, the latest 12; with fewer
 * than 3 of them, the months after it complete the reference. A month is a unit change only when both hold:
 * it lies beyond 10 times the reference's highest figure (or below a tenth of its lowest), and its ratio to
 * the reference's median is that of a unit change: within 3 times of 100, 1,000 or 10,000 (33..300,
 * 333..3,000, 3,333..30,000, either way). A month 20 times the median is a real (if odd) change, not a unit;
 * a volatile or seasonal series whose peak month appears in its last 12 months is never flagged, nor a
 * month of zero. A flagged month does not become part of the reference, so a series that switches unit for
 * good is flagged on every month after the switch.
 */
final class UnitJumps {

    private static final int WINDOW = 12;
    private static final int MIN_REFERENCE = 3;
    private static final double BEYOND = 10;
    private static final double BAND = 3;
    private static final double[] FACTORS = {100, 1_000, 10_000};

    private UnitJumps() {
    }

    /** One monthly figure of a book and how it is read and named. */
    private record Field(String name, String unit, String applicationPath, Function<LoanMonth, OptionalDouble> value,
                         Function<BookedLoan, MonthlySeries> baseline, Map<Long, String> upHints,
                         Map<Long, String> downHints) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("taxSales", "CNY", "$.application.sources.tax.declaredSales", LoanMonth::taxSales,
                    l -> l.application().sources().tax().map(t -> t.declaredSales()).orElse(null),
                    Map.of(100L, "fen instead of CNY"),
                    Map.of(100L, "CNY where the rest of the series is in fen, or hundreds of CNY",
                            1_000L, "thousand CNY (千元) instead of CNY",
                            10_000L, "ten-thousand CNY (万元) instead of CNY")),
            new Field("electricity", "kWh", "$.application.sources.utilities.electricity", LoanMonth::electricity,
                    l -> l.application().sources().utilities().map(u -> u.electricity()).orElse(null),
                    Map.of(1_000L, "Wh instead of kWh"),
                    Map.of(1_000L, "MWh instead of kWh", 10_000L, "ten-thousand kWh (万千瓦时) instead of kWh")));

    /**
     * The months (by index into {@code months}) whose figures are in another unit, each with its problems.
     *
     * @param loan   the loan (its application is the baseline)
     * @param months the loan's months as read, in order
     * @return month index to the problems found on it, in index order; empty when none
     */
    static TreeMap<Integer, List<Problem>> find(BookedLoan loan, List<LoanMonth> months) {
        TreeMap<Integer, List<Problem>> out = new TreeMap<>();
        for (Field f : FIELDS) {
            check(f, loan, months, out);
        }
        return out;
    }

    private static void check(Field f, BookedLoan loan, List<LoanMonth> months, TreeMap<Integer, List<Problem>> out) {
        List<Double> accepted = new ArrayList<>();
        MonthlySeries base = f.baseline().apply(loan);
        int applicationFigures = 0;
        if (base != null) {
            for (int i = Math.max(0, base.length() - WINDOW); i < base.length(); i++) {
                double v = base.get(i);
                if (v > 0 && Double.isFinite(v)) {
                    accepted.add(v);
                    applicationFigures++;
                }
            }
        }
        for (int i = 0; i < months.size(); i++) {
            OptionalDouble value = f.value().apply(months.get(i));
            if (value.isEmpty() || !(value.getAsDouble() > 0)) {
                continue;
            }
            double v = value.getAsDouble();
            int windowStart = Math.max(0, accepted.size() - WINDOW);
            List<Double> ref = new ArrayList<>(accepted.subList(windowStart, accepted.size()));
            int fromBefore = ref.size();
            int fromApplicationInWindow = Math.max(0, applicationFigures - windowStart);
            for (int j = i + 1; j < months.size() && ref.size() < MIN_REFERENCE; j++) {
                OptionalDouble later = f.value().apply(months.get(j));
                if (later.isPresent() && later.getAsDouble() > 0) {
                    ref.add(later.getAsDouble());
                }
            }
            if (ref.size() < MIN_REFERENCE) {
                accepted.add(v);
                continue;
            }
            double[] r = ref.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double min = r[0];
            double max = r[r.length - 1];
            double median = r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
            boolean up = v > BEYOND * max;
            boolean down = v * BEYOND < min;
            double times = up ? v / median : median / v;
            long factor = up || down ? factor(times) : 0;
            if (factor == 0) {
                accepted.add(v);
                continue;
            }
            String hint = (up ? f.upHints() : f.downHints()).getOrDefault(factor, "another unit");
            String source = referenceSource(f, months.get(i), fromApplicationInWindow, fromBefore, ref.size());
            double corrected = up ? v / factor : v * factor;
            out.computeIfAbsent(i, k -> new ArrayList<>()).add(Problem.of("$." + f.name(), String.format(Locale.ROOT,
                    "%s is %s times %s the median (%s) of this enterprise's %d figures %s, and %s their %s (%s): a"
                            + " change of unit by %,d (%s?) rather than a real change; valid: %s like the rest of the"
                            + " series (%s here, were it %,d times %s)", plain(v), ratio(times), up ? "above" : "below",
                    plain(median), r.length, source, up ? "over 10 times" : "under a tenth of",
                    up ? "highest" : "lowest", plain(up ? max : min), factor, hint, f.unit(), plain(corrected), factor,
                    up ? "smaller" : "larger")));
        }
    }

    /**
     * The unit factor {@code times} (the month against the reference's median, either way) is consistent
     * with: within {@link #BAND} times of 100, 1,000 or 10,000; 0 when none.
     */
    private static long factor(double times) {
        for (double factor : FACTORS) {
            if (times >= factor / BAND && times <= factor * BAND) {
                return (long) factor;
            }
        }
        return 0;
    }

    private static String referenceSource(Field f, LoanMonth month, int fromApplication, int fromBefore, int total) {
        List<String> parts = new ArrayList<>();
        if (fromApplication > 0) {
            parts.add("in the application (" + f.applicationPath() + ")");
        }
        if (fromBefore > fromApplication) {
            parts.add("in this loan's months before " + month.month());
        }
        if (total > fromBefore) {
            parts.add("in its months after " + month.month());
        }
        return String.join(" and ", parts);
    }

    private static String ratio(double times) {
        return times >= 100 ? String.format(Locale.ROOT, "%,.0f", times) : String.format(Locale.ROOT, "%.1f", times);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
