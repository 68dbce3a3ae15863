package org.creditkit.core.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.FinancialStatement;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.domain.SourceData;
import org.creditkit.core.domain.SourceRecord;

/**
 * Finds data-quality concerns in an application that has already passed the strict reader, and
 * returns them as flags with evidence. Immutable and thread-safe.
 *
 * <p>The checks, with their defaults (each configurable on the {@link Builder}):
 * <ul>
 * <li><b>Cross-source inconsistency</b> — relative difference {@code |a - b| / max(a, b)} above 8%
 *     between (1) the tax-declared sales summed over the statement's fiscal year and the statement's
 *     revenue, compared only when the tax series covers all twelve months of that year (periods are
 *     never mixed); (2) the insured headcount of the latest month and the employees reported by the
 *     enterprise; (3) the annual revenue reported by the enterprise and the statement's revenue, when
 *     the statement is for the last full year before the application.</li>
 * <li><b>Abnormal fluctuation</b> — in the key series (tax-declared sales, electricity use), a
 *     month-over-month change beyond ±15% over the last twelve changes is a swing. A swing is
 *     <em>seasonal</em>, and excused, when the same calendar month a year earlier also moved beyond
 *     ±15% in the same direction (the pattern recurs: harvests, the Spring Festival). The flag needs
 *     at least 3 unexcused swings: one dip and its rebound (two swings) in a seasonal business whose
 *     history is too short to show the recurrence must not flag its whole record, while a series that
 *     jumps around month after month does. A rise from zero counts as a swing; zero to zero does not.</li>
 * <li><b>Stale source</b> — a source's {@code asOf} older, at the application time, than 18 months for
 *     annual data (financial statements, carbon) and 90 days for every other source; or a monthly
 *     series whose last month lies more than 3 months before the application month.</li>
 * <li><b>Missing key source</b> — tax and financial statements absent, or a present tax record
 *     without any month of declared sales.</li>
 * <li><b>Timestamp anomaly</b> — a source {@code asOf} more than 3 hours after the application time
 *     (less is ordinary clock skew between systems; the strict reader rejects more than its own
 *     tolerance, 24 hours by default); a monthly series running past the month of its source's
 *     {@code asOf}; a financial statement as of a time before its fiscal year ended.</li>
 * </ul>
 * Calendar months and dates are taken in China Standard Time (UTC+08:00).
 *
 * <pre>{@code
 * DataQualityReport report = DataQualityChecker.standard().check(application);
 * if (report.has(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY)) { ... }
 * }</pre>
 */
public final class DataQualityChecker {

    /** Default tolerated relative difference between sources: 8%. */
    public static final double DEFAULT_MAX_INCONSISTENCY = 0.08;
    /** Default tolerated month-over-month change: ±15%. */
    public static final double DEFAULT_MAX_MONTHLY_CHANGE = 0.15;
    /** Default number of unexcused swings in the last twelve changes that raises the fluctuation flag. */
    public static final int DEFAULT_MIN_SWINGS = 3;
    /** Default maximum age of a monthly or event source. */
    public static final Period DEFAULT_MAX_AGE = Period.ofDays(90);
    /** Default maximum age of annual data (financial statements, carbon). */
    public static final Period DEFAULT_MAX_ANNUAL_AGE = Period.ofMonths(18);
    /** Default maximum months between a series' last month and the application month. */
    public static final int DEFAULT_MAX_SERIES_LAG_MONTHS = 3;
    /** Default tolerated clock skew of a source {@code asOf} after the application time. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofHours(3);
    /**
     * Default key sources: tax only. The tax record is the platforms' backbone and every taxpayer has
     * one; financial statements are not a key source by default because micro enterprises (half of an
     * SME book) often file none, and a missing statement is already priced by the model's missing bins
     * — flagging it would send every such firm to manual review for no data-quality doubt.
     */
    public static final Set<DataSource> DEFAULT_KEY_SOURCES =
            Collections.unmodifiableSet(EnumSet.of(DataSource.TAX));

    private static final ZoneOffset CST = LoanApplication.CHINA_TIME;
    private static final DataQualityChecker STANDARD = builder().build();

