package org.creditkit.core.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

import org.creditkit.core.Problem;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.quality.UnitChange;

/**
 * Finds the months of a loan whose sales or electricity figure is in another unit than the rest of the
 * enterprise's series: fen for CNY (100 times too large), thousand or ten-thousand CNY (千元, 万元; 1,000 or
 * 10,000 times too small), Wh or 万千瓦时 for kWh. Read as figures, such a month hid a drop in sales behind
 * a value 100 times too large (no warning), or raised a collapse that never happened.
 *
 * <p>The rule itself is {@link UnitChange}'s, shared with the application reader. Each month is judged against the enterprise's own figures before it: the application's series (the
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

    private static final int WINDOW = UnitChange.WINDOW;
    private static final int MIN_REFERENCE = UnitChange.MIN_REFERENCE;

    private UnitJumps() {
    }

    /** One monthly figure of a book and how it is read and named. */
    private record Field(String name, String unit, String applicationPath, Function<LoanMonth, OptionalDouble> value,
                         Function<BookedLoan, MonthlySeries> baseline) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("taxSales", "CNY", "$.application.sources.tax.declaredSales", LoanMonth::taxSales,
                    l -> l.application().sources().tax().map(t -> t.declaredSales()).orElse(null)),
            new Field("electricity", "kWh", "$.application.sources.utilities.electricity", LoanMonth::electricity,
                    l -> l.application().sources().utilities().map(u -> u.electricity()).orElse(null)));

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
            UnitChange.Jump jump = UnitChange.judge(v, r);
            if (jump == null) {
                accepted.add(v);
                continue;
            }
            String source = referenceSource(f, months.get(i), fromApplicationInWindow, fromBefore, ref.size());
            out.computeIfAbsent(i, k -> new ArrayList<>()).add(Problem.of("$." + f.name(),
                    jump.message(v, source, f.unit(), UnitChange.hint(f.unit(), jump.up(), jump.factor()))));
        }
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
}
