package org.creditkit.core.input;

import com.fasterxml.jackson.core.JsonToken;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
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
 * The fast path of {@link StrictApplicationReader}: reads a document straight from {@link JsonLexer}'s tokens
 * into the domain records, applying as it goes every check {@link TreeValidator} applies (and
 * {@link SafeTree}'s number-text range check before any conversion), without building a tree.
 *
 * <p>It only ever <em>accepts</em>. At the first thing it would not accept — any problem, but also an
 * unusual shape it does not handle (the application time after the enterprise or the sources, an
 * integer of more than 18 characters) — it gives up, and the reader parses the document again into a
 * tree and walks it with {@link TreeValidator}, which decides and reports every problem, in its order,
 * with line and column. So the records of an accepted document are the ones the tree walk would
 * build, and a rejected document's problems are exactly the tree walk's; a rejected document costs
 * one extra partial parse. {@code StreamingReaderTest} compares both paths on a generated corpus with
 * invalid lines, and the Jazzer target checks that nothing is accepted here that the tree walk rejects.
 *
 * <p>Duplicate keys need no parser support: every object has known keys only, each recorded in a bit
 * set, so a repeated key gives up like an unknown one. One instance per document: not thread-safe.
 */
final class StreamingReader {

    /** Thrown to give up; preallocated and without a stack trace, as giving up is an ordinary outcome. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super("not accepted by the streaming reader", null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();
    private static final BigDecimal MIN_MONEY = TreeValidator.MAX_MONEY.negate();
    /** The built-in products, reused instead of allocating one per application. */
    private static final Product[] PRODUCTS = {Product.GENERAL, Product.TECHNOLOGY, Product.GREEN,
        Product.AGRICULTURE, Product.SUPPLY_CHAIN};
    private static final GuaranteeType[] GUARANTEES = GuaranteeType.values();
    private static final OwnershipType[] OWNERSHIPS = OwnershipType.values();
    private static final TaxGrade[] GRADES = TaxGrade.values();
    private static final PenaltySeverity[] SEVERITIES = PenaltySeverity.values();
    /** Longest integer text read as a {@code long}, as {@link SafeTree} does; longer ones give up. */
    private static final int MAX_LONG_TEXT = 18;

    /** The known keys of one kind of object, in the order the writer gives them. */
    private static final class Fields {
        final String[] names;

        Fields(String... names) {
            this.names = names;
        }

        String name(int i) {
            return names[i];
        }
    }

    private static final Fields LABELED = new Fields("application", "outcome");
    private static final Fields APPLICATION = new Fields(
            "id", "applicationTime", "product", "amount", "termMonths", "purpose", "guarantee",
            "dataUseConsent", "enterprise", "sources");
    private static final Fields OUTCOME = new Fields("defaulted12m", "truePd");
    private static final Fields ENTERPRISE = new Fields(
            "uscc", "name", "establishmentDate", "registeredCapital", "industry", "region", "employees",
            "annualRevenue", "totalAssets", "ownership", "qualifications");
    private static final Fields QUALIFICATIONS = new Fields("kind", "certificateNo", "issued", "expires");
    private static final QualificationKind[] QUALIFICATION_KINDS = QualificationKind.values();
    private static final Fields SOURCES = new Fields(
            "tax", "socialInsurance", "utilities", "customs", "courts", "penalties", "intellectualProperty",
            "financials", "bankCredit", "carbon", "supplyChain");
    private static final Fields TAX = new Fields("provenance", "declaredSales", "taxPaid", "ratings",
            "majorViolationListings");
    private static final Fields RATINGS = new Fields("year", "grade");
    private static final Fields SOCIAL_INSURANCE = new Fields("provenance", "insuredHeadcount", "arrears");
    private static final Fields COURTS = new Fields(
            "provenance", "casesAsDefendant", "unansweredCases", "enforcementCases", "dishonestListings");
    private static final Fields LISTINGS = new Fields("listed", "repaired");
    private static final Fields PENALTIES = new Fields("provenance", "penalties", "abnormalOperationListings",
            "seriousViolationListings");
    private static final Fields PENALTY_LIST = new Fields("date", "severity", "amount");
    private static final Fields BANK_CREDIT = new Fields(
            "provenance", "activeLoans", "outstandingBalance", "currentDaysOverdue", "maxDaysOverdue24m",
            "monthsOfHistory");
    private static final Fields CARBON = new Fields("provenance", "year", "emissionsTonnes");
    private static final Fields SUPPLY_CHAIN = new Fields(
            "provenance", "coreEnterprise", "coreRating", "relationshipMonths", "confirmedReceivables");
    private static final Fields PROVENANCE = new Fields("sourceSystem", "asOf");
    private static final Fields SERIES = new Fields("firstMonth", "values");
    private static final Fields UTILITIES = new Fields("provenance", "electricity", "water");
    private static final Fields CUSTOMS = new Fields("provenance", "imports", "exports");
    private static final Fields INTELLECTUAL_PROPERTY = new Fields(
            "provenance", "inventionPatents", "utilityPatents", "trademarks", "patentChanges12m");
    private static final Fields FINANCIALS = new Fields(
            "provenance", "fiscalYear", "totalAssets", "totalLiabilities", "currentAssets",
            "currentLiabilities", "revenue", "netProfit", "operatingCashFlow", "rdExpense");

    private final JsonLexer p;
    private final ReaderSettings settings;
    private Instant appTime;
    private LocalDate appDate;
    private YearMonth appMonth;
    private int maxYear;
    /** The supply-chain core enterprise, checked against the applicant once both are read. */
    private Uscc supplyCore;
    private double[] scratch = new double[64];

    private StreamingReader(JsonLexer lexer, ReaderSettings settings) {
        this.p = lexer;
        this.settings = settings;
    }

    /**
     * The document {@code json} (without a byte-order mark) as a bare or labeled application, or
     * {@code null} when the tree walk must decide.
     */
    static LabeledApplication labeled(String json, ReaderSettings settings) {
        try {
            return new StreamingReader(new JsonLexer(json, settings), settings).root(true);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** As {@link #labeled}, for a bare application only; {@code null} when the tree walk must decide. */
    static LoanApplication application(String json, ReaderSettings settings) {
        LabeledApplication a;
        try {
            a = new StreamingReader(new JsonLexer(json, settings), settings).root(false);
        } catch (RuntimeException e) {
            return null;
        }
        return a.application();
    }

    // ---------------------------------------------------------------- documents

    private LabeledApplication root(boolean labeledAllowed) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
        LabeledApplication result;
        if (labeledAllowed && p.nextFieldName(LABELED.names[0])) {
            LoanApplication app = null;
            LabeledApplication.Outcome outcome = null;
            int seen = 0;
            for (int at = matched(LABELED, 0); at >= 0; at = field(LABELED, at + 1)) {
                switch (LABELED.name(at)) {
                    case "application" -> {
                        seen = once(seen, 1);
                        app = application();
                    }
                    case "outcome" -> {
                        seen = once(seen, 2);
                        outcome = outcome();
                    }
                    default -> throw GIVE_UP;
                }
            }
            result = new LabeledApplication(app, Optional.ofNullable(outcome));
        } else {
            if (!labeledAllowed) {
                p.nextToken();
            }
            result = LabeledApplication.unlabeled(applicationFields(current(APPLICATION)));
        }
        if (p.nextToken() != null) {
            throw GIVE_UP;
        }
        return result;
    }

    private LabeledApplication.Outcome outcome() {
        start();
        boolean defaulted = false;
        OptionalDouble truePd = OptionalDouble.empty();
        int seen = 0;
        for (int at = field(OUTCOME, 0); at >= 0; at = field(OUTCOME, at + 1)) {
            switch (OUTCOME.name(at)) {
                case "defaulted12m" -> {
                    seen = once(seen, 1);
                    defaulted = bool();
                }
                case "truePd" -> {
                    seen = once(seen, 2);
                    truePd = OptionalDouble.of(decimal(0, 1));
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, 1);
        return new LabeledApplication.Outcome(defaulted, truePd);
    }

    private LoanApplication application() {
        start();
        return applicationFields(field(APPLICATION, 0));
    }

    /** The application object's fields, from the index of its first (already read) field. */
    private LoanApplication applicationFields(int first) {
        String id = null;
        Instant time = null;
        Product product = null;
        BigDecimal amount = null;
        int term = 0;
        String purpose = null;
        GuaranteeType guarantee = null;
        boolean consent = false;
        Enterprise enterprise = null;
        SourceData sources = null;
        int seen = 0;
        for (int at = first; at >= 0; at = field(APPLICATION, at + 1)) {
            switch (APPLICATION.name(at)) {
                case "id" -> {
                    seen = once(seen, 1);
                    id = string(128, false);
                }
                case "applicationTime" -> {
                    seen = once(seen, 1 << 1);
                    time = applicationTime();
                }
                case "product" -> {
                    seen = once(seen, 1 << 2);
                    product = product();
                }
                case "amount" -> {
                    seen = once(seen, 1 << 3);
                    amount = money(false);
                    if (amount.signum() == 0) {
                        throw GIVE_UP;
                    }
                }
                case "termMonths" -> {
                    seen = once(seen, 1 << 4);
                    term = integer(1, 360);
                }
                case "purpose" -> {
                    seen = once(seen, 1 << 5);
                    purpose = string(2000, true);
                }
                case "guarantee" -> {
                    seen = once(seen, 1 << 6);
                    guarantee = enumValue(GUARANTEES);
                }
                case "dataUseConsent" -> {
                    seen = once(seen, 1 << 7);
                    consent = bool();
                }
                case "enterprise" -> {
                    seen = once(seen, 1 << 8);
                    requireTime();
                    enterprise = enterprise();
                }
                case "sources" -> {
                    seen = once(seen, 1 << 9);
                    requireTime();
                    sources = sources();
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, (1 << 10) - 1);
        if (supplyCore != null && supplyCore.equals(enterprise.uscc())) {
            throw GIVE_UP;
        }
        return new LoanApplication(id, time, product, amount, term, purpose, guarantee, consent, enterprise,
                sources);
    }

    private Instant applicationTime() {
        Instant t = instant(false);
        appTime = t;
        appDate = LoanApplication.decisionDate(t);
        appMonth = YearMonth.from(appDate);
        maxYear = appDate.getMonthValue() == 12 && appDate.getDayOfMonth() == 31
                ? appDate.getYear() : appDate.getYear() - 1;
        return t;
    }

    /** Date checks below need the application time: a document giving it later goes the tree way. */
    private void requireTime() {
        if (appTime == null) {
            throw GIVE_UP;
        }
    }

    private Enterprise enterprise() {
        start();
        Uscc uscc = null;
        String name = null;
        LocalDate established = null;
        BigDecimal capital = null;
        IndustryCode industry = null;
        RegionCode region = null;
        int employees = 0;
        BigDecimal revenue = null;
        BigDecimal assets = null;
        OwnershipType ownership = null;
        List<Qualification> qualifications = List.of();
        int seen = 0;
        for (int at = field(ENTERPRISE, 0); at >= 0; at = field(ENTERPRISE, at + 1)) {
            switch (ENTERPRISE.name(at)) {
                case "uscc" -> {
                    seen = once(seen, 1);
                    uscc = Uscc.of(string(64, false));
                }
                case "name" -> {
                    seen = once(seen, 1 << 1);
                    name = string(200, false);
                }
                case "establishmentDate" -> {
                    seen = once(seen, 1 << 2);
                    established = date();
                }
                case "registeredCapital" -> {
                    seen = once(seen, 1 << 3);
                    capital = money(false);
                }
                case "industry" -> {
                    seen = once(seen, 1 << 4);
                    industry = IndustryCode.of(string(64, false));
                }
                case "region" -> {
                    seen = once(seen, 1 << 5);
                    region = RegionCode.of(string(64, false));
                    if (org.creditkit.core.codes.RegionCatalogue.isRetired(region.code())) {
                        throw GIVE_UP; // judged on the application date by the tree walk (rare)
                    }
                }
                case "employees" -> {
                    seen = once(seen, 1 << 6);
                    employees = integer(0, 10_000_000);
                }
                case "annualRevenue" -> {
                    seen = once(seen, 1 << 7);
                    revenue = money(false);
                }
                case "totalAssets" -> {
                    seen = once(seen, 1 << 8);
                    assets = money(false);
                }
                case "ownership" -> {
                    seen = once(seen, 1 << 9);
                    ownership = enumValue(OWNERSHIPS);
                }
                case "qualifications" -> {
                    seen = once(seen, 1 << 10);
                    qualifications = qualifications();
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, (1 << 10) - 1);
        return new Enterprise(uscc, name, established, capital, industry, region, employees, revenue, assets,
                ownership, qualifications);
    }

    /** The certificates; an expiry on or before the issue date or a certificate twice goes to the tree walk. */
    private List<Qualification> qualifications() {
        startArray();
        List<Qualification> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            start();
            QualificationKind kind = null;
            String number = null;
            LocalDate issued = null;
            LocalDate expires = null;
            int seen = 0;
            for (int at = field(QUALIFICATIONS, 0); at >= 0; at = field(QUALIFICATIONS, at + 1)) {
                switch (QUALIFICATIONS.name(at)) {
                    case "kind" -> {
                        seen = once(seen, 1);
                        kind = enumValue(QUALIFICATION_KINDS);
                    }
                    case "certificateNo" -> {
                        seen = once(seen, 2);
                        number = string(64, false);
                    }
                    case "issued" -> {
                        seen = once(seen, 4);
                        issued = date();
                    }
                    case "expires" -> {
                        seen = once(seen, 8);
                        expires = anyDate();
                    }
                    default -> throw GIVE_UP;
                }
            }
            require(seen, 13);
            if (!expires.isAfter(issued)) {
                throw GIVE_UP;
            }
            out.add(new Qualification(kind, Optional.ofNullable(number), issued, expires));
            if (Qualification.duplicateBefore(out, out.size() - 1) >= 0) {
                throw GIVE_UP;
            }
        }
        return out;
    }

    private SourceData sources() {
        start();
        SourceData.Builder b = SourceData.builder();
        int seen = 0;
        for (int at = field(SOURCES, 0); at >= 0; at = field(SOURCES, at + 1)) {
            switch (SOURCES.name(at)) {
                case "tax" -> {
                    seen = once(seen, 1);
                    b.tax(tax());
                }
                case "socialInsurance" -> {
                    seen = once(seen, 1 << 1);
                    b.socialInsurance(socialInsurance());
                }
                case "utilities" -> {
                    seen = once(seen, 1 << 2);
                    b.utilities(utilities());
                }
                case "customs" -> {
                    seen = once(seen, 1 << 3);
                    b.customs(customs());
                }
                case "courts" -> {
                    seen = once(seen, 1 << 4);
                    b.courts(courts());
                }
                case "penalties" -> {
                    seen = once(seen, 1 << 5);
                    b.penalties(penalties());
                }
                case "intellectualProperty" -> {
                    seen = once(seen, 1 << 6);
                    b.intellectualProperty(intellectualProperty());
                }
                case "financials" -> {
                    seen = once(seen, 1 << 7);
                    b.financials(financials());
                }
                case "bankCredit" -> {
                    seen = once(seen, 1 << 8);
                    b.bankCredit(bankCredit());
                }
                case "carbon" -> {
                    seen = once(seen, 1 << 9);
                    b.carbon(carbon());
                }
                case "supplyChain" -> {
                    seen = once(seen, 1 << 10);
                    b.supplyChain(supplyChain());
                }
                default -> throw GIVE_UP;
            }
        }
        return b.build();
    }

    // ---------------------------------------------------------------- sources

    private TaxRecord tax() {
        start();
        Provenance prov = null;
        MonthlySeries sales = null;
        MonthlySeries paid = null;
        List<TaxRating> ratings = null;
        List<DishonestListing> majorViolations = List.of();
        int seen = 0;
        for (int at = field(TAX, 0); at >= 0; at = field(TAX, at + 1)) {
            switch (TAX.name(at)) {
                case "provenance" -> {
                    seen = once(seen, 1);
                    prov = provenance();
                }
                case "declaredSales" -> {
                    seen = once(seen, 1 << 1);
                    sales = series();
                }
                case "taxPaid" -> {
                    seen = once(seen, 1 << 2);
                    paid = series();
                }
                case "ratings" -> {
                    seen = once(seen, 1 << 3);
                    ratings = ratings();
                }
                case "majorViolationListings" -> {
                    seen = once(seen, 1 << 4);
                    majorViolations = listings();
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, 15);
        if (!sales.firstMonth().equals(paid.firstMonth()) || sales.length() != paid.length()) {
            throw GIVE_UP;
        }
        return new TaxRecord(prov, sales, paid, ratings, majorViolations);
    }

    private List<TaxRating> ratings() {
        startArray();
        List<TaxRating> ratings = new ArrayList<>();
        int lastYear = Integer.MIN_VALUE;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            start();
            int year = 0;
            TaxGrade grade = null;
            int seen = 0;
            for (int at = field(RATINGS, 0); at >= 0; at = field(RATINGS, at + 1)) {
                switch (RATINGS.name(at)) {
                    case "year" -> {
                        seen = once(seen, 1);
                        year = endedYear();
                    }
                    case "grade" -> {
                        seen = once(seen, 2);
                        grade = enumValue(GRADES);
                    }
                    default -> throw GIVE_UP;
                }
            }
            require(seen, 3);
            if (year <= lastYear) {
                throw GIVE_UP;
            }
            lastYear = year;
            ratings.add(new TaxRating(year, grade));
        }
        return ratings;
    }

    private SocialInsuranceRecord socialInsurance() {
        start();
        Provenance prov = null;
        MonthlySeries headcount = null;
        BigDecimal arrears = null;
        int seen = 0;
        for (int at = field(SOCIAL_INSURANCE, 0); at >= 0; at = field(SOCIAL_INSURANCE, at + 1)) {
            switch (SOCIAL_INSURANCE.name(at)) {
                case "provenance" -> {
                    seen = once(seen, 1);
                    prov = provenance();
                }
                case "insuredHeadcount" -> {
                    seen = once(seen, 2);
                    headcount = series();
                }
                case "arrears" -> {
                    seen = once(seen, 4);
                    arrears = money(false);
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, 7);
        return new SocialInsuranceRecord(prov, headcount, arrears);
    }

    private UtilityRecord utilities() {
        MonthlySeries[] two = new MonthlySeries[2];
        Provenance prov = twoSeries(UTILITIES, two);
        return new UtilityRecord(prov, two[0], two[1]);
    }

    private CustomsRecord customs() {
        MonthlySeries[] two = new MonthlySeries[2];
        Provenance prov = twoSeries(CUSTOMS, two);
        return new CustomsRecord(prov, two[0], two[1]);
    }

    /** An object of a provenance and two required series, in the order of {@code fields}. */
    private Provenance twoSeries(Fields fields, MonthlySeries[] out) {
        start();
        Provenance prov = null;
        int seen = 0;
        for (int at = field(fields, 0); at >= 0; at = field(fields, at + 1)) {
            seen = once(seen, 1 << at);
            if (at == 0) {
                prov = provenance();
            } else {
                out[at - 1] = series();
            }
        }
        require(seen, 7);
        return prov;
    }

    private CourtRecord courts() {
        start();
        Provenance prov = null;
        int cases = 0;
        int unanswered = 0;
        int enforcement = 0;
        List<DishonestListing> listings = null;
        int seen = 0;
        for (int at = field(COURTS, 0); at >= 0; at = field(COURTS, at + 1)) {
            switch (COURTS.name(at)) {
                case "provenance" -> {
                    seen = once(seen, 1);
                    prov = provenance();
                }
                case "casesAsDefendant" -> {
                    seen = once(seen, 1 << 1);
                    cases = integer(0, TreeValidator.MAX_COUNT);
                }
                case "unansweredCases" -> {
                    seen = once(seen, 1 << 2);
                    unanswered = integer(0, TreeValidator.MAX_COUNT);
                }
                case "enforcementCases" -> {
                    seen = once(seen, 1 << 3);
                    enforcement = integer(0, TreeValidator.MAX_COUNT);
                }
                case "dishonestListings" -> {
                    seen = once(seen, 1 << 4);
                    listings = listings();
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, 31);
        if (unanswered > cases) {
            throw GIVE_UP;
        }
        return new CourtRecord(prov, cases, unanswered, enforcement, listings);
    }

    private List<DishonestListing> listings() {
        startArray();
        List<DishonestListing> listings = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            start();
            LocalDate listed = null;
            LocalDate repaired = null;
            int seen = 0;
            for (int at = field(LISTINGS, 0); at >= 0; at = field(LISTINGS, at + 1)) {
                switch (LISTINGS.name(at)) {
                    case "listed" -> {
                        seen = once(seen, 1);
                        listed = date();
                    }
                    case "repaired" -> {
                        seen = once(seen, 2);
                        repaired = date();
                    }
                    default -> throw GIVE_UP;
                }
            }
            require(seen, 1);
            if (repaired != null && repaired.isBefore(listed)) {
                throw GIVE_UP;
            }
            listings.add(new DishonestListing(listed, Optional.ofNullable(repaired)));
        }
        return listings;
    }

    private PenaltyRecord penalties() {
        start();
        Provenance prov = null;
        List<Penalty> penalties = null;
        List<DishonestListing> abnormal = List.of();
        List<DishonestListing> serious = List.of();
        int seen = 0;
        for (int at = field(PENALTIES, 0); at >= 0; at = field(PENALTIES, at + 1)) {
            switch (PENALTIES.name(at)) {
                case "provenance" -> {
                    seen = once(seen, 1);
                    prov = provenance();
                }
                case "penalties" -> {
                    seen = once(seen, 2);
                    penalties = penaltyList();
                }
                case "abnormalOperationListings" -> {
                    seen = once(seen, 4);
                    abnormal = listings();
                }
                case "seriousViolationListings" -> {
                    seen = once(seen, 8);
                    serious = listings();
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, 3);
        return new PenaltyRecord(prov, penalties, abnormal, serious);
    }

    private List<Penalty> penaltyList() {
        startArray();
        List<Penalty> penalties = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            start();
            LocalDate date = null;
            PenaltySeverity severity = null;
            BigDecimal amount = null;
            int seen = 0;
            for (int at = field(PENALTY_LIST, 0); at >= 0; at = field(PENALTY_LIST, at + 1)) {
                switch (PENALTY_LIST.name(at)) {
                    case "date" -> {
                        seen = once(seen, 1);
                        date = date();
                    }
                    case "severity" -> {
                        seen = once(seen, 2);
                        severity = enumValue(SEVERITIES);
                    }
                    case "amount" -> {
                        seen = once(seen, 4);
                        amount = money(false);
                    }
                    default -> throw GIVE_UP;
                }
            }
            require(seen, 7);
            penalties.add(new Penalty(date, severity, amount));
        }
        return penalties;
    }

    private IntellectualPropertyRecord intellectualProperty() {
        start();
        Provenance prov = null;
        int[] counts = new int[4];
        int seen = 0;
        for (int at = field(INTELLECTUAL_PROPERTY, 0); at >= 0; at = field(INTELLECTUAL_PROPERTY, at + 1)) {
            seen = once(seen, 1 << at);
            if (at == 0) {
                prov = provenance();
            } else {
                counts[at - 1] = integer(0, TreeValidator.MAX_COUNT);
            }
        }
        require(seen, 31);
        return new IntellectualPropertyRecord(prov, counts[0], counts[1], counts[2], counts[3]);
    }

    private FinancialStatement financials() {
        start();
        Provenance prov = null;
        int year = 0;
        BigDecimal[] m = new BigDecimal[8];
        int seen = 0;
        for (int at = field(FINANCIALS, 0); at >= 0; at = field(FINANCIALS, at + 1)) {
            seen = once(seen, 1 << at);
            if (at == 0) {
                prov = provenance();
            } else if (at == 1) {
                year = endedYear();
            } else {
                m[at - 2] = money(at == 7 || at == 8); // netProfit and operatingCashFlow may be negative
            }
        }
        require(seen, (1 << 10) - 1);
        if (m[2].compareTo(m[0]) > 0 || m[3].compareTo(m[1]) > 0) {
            throw GIVE_UP;
        }
        return new FinancialStatement(prov, year, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7]);
    }

    private BankCreditRecord bankCredit() {
        start();
        Provenance prov = null;
        int loans = 0;
        BigDecimal balance = null;
        int current = 0;
        int worst = 0;
        int months = 0;
        int seen = 0;
        for (int at = field(BANK_CREDIT, 0); at >= 0; at = field(BANK_CREDIT, at + 1)) {
            switch (BANK_CREDIT.name(at)) {
                case "provenance" -> {
                    seen = once(seen, 1);
                    prov = provenance();
                }
                case "activeLoans" -> {
                    seen = once(seen, 1 << 1);
                    loans = integer(0, 10_000);
                }
                case "outstandingBalance" -> {
                    seen = once(seen, 1 << 2);
                    balance = money(false);
                }
                case "currentDaysOverdue" -> {
                    seen = once(seen, 1 << 3);
                    current = integer(0, 36_500);
                }
                case "maxDaysOverdue24m" -> {
                    seen = once(seen, 1 << 4);
                    worst = integer(0, 36_500);
                }
                case "monthsOfHistory" -> {
                    seen = once(seen, 1 << 5);
                    months = integer(0, 1_200);
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, 63);
        if (current > worst) {
            throw GIVE_UP;
        }
        return new BankCreditRecord(prov, loans, balance, current, worst, months);
    }

    private CarbonRecord carbon() {
        start();
        Provenance prov = null;
        int year = 0;
        double tonnes = 0;
        int seen = 0;
        for (int at = field(CARBON, 0); at >= 0; at = field(CARBON, at + 1)) {
            switch (CARBON.name(at)) {
                case "provenance" -> {
                    seen = once(seen, 1);
                    prov = provenance();
                }
                case "year" -> {
                    seen = once(seen, 2);
                    year = endedYear();
                }
                case "emissionsTonnes" -> {
                    seen = once(seen, 4);
                    tonnes = decimal(0, 1e10);
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, 7);
        return new CarbonRecord(prov, year, tonnes);
    }

    private SupplyChainLink supplyChain() {
        start();
        Provenance prov = null;
        Uscc core = null;
        String rating = null;
        int months = 0;
        BigDecimal receivables = null;
        int seen = 0;
        for (int at = field(SUPPLY_CHAIN, 0); at >= 0; at = field(SUPPLY_CHAIN, at + 1)) {
            switch (SUPPLY_CHAIN.name(at)) {
                case "provenance" -> {
                    seen = once(seen, 1);
                    prov = provenance();
                }
                case "coreEnterprise" -> {
                    seen = once(seen, 1 << 1);
                    core = Uscc.of(string(64, false));
                }
                case "coreRating" -> {
                    seen = once(seen, 1 << 2);
                    rating = string(5, false);
                    if (!TreeValidator.RATING.matcher(rating).matches()) {
                        throw GIVE_UP;
                    }
                }
                case "relationshipMonths" -> {
                    seen = once(seen, 1 << 3);
                    months = integer(0, 1_200);
                }
                case "confirmedReceivables" -> {
                    seen = once(seen, 1 << 4);
                    receivables = money(false);
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, 31);
        supplyCore = core;
        return new SupplyChainLink(prov, core, rating, months, receivables);
    }

    private Provenance provenance() {
        start();
        String system = null;
        Instant asOf = null;
        int seen = 0;
        for (int at = field(PROVENANCE, 0); at >= 0; at = field(PROVENANCE, at + 1)) {
            switch (PROVENANCE.name(at)) {
                case "sourceSystem" -> {
                    seen = once(seen, 1);
                    system = string(128, false);
                }
                case "asOf" -> {
                    seen = once(seen, 2);
                    asOf = instant(true);
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, 3);
        return Provenance.of(system, asOf);
    }

    private MonthlySeries series() {
        start();
        YearMonth first = null;
        int count = 0;
        int seen = 0;
        for (int at = field(SERIES, 0); at >= 0; at = field(SERIES, at + 1)) {
            switch (SERIES.name(at)) {
                case "firstMonth" -> {
                    seen = once(seen, 1);
                    first = yearMonth();
                }
                case "values" -> {
                    seen = once(seen, 2);
                    count = seriesValues();
                }
                default -> throw GIVE_UP;
            }
        }
        require(seen, 3);
        if (count > 0 && first.plusMonths(count - 1L).isAfter(appMonth)) {
            throw GIVE_UP;
        }
        if (UnitChange.mayHaveJumps(scratch, count)) { // rare: a month over 10 times another
            UnitChange.scan(scratch, count, (i, jump, before) -> {
                throw GIVE_UP; // a month in another unit: the tree walk words and locates it
            });
        }
        return MonthlySeries.of(first, Arrays.copyOf(scratch, count));
    }

    /** Reads the values array into {@link #scratch}; returns how many. */
    private int seriesValues() {
        startArray();
        int max = settings.maxSeriesMonths();
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            double d = number();
            if (!(d >= 0 && d <= 1e15) || n == max) {
                throw GIVE_UP;
            }
            if (n == scratch.length) {
                scratch = Arrays.copyOf(scratch, 2 * n);
            }
            scratch[n++] = d;
        }
        return n;
    }

    // ---------------------------------------------------------------- scalar values

    /**
     * Moves to the next field of an object and on to its value: the field's index in {@code fields}, or
     * -1 at the end of the object. The field {@code expected} (the writer's next one) is matched on the
     * characters without a symbol-table look-up; any other known field is found by name, an unknown or
     * over-long key gives up.
     */
    private int field(Fields fields, int expected) {
        if (expected < fields.names.length) {
            if (p.nextFieldName(fields.names[expected])) {
                return matched(fields, expected);
            }
        } else {
            p.nextToken();
        }
        return current(fields);
    }

    /** The field {@code i} of {@code fields} was just read: checks its key length and moves to its value. */
    private int matched(Fields fields, int i) {
        if (fields.names[i].length() > settings.maxKeyLength()) {
            throw GIVE_UP;
        }
        p.nextToken();
        return i;
    }

    /** The index of the current token's field in {@code fields} (moving to its value), or -1 at the object's end. */
    private int current(Fields fields) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.END_OBJECT) {
            return -1;
        }
        if (t != JsonToken.FIELD_NAME) {
            throw GIVE_UP;
        }
        String name = p.currentName();
        for (int i = 0; i < fields.names.length; i++) {
            if (fields.names[i].equals(name)) {
                return matched(fields, i);
            }
        }
        throw GIVE_UP;
    }

    private static int once(int seen, int bit) {
        if ((seen & bit) != 0) {
            throw GIVE_UP;
        }
        return seen | bit;
    }

    /** Every required field seen: each of {@code required}'s bits is set in {@code seen}. */
    private static void require(int seen, int required) {
        if ((seen & required) != required) {
            throw GIVE_UP;
        }
    }

    private void start() {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
    }

    private void startArray() {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw GIVE_UP;
        }
    }

    private String string(int maxLength, boolean blankAllowed) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw GIVE_UP;
        }
        String s = p.getText();
        if (s.length() > maxLength || !plain(s, blankAllowed)) {
            throw GIVE_UP;
        }
        return s;
    }

    /**
     * No control character ({@link Character#isISOControl}) and, unless {@code blankAllowed}, not blank
     * ({@link String#isBlank}): the tree walk's two checks in one pass, printable ASCII first.
     */
    static boolean plain(String s, boolean blankAllowed) {
        boolean seenNonBlank = blankAllowed;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 0x7F) {
                seenNonBlank = true;
            } else if (Character.isISOControl(c)) {
                return false;
            } else if (!seenNonBlank && !Character.isWhitespace(c)) {
                seenNonBlank = true;
            }
        }
        return seenNonBlank;
    }

    private <E extends Enum<E>> E enumValue(E[] values) {
        String s = string(64, false);
        for (E e : values) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw GIVE_UP;
    }

    /**
     * A product id of the right form (whether the rule set offers it is the engine's check); a
     * malformed one goes to the tree walk, which names the problem.
     */
    private Product product() {
        String s = string(64, false);
        for (Product known : PRODUCTS) {
            if (known.id().equals(s)) {
                return known;
            }
        }
        if (!Product.isValidId(s)) {
            throw GIVE_UP;
        }
        return Product.of(s);
    }

    private boolean bool() {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw GIVE_UP;
        }
        return t == JsonToken.VALUE_TRUE;
    }

    /** A whole number as {@link SafeTree} reads it (an integer token of at most 18 characters), in range. */
    private int integer(int min, int max) {
        long v = longValue();
        if (v < min || v > max) {
            throw GIVE_UP;
        }
        return (int) v;
    }

    private long longValue() {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getTextLength() > MAX_LONG_TEXT) {
            throw GIVE_UP;
        }
        return p.getLongValue();
    }

    /** A year that must have ended on or before the application date. */
    private int endedYear() {
        int y = integer(TreeValidator.EARLIEST_DATE.getYear(), 9999);
        if (appDate != null && y > maxYear) {
            throw GIVE_UP;
        }
        return y;
    }

    /**
     * Any number as the tree's node gives it as a {@code double}: an integer exactly, a decimal after
     * the text's range check (an all-zero decimal is 0.0, as {@code BigDecimal.ZERO} is in the tree),
     * correctly rounded like {@code BigDecimal.doubleValue()}.
     */
    private double number() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return longValue();
        }
        if (t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw GIVE_UP;
        }
        return switch (SafeTree.numberKind(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
            case SafeTree.ZERO -> 0.0;
            case SafeTree.NON_ZERO -> p.getDoubleValue();
            default -> throw GIVE_UP;
        };
    }

    private double decimal(double min, double max) {
        double d = number();
        if (!Double.isFinite(d) || d < min || d > max) {
            throw GIVE_UP;
        }
        return d;
    }

    /** Money as {@code TreeValidator.money}: a number or a decimal string, in range, at most two decimals. */
    private BigDecimal money(boolean signed) {
        BigDecimal v;
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            v = BigDecimal.valueOf(longValue());
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            char[] text = p.getTextCharacters();
            int off = p.getTextOffset();
            int len = p.getTextLength();
            v = switch (SafeTree.numberKind(text, off, len)) {
                case SafeTree.ZERO -> BigDecimal.ZERO;
                case SafeTree.NON_ZERO -> new BigDecimal(text, off, len);
                default -> throw GIVE_UP;
            };
        } else if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (!TreeValidator.MONEY_TEXT.matcher(s).matches()) {
                throw GIVE_UP;
            }
            v = new BigDecimal(s);
        } else {
            throw GIVE_UP;
        }
        if (v.compareTo(TreeValidator.MAX_MONEY) > 0 || v.compareTo(MIN_MONEY) < 0
                || !signed && v.signum() < 0
                || v.scale() > 2 && v.stripTrailingZeros().scale() > 2) {
            throw GIVE_UP;
        }
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private LocalDate date() {
        LocalDate d = anyDate();
        if (appDate != null && d.isAfter(appDate)) {
            throw GIVE_UP;
        }
        return d;
    }

    /** A date from the earliest accepted, after the application date too (a certificate's expiry). */
    private LocalDate anyDate() {
        LocalDate d = IsoText.date(string(10, false));
        if (d.isBefore(TreeValidator.EARLIEST_DATE)) {
            throw GIVE_UP;
        }
        return d;
    }

    private YearMonth yearMonth() {
        String s = string(7, false);
        YearMonth m = IsoText.yearMonth(s);
        if (m.getYear() < TreeValidator.EARLIEST_DATE.getYear() || s.length() != 7) {
            throw GIVE_UP;
        }
        return m;
    }

    private Instant instant(boolean sourceTime) {
        Instant t = IsoText.instant(string(64, false));
        if (t.isBefore(TreeValidator.EARLIEST_TIME)) {
            throw GIVE_UP;
        }
        if (!sourceTime && t.isAfter(settings.clock().instant().plus(settings.futureTolerance()))) {
            throw GIVE_UP;
        }
        if (sourceTime && appTime != null && t.isAfter(appTime.plus(settings.futureTolerance()))) {
            throw GIVE_UP;
        }
        return t;
    }
}
