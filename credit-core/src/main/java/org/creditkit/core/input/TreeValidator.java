package org.creditkit.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.creditkit.core.Problem;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.codes.RegionCode;
import org.creditkit.core.codes.Uscc;
import org.creditkit.core.domain.BankCreditRecord;
import org.creditkit.core.domain.CarbonRecord;
import org.creditkit.core.domain.CourtRecord;
import org.creditkit.core.domain.CustomsRecord;
import org.creditkit.core.domain.DishonestListing;
import org.creditkit.core.domain.Enterprise;
import org.creditkit.core.domain.FinancialStatement;
import org.creditkit.core.domain.GuaranteeType;
import org.creditkit.core.domain.IntellectualPropertyRecord;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.domain.OwnershipType;
import org.creditkit.core.domain.Penalty;
import org.creditkit.core.domain.PenaltyRecord;
import org.creditkit.core.domain.PenaltySeverity;
import org.creditkit.core.domain.Product;
import org.creditkit.core.domain.Provenance;
import org.creditkit.core.domain.Qualification;
import org.creditkit.core.domain.QualificationKind;
import org.creditkit.core.domain.SocialInsuranceRecord;
import org.creditkit.core.domain.SourceData;
import org.creditkit.core.domain.SupplyChainLink;
import org.creditkit.core.domain.TaxGrade;
import org.creditkit.core.domain.TaxRating;
import org.creditkit.core.domain.TaxRecord;
import org.creditkit.core.domain.UtilityRecord;
import org.creditkit.core.quality.UnitChange;

/**
 * Walks a parsed JSON tree, collecting every problem with its path, and builds the domain values
 * when there are none. One instance per document: not thread-safe.
 *
 * <p>Pattern: each {@code xxx(...)} method returns the value or {@code null} after recording at least
 * one problem; composite values are built only when no problem was recorded while reading their parts.
 */
final class TreeValidator {

    /** China Standard Time: calendar dates in the documents are Chinese dates. */
    static final ZoneOffset CST = LoanApplication.CHINA_TIME;
    /** Upper bound of any money amount, 10^15 CNY. */
    static final BigDecimal MAX_MONEY = new BigDecimal("1E15");
    /** Earliest date or year accepted anywhere. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    /**
     * Earliest application or source time accepted: 1949-10-01 00:00 China Standard Time (no
     * application to a PRC lender, and no record of its registries, is older).
     */
    static final Instant EARLIEST_TIME = LocalDate.of(1949, 10, 1).atStartOfDay(ZoneOffset.ofHours(8)).toInstant();
    private static final String EARLIEST_TIME_TEXT = "1949-10-01T00:00+08:00";
    static final Pattern MONEY_TEXT = Pattern.compile("-?\\d{1,16}(\\.\\d{1,2})?");
    static final Pattern RATING = Pattern.compile("(AAA|AA|A|BBB|BB|B|CCC|CC|C)[+-]?|D");
    static final int MAX_COUNT = 1_000_000;

    private static final List<String> APPLICATION_FIELDS = List.of("id", "applicationTime", "product", "amount",
            "termMonths", "purpose", "guarantee", "dataUseConsent", "enterprise", "sources");
    private static final List<String> ENTERPRISE_FIELDS = List.of("uscc", "name", "establishmentDate",
            "registeredCapital", "industry", "region", "employees", "annualRevenue", "totalAssets", "ownership");
    private static final List<String> SOURCE_FIELDS = List.of("tax", "socialInsurance", "utilities", "customs",
            "courts", "penalties", "intellectualProperty", "financials", "bankCredit", "carbon", "supplyChain");

    private final ReaderSettings settings;
    private final List<Problem> problems = new ArrayList<>();
    /** Known once applicationTime has been read; null when it is missing or invalid (date checks skipped). */
    private Instant appTime;
    private LocalDate appDate;

    TreeValidator(ReaderSettings settings) {
        this.settings = settings;
    }

    List<Problem> problems() {
        return problems;
    }

    // ---------------------------------------------------------------- documents

    /** A bare application, or {@code {"application":..,"outcome":..}}. */
    LabeledApplication labeled(JsonNode root) {
        if (root.isObject() && root.has("application")) {
            int before = problems.size();
            if (!object(root, "$", List.of("application"), List.of("outcome"))) {
                return null;
            }
            LoanApplication app = application(root.get("application"), "$.application");
            Optional<LabeledApplication.Outcome> outcome = Optional.empty();
            JsonNode o = root.get("outcome");
            if (o != null) {
                LabeledApplication.Outcome x = outcome(o, "$.outcome");
                outcome = Optional.ofNullable(x);
            }
            return problems.size() == before ? new LabeledApplication(app, outcome) : null;
        }
        LoanApplication app = application(root, "$");
        return app == null ? null : LabeledApplication.unlabeled(app);
    }

