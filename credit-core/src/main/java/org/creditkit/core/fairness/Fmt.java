package org.creditkit.core.fairness;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Fixed, locale-independent number formatting shared by the evidence texts and the reports. */
final class Fmt {

    static final String ABSENT = "n/a";

    private Fmt() {
    }

    /** Three decimals, e.g. {@code 0.750}; {@code -0.000} is printed as {@code 0.000}. */
    static String r(double x) {
        String s = String.format(Locale.ROOT, "%.3f", x);
        return s.equals("-0.000") ? "0.000" : s;
    }

    static String r(OptionalDouble x) {
        return x.isPresent() ? r(x.getAsDouble()) : ABSENT;
    }

    /** Signed three decimals, e.g. {@code +0.050}, {@code -0.250}, {@code 0.000}. */
    static String signed(double x) {
        String s = r(x);
        return s.startsWith("-") || s.equals("0.000") ? s : "+" + s;
    }

    static String signed(OptionalDouble x) {
        return x.isPresent() ? signed(x.getAsDouble()) : ABSENT;
    }

    /** Percent with one decimal, e.g. {@code 72.5%}. */
    static String pct(double x) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * x);
    }

    static String ci(Interval i) {
        return "[" + r(i.lower()) + ", " + r(i.upper()) + "]";
    }

    static String ci(Optional<Interval> i) {
        return i.map(Fmt::ci).orElse(ABSENT);
    }

    /** p-values: four decimals, or {@code <0.0001}. */
    static String p(double x) {
        return x < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", x);
    }

    static String p(OptionalDouble x) {
        return x.isPresent() ? p(x.getAsDouble()) : ABSENT;
    }

    /** {@code p<0.0001} or {@code p=0.1234}. */
    static String pEq(OptionalDouble x) {
        if (x.isEmpty()) {
            return "p=" + ABSENT;
        }
        String s = p(x.getAsDouble());
        return s.startsWith("<") ? "p" + s : "p=" + s;
    }

    static String rate(RateEstimate e) {
        return e.successes() + "/" + e.trials() + " = " + r(e.rate()) + " " + ci(e.ci());
    }

    static OptionalDouble opt(double x) {
        return Double.isNaN(x) ? OptionalDouble.empty() : OptionalDouble.of(x);
    }
}
