package org.creditkit.core.feature;

import static org.creditkit.core.feature.StandardFeatures.*;

import java.math.BigDecimal;
import java.util.Arrays;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.creditkit.core.domain.BankCreditRecord;
import org.creditkit.core.domain.CarbonRecord;
import org.creditkit.core.domain.CourtRecord;
import org.creditkit.core.domain.CustomsRecord;
import org.creditkit.core.domain.DishonestListing;
import org.creditkit.core.domain.Enterprise;
import org.creditkit.core.domain.FinancialStatement;
import org.creditkit.core.domain.IntellectualPropertyRecord;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.domain.Penalty;
import org.creditkit.core.domain.PenaltyRecord;
import org.creditkit.core.domain.PenaltySeverity;
import org.creditkit.core.domain.SocialInsuranceRecord;
import org.creditkit.core.domain.SourceData;
import org.creditkit.core.domain.SupplyChainLink;
import org.creditkit.core.domain.TaxGrade;
import org.creditkit.core.domain.TaxRating;
import org.creditkit.core.domain.TaxRecord;
import org.creditkit.core.domain.UtilityRecord;

/**
 * Turns a {@link LoanApplication} into a {@link FeatureVector} over {@link StandardFeatures} (the
 * {@linkplain FeatureCatalogue#standard() standard catalogue}).
 *
 * <pre>{@code
 * FeatureVector v = FeatureExtractor.standard().extract(application);
 * double leverage = v.value(StandardFeatures.DEBT_TO_ASSET);   // NaN when missing
 * boolean noStatement = v.isMissing(StandardFeatures.DEBT_TO_ASSET);
 * }</pre>
 *
 * <h2>Missing values</h2>
 * A feature is <em>missing</em> (never zero) when
 * <ul>
 *   <li>a source it derives from (its lineage) is absent from the application;</li>
 *   <li>its denominator is zero, or a mean it divides by is zero (e.g. {@code net_margin} of a firm
 *       with zero statement revenue, {@code court_unanswered_share} with no cases as defendant,
 *       {@code sales_growth_12m} when the earlier twelve months declared nothing);</li>
 *   <li>a monthly series is shorter than the window the formula needs (12 months for
 *       volatility, seasonality, burden and trend; 13 for headcount growth; 24 for tax continuity and
 *       sales growth; the statement's whole fiscal year for {@code revenue_consistency_gap}): too
 *       little history is not the same as a bad history;</li>
 *   <li>the tax record holds no rating ({@code tax_rating_latest}, {@code tax_rating_a_years});</li>
 *   <li>the establishment date lies after the application date ({@code firm_age_years}).</li>
 * </ul>
 * A present source that reports zero (no penalties, no patents, no arrears) gives zero: a clean
 * record is data.
 *
 * <h2>Windows and dates</h2>
 * Series windows ({@code [-12..-1]} in the formulas) are the latest months of each series, counted
 * back from its own last month; staleness of a source is a data-quality flag, not a feature. When
 * two series are combined ({@code export_share}, {@code customs_active_months}) they are aligned by
 * calendar month, and a month one customs series does not cover counts as no declaration.
 * Dates are taken in China Standard Time (UTC+8, no daylight saving): the application date is the
 * calendar day of {@link LoanApplication#applicationTime()} at UTC+8.
 *
 * <h2>Cost</h2>
 * One {@code double[]} of values and one {@code long[]} mask per vector, filled by indexed loops;
 * no streams, boxing or per-feature objects. Money amounts are read with
 * {@link BigDecimal#doubleValue()} (allocation-free on JDK 21+ for compact values; on JDK 17 only for
 * integral amounts).
 *
 * <p>Stateless and thread-safe: share one instance.
 */
public final class FeatureExtractor {

    private static final FeatureExtractor STANDARD = new FeatureExtractor();
    /** {@link LoanApplication#CHINA_TIME}, as seconds: the decision day without allocating a LocalDate. */
    private static final long CST_OFFSET_SECONDS = LoanApplication.CHINA_TIME.getTotalSeconds();
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final double DAYS_PER_YEAR = 365.25;

    private FeatureExtractor() {
    }

    /** The extractor of the standard catalogue. */
    public static FeatureExtractor standard() {
        return STANDARD;
    }

    /** The catalogue every extracted vector is laid out against. */
    public FeatureCatalogue catalogue() {
        return StandardFeatures.CATALOGUE;
    }