    private final double maxInconsistency;
    private final double maxMonthlyChange;
    private final int minSwings;
    private final Map<DataSource, Period> maxAge;
    private final int maxSeriesLagMonths;
    private final Duration maxClockSkew;
    private final Set<DataSource> keySources;

    private DataQualityChecker(Builder b) {
        this.maxInconsistency = b.maxInconsistency;
        this.maxMonthlyChange = b.maxMonthlyChange;
        this.minSwings = b.minSwings;
        this.maxAge = Collections.unmodifiableMap(new EnumMap<>(b.maxAge));
        this.maxSeriesLagMonths = b.maxSeriesLagMonths;
        this.maxClockSkew = b.maxClockSkew;
        this.keySources = b.keySources.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(b.keySources));
    }

    /** A checker with the default thresholds. */
    public static DataQualityChecker standard() {
        return STANDARD;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Checks one application. */
    public DataQualityReport check(LoanApplication application) {
        Objects.requireNonNull(application, "application");
        List<DataQualityFinding> out = new ArrayList<>();
        inconsistency(application, out);
        fluctuation(application.sources(), out);
        staleness(application, out);
        missing(application.sources(), out);
        timestamps(application, out);
        return DataQualityReport.of(out);
    }

    // ---------------------------------------------------------------- cross-source inconsistency

    private void inconsistency(LoanApplication a, List<DataQualityFinding> out) {
        SourceData s = a.sources();
        Optional<FinancialStatement> fs = s.financials();
        if (s.tax().isPresent() && fs.isPresent()) {
            MonthlySeries sales = s.tax().get().declaredSales();
            int year = fs.get().fiscalYear();
            long start = ChronoUnit.MONTHS.between(sales.firstMonth(), YearMonth.of(year, 1));
            if (start >= 0 && start + 12 <= sales.length()) {
                double total = 0;
                for (int i = 0; i < 12; i++) {
                    total += sales.get((int) start + i);
                }
                double sum = total;
                compare(DataSource.TAX, "tax.declaredSales vs financials.revenue", sum,
                        fs.get().revenue().doubleValue(), () -> "tax-declared sales of " + year + " (" + money(sum)
                                + " CNY) and statement revenue (" + money(fs.get().revenue().doubleValue()) + " CNY)",
                        out);
            }
        }
        if (s.socialInsurance().isPresent() && !s.socialInsurance().get().insuredHeadcount().isEmpty()) {
            MonthlySeries h = s.socialInsurance().get().insuredHeadcount();
            double insured = h.get(h.length() - 1);
            compare(DataSource.SOCIAL_INSURANCE, "socialInsurance.insuredHeadcount vs enterprise.employees", insured,
                    a.enterprise().employees(), () -> "insured headcount of " + h.lastMonth() + " (" + fmt(insured)
                            + ") and reported employees (" + a.enterprise().employees() + ")", out);
        }
        if (fs.isPresent() && fs.get().fiscalYear() == a.decisionDate().getYear() - 1) {
            double reported = a.enterprise().annualRevenue().doubleValue();
            double statement = fs.get().revenue().doubleValue();
            compare(DataSource.FINANCIAL_STATEMENTS, "enterprise.annualRevenue vs financials.revenue", reported,
                    statement, () -> "reported annual revenue (" + money(reported) + " CNY) and statement revenue of "
                            + fs.get().fiscalYear() + " (" + money(statement) + " CNY)", out);
        }
    }

    /** {@code what} is only formatted when there is a finding: most applications are consistent. */
    private void compare(DataSource source, String subject, double x, double y, Supplier<String> what,
                         List<DataQualityFinding> out) {
        double max = Math.max(Math.abs(x), Math.abs(y));
        double rel = max == 0 ? 0 : Math.abs(x - y) / max;
        if (rel > maxInconsistency) {
            out.add(new DataQualityFinding(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY, source, subject, rel,
                    maxInconsistency, "relative difference", what.get() + " differ by " + pct(rel) + ", more than "
                    + pct(maxInconsistency)));
        }
    }

    // ---------------------------------------------------------------- fluctuation

    private void fluctuation(SourceData s, List<DataQualityFinding> out) {
        s.tax().ifPresent(t -> swings(DataSource.TAX, "tax.declaredSales", t.declaredSales(), out));
        s.utilities().ifPresent(u -> swings(DataSource.UTILITIES, "utilities.electricity", u.electricity(), out));
    }

    private void swings(DataSource source, String subject, MonthlySeries s, List<DataQualityFinding> out) {
        int n = s.length();
        int count = 0;
        int excused = 0;
        double largest = 0;
        YearMonth largestMonth = null;
        for (int t = Math.max(1, n - 12); t < n; t++) {
            double change = change(s.get(t - 1), s.get(t));
            if (!(Math.abs(change) > maxMonthlyChange)) {
                continue;
            }
            if (t >= 13) {
                double yearBefore = change(s.get(t - 13), s.get(t - 12));
                if (Math.abs(yearBefore) > maxMonthlyChange && Math.signum(yearBefore) == Math.signum(change)) {
                    excused++;
                    continue;
                }
            }
            count++;
            if (Math.abs(change) > Math.abs(largest)) {
                largest = change;
                largestMonth = s.firstMonth().plusMonths(t);
            }
        }
        if (count >= minSwings) {
            out.add(new DataQualityFinding(DataQualityFlag.ABNORMAL_FLUCTUATION, source, subject, count, minSwings,
                    "swings", count + " month-over-month changes beyond ±" + pct(maxMonthlyChange)
                    + " in the last 12 months (largest " + signedPct(largest) + " in " + largestMonth + ")"
                    + (excused > 0 ? ", besides " + excused + " seasonal ones repeated a year earlier" : "")
                    + "; " + minSwings + " or more flag"));
        }
    }

    /** Relative change; a rise from zero is +infinity, zero to zero is no change. */
    private static double change(double previous, double current) {
        if (previous == 0) {
            return current == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return (current - previous) / previous;
    }

    // ---------------------------------------------------------------- staleness

    private void staleness(LoanApplication a, List<DataQualityFinding> out) {
        OffsetDateTime at = a.applicationTime().atOffset(CST);
        YearMonth appMonth = YearMonth.from(at);
        for (SourceRecord r : a.sources().present()) {
            Period period = maxAge.get(r.source());
            Instant cutoff = at.minus(period).toInstant();
            Instant asOf = r.provenance().asOf();
            if (asOf.isBefore(cutoff)) {
                long ageDays = Duration.between(asOf, a.applicationTime()).toDays();
                long maxDays = Duration.between(cutoff, a.applicationTime()).toDays();
                out.add(new DataQualityFinding(DataQualityFlag.STALE_SOURCE, r.source(), name(r.source())
                        + ".provenance.asOf", ageDays, maxDays, "days", r.source().english() + " data is "
                        + ageDays + " days old at the application (as of " + asOf + "); at most " + period
                        + " is current"));
            }
        }
        seriesOf(a.sources()).forEach((subject, entry) -> {
            MonthlySeries s = entry.series();
            if (s.isEmpty()) {
                return;
            }
            long lag = ChronoUnit.MONTHS.between(s.lastMonth(), appMonth);
            if (lag > maxSeriesLagMonths) {
                out.add(new DataQualityFinding(DataQualityFlag.STALE_SOURCE, entry.source(), subject, lag,
                        maxSeriesLagMonths, "months", "the series ends " + s.lastMonth() + ", " + lag
                        + " months before the application month " + appMonth + "; at most " + maxSeriesLagMonths
                        + " are expected"));
            }
        });
    }

    private record SeriesEntry(DataSource source, MonthlySeries series) {
    }

    /** Every monthly series present, by subject path, in source order. */
    private static Map<String, SeriesEntry> seriesOf(SourceData s) {
        Map<String, SeriesEntry> m = new java.util.LinkedHashMap<>();
        s.tax().ifPresent(t -> {
            m.put("tax.declaredSales", new SeriesEntry(DataSource.TAX, t.declaredSales()));
            m.put("tax.taxPaid", new SeriesEntry(DataSource.TAX, t.taxPaid()));
        });
        s.socialInsurance().ifPresent(x -> m.put("socialInsurance.insuredHeadcount",
                new SeriesEntry(DataSource.SOCIAL_INSURANCE, x.insuredHeadcount())));
        s.utilities().ifPresent(u -> {
            m.put("utilities.electricity", new SeriesEntry(DataSource.UTILITIES, u.electricity()));
            m.put("utilities.water", new SeriesEntry(DataSource.UTILITIES, u.water()));
        });
        s.customs().ifPresent(c -> {
            m.put("customs.imports", new SeriesEntry(DataSource.CUSTOMS, c.imports()));
            m.put("customs.exports", new SeriesEntry(DataSource.CUSTOMS, c.exports()));
        });
        return m;
    }

    // ---------------------------------------------------------------- missing key sources

    private void missing(SourceData s, List<DataQualityFinding> out) {
        EnumSet<DataSource> present = EnumSet.noneOf(DataSource.class);
        s.present().forEach(r -> present.add(r.source()));
        for (DataSource key : keySources) {
            if (!present.contains(key)) {
                out.add(new DataQualityFinding(DataQualityFlag.MISSING_KEY_SOURCE, key, name(key), 0, 1, "records",
                        "no " + key.english() + " data (" + key.chinese() + ") was supplied; it is a key source"));
            }
        }
        if (keySources.contains(DataSource.TAX) && s.tax().isPresent() && s.tax().get().declaredSales().isEmpty()) {
            out.add(new DataQualityFinding(DataQualityFlag.MISSING_KEY_SOURCE, DataSource.TAX, "tax.declaredSales",
                    0, 1, "months", "the tax record has no month of declared sales"));
        }
    }

    // ---------------------------------------------------------------- timestamps

    private void timestamps(LoanApplication a, List<DataQualityFinding> out) {
        for (SourceRecord r : a.sources().present()) {
            Duration ahead = Duration.between(a.applicationTime(), r.provenance().asOf());
            if (ahead.compareTo(maxClockSkew) > 0) {
                double hours = ahead.toMinutes() / 60.0;
                out.add(new DataQualityFinding(DataQualityFlag.TIMESTAMP_ANOMALY, r.source(),
                        name(r.source()) + ".provenance.asOf", hours, maxClockSkew.toMinutes() / 60.0, "hours",
                        r.source().english() + " data is dated " + r.provenance().asOf() + ", " + fmt(hours)
                        + " hours after the application time " + a.applicationTime() + "; more than "
                        + fmt(maxClockSkew.toMinutes() / 60.0) + " hours is not clock skew"));
            }
        }
        Map<DataSource, Instant> asOf = new EnumMap<>(DataSource.class);
        a.sources().present().forEach(r -> asOf.put(r.source(), r.provenance().asOf()));
        seriesOf(a.sources()).forEach((subject, entry) -> {
            MonthlySeries s = entry.series();
            YearMonth asOfMonth = YearMonth.from(asOf.get(entry.source()).atOffset(CST));
            if (!s.isEmpty() && s.lastMonth().isAfter(asOfMonth)) {
                long months = ChronoUnit.MONTHS.between(asOfMonth, s.lastMonth());
                out.add(new DataQualityFinding(DataQualityFlag.TIMESTAMP_ANOMALY, entry.source(), subject, months, 0,
                        "months", "the series runs to " + s.lastMonth() + " but its source is as of "
                        + asOf.get(entry.source()) + " (" + asOfMonth + ")"));
            }
        });
        a.sources().financials().ifPresent(f -> {
            Instant yearEnd = LocalDate.of(f.fiscalYear() + 1, 1, 1).atStartOfDay(CST).toInstant();
            if (f.provenance().asOf().isBefore(yearEnd)) {
                double days = Duration.between(f.provenance().asOf(), yearEnd).toHours() / 24.0;
                out.add(new DataQualityFinding(DataQualityFlag.TIMESTAMP_ANOMALY, DataSource.FINANCIAL_STATEMENTS,
                        "financials.provenance.asOf", days, 0, "days", "the annual statement for "
                        + f.fiscalYear() + " is as of " + f.provenance().asOf() + ", before that year ended"));
            }
        });
    }

    // ---------------------------------------------------------------- formatting

    /** JSON field name of a source under {@code $.sources}. */
    private static String name(DataSource s) {
        return switch (s) {
            case TAX -> "tax";
            case SOCIAL_INSURANCE -> "socialInsurance";
            case UTILITIES -> "utilities";
            case CUSTOMS -> "customs";
            case COURTS -> "courts";
            case PENALTIES -> "penalties";
            case INTELLECTUAL_PROPERTY -> "intellectualProperty";
            case FINANCIAL_STATEMENTS -> "financials";
            case BANK_CREDIT -> "bankCredit";
            case CARBON -> "carbon";
            case SUPPLY_CHAIN -> "supplyChain";
            case APPLICATION -> "application";
            case MARKET_SUPERVISION -> "enterprise";
        };
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    private static String signedPct(double ratio) {
        return Double.isInfinite(ratio) ? "+inf (from zero)" : String.format(Locale.ROOT, "%+.1f%%", ratio * 100);
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    // ---------------------------------------------------------------- builder

    /** Builder; every setter validates its argument. */
    public static final class Builder {
        private double maxInconsistency = DEFAULT_MAX_INCONSISTENCY;
        private double maxMonthlyChange = DEFAULT_MAX_MONTHLY_CHANGE;
        private int minSwings = DEFAULT_MIN_SWINGS;
        private final Map<DataSource, Period> maxAge = new EnumMap<>(DataSource.class);
        private int maxSeriesLagMonths = DEFAULT_MAX_SERIES_LAG_MONTHS;
        private Duration maxClockSkew = DEFAULT_MAX_CLOCK_SKEW;
        private Set<DataSource> keySources = DEFAULT_KEY_SOURCES;

        private Builder() {
            for (DataSource s : DataSource.values()) {
                maxAge.put(s, DEFAULT_MAX_AGE);
            }
            maxAge.put(DataSource.FINANCIAL_STATEMENTS, DEFAULT_MAX_ANNUAL_AGE);
            maxAge.put(DataSource.CARBON, DEFAULT_MAX_ANNUAL_AGE);
        }

        /**
         * Tolerated relative difference between two sources, e.g. 0.08.
         *
         * @throws IllegalArgumentException unless in (0, 1)
         */
        public Builder maxInconsistency(double ratio) {
            if (!(ratio > 0 && ratio < 1)) {
                throw new IllegalArgumentException("maxInconsistency (" + ratio + ") must be in (0, 1)");
            }
            maxInconsistency = ratio;
            return this;
        }

        /**
         * Tolerated month-over-month relative change, e.g. 0.15 for ±15%.
         *
         * @throws IllegalArgumentException unless finite and > 0
         */
        public Builder maxMonthlyChange(double ratio) {
            if (!(ratio > 0 && Double.isFinite(ratio))) {
                throw new IllegalArgumentException("maxMonthlyChange (" + ratio + ") must be finite and > 0");
            }
            maxMonthlyChange = ratio;
            return this;
        }

        /**
         * Unexcused swings in the last twelve changes that raise the fluctuation flag.
         *
         * @throws IllegalArgumentException unless 1..12
         */
        public Builder minSwings(int swings) {
            if (swings < 1 || swings > 12) {
                throw new IllegalArgumentException("minSwings (" + swings + ") must be 1..12");
            }
            minSwings = swings;
            return this;
        }

        /**
         * Maximum age of a source's data at the application time.
         *
         * @throws IllegalArgumentException if the period is zero or negative
         */
        public Builder maxAge(DataSource source, Period age) {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(age, "age");
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("maxAge of " + source + " (" + age + ") must be positive");
            }
            maxAge.put(source, age);
            return this;
        }

        /**
         * Maximum months between a monthly series' last month and the application month.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder maxSeriesLagMonths(int months) {
            if (months < 0) {
                throw new IllegalArgumentException("maxSeriesLagMonths (" + months + ") must be >= 0");
            }
            maxSeriesLagMonths = months;
            return this;
        }

        /**
         * Tolerated clock skew of a source {@code asOf} after the application time.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder maxClockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative()) {
                throw new IllegalArgumentException("maxClockSkew (" + skew + ") must be >= 0");
            }
            maxClockSkew = skew;
            return this;
        }

        /** The sources whose absence raises {@link DataQualityFlag#MISSING_KEY_SOURCE} (copied; may be empty). */
        public Builder keySources(Set<DataSource> sources) {
            keySources = Set.copyOf(sources);
            return this;
        }

        /** The checker. */
        public DataQualityChecker build() {
            return new DataQualityChecker(this);
        }
    }
}
