package org.creditkit.core.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
import org.creditkit.core.codes.RegionCatalogue;
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
 *     the statement is for the last full year before the application. Also flagged: tax paid over the
 *     last twelve months above the sales declared in them (100% by default: tax is paid on sales, and an
 *     inflated tax record inflates every tax-based limit).</li>
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
 * <li><b>Retired region code</b> — the enterprise's GB/T 2260 code is no longer current
 *     ({@link org.creditkit.core.codes.RegionCode#retirement()}); the finding says whether it was still
 *     listed on the application date or retired around it.</li>
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
    /**
     * Default largest tax paid over declared sales in the last 12 months: 100%. Tax is paid on the sales
     * declared, so more cannot be true; below it a high burden can be (excise-taxed liquor and tobacco firms pay
     * taxes of half their sales), so the default flags only the impossible.
     */
    public static final double DEFAULT_MAX_TAX_BURDEN = 1.0;
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
    private final double maxTaxBurden;
    private final double maxMonthlyChange;
    private final int minSwings;
    private final Map<DataSource, Period> maxAge;
    private final int maxSeriesLagMonths;
    private final Duration maxClockSkew;
    private final Set<DataSource> keySources;
    /** {@link #keySources} in enum order, iterated without an iterator. */
    private final DataSource[] keySourceOrder;
    /** Per source ordinal: the maximum age as whole months and days (a {@link Period} subtracts months first). */
    private final long[] maxAgeMonths;
    private final long[] maxAgeDays;

    private DataQualityChecker(Builder b) {
        this.maxInconsistency = b.maxInconsistency;
        this.maxTaxBurden = b.maxTaxBurden;
        this.maxMonthlyChange = b.maxMonthlyChange;
        this.minSwings = b.minSwings;
        this.maxAge = Collections.unmodifiableMap(new EnumMap<>(b.maxAge));
        this.maxSeriesLagMonths = b.maxSeriesLagMonths;
        this.maxClockSkew = b.maxClockSkew;
        this.keySources = b.keySources.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(b.keySources));
        this.keySourceOrder = keySources.toArray(new DataSource[0]);
        this.maxAgeMonths = new long[DataSource.values().length];
        this.maxAgeDays = new long[DataSource.values().length];
        for (Map.Entry<DataSource, Period> e : maxAge.entrySet()) {
            maxAgeMonths[e.getKey().ordinal()] = e.getValue().toTotalMonths();
            maxAgeDays[e.getKey().ordinal()] = e.getValue().getDays();
        }
    }

    /** A checker with the default thresholds. */
    public static DataQualityChecker standard() {
        return STANDARD;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks one application. An application without a finding costs no allocation: every test is
     * integer and double arithmetic on the records as they are (calendar months and days in China
     * Standard Time computed from epoch seconds), and a finding's sentence is written only when its
     * {@link DataQualityFinding#message()} is read.
     */
    public DataQualityReport check(LoanApplication application) {
        Objects.requireNonNull(application, "application");
        List<DataQualityFinding> out = null;
        out = inconsistency(application, out);
        out = fluctuation(application.sources(), out);
        out = staleness(application, out);
        out = missing(application.sources(), out);
        out = timestamps(application, out);
        out = retiredRegion(application, out);
        return out == null ? DataQualityReport.of(List.of()) : DataQualityReport.of(out);
    }

    /** {@code out} with {@code f} added; the list is made at the first finding. */
    private static List<DataQualityFinding> add(List<DataQualityFinding> out, DataQualityFinding f) {
        List<DataQualityFinding> list = out == null ? new ArrayList<>(4) : out;
        list.add(f);
        return list;
    }

    // ---------------------------------------------------------------- retired region code

    private static List<DataQualityFinding> retiredRegion(LoanApplication a, List<DataQualityFinding> out) {
        String code = a.enterprise().region().code();
        if (!RegionCatalogue.isRetired(code)) { // no allocation for a current code
            return out;
        }
        RegionCatalogue.Retirement r = RegionCatalogue.retirement(code).orElseThrow();
        LocalDate day = a.decisionDate();
        return add(out, new DataQualityFinding(DataQualityFlag.RETIRED_REGION_CODE, DataSource.APPLICATION,
                "enterprise.region", r.retiredFrom(), r.retiredBy(), "year",
                () -> "region code " + r.describe() + "; " + (r.listedOn(day) ? "still listed on the application date "
                        : r.retiredBy(day) ? "retired before the application date "
                        : "possibly retired by the application date ") + day));
    }

    // ---------------------------------------------------------------- cross-source inconsistency

    private List<DataQualityFinding> inconsistency(LoanApplication a, List<DataQualityFinding> out) {
        SourceData s = a.sources();
        FinancialStatement fs = s.financials().orElse(null);
        if (s.tax().isPresent() && fs != null) {
            int year = fs.fiscalYear();
            double sum = yearTotal(s.tax().get().declaredSales(), year);
            if (!Double.isNaN(sum)) {
                double revenue = fs.revenue().doubleValue();
                double rel = relativeDifference(sum, revenue);
                if (rel > maxInconsistency) {
                    out = add(out, inconsistent(DataSource.TAX, "tax.declaredSales vs financials.revenue", rel,
                            () -> "tax-declared sales of " + year + " (" + money(sum)
                                    + " CNY) and statement revenue (" + money(revenue) + " CNY)"));
                }
            }
        }
        if (s.socialInsurance().isPresent() && !s.socialInsurance().get().insuredHeadcount().isEmpty()) {
            MonthlySeries h = s.socialInsurance().get().insuredHeadcount();
            double insured = h.get(h.length() - 1);
            int employees = a.enterprise().employees();
            double rel = relativeDifference(insured, employees);
            if (rel > maxInconsistency) {
                out = add(out, inconsistent(DataSource.SOCIAL_INSURANCE,
                        "socialInsurance.insuredHeadcount vs enterprise.employees", rel,
                        () -> "insured headcount of " + h.lastMonth() + " (" + fmt(insured)
                                + ") and reported employees (" + employees + ")"));
            }
        }
        if (s.tax().isPresent()) {
            // tax is paid on the sales declared: more tax than sales over the last 12 months cannot be true, and
            // an inflated tax record inflates every tax-based limit (annual tax paid x the industry multiple)
            MonthlySeries sales = s.tax().get().declaredSales();
            MonthlySeries paid = s.tax().get().taxPaid();
            int n = Math.min(12, Math.min(sales.length(), paid.length()));
            double salesSum = 0;
            double paidSum = 0;
            for (int i = 1; i <= n; i++) {
                salesSum += sales.get(sales.length() - i);
                paidSum += paid.get(paid.length() - i);
            }
            if (paidSum > 0 && paidSum > maxTaxBurden * salesSum) {
                double ratio = salesSum == 0 ? Double.POSITIVE_INFINITY : paidSum / salesSum;
                double limit = maxTaxBurden;
                int months = n;
                double sold = salesSum;
                double taxed = paidSum;
                out = add(out, new DataQualityFinding(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY, DataSource.TAX,
                        "tax.taxPaid vs tax.declaredSales", ratio, limit, "tax paid over declared sales",
                        () -> "tax paid over the last " + months + " months (" + money(taxed)
                                + " CNY) is " + (Double.isInfinite(ratio) ? "above zero with no declared sales"
                                : pct(ratio) + " of the sales declared in them (" + money(sold) + " CNY)")
                                + ", more than " + pct(limit) + ": tax is paid on the sales declared"));
            }
        }
        long lastYear = CstCalendar.year(a.applicationTime()) - 1;
        if (s.tax().isPresent() && (fs == null || fs.fiscalYear() != lastYear)) {
            // no statement of the last full year to compare the reported revenue with (the check below, and the
            // statement's own check against the tax declarations, cover that case): compare it with that year's
            // tax declarations directly, or an inflated self-reported revenue of a firm without statements passes
            double sum = yearTotal(s.tax().get().declaredSales(), lastYear);
            double reported = a.enterprise().annualRevenue().doubleValue();
            double rel = Double.isNaN(sum) ? 0 : relativeDifference(reported, sum);
            if (rel > maxInconsistency) {
                out = add(out, inconsistent(DataSource.TAX, "enterprise.annualRevenue vs tax.declaredSales", rel,
                        () -> "reported annual revenue (" + money(reported) + " CNY) and tax-declared sales of "
                                + lastYear + " (" + money(sum) + " CNY)"));
            }
        }
        if (fs != null && fs.fiscalYear() == lastYear) {
            double reported = a.enterprise().annualRevenue().doubleValue();
            double statement = fs.revenue().doubleValue();
            double rel = relativeDifference(reported, statement);
            if (rel > maxInconsistency) {
                out = add(out, inconsistent(DataSource.FINANCIAL_STATEMENTS,
                        "enterprise.annualRevenue vs financials.revenue", rel,
                        () -> "reported annual revenue (" + money(reported) + " CNY) and statement revenue of "
                                + fs.fiscalYear() + " (" + money(statement) + " CNY)"));
            }
        }
        return out;
    }

    /** The sum of {@code sales} over the 12 months of {@code year}; NaN when the series does not cover all of them. */
    private static double yearTotal(MonthlySeries sales, long year) {
        long start = year * 12L - CstCalendar.epochMonth(sales.firstMonth());
        if (start < 0 || start + 12 > sales.length()) {
            return Double.NaN;
        }
        double total = 0;
        for (int i = 0; i < 12; i++) {
            total += sales.get((int) start + i);
        }
        return total;
    }

    /** {@code |x - y| / max(|x|, |y|)}, 0 when both are 0. */
    private static double relativeDifference(double x, double y) {
        double max = Math.max(Math.abs(x), Math.abs(y));
        return max == 0 ? 0 : Math.abs(x - y) / max;
    }

    private DataQualityFinding inconsistent(DataSource source, String subject, double rel, Supplier<String> what) {
        double limit = maxInconsistency;
        return new DataQualityFinding(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY, source, subject, rel, limit,
                "relative difference", () -> what.get() + " differ by " + pct(rel) + ", more than " + pct(limit));
    }

    // ---------------------------------------------------------------- fluctuation

    private List<DataQualityFinding> fluctuation(SourceData s, List<DataQualityFinding> out) {
        if (s.tax().isPresent()) {
            out = swings(DataSource.TAX, "tax.declaredSales", s.tax().get().declaredSales(), out);
        }
        if (s.utilities().isPresent()) {
            out = swings(DataSource.UTILITIES, "utilities.electricity", s.utilities().get().electricity(), out);
        }
        return out;
    }

    private List<DataQualityFinding> swings(DataSource source, String subject, MonthlySeries s,
                                            List<DataQualityFinding> out) {
        int n = s.length();
        int count = 0;
        int excused = 0;
        double largest = 0;
        int largestAt = -1;
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
                largestAt = t;
            }
        }
        if (count < minSwings) {
            return out;
        }
        int swings = count;
        int seasonal = excused;
        double big = largest;
        int bigAt = largestAt;
        double limit = maxMonthlyChange;
        int needed = minSwings;
        return add(out, new DataQualityFinding(DataQualityFlag.ABNORMAL_FLUCTUATION, source, subject, swings, needed,
                "swings", () -> swings + " month-over-month changes beyond ±" + pct(limit)
                + " in the last 12 months (largest " + signedPct(big) + " in "
                + (bigAt < 0 ? null : s.firstMonth().plusMonths(bigAt)) + ")"
                + (seasonal > 0 ? ", besides " + seasonal + " seasonal ones repeated a year earlier" : "")
                + "; " + needed + " or more flag"));
    }

    /** Relative change; a rise from zero is +infinity, zero to zero is no change. */
    private static double change(double previous, double current) {
        if (previous == 0) {
            return current == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return (current - previous) / previous;
    }

    // ---------------------------------------------------------------- staleness

    private List<DataQualityFinding> staleness(LoanApplication a, List<DataQualityFinding> out) {
        Instant app = a.applicationTime();
        SourceData sources = a.sources();
        for (int k = 0; k < RECORDS; k++) {
            SourceRecord r = record(sources, k);
            if (r == null) {
                continue;
            }
            Instant asOf = r.provenance().asOf();
            int o = r.source().ordinal();
            if (CstCalendar.isBeforeMinus(asOf, app, maxAgeMonths[o], maxAgeDays[o])) {
                out = add(out, stale(a, r));
            }
        }
        long appMonth = CstCalendar.epochMonth(app);
        for (int k = 0; k < SERIES.length; k++) {
            MonthlySeries s = series(sources, k);
            if (s == null || s.isEmpty()) {
                continue;
            }
            long lag = appMonth - lastMonth(s);
            if (lag > maxSeriesLagMonths) {
                int maxLag = maxSeriesLagMonths;
                out = add(out, new DataQualityFinding(DataQualityFlag.STALE_SOURCE, SERIES_SOURCE[k], SERIES[k], lag,
                        maxLag, "months", () -> "the series ends " + s.lastMonth() + ", " + lag
                        + " months before the application month " + YearMonth.from(app.atOffset(CST)) + "; at most "
                        + maxLag + " are expected"));
            }
        }
        return out;
    }

    /** The staleness finding of a record found older than its maximum age. */
    private DataQualityFinding stale(LoanApplication a, SourceRecord r) {
        OffsetDateTime at = a.applicationTime().atOffset(CST);
        Period period = maxAge.get(r.source());
        Instant cutoff = at.minus(period).toInstant();
        Instant asOf = r.provenance().asOf();
        long ageDays = Duration.between(asOf, a.applicationTime()).toDays();
        long maxDays = Duration.between(cutoff, a.applicationTime()).toDays();
        return new DataQualityFinding(DataQualityFlag.STALE_SOURCE, r.source(), name(r.source()) + ".provenance.asOf",
                ageDays, maxDays, "days", () -> r.source().english() + " data is " + ageDays
                + " days old at the application (as of " + asOf + "); at most " + period + " is current");
    }

    /** Number of record slots in {@link SourceData}. */
    private static final int RECORDS = 11;

    /** Record slot {@code k} of {@link SourceData#present()}'s order, or null when absent. */
    private static SourceRecord record(SourceData s, int k) {
        Optional<? extends SourceRecord> o = switch (k) {
            case 0 -> s.tax();
            case 1 -> s.socialInsurance();
            case 2 -> s.utilities();
            case 3 -> s.customs();
            case 4 -> s.courts();
            case 5 -> s.penalties();
            case 6 -> s.intellectualProperty();
            case 7 -> s.financials();
            case 8 -> s.bankCredit();
            case 9 -> s.carbon();
            case 10 -> s.supplyChain();
            default -> throw new IndexOutOfBoundsException(k);
        };
        return o.isPresent() ? o.get() : null;
    }

    /** Every monthly series, by subject path, in source order. */
    private static final String[] SERIES = {"tax.declaredSales", "tax.taxPaid", "socialInsurance.insuredHeadcount",
        "utilities.electricity", "utilities.water", "customs.imports", "customs.exports"};
    private static final DataSource[] SERIES_SOURCE = {DataSource.TAX, DataSource.TAX, DataSource.SOCIAL_INSURANCE,
        DataSource.UTILITIES, DataSource.UTILITIES, DataSource.CUSTOMS, DataSource.CUSTOMS};

    /** Series {@code k} of {@link #SERIES}, or null when its record is absent. */
    private static MonthlySeries series(SourceData s, int k) {
        return switch (k) {
            case 0 -> s.tax().isPresent() ? s.tax().get().declaredSales() : null;
            case 1 -> s.tax().isPresent() ? s.tax().get().taxPaid() : null;
            case 2 -> s.socialInsurance().isPresent() ? s.socialInsurance().get().insuredHeadcount() : null;
            case 3 -> s.utilities().isPresent() ? s.utilities().get().electricity() : null;
            case 4 -> s.utilities().isPresent() ? s.utilities().get().water() : null;
            case 5 -> s.customs().isPresent() ? s.customs().get().imports() : null;
            case 6 -> s.customs().isPresent() ? s.customs().get().exports() : null;
            default -> throw new IndexOutOfBoundsException(k);
        };
    }

    /** Proleptic month (year * 12 + month - 1) of a series' last value. */
    private static long lastMonth(MonthlySeries s) {
        return CstCalendar.epochMonth(s.firstMonth()) + s.length() - 1;
    }

    // ---------------------------------------------------------------- missing key sources

    private List<DataQualityFinding> missing(SourceData s, List<DataQualityFinding> out) {
        for (DataSource key : keySourceOrder) {
            boolean present = false;
            for (int k = 0; k < RECORDS && !present; k++) {
                SourceRecord r = record(s, k);
                present = r != null && r.source() == key;
            }
            if (!present) {
                out = add(out, new DataQualityFinding(DataQualityFlag.MISSING_KEY_SOURCE, key, name(key), 0, 1,
                        "records", () -> "no " + key.english() + " data (" + key.chinese()
                        + ") was supplied; it is a key source"));
            }
        }
        if (keySources.contains(DataSource.TAX) && s.tax().isPresent() && s.tax().get().declaredSales().isEmpty()) {
            out = add(out, new DataQualityFinding(DataQualityFlag.MISSING_KEY_SOURCE, DataSource.TAX,
                    "tax.declaredSales", 0, 1, "months", "the tax record has no month of declared sales"));
        }
        return out;
    }

    // ---------------------------------------------------------------- timestamps

    private List<DataQualityFinding> timestamps(LoanApplication a, List<DataQualityFinding> out) {
        Instant app = a.applicationTime();
        SourceData sources = a.sources();
        for (int k = 0; k < RECORDS; k++) {
            SourceRecord r = record(sources, k);
            if (r != null && CstCalendar.isAfterPlus(r.provenance().asOf(), app, maxClockSkew)) {
                Duration ahead = Duration.between(app, r.provenance().asOf());
                double hours = ahead.toMinutes() / 60.0;
                double limit = maxClockSkew.toMinutes() / 60.0;
                out = add(out, new DataQualityFinding(DataQualityFlag.TIMESTAMP_ANOMALY, r.source(),
                        name(r.source()) + ".provenance.asOf", hours, limit, "hours",
                        () -> r.source().english() + " data is dated " + r.provenance().asOf() + ", " + fmt(hours)
                        + " hours after the application time " + app + "; more than " + fmt(limit)
                        + " hours is not clock skew"));
            }
        }
        for (int k = 0; k < SERIES.length; k++) {
            MonthlySeries s = series(sources, k);
            if (s == null || s.isEmpty()) {
                continue;
            }
            Instant asOf = record(sources, SERIES_RECORD[k]).provenance().asOf();
            long asOfMonth = CstCalendar.epochMonth(asOf);
            long last = lastMonth(s);
            if (last > asOfMonth) {
                long months = last - asOfMonth;
                out = add(out, new DataQualityFinding(DataQualityFlag.TIMESTAMP_ANOMALY, SERIES_SOURCE[k], SERIES[k],
                        months, 0, "months", () -> "the series runs to " + s.lastMonth() + " but its source is as of "
                        + asOf + " (" + YearMonth.from(asOf.atOffset(CST)) + ")"));
            }
        }
        if (sources.financials().isPresent()) {
            FinancialStatement f = sources.financials().get();
            Instant asOf = f.provenance().asOf();
            if (CstCalendar.isBeforeNewYear(asOf, f.fiscalYear() + 1)) {
                Instant yearEnd = LocalDate.of(f.fiscalYear() + 1, 1, 1).atStartOfDay(CST).toInstant();
                double days = Duration.between(asOf, yearEnd).toHours() / 24.0;
                out = add(out, new DataQualityFinding(DataQualityFlag.TIMESTAMP_ANOMALY,
                        DataSource.FINANCIAL_STATEMENTS, "financials.provenance.asOf", days, 0, "days",
                        () -> "the annual statement for " + f.fiscalYear() + " is as of " + asOf
                        + ", before that year ended"));
            }
        }
        return out;
    }

    /** Record slot (see {@link #record}) of each series' source. */
    private static final int[] SERIES_RECORD = {0, 0, 1, 2, 2, 3, 3};

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
        private double maxTaxBurden = DEFAULT_MAX_TAX_BURDEN;
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
         * Largest tax paid over declared sales in the last 12 months before the inconsistency flag, e.g. 1.0.
         *
         * @throws IllegalArgumentException unless finite and > 0
         */
        public Builder maxTaxBurden(double ratio) {
            if (!(ratio > 0 && Double.isFinite(ratio))) {
                throw new IllegalArgumentException("maxTaxBurden (" + ratio + ") must be finite and > 0");
            }
            maxTaxBurden = ratio;
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