    /**
     * Extracts the standard features of one application.
     *
     * @param application the application; its sources may be absent
     * @return a vector over {@link FeatureCatalogue#standard()}, missing where documented above
     */
    public FeatureVector extract(LoanApplication application) {
        Objects.requireNonNull(application, "application");
        double[] v = new double[COUNT];
        Arrays.fill(v, Double.NaN);
        Enterprise e = application.enterprise();
        SourceData s = application.sources();
        double annualRevenue = e.annualRevenue().doubleValue();
        long appEpochDay = Math.floorDiv(application.applicationTime().getEpochSecond() + CST_OFFSET_SECONDS,
                SECONDS_PER_DAY);

        // application and registration data: always present
        v[LOG_REVENUE] = Math.log10(1 + annualRevenue);
        v[LOAN_TO_REVENUE] = ratio(application.amount().doubleValue(), annualRevenue);
        long ageDays = appEpochDay - e.establishmentDate().toEpochDay();
        if (ageDays >= 0) {
            v[FIRM_AGE_YEARS] = ageDays / DAYS_PER_YEAR;
        }

        FinancialStatement fs = s.financials().orElse(null);
        if (fs != null) {
            financials(v, fs);
        }
        TaxRecord tax = s.tax().orElse(null);
        if (tax != null) {
            tax(v, tax, fs);
        }
        SocialInsuranceRecord si = s.socialInsurance().orElse(null);
        if (si != null) {
            socialInsurance(v, si);
        }
        UtilityRecord ut = s.utilities().orElse(null);
        if (ut != null) {
            utilities(v, ut);
        }
        CustomsRecord cu = s.customs().orElse(null);
        if (cu != null) {
            customs(v, cu, tax);
        }
        CourtRecord co = s.courts().orElse(null);
        if (co != null) {
            courts(v, co, appEpochDay);
        }
        PenaltyRecord pe = s.penalties().orElse(null);
        if (pe != null) {
            penalties(v, pe, appEpochDay);
        }
        BankCreditRecord bc = s.bankCredit().orElse(null);
        if (bc != null) {
            v[MAX_DAYS_OVERDUE_24M] = bc.maxDaysOverdue24m();
            v[CURRENT_DAYS_OVERDUE] = bc.currentDaysOverdue();
            v[ACTIVE_LOANS] = bc.activeLoans();
            v[CREDIT_HISTORY_MONTHS] = bc.monthsOfHistory();
            v[BANK_DEBT_TO_REVENUE] = ratio(bc.outstandingBalance().doubleValue(), annualRevenue);
        }
        IntellectualPropertyRecord ip = s.intellectualProperty().orElse(null);
        if (ip != null) {
            v[INVENTION_PATENTS] = ip.inventionPatents();
            v[UTILITY_PATENTS] = ip.utilityPatents();
            v[PATENT_CHANGE_FREQUENCY] = ip.patentChanges12m();
            v[TRADEMARKS] = ip.trademarks();
        }
        CarbonRecord ca = s.carbon().orElse(null);
        if (ca != null) {
            v[CARBON_INTENSITY] = ratio(ca.emissionsTonnes(), annualRevenue / 10_000d);
        }
        SupplyChainLink sc = s.supplyChain().orElse(null);
        if (sc != null) {
            v[CORE_ENTERPRISE_RATING] = coreRatingOrdinal(sc.coreRating());
            v[SUPPLY_CHAIN_MONTHS] = sc.relationshipMonths();
            v[RECEIVABLES_TO_REVENUE] = ratio(sc.confirmedReceivables().doubleValue(), annualRevenue);
        }

        long[] mask = new long[(COUNT + 63) >>> 6];
        for (int i = 0; i < COUNT; i++) {
            if (Double.isNaN(v[i])) {
                mask[i >>> 6] |= 1L << i;
            }
        }
        return new FeatureVector(StandardFeatures.CATALOGUE, v, mask);
    }

    private static void financials(double[] v, FinancialStatement fs) {
        double assets = fs.totalAssets().doubleValue();
        double liabilities = fs.totalLiabilities().doubleValue();
        double revenue = fs.revenue().doubleValue();
        double profit = fs.netProfit().doubleValue();
        v[DEBT_TO_ASSET] = ratio(liabilities, assets);
        v[CURRENT_RATIO] = ratio(fs.currentAssets().doubleValue(), fs.currentLiabilities().doubleValue());
        v[NET_MARGIN] = ratio(profit, revenue);
        v[RETURN_ON_ASSETS] = ratio(profit, assets);
        v[OCF_TO_LIABILITIES] = ratio(fs.operatingCashFlow().doubleValue(), liabilities);
        v[RD_INTENSITY] = ratio(fs.rdExpense().doubleValue(), revenue);
    }