    private LabeledApplication.Outcome outcome(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, List.of("defaulted12m"), List.of("truePd"))) {
            return null;
        }
        Boolean defaulted = bool(n, p, "defaulted12m");
        OptionalDouble truePd = OptionalDouble.empty();
        if (n.has("truePd")) {
            Double d = decimal(n, p, "truePd", 0, 1);
            truePd = d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
        }
        OptionalDouble pd = truePd;
        return build(before, p, () -> new LabeledApplication.Outcome(defaulted, pd));
    }

    LoanApplication application(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, APPLICATION_FIELDS, List.of())) {
            return null;
        }
        String id = string(n, p, "id", 128, false);
        Instant time = instant(n, p, "applicationTime", false);
        if (time != null) {
            appTime = time;
            appDate = LoanApplication.decisionDate(time);
        }
        Product product = product(n, p);
        BigDecimal amount = money(n, p, "amount", false);
        if (amount != null && amount.signum() == 0) {
            add(p + ".amount", "must be > 0 CNY");
            amount = null;
        }
        Integer term = integer(n, p, "termMonths", 1, 360);
        String purpose = string(n, p, "purpose", 2000, true);
        GuaranteeType guarantee = enumValue(n, p, "guarantee", GuaranteeType.values());
        Boolean consent = bool(n, p, "dataUseConsent");
        Enterprise enterprise = n.has("enterprise") ? enterprise(n.get("enterprise"), p + ".enterprise") : null;
        SourceData sources = n.has("sources")
                ? sources(n.get("sources"), p + ".sources", enterprise == null ? null : enterprise.uscc())
                : null;
        BigDecimal amt = amount;
        return build(before, p, () -> new LoanApplication(id, time, product, amt, term, purpose, guarantee,
                consent, enterprise, sources));
    }

    private Enterprise enterprise(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, ENTERPRISE_FIELDS, List.of("qualifications"))) {
            return null;
        }
        Uscc uscc = code(n, p, "uscc", Uscc::of);
        String name = string(n, p, "name", 200, false);
        LocalDate established = date(n, p, "establishmentDate");
        BigDecimal capital = money(n, p, "registeredCapital", false);
        IndustryCode industry = code(n, p, "industry", IndustryCode::of);
        RegionCode region = code(n, p, "region", RegionCode::of);
        if (region != null && appDate != null) {
            var retired = region.retirement();
            if (retired.isPresent() && retired.get().retiredBy(appDate)) {
                // valid once, but not on the application's date: a silent zone or region feature from a
                // code that no longer exists would be a wrong answer (an older application still reads,
                // flagged RETIRED_REGION_CODE by the data-quality checker)
                add(p + ".region", "region code " + retired.get().describe() + ", before the application date "
                        + appDate + "; give the code of the registration's county in the current list (GB/T 2260 "
                        + "revision 2020-12)");
            }
        }
        Integer employees = integer(n, p, "employees", 0, 10_000_000);
        BigDecimal revenue = money(n, p, "annualRevenue", false);
        BigDecimal assets = money(n, p, "totalAssets", false);
        OwnershipType ownership = enumValue(n, p, "ownership", OwnershipType.values());
        List<Qualification> qualifications = qualifications(n, p);
        return build(before, p, () -> new Enterprise(uscc, name, established, capital, industry, region, employees,
                revenue, assets, ownership, qualifications));
    }

    /**
     * The optional {@code qualifications} array ({@code [{"kind", "certificateNo"?, "issued", "expires"}]});
     * absent: none on record. Issued on or before the application date, expiring after it was issued (an
     * expiry after the application date is the usual case), no certificate twice.
     */
    private List<Qualification> qualifications(JsonNode n, String p) {
        List<Qualification> out = new ArrayList<>();
        List<Integer> indices = new ArrayList<>(); // of out's entries in the input
        JsonNode arr = array(n, p, "qualifications");
        if (arr == null) {
            return out;
        }
        for (int i = 0; i < arr.size(); i++) {
            String ip = p + ".qualifications[" + i + "]";
            JsonNode q = arr.get(i);
            int before = problems.size();
            if (!object(q, ip, List.of("kind", "issued", "expires"), List.of("certificateNo"))) {
                continue;
            }
            QualificationKind kind = enumValue(q, ip, "kind", QualificationKind.values());
            String number = q.has("certificateNo") ? string(q, ip, "certificateNo", 64, false) : null;
            LocalDate issued = date(q, ip, "issued");
            LocalDate expires = date(q, ip, "expires", false);
            if (issued != null && expires != null && !expires.isAfter(issued)) {
                add(ip + ".expires", "expires " + expires + " is not after issued " + issued
                        + "; a certificate expires after the day it was issued");
                continue;
            }
            if (problems.size() != before) {
                continue;
            }
            out.add(new Qualification(kind, Optional.ofNullable(number), issued, expires));
            indices.add(i);
            int j = Qualification.duplicateBefore(out, out.size() - 1);
            if (j >= 0) {
                Qualification first = out.remove(out.size() - 1);
                indices.remove(indices.size() - 1);
                add(ip, "is the certificate of " + p + ".qualifications[" + indices.get(j) + "] again (" + first.kind()
                        + " issued " + first.issued()
                        + first.certificateNo().map(c -> ", certificate " + quote(c)).orElse("")
                        + "); list each certificate once (the same kind and issue date, or the same certificateNo,"
                        + " is one certificate)");
            }
        }
        return out;
    }

    private SourceData sources(JsonNode n, String p, Uscc applicant) {
        int before = problems.size();
        if (!object(n, p, List.of(), SOURCE_FIELDS)) {
            return null;
        }
        SourceData.Builder b = SourceData.builder();
        for (String name : SOURCE_FIELDS) {
            JsonNode s = n.get(name);
            if (s == null) {
                continue;
            }
            String sp = p + "." + name;
            if (s.isNull()) {
                add(sp, "null is not allowed: omit the field when the source is absent");
                continue;
            }
            switch (name) {
                case "tax" -> set(tax(s, sp), b::tax);
                case "socialInsurance" -> set(socialInsurance(s, sp), b::socialInsurance);
                case "utilities" -> set(utilities(s, sp), b::utilities);
                case "customs" -> set(customs(s, sp), b::customs);
                case "courts" -> set(courts(s, sp), b::courts);
                case "penalties" -> set(penalties(s, sp), b::penalties);
                case "intellectualProperty" -> set(intellectualProperty(s, sp), b::intellectualProperty);
                case "financials" -> set(financials(s, sp), b::financials);
                case "bankCredit" -> set(bankCredit(s, sp), b::bankCredit);
                case "carbon" -> set(carbon(s, sp), b::carbon);
                case "supplyChain" -> set(supplyChain(s, sp, applicant), b::supplyChain);
                default -> throw new IllegalStateException(name);
            }
        }
        return build(before, p, b::build);
    }

    private static <T> void set(T value, java.util.function.Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    // ---------------------------------------------------------------- sources

    private static List<String> fields(String... names) {
        List<String> out = new ArrayList<>(names.length + 1);
        out.add("provenance");
        out.addAll(Arrays.asList(names));
        return out;
    }

    private TaxRecord tax(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, fields("declaredSales", "taxPaid", "ratings"), List.of("majorViolationListings"))) {
            return null;
        }
        Provenance prov = provenance(n, p);
        MonthlySeries sales = series(n, p, "declaredSales");
        MonthlySeries paid = series(n, p, "taxPaid");
        if (sales != null && paid != null
                && (!sales.firstMonth().equals(paid.firstMonth()) || sales.length() != paid.length())) {
            add(p + ".taxPaid", "must cover the same months as declaredSales (" + months(sales) + "), got "
                    + months(paid));
        }
        List<TaxRating> ratings = new ArrayList<>();
        JsonNode arr = array(n, p, "ratings");
        if (arr != null) {
            int lastYear = Integer.MIN_VALUE;
            for (int i = 0; i < arr.size(); i++) {
                String ip = p + ".ratings[" + i + "]";
                JsonNode r = arr.get(i);
                if (!object(r, ip, List.of("year", "grade"), List.of())) {
                    continue;
                }
                Integer year = endedYear(r, ip, "year");
                TaxGrade grade = enumValue(r, ip, "grade", TaxGrade.values());
                if (year != null) {
                    if (year <= lastYear) {
                        add(ip + ".year", "ratings must be in ascending years without repeats; " + year
                                + " follows " + lastYear);
                    }
                    lastYear = year;
                }
                if (year != null && grade != null) {
                    ratings.add(new TaxRating(year, grade));
                }
            }
        }
        List<DishonestListing> majorViolations = listings(n, p, "majorViolationListings");
        return build(before, p, () -> new TaxRecord(prov, sales, paid, ratings, majorViolations));
    }

    private SocialInsuranceRecord socialInsurance(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, fields("insuredHeadcount", "arrears"), List.of())) {
            return null;
        }
        Provenance prov = provenance(n, p);
        MonthlySeries headcount = series(n, p, "insuredHeadcount");
        BigDecimal arrears = money(n, p, "arrears", false);
        return build(before, p, () -> new SocialInsuranceRecord(prov, headcount, arrears));
    }

    private UtilityRecord utilities(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, fields("electricity", "water"), List.of())) {
            return null;
        }
        Provenance prov = provenance(n, p);
        MonthlySeries electricity = series(n, p, "electricity");
        MonthlySeries water = series(n, p, "water");
        return build(before, p, () -> new UtilityRecord(prov, electricity, water));
    }

    private CustomsRecord customs(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, fields("imports", "exports"), List.of())) {
            return null;
        }
        Provenance prov = provenance(n, p);
        MonthlySeries imports = series(n, p, "imports");
        MonthlySeries exports = series(n, p, "exports");
        return build(before, p, () -> new CustomsRecord(prov, imports, exports));
    }

    private CourtRecord courts(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, fields("casesAsDefendant", "unansweredCases", "enforcementCases", "dishonestListings"),
                List.of())) {
            return null;
        }
        Provenance prov = provenance(n, p);
        Integer cases = integer(n, p, "casesAsDefendant", 0, MAX_COUNT);
        Integer unanswered = integer(n, p, "unansweredCases", 0, MAX_COUNT);
        Integer enforcement = integer(n, p, "enforcementCases", 0, MAX_COUNT);
        if (cases != null && unanswered != null && unanswered > cases) {
            add(p + ".unansweredCases", "must not exceed casesAsDefendant (" + cases + "), got " + unanswered);
        }
        List<DishonestListing> listings = listings(n, p, "dishonestListings");
        return build(before, p, () -> new CourtRecord(prov, cases, unanswered, enforcement, listings));
    }

    /**
     * The entries of a dishonest or negative list ({@code [{"listed": DATE, "repaired": DATE?}]}); an
     * absent optional list is empty.
     */
    private List<DishonestListing> listings(JsonNode n, String p, String name) {
        List<DishonestListing> listings = new ArrayList<>();
        JsonNode arr = array(n, p, name);
        if (arr != null) {
            for (int i = 0; i < arr.size(); i++) {
                String ip = p + "." + name + "[" + i + "]";
                JsonNode l = arr.get(i);
                if (!object(l, ip, List.of("listed"), List.of("repaired"))) {
                    continue;
                }
                LocalDate listed = date(l, ip, "listed");
                LocalDate repaired = l.has("repaired") ? date(l, ip, "repaired") : null;
                if (listed != null && repaired != null && repaired.isBefore(listed)) {
                    add(ip + ".repaired", "repaired " + repaired + " is before listed " + listed
                            + "; a listing can only be repaired on or after the day it was listed");
                    continue;
                }
                if (listed != null && (repaired != null || !l.has("repaired"))) {
                    listings.add(new DishonestListing(listed, Optional.ofNullable(repaired)));
                }
            }
        }
        return listings;
    }

    private PenaltyRecord penalties(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, fields("penalties"), List.of("abnormalOperationListings", "seriousViolationListings"))) {
            return null;
        }
        Provenance prov = provenance(n, p);
        List<Penalty> penalties = new ArrayList<>();
        JsonNode arr = array(n, p, "penalties");
        if (arr != null) {
            for (int i = 0; i < arr.size(); i++) {
                String ip = p + ".penalties[" + i + "]";
                JsonNode x = arr.get(i);
                if (!object(x, ip, List.of("date", "severity", "amount"), List.of())) {
                    continue;
                }
                LocalDate date = date(x, ip, "date");
                PenaltySeverity severity = enumValue(x, ip, "severity", PenaltySeverity.values());
                BigDecimal amount = money(x, ip, "amount", false);
                if (date != null && severity != null && amount != null) {
                    penalties.add(new Penalty(date, severity, amount));
                }
            }
        }
        List<DishonestListing> abnormal = listings(n, p, "abnormalOperationListings");
        List<DishonestListing> serious = listings(n, p, "seriousViolationListings");
        return build(before, p, () -> new PenaltyRecord(prov, penalties, abnormal, serious));
    }

    private IntellectualPropertyRecord intellectualProperty(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, fields("inventionPatents", "utilityPatents", "trademarks", "patentChanges12m"),
                List.of())) {
            return null;
        }
        Provenance prov = provenance(n, p);
        Integer invention = integer(n, p, "inventionPatents", 0, MAX_COUNT);
        Integer utility = integer(n, p, "utilityPatents", 0, MAX_COUNT);
        Integer trademarks = integer(n, p, "trademarks", 0, MAX_COUNT);
        Integer changes = integer(n, p, "patentChanges12m", 0, MAX_COUNT);
        return build(before, p, () -> new IntellectualPropertyRecord(prov, invention, utility, trademarks, changes));
    }

    private FinancialStatement financials(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, fields("fiscalYear", "totalAssets", "totalLiabilities", "currentAssets",
                "currentLiabilities", "revenue", "netProfit", "operatingCashFlow", "rdExpense"), List.of())) {
            return null;
        }
        Provenance prov = provenance(n, p);
        Integer year = endedYear(n, p, "fiscalYear");
        BigDecimal assets = money(n, p, "totalAssets", false);
        BigDecimal liabilities = money(n, p, "totalLiabilities", false);
        BigDecimal currentAssets = money(n, p, "currentAssets", false);
        BigDecimal currentLiabilities = money(n, p, "currentLiabilities", false);
        BigDecimal revenue = money(n, p, "revenue", false);
        BigDecimal netProfit = money(n, p, "netProfit", true);
        BigDecimal cashFlow = money(n, p, "operatingCashFlow", true);
        BigDecimal rd = money(n, p, "rdExpense", false);
        if (assets != null && currentAssets != null && currentAssets.compareTo(assets) > 0) {
            add(p + ".currentAssets", "must not exceed totalAssets (" + assets.toPlainString() + "), got "
                    + currentAssets.toPlainString());
        }
        if (liabilities != null && currentLiabilities != null && currentLiabilities.compareTo(liabilities) > 0) {
            add(p + ".currentLiabilities", "must not exceed totalLiabilities (" + liabilities.toPlainString()
                    + "), got " + currentLiabilities.toPlainString());
        }
        return build(before, p, () -> new FinancialStatement(prov, year, assets, liabilities, currentAssets,
                currentLiabilities, revenue, netProfit, cashFlow, rd));
    }

    private BankCreditRecord bankCredit(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, fields("activeLoans", "outstandingBalance", "currentDaysOverdue", "maxDaysOverdue24m",
                "monthsOfHistory"), List.of())) {
            return null;
        }
        Provenance prov = provenance(n, p);
        Integer loans = integer(n, p, "activeLoans", 0, 10_000);
        BigDecimal balance = money(n, p, "outstandingBalance", false);
        Integer current = integer(n, p, "currentDaysOverdue", 0, 36_500);
        Integer worst = integer(n, p, "maxDaysOverdue24m", 0, 36_500);
        Integer months = integer(n, p, "monthsOfHistory", 0, 1_200);
        if (current != null && worst != null && current > worst) {
            add(p + ".currentDaysOverdue", "must not exceed maxDaysOverdue24m (" + worst + "), got " + current);
        }
        return build(before, p, () -> new BankCreditRecord(prov, loans, balance, current, worst, months));
    }

    private CarbonRecord carbon(JsonNode n, String p) {
        int before = problems.size();
        if (!object(n, p, fields("year", "emissionsTonnes"), List.of())) {
            return null;
        }
        Provenance prov = provenance(n, p);
        Integer year = endedYear(n, p, "year");
        Double tonnes = decimal(n, p, "emissionsTonnes", 0, 1e10);
        return build(before, p, () -> new CarbonRecord(prov, year, tonnes));
    }

    private SupplyChainLink supplyChain(JsonNode n, String p, Uscc applicant) {
        int before = problems.size();
        if (!object(n, p, fields("coreEnterprise", "coreRating", "relationshipMonths", "confirmedReceivables"),
                List.of())) {
            return null;
        }
        Provenance prov = provenance(n, p);
        Uscc core = code(n, p, "coreEnterprise", Uscc::of);
        if (core != null && core.equals(applicant)) {
            add(p + ".coreEnterprise", "is the applicant's own code; the core enterprise must be another enterprise");
        }
        String rating = string(n, p, "coreRating", 5, false);
        if (rating != null && !RATING.matcher(rating).matches()) {
            add(p + ".coreRating", quote(rating) + " is not a rating; valid: AAA, AA, A, BBB, BB, B, CCC, CC, C "
                    + "with an optional + or -, or D");
        }
        Integer months = integer(n, p, "relationshipMonths", 0, 1_200);
        BigDecimal receivables = money(n, p, "confirmedReceivables", false);
        return build(before, p, () -> new SupplyChainLink(prov, core, rating, months, receivables));
    }

    private Provenance provenance(JsonNode parent, String parentPath) {
        JsonNode n = parent.get("provenance");
        String p = parentPath + ".provenance";
        int before = problems.size();
        if (n == null || !object(n, p, List.of("sourceSystem", "asOf"), List.of())) {
            return null;
        }
        String system = string(n, p, "sourceSystem", 128, false);
        Instant asOf = instant(n, p, "asOf", true);
        return build(before, p, () -> Provenance.of(system, asOf));
    }

    // ---------------------------------------------------------------- composite values

    private MonthlySeries series(JsonNode parent, String parentPath, String name) {
        JsonNode n = parent.get(name);
        String p = parentPath + "." + name;
        if (n == null) {
            return null;
        }
        if (n.isNull()) {
            add(p, "null is not allowed; give {\"firstMonth\":\"YYYY-MM\",\"values\":[...]}");
            return null;
        }
        int before = problems.size();
        if (!object(n, p, List.of("firstMonth", "values"), List.of())) {
            return null;
        }
        YearMonth first = yearMonth(n, p, "firstMonth");
        JsonNode arr = array(n, p, "values");
        double[] values = null;
        if (arr != null) {
            if (arr.size() > settings.maxSeriesMonths()) {
                add(p + ".values", "has " + arr.size() + " months; at most " + settings.maxSeriesMonths()
                        + " are accepted");
                return null;
            }
            values = new double[arr.size()];
            for (int i = 0; i < arr.size(); i++) {
                JsonNode x = arr.get(i);
                double d = x.isNumber() ? x.doubleValue() : Double.NaN;
                if (d >= 0 && d <= 1e15) {
                    values[i] = d; // the common case: no path string built
                } else {
                    number(x, p + ".values[" + i + "]", 0, 1e15);
                }
            }
        }
        if (first != null && arr != null && appDate != null && !arr.isEmpty()) {
            YearMonth last = first.plusMonths(arr.size() - 1L);
            YearMonth appMonth = YearMonth.from(appDate);
            if (last.isAfter(appMonth)) {
                // a series starting after the application month is wrong from its first value (the index
                // counted back from the end was negative: values[-23])
                int firstBad = (int) Math.max(0, arr.size() - (last.getYear() * 12L + last.getMonthValue()
                        - appMonth.getYear() * 12L - appMonth.getMonthValue()));
                add(p + ".values[" + firstBad + "]", "is for " + first.plusMonths(firstBad)
                        + ", after the application month " + appMonth + "; the series may run to " + appMonth
                        + " at the latest");
            }
        }
        if (values != null && first != null && problems.size() == before) {
            unitChanges(values, first, p, name);
        }
        double[] v = values;
        return build(before, p, () -> MonthlySeries.of(first, v));
    }

    /**
     * Refuses each month of a series in another unit than the rest of it ({@link UnitChange}, the loan
     * book's rule): a month in fen among CNY inflated the 12-month bases the limits are computed from.
     */
    private void unitChanges(double[] values, YearMonth first, String p, String name) {
        String unit = switch (name) {
            case "electricity" -> "kWh";
            case "water" -> "tonnes";
            case "insuredHeadcount" -> "insured employees";
            default -> "CNY";
        };
        UnitChange.scan(values, values.length, (i, jump, refBefore) -> {
            YearMonth month = first.plusMonths(i);
            String source = refBefore == jump.count() ? "in this series before " + month
                    : refBefore == 0 ? "in this series after " + month
                    : "in this series before and after " + month;
            add(p + ".values[" + i + "]", jump.message(values[i], source, unit,
                    UnitChange.hint(unit, jump.up(), jump.factor())));
        });
    }

    private static String months(MonthlySeries s) {
        return s.isEmpty() ? "no months from " + s.firstMonth()
                : s.firstMonth() + ".." + s.lastMonth() + ", " + s.length() + " months";
    }

    // ---------------------------------------------------------------- scalar fields

    /**
     * Checks that {@code n} is an object with every required field, no unknown field, and no null
     * value. Problems: not an object, a missing required field, an unknown field.
     *
     * @return true when {@code n} is an object (its fields may still have problems)
     */
    private boolean object(JsonNode n, String p, List<String> required, List<String> optional) {
        if (!n.isObject()) {
            add(p, "must be a JSON object, got " + kind(n));
            return false;
        }
        for (String r : required) {
            if (!n.has(r)) {
                add(p + "." + r, "required field is missing");
            }
        }
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!required.contains(f) && !optional.contains(f)) {
                List<String> valid = new ArrayList<>(required);
                valid.addAll(optional);
                add(member(p, f), "unknown field; valid fields here: " + String.join(", ", valid));
            }
        }
        return true;
    }

    /** The field's node if present and not null; null otherwise (a null value is reported). */
    private JsonNode field(JsonNode parent, String p, String name, String expected) {
        JsonNode n = parent.get(name);
        if (n == null) {
            return null;
        }
        if (n.isNull()) {
            add(p + "." + name, "null is not allowed; give " + expected);
            return null;
        }
        return n;
    }

    private String string(JsonNode parent, String p, String name, int maxLength, boolean blankAllowed) {
        JsonNode n = field(parent, p, name, "a string");
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            add(p + "." + name, "must be a string, got " + kind(n));
            return null;
        }
        String s = n.textValue();
        if (!blankAllowed && s.isBlank()) {
            add(p + "." + name, "must not be blank");
            return null;
        }
        if (s.length() > maxLength) {
            add(p + "." + name, "has " + s.length() + " characters; at most " + maxLength + " are accepted");
            return null;
        }
        if (hasControl(s)) {
            add(p + "." + name, "must not contain control characters (line breaks, tabs, NUL)");
            return null;
        }
        return s;
    }

    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private <T> T code(JsonNode parent, String p, String name, java.util.function.Function<String, T> parser) {
        String s = string(parent, p, name, 64, false);
        if (s == null) {
            return null;
        }
        try {
            return parser.apply(s);
        } catch (org.creditkit.core.CreditDataException e) {
            add(p + "." + name, e.getMessage());
            return null;
        }
    }

    /** A product id of the right form; whether the rule set offers it is the decision engine's check. */
    private Product product(JsonNode parent, String p) {
        String s = string(parent, p, "product", 64, false);
        if (s == null) {
            return null;
        }
        if (!Product.isValidId(s)) {
            add(p + ".product", quote(s) + " is not a product id: upper-case letters, digits and underscores,"
                    + " starting with a letter (the built-in products: GENERAL, TECHNOLOGY, GREEN, AGRICULTURE,"
                    + " SUPPLY_CHAIN; a rule set's products.json may define others)");
            return null;
        }
        return Product.of(s);
    }

    private <E extends Enum<E>> E enumValue(JsonNode parent, String p, String name, E[] values) {
        String s = string(parent, p, name, 64, false);
        if (s == null) {
            return null;
        }
        for (E e : values) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        add(p + "." + name, quote(s) + " is not valid; valid: "
                + String.join(", ", Arrays.stream(values).map(Enum::name).toList()));
        return null;
    }

    private Boolean bool(JsonNode parent, String p, String name) {
        JsonNode n = field(parent, p, name, "true or false");
        if (n == null) {
            return null;
        }
        if (!n.isBoolean()) {
            add(p + "." + name, "must be true or false, got " + kind(n));
            return null;
        }
        return n.booleanValue();
    }

    private Integer integer(JsonNode parent, String p, String name, int min, int max) {
        JsonNode n = parent.get(name);
        if (n == null) {
            return null;
        }
        if (n.isNull()) {
            add(p + "." + name, "null is not allowed; give a whole number " + min + ".." + max);
            return null;
        }
        if (!n.isIntegralNumber()) {
            add(p + "." + name, "must be a whole number " + min + ".." + max + ", got " + kind(n));
            return null;
        }
        if (!n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
            add(p + "." + name, n.asText() + " is out of range; valid: " + min + ".." + max);
            return null;
        }
        return n.intValue();
    }

    /** A year that must have ended on or before the application date (annual data). */
    private Integer endedYear(JsonNode parent, String p, String name) {
        int maxYear = appDate == null ? 9999 : (appDate.getMonthValue() == 12 && appDate.getDayOfMonth() == 31
                ? appDate.getYear() : appDate.getYear() - 1);
        Integer y = integer(parent, p, name, EARLIEST_DATE.getYear(), 9999);
        if (y != null && y > maxYear) {
            add(p + "." + name, y + " has not ended by the application date " + appDate
                    + "; annual data may be for " + maxYear + " at the latest");
            return null;
        }
        return y;
    }

    private Double decimal(JsonNode parent, String p, String name, double min, double max) {
        JsonNode n = field(parent, p, name, "a number");
        return n == null ? null : number(n, p + "." + name, min, max);
    }

    private Double number(JsonNode n, String p, double min, double max) {
        if (n.isNull()) {
            add(p, "null is not allowed; give a number " + min + ".." + max);
            return null;
        }
        if (!n.isNumber()) {
            add(p, "must be a number, got " + kind(n));
            return null;
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            add(p, n.asText() + " is out of range; valid: " + fmt(min) + ".." + fmt(max));
            return null;
        }
        return d;
    }

    private static String fmt(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * Money in CNY: a JSON number or a decimal string, at most two decimal places, at most
     * {@link #MAX_MONEY} in magnitude, and >= 0 unless {@code signed}.
     */
    private BigDecimal money(JsonNode parent, String p, String name, boolean signed) {
        JsonNode n = field(parent, p, name, "an amount in CNY");
        if (n == null) {
            return null;
        }
        String fp = p + "." + name;
        BigDecimal v;
        if (n.isTextual()) {
            if (!MONEY_TEXT.matcher(n.textValue()).matches()) {
                add(fp, quote(n.textValue()) + " is not an amount; give CNY as a number or a string like "
                        + "\"1250000.50\" (at most two decimals)");
                return null;
            }
            v = new BigDecimal(n.textValue());
        } else if (n.isNumber()) {
            v = n.decimalValue();
        } else {
            add(fp, "must be an amount in CNY (number or decimal string), got " + kind(n));
            return null;
        }
        if (v.abs().compareTo(MAX_MONEY) > 0) {
            add(fp, v + " is out of range; amounts are at most 1000000000000000 CNY in magnitude");
            return null;
        }
        if (!signed && v.signum() < 0) {
            add(fp, v.toPlainString() + " is negative; valid: an amount >= 0 CNY");
            return null;
        }
        if (v.stripTrailingZeros().scale() > 2) {
            add(fp, v.toPlainString() + " has more than two decimal places; CNY amounts are in fen at most");
            return null;
        }
        // 2.4E7 has scale -6; give it scale 0 so that the value writes and reads back equal
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private LocalDate date(JsonNode parent, String p, String name) {
        return date(parent, p, name, true);
    }

    /**
     * A calendar date from {@link #EARLIEST_DATE}; unless {@code byApplicationDate} is false (a
     * certificate's expiry), on or before the application date.
     */
    private LocalDate date(JsonNode parent, String p, String name, boolean byApplicationDate) {
        String s = string(parent, p, name, 10, false);
        if (s == null) {
            return null;
        }
        LocalDate d;
        try {
            d = IsoText.date(s);
        } catch (DateTimeException e) {
            add(p + "." + name, quote(s) + " is not a date; valid: an ISO-8601 calendar date YYYY-MM-DD");
            return null;
        }
        if (d.isBefore(EARLIEST_DATE)) {
            add(p + "." + name, d + " is before " + EARLIEST_DATE + "; valid: a date from " + EARLIEST_DATE);
            return null;
        }
        if (byApplicationDate && appDate != null && d.isAfter(appDate)) {
            add(p + "." + name, d + " is after the application date " + appDate
                    + " (China Standard Time); valid: on or before " + appDate);
            return null;
        }
        return d;
    }

    private YearMonth yearMonth(JsonNode parent, String p, String name) {
        String s = string(parent, p, name, 7, false);
        if (s == null) {
            return null;
        }
        try {
            YearMonth m = IsoText.yearMonth(s);
            if (m.getYear() < EARLIEST_DATE.getYear() || s.length() != 7) {
                throw new DateTimeException(s);
            }
            return m;
        } catch (DateTimeException e) {
            add(p + "." + name, quote(s) + " is not a month; valid: YYYY-MM from " + EARLIEST_DATE.getYear());
            return null;
        }
    }

    /**
     * An ISO-8601 date-time with offset. A source's {@code asOf} may lie after the application time
     * by at most the configured tolerance (clock skew between systems; the data-quality check flags
     * anything beyond three hours).
     */
    private Instant instant(JsonNode parent, String p, String name, boolean sourceTime) {
        String s = string(parent, p, name, 64, false);
        if (s == null) {
            return null;
        }
        Instant t;
        try {
            t = IsoText.instant(s);
        } catch (DateTimeException e) {
            add(p + "." + name, quote(s) + " is not a date-time with offset; valid: ISO-8601 like "
                    + "2025-06-30T10:15:00+08:00 or 2025-06-30T02:15:00Z");
            return null;
        }
        if (t.isBefore(EARLIEST_TIME)) {
            add(p + "." + name, s + " is before " + EARLIEST_TIME_TEXT + "; valid: a time from "
                    + EARLIEST_TIME_TEXT);
            return null;
        }
        if (!sourceTime) {
            Instant now = settings.clock().instant();
            Instant latest = now.plus(settings.futureTolerance());
            if (t.isAfter(latest)) {
                add(p + "." + name, s + " is in the future (now is " + now
                        + "); valid: at most " + latest + " (now plus the clock-skew tolerance "
                        + settings.futureTolerance() + ")");
                return null;
            }
        }
        if (sourceTime && appTime != null && t.isAfter(appTime.plus(settings.futureTolerance()))) {
            add(p + "." + name, s + " is after the application time " + appTime + " by more than "
                    + settings.futureTolerance() + "; valid: at most " + appTime.plus(settings.futureTolerance()));
            return null;
        }
        return t;
    }

    private JsonNode array(JsonNode parent, String p, String name) {
        JsonNode n = field(parent, p, name, "an array (possibly empty)");
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            add(p + "." + name, "must be an array, got " + kind(n));
            return null;
        }
        return n;
    }

    // ---------------------------------------------------------------- helpers

    private void add(String location, String message) {
        problems.add(Problem.of(location, message));
    }

    /**
     * Builds a value when no problem was recorded since {@code before}. A domain constructor still
     * rejecting the value is a validation gap: it becomes a problem at {@code p}, never an escape.
     */
    private <T> T build(int before, String p, Supplier<T> factory) {
        if (problems.size() != before) {
            return null;
        }
        try {
            return factory.get();
        } catch (IllegalArgumentException | org.creditkit.core.CreditDataException e) {
            add(p, "invalid: " + e.getMessage());
            return null;
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_ECHO = 40;

    /** The path of member {@code name} of the object at {@code p}: {@code $.a} or {@code $['odd key']}. */
    static String member(String p, String name) {
        return IDENTIFIER.matcher(name).matches() ? p + "." + name : p + "['" + escape(name) + "']";
    }

    /** A value echoed in a message: quoted, control characters escaped, at most 40 characters. */
    static String quote(String s) {
        String head = s.length() > MAX_ECHO ? s.substring(0, MAX_ECHO) : s;
        return "'" + escape(head) + (s.length() > MAX_ECHO ? "...' (" + s.length() + " characters)" : "'");
    }

    /** {@code s} cut to {@code max} characters, saying how long it was. */
    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "... (" + s.length() + " characters)";
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !paired(s, i)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else if (c == '\'' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether the surrogate at {@code i} is half of a high-low pair. */
    private static boolean paired(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