    private static void tax(double[] v, TaxRecord tax, FinancialStatement fs) {
        MonthlySeries sales = tax.declaredSales();
        int n = sales.length();
        if (n >= 12) {
            double sum12 = sum(sales, n - 12, n);
            double mean12 = sum12 / 12;
            v[CASH_FLOW_VOLATILITY] = ratio(stdev(sales, n - 12, n, mean12), mean12);
            v[SALES_SEASONALITY] = ratio(max(sales, n - 12, n), mean12);
            MonthlySeries paid = tax.taxPaid();
            if (paid.length() >= 12) {
                v[TAX_BURDEN] = ratio(sum(paid, paid.length() - 12, paid.length()), sum12);
            }
            if (n >= 24) {
                int active = 0;
                for (int i = n - 24; i < n; i++) {
                    if (sales.get(i) > 0) {
                        active++;
                    }
                }
                v[TAX_CONTINUITY_INDEX] = active / 24d;
                double prior = sum(sales, n - 24, n - 12);
                if (prior > 0) {
                    v[SALES_GROWTH_12M] = sum12 / prior - 1;
                }
            }
        }
        if (fs != null) {
            // the statement's fiscal year, January..December, must lie inside the sales series
            int from = fs.fiscalYear() * 12 - firstMonthIndex(sales);
            if (from >= 0 && from + 12 <= n) {
                double declared = sum(sales, from, from + 12);
                double revenue = fs.revenue().doubleValue();
                v[REVENUE_CONSISTENCY_GAP] = ratio(Math.abs(declared - revenue), Math.max(declared, revenue));
            }
        }
        List<TaxRating> ratings = tax.ratings();
        int r = ratings.size();
        if (r > 0) {
            v[TAX_RATING_LATEST] = gradeOrdinal(ratings.get(r - 1).grade());
            int streak = 0;
            int expectedYear = ratings.get(r - 1).year();
            for (int i = r - 1; i >= 0; i--) {
                TaxRating t = ratings.get(i);
                if (t.grade() != TaxGrade.A || t.year() != expectedYear) {
                    break;
                }
                streak++;
                expectedYear--;
            }
            v[TAX_RATING_A_YEARS] = streak;
        }
    }

    private static void socialInsurance(double[] v, SocialInsuranceRecord si) {
        MonthlySeries hc = si.insuredHeadcount();
        int n = hc.length();
        if (n >= 1) {
            v[INSURED_HEADCOUNT] = hc.get(n - 1);
        }
        if (n >= 13) {
            double base = hc.get(n - 13);
            if (base > 0) {
                v[HEADCOUNT_GROWTH_12M] = hc.get(n - 1) / base - 1;
            }
        }
        v[SOCIAL_INSURANCE_ARREARS] = Math.log10(1 + si.arrears().doubleValue());
    }

    private static void utilities(double[] v, UtilityRecord ut) {
        MonthlySeries kwh = ut.electricity();
        int n = kwh.length();
        if (n < 12) {
            return;
        }
        double recent = sum(kwh, n - 6, n);
        double before = sum(kwh, n - 12, n - 6);
        if (before > 0) {
            v[ELECTRICITY_TREND_6M] = recent / before - 1;
        }
        int active = 0;
        for (int i = n - 12; i < n; i++) {
            if (kwh.get(i) > 0) {
                active++;
            }
        }
        v[ELECTRICITY_CONTINUITY] = active / 12d;
        double mean = (recent + before) / 12;
        v[UTILITY_VOLATILITY] = ratio(stdev(kwh, n - 12, n, mean), mean);
    }

    private static void customs(double[] v, CustomsRecord cu, TaxRecord tax) {
        MonthlySeries imp = cu.imports();
        MonthlySeries exp = cu.exports();
        if (imp.isEmpty() && exp.isEmpty()) {
            v[CUSTOMS_ACTIVE_MONTHS] = 0;
        } else {
            int end = Math.max(lastMonthIndex(imp), lastMonthIndex(exp));
            int active = 0;
            for (int m = end - 11; m <= end; m++) {
                if (valueAt(imp, m) + valueAt(exp, m) > 0) {
                    active++;
                }
            }
            v[CUSTOMS_ACTIVE_MONTHS] = active;
        }
        if (tax != null) {
            MonthlySeries sales = tax.declaredSales();
            int n = sales.length();
            if (n >= 12) {
                int end = lastMonthIndex(sales);
                double exports = 0;
                for (int m = end - 11; m <= end; m++) {
                    exports += valueAt(exp, m);
                }
                v[EXPORT_SHARE] = ratio(exports, sum(sales, n - 12, n));
            }
        }
    }

    private static void courts(double[] v, CourtRecord co, long appEpochDay) {
        int cases = co.casesAsDefendant();
        v[COURT_CASES_DEFENDANT] = cases;
        if (cases > 0) {
            v[COURT_UNANSWERED_SHARE] = (double) co.unansweredCases() / cases;
        }
        v[ENFORCEMENT_CASES] = co.enforcementCases();
        int status = 0;
        List<DishonestListing> listings = co.dishonestListings();
        for (int i = 0, k = listings.size(); i < k; i++) {
            DishonestListing l = listings.get(i);
            if (l.listed().toEpochDay() > appEpochDay) {
                continue; // not yet listed at application time
            }
            boolean repaired = l.repaired().isPresent() && l.repaired().get().toEpochDay() <= appEpochDay;
            status = Math.max(status, repaired ? 1 : 2);
        }
        v[DISHONEST_STATUS] = status;
    }

    private static void penalties(double[] v, PenaltyRecord pe, long appEpochDay) {
        LocalDate appDate = LocalDate.ofEpochDay(appEpochDay);
        long from = appDate.minusMonths(36).toEpochDay(); // exclusive
        int all = 0;
        int serious = 0;
        List<Penalty> list = pe.penalties();
        for (int i = 0, k = list.size(); i < k; i++) {
            Penalty p = list.get(i);
            long d = p.date().toEpochDay();
            if (d > from && d <= appEpochDay) {
                all++;
                if (p.severity() == PenaltySeverity.SERIOUS) {
                    serious++;
                }
            }
        }
        v[PENALTIES_36M] = all;
        v[SERIOUS_PENALTIES_36M] = serious;
    }

    /** Ordinal of a tax grade: A=4, B=3, M=2, C=1, D=0. */
    static int gradeOrdinal(TaxGrade g) {
        return switch (g) {
            case A -> 4;
            case B -> 3;
            case M -> 2;
            case C -> 1;
            case D -> 0;
        };
    }

    /**
     * Ordinal of an external rating, ignoring {@code +}/{@code -} modifiers and case: AAA=7, AA=6,
     * A=5, BBB=4, BB=3, B=2, CCC/CC/C=1, anything else 0.
     */
    static int coreRatingOrdinal(String rating) {
        int end = rating.length();
        while (end > 0 && (rating.charAt(end - 1) == '+' || rating.charAt(end - 1) == '-')) {
            end--;
        }
        if (end == 0 || end > 3) {
            return 0;
        }
        char c = Character.toUpperCase(rating.charAt(0));
        for (int i = 1; i < end; i++) {
            if (Character.toUpperCase(rating.charAt(i)) != c) {
                return 0;
            }
        }
        return switch (c) {
            case 'A' -> 4 + end;
            case 'B' -> 1 + end;
            case 'C' -> 1;
            default -> 0;
        };
    }

    /** {@code num / den}, NaN when the denominator is zero (or NaN). */
    private static double ratio(double num, double den) {
        return den != 0 && !Double.isNaN(den) ? num / den : Double.NaN;
    }

    private static double sum(MonthlySeries s, int from, int to) {
        double acc = 0;
        for (int i = from; i < to; i++) {
            acc += s.get(i);
        }
        return acc;
    }

    private static double max(MonthlySeries s, int from, int to) {
        double m = s.get(from);
        for (int i = from + 1; i < to; i++) {
            m = Math.max(m, s.get(i));
        }
        return m;
    }

    /** Population standard deviation over {@code [from, to)} around a known mean. */
    private static double stdev(MonthlySeries s, int from, int to, double mean) {
        double acc = 0;
        for (int i = from; i < to; i++) {
            double d = s.get(i) - mean;
            acc += d * d;
        }
        return Math.sqrt(acc / (to - from));
    }

    /** Months since year 0 of the series' first month. */
    private static int firstMonthIndex(MonthlySeries s) {
        YearMonth f = s.firstMonth();
        return f.getYear() * 12 + f.getMonthValue() - 1;
    }

    private static int lastMonthIndex(MonthlySeries s) {
        return firstMonthIndex(s) + s.length() - 1;
    }

    /** Value of calendar month {@code monthIndex}, 0 outside the series. */
    private static double valueAt(MonthlySeries s, int monthIndex) {
        int i = monthIndex - firstMonthIndex(s);
        return i >= 0 && i < s.length() ? s.get(i) : 0;
    }
}
