package org.creditkit.core.synth;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditkit.core.codes.IndustryCode;
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
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.synth.Industries.Driver;
import org.creditkit.core.synth.Industries.Spec;

/**
 * Generates one record from (config, index): the firm's latent state, its observable data and its
 * true PD, following docs/synthetic-portfolio.md. Every constant of the ground-truth process is a
 * named field below so the documentation and the tests can cite it. Stateless apart from the
 * immutable config: safe to share between threads.
 */
final class RecordFactory {

    // ---- ground-truth default process (log-odds terms); see docs/synthetic-portfolio.md -------------
    static final double INTERCEPT = -4.65;
    static final double BETA_QUALITY = -1.0;
    static final double ZONE_CENTRAL = 0.10;
    static final double ZONE_WEST = 0.15;
    static final double ZONE_NORTHEAST = 0.25;
    static final double BETA_SIZE = -0.15;
    static final double YOUNG_UNDER_2Y = 0.45;
    static final double YOUNG_2_TO_4Y = 0.20;
    static final double TECH_INNOVATION = -0.45;
    static final double HIGH_TECH_INNOVATION = -0.20;
    static final double CONTINUITY_SENSITIVE = 10.0;
    static final double CONTINUITY_OTHER = 4.0;
    static final double AGRI_SEASONALITY = 1.2;
    static final double CARBON_TRANSITION = 0.35;
    static final double DISHONEST_UNREPAIRED = 1.6;
    static final double DISHONEST_REPAIRED = 0.4;
    static final double SERIOUS_PENALTY = 0.6;
    static final double OTHER_PENALTY = 0.15;
    static final double ENFORCEMENT = 0.6;
    static final double UNANSWERED_CASES = 0.4;
    static final double SI_ARREARS = 0.5;
    static final double OVERDUE_1_30 = 0.4;
    static final double OVERDUE_31_90 = 1.0;
    static final double OVERDUE_90_PLUS = 1.8;
    static final double CURRENTLY_OVERDUE = 1.2;
    static final double MISREPORTED_REVENUE = 0.5;
    static final double NO_CONSENT = 0.2;
    static final double HIGH_LOAN_TO_REVENUE = 0.35;
    static final double CORE_AA_OR_BETTER = -0.4;
    static final double CORE_A = -0.2;

    // ---- how clearly the observable data shows the latent quality (measurement noise) -----------------
    static final double GROWTH_NOISE = 0.05;
    static final double DEBT_NOISE = 0.3;
    static final double MARGIN_NOISE = 0.015;
    static final double RD_NOISE = 0.25;
    static final double RATING_QUALITY = 0.9;
    static final double RATING_NOISE = 0.15;
    static final double RATING_A = 0.85;
    static final double BANK_DEBT_QUALITY = -0.35;

    // ---- rates of the rarer states -----------------------------------------------------------------
    static final double P_NO_CONSENT = 0.03;
    static final double P_STALE = 0.05;
    static final double P_MISREPORT = 0.05;
    static final double P_REPAIRED = 0.4;
    /**
     * The negative lists beyond the courts' draw from their own stream (this salt on the seed), so
     * that adding them left every other value of a generated application as it was.
     */
    private static final long LISTS_SALT = 0x4E45474C49535453L;
    /** Qualifications draw from their own stream too: adding them changed no other generated value. */
    private static final long QUALIFICATIONS_SALT = 0x5155414C49464943L;
    static final double P_STATEMENTS_MICRO = 0.8;
    static final double P_STATEMENTS = 0.95;
    /** Catering and retail keep thinner books: statements for 60% of micro and 80% of other firms. */
    static final double P_STATEMENTS_MICRO_CONTINUITY = 0.6;
    static final double P_STATEMENTS_CONTINUITY = 0.8;

    // ---- industries whose generic indicators look worse than their risk (the one-size-fits-all failure)
    /** Technology firms: expensed R&D and few tangible assets show as thin margins and high leverage. */
    static final double TECH_GENERIC_LOOK = 0.5;
    /** Catering and retail: cash trade, leases and volatile sales show as weak ratios and volatility. */
    static final double CONTINUITY_GENERIC_LOOK = 0.5;

    private static final ZoneOffset CST = LoanApplication.CHINA_TIME;
    private static final String NAME_CHARS = "华瑞鑫源泰丰恒通达盛宏兴隆昌明远嘉诚信安德博睿晨阳光宇航越峰海川";
    private static final String[] CORE_RATINGS = {"AAA", "AA+", "AA", "AA-", "A+", "A", "BBB"};
    private static final double[] CORE_RATING_CUM = Rng.cumulative(25, 20, 25, 10, 8, 7, 5);
    private static final double[] OWNERSHIP_CUM = Rng.cumulative(88, 4, 3, 2, 3);
    private static final OwnershipType[] OWNERSHIPS = {OwnershipType.PRIVATE, OwnershipType.MIXED,
        OwnershipType.FOREIGN_INVESTED, OwnershipType.COLLECTIVE, OwnershipType.STATE_OWNED};
    private static final double[] GUARANTEE_CUM = Rng.cumulative(70, 12, 10, 8);
    private static final GuaranteeType[] GUARANTEES = {GuaranteeType.NONE, GuaranteeType.GUARANTEE_INSTITUTION,
        GuaranteeType.COLLATERAL, GuaranteeType.PERSONAL};
    private static final int[] TERMS = {6, 12, 12, 12, 24, 24, 36};
    private static final long[] CAPITALS = {100_000, 500_000, 1_000_000, 2_000_000, 3_000_000, 5_000_000,
        10_000_000, 20_000_000, 50_000_000};

    private final GeneratorConfig config;
    private final long firstDay;
    private final int days;

    RecordFactory(GeneratorConfig config) {
        this.config = config;
        this.firstDay = config.firstApplicationDate().toEpochDay();
        this.days = (int) (config.lastApplicationDate().toEpochDay() - firstDay + 1);
    }

    /** Everything about one firm that the default process reads (true values, not observations). */
    private static final class Truth {
        double q;
        double inactiveRate;
        double inactiveShare; // realised: share of the recent months without activity
        double innovation;
        double seasonAmplitude;
        double carbonZ;
        boolean hasCarbonExposure;
        int dishonest; // 0 none, 1 repaired, 2 unrepaired
        int seriousPenalties36m;
        int otherPenalties36m;
        int enforcement;
        int unanswered;
        boolean arrears;
        int maxOverdue;
        int currentOverdue;
        boolean misreport;
        String coreRating;
    }

    LabeledApplication create(long index) {
        Rng r = new Rng(config.seed(), index);
        Rng lists = new Rng(config.seed() ^ LISTS_SALT, index);
        Rng quals = new Rng(config.seed() ^ QUALIFICATIONS_SALT, index);
        Truth t = new Truth();

        // ---- who: industry, region, ownership, dates ---------------------------------------------
        Spec spec = Industries.ALL.get(r.pick(Industries.CUMULATIVE));
        IndustryCode industry = spec.codes().get(r.uniformInt(0, spec.codes().size() - 1));
        char section = industry.section();
        Regions.District district = Regions.DISTRICTS.get(r.pick(Regions.CUMULATIVE));
        OwnershipType ownership = OWNERSHIPS[r.pick(OWNERSHIP_CUM)];

        LocalDate appDate = LocalDate.ofEpochDay(firstDay + r.uniformInt(0, days - 1));
        Instant appTime = appDate.atTime(r.uniformInt(8, 19), r.uniformInt(0, 59), r.uniformInt(0, 59))
                .toInstant(CST);
        YearMonth appMonth = YearMonth.from(appDate);
        double ageYears = Math.min(35, 0.4 - 7 * Math.log(1 - r.uniform()));
        LocalDate established = appDate.minusDays((long) (ageYears * 365.25));
        ageYears = (appDate.toEpochDay() - established.toEpochDay()) / 365.25;

        // ---- latent quality and the scoring (measurement) bias --------------------------------------
        t.q = r.normal();
        double shift = config.scoringBias(section).map(GeneratorConfig.GroupBias::shift).orElse(0.0);
        double qo = t.q - shift; // what the data shows
        // what the generic indicators (leverage, margin, sales volatility, bank debt) show: for technology
        // and for catering and retail, worse than the firm is, by the nature of the business, not its risk
        double qg = qo - switch (spec.driver()) {
            case TECHNOLOGY -> TECH_GENERIC_LOOK;
            case CONTINUITY -> CONTINUITY_GENERIC_LOOK;
            default -> 0.0;
        };
        double contNoise = r.normal();
        double contOffset = spec.driver() == Driver.CONTINUITY ? 0.6 : 0.0;
        t.inactiveRate = Rng.sigmoid(-4.6 - 0.9 * t.q + 0.8 * contNoise + contOffset);
        double inactiveObs = Rng.sigmoid(-4.6 - 0.9 * qo + 0.8 * contNoise + contOffset);
        t.innovation = r.normal();
        double innovationObs = t.innovation - shift;
        t.seasonAmplitude = spec.driver() == Driver.SEASONALITY ? r.uniform(0.3, 1.2) : r.uniform(0.0, 0.5);
        t.carbonZ = r.normal();

        // ---- size: revenue, employees, assets ---------------------------------------------------------
        // true revenue drives the truth; the scoring bias scales what the data shows
        double lnRevDev = 0.25 * t.q + r.normal(0, 1.0);
        double trueRevenue = Math.min(2e9, Math.max(50_000, spec.medianRevenue() * Math.exp(lnRevDev)));
        double revenue = Math.max(50_000, trueRevenue * Math.exp(0.25 * (qo - t.q)));
        int employees = (int) Math.max(1, Math.round(revenue / spec.revenuePerHead() * r.lognormal(0.4)));
        double assets = revenue * spec.assetRatio() * r.lognormal(0.4);
        long assetsYuan = Math.max(10_000, Math.round(assets / 1000) * 1000);
        long capital = nearestCapital(assets * r.uniform(0.2, 0.8));

        // ---- operating continuity, month by month: the same draws decide the true and the observed
        // inactive months, so the scoring bias shifts only what the data shows
        int monthsSince = (int) Math.max(1, (appMonth.getYear() * 12L + appMonth.getMonthValue())
                - (established.getYear() * 12L + established.getMonthValue()));
        int n = Math.min(24, monthsSince);
        boolean[] inactive = new boolean[n];
        int trueInactiveMonths = 0;
        for (int i = 0; i < n; i++) {
            double u0 = r.uniform();
            inactive[i] = u0 < inactiveObs;
            trueInactiveMonths += u0 < t.inactiveRate ? 1 : 0;
        }
        t.inactiveShare = trueInactiveMonths / (double) Math.max(12, n);

        // ---- events, from the true quality -----------------------------------------------------------
        boolean listed = r.chance(Rng.sigmoid(-4.3 - 0.9 * t.q));
        boolean repaired = r.chance(P_REPAIRED);
        if (listed) {
            t.dishonest = repaired ? 1 : 2;
        }
        int penaltyCount = r.chance(Rng.sigmoid(-2.4 - 0.5 * t.q)) ? 1 + r.poisson(0.4) : 0;
        int cases = r.poisson(Math.exp(-1.9 - 0.6 * t.q));
        for (int i = 0; i < cases; i++) {
            if (r.chance(Rng.sigmoid(-1.5 - 1.0 * t.q))) {
                t.unanswered++;
            }
        }
        t.enforcement = r.poisson(Math.exp(-3.4 - 0.9 * t.q)) + (t.dishonest > 0 ? 1 : 0);
        t.arrears = r.chance(Rng.sigmoid(-3.3 - 0.8 * t.q));
        double u = 0.8 * t.q + r.normal(0, 0.6);
        t.maxOverdue = u < -2.3 ? r.uniformInt(91, 360) : u < -1.9 ? r.uniformInt(31, 90)
                : u < -1.4 ? r.uniformInt(1, 30) : 0;
        t.currentOverdue = t.maxOverdue > 0 && r.chance(0.2) ? r.uniformInt(1, t.maxOverdue) : 0;
        t.misreport = r.chance(P_MISREPORT + (t.q < -1 ? 0.04 : 0));
        // penalties over 42 months: some fall outside the 36-month window
        List<Penalty> penalties = new ArrayList<>(penaltyCount);
        for (int i = 0; i < penaltyCount; i++) {
            LocalDate d = appDate.minusDays(r.uniformInt(1, 1277));
            boolean serious = r.chance(0.2);
            if (d.isBefore(established)) {
                d = established;
            }
            boolean inWindow = d.isAfter(appDate.minusMonths(36));
            if (inWindow) {
                if (serious) {
                    t.seriousPenalties36m++;
                } else {
                    t.otherPenalties36m++;
                }
            }
            penalties.add(new Penalty(d, serious ? PenaltySeverity.SERIOUS
                    : r.chance(0.5) ? PenaltySeverity.GENERAL : PenaltySeverity.MINOR,
                    BigDecimal.valueOf(serious ? r.uniformInt(50, 500) * 1000L : r.uniformInt(0, 50) * 1000L)));
        }

        // ---- consent and which sources exist ------------------------------------------------------------
        boolean consent = !r.chance(P_NO_CONSENT);
        boolean micro = trueRevenue < 3e6;
        boolean hasTax = r.chance(0.96);
        boolean hasSi = r.chance(0.85);
        boolean hasUtil = r.chance(0.75);
        boolean hasCustoms = r.chance(spec.pCustoms());
        boolean hasCourts = r.chance(0.92);
        boolean hasPenalties = r.chance(0.90);
        boolean hasIp = r.chance(spec.pIp());
        boolean hasFin = spec.driver() == Driver.CONTINUITY
                ? r.chance(micro ? P_STATEMENTS_MICRO_CONTINUITY : P_STATEMENTS_CONTINUITY)
                : r.chance(micro ? P_STATEMENTS_MICRO : P_STATEMENTS);
        boolean hasBank = r.chance(0.70);
        if (!hasBank) {
            // no credit file: a firm that never borrowed from a bank has no overdue history either
            t.maxOverdue = 0;
            t.currentOverdue = 0;
        }
        t.hasCarbonExposure = r.chance(spec.pCarbon());
        boolean hasChain = r.chance(spec.pSupplyChain());
        int staleWhich = r.chance(P_STALE) ? r.uniformInt(0, 2) : -1; // 0 tax, 1 social insurance, 2 utilities
        int staleMonths = r.uniformInt(7, 14);
        if (hasChain) {
            t.coreRating = CORE_RATINGS[r.pick(CORE_RATING_CUM)];
        }

        // ---- the application ---------------------------------------------------------------------------------
        boolean techFirm = spec.driver() == Driver.TECHNOLOGY;
        Product product = Product.GENERAL;
        if (techFirm && r.chance(0.45)
                || spec.driver() == Driver.HIGH_TECH_MANUFACTURING && t.innovation > 0.5 && r.chance(0.4)) {
            product = Product.TECHNOLOGY;
        } else if (section == 'A' && r.chance(0.6)) {
            product = Product.AGRICULTURE;
        } else if (hasChain && r.chance(0.5)) {
            product = Product.SUPPLY_CHAIN;
        } else if (t.hasCarbonExposure && t.carbonZ < -0.5 && r.chance(0.3)) {
            product = Product.GREEN;
        }
        double loanShare = product.equals(Product.TECHNOLOGY) ? r.uniform(0.1, 0.6) : r.uniform(0.05, 0.35);
        long cap = product.equals(Product.TECHNOLOGY) ? 50_000_000 : 5_000_000;
        long amount = Math.max(50_000, Math.min(cap, Math.round(trueRevenue * loanShare / 10_000) * 10_000));
        int term = product.equals(Product.TECHNOLOGY) && r.chance(0.5) ? 36 : TERMS[r.uniformInt(0, TERMS.length - 1)];
        GuaranteeType guarantee = GUARANTEES[r.pick(GUARANTEE_CUM)];

        // ---- true PD ---------------------------------------------------------------------------------------------
        double logOdds = trueLogOdds(t, spec, district, trueRevenue, ageYears, consent, (double) amount / trueRevenue);
        double truePd = Math.round(Rng.sigmoid(logOdds) * 1e6) / 1e6;
        double recordedPd = truePd;
        var outcomeBias = config.recordedOutcomeBias(section);
        if (outcomeBias.isPresent() && truePd > 0 && truePd < 1) {
            recordedPd = Rng.sigmoid(Rng.logit(truePd) + outcomeBias.get().shift());
        }
        boolean defaulted = r.uniform() < recordedPd;

        // ---- observable data --------------------------------------------------------------------------------------
        SourceData.Builder sources = SourceData.builder();
        double growth = 0.04 + 0.10 * qo + r.normal(0, GROWTH_NOISE);
        double volatility = 0.015 + 0.06 * Rng.sigmoid(-1.5 * qg) + (spec.driver() == Driver.CONTINUITY ? 0.03 : 0);
        double[] season = spec.season();
        double seasonScale = spec.driver() == Driver.SEASONALITY ? t.seasonAmplitude / 0.6 : 1.0;
        // sales for the 24 months before the application month (fewer for young firms)
        YearMonth first = appMonth.minusMonths(n);
        double[] sales = new double[n];
        double last12 = 0;
        double monthlyGrowth = Math.pow(1 + Math.max(-0.6, growth), 1 / 12.0);
        double level = Math.pow(1 + Math.max(-0.6, growth), (-(n - 1) + 5.5) / 12);
        for (int i = 0; i < n; i++) {
            int calMonth = (first.getMonthValue() - 1 + i) % 12;
            level = i == 0 ? level : level * monthlyGrowth;
            double s = 1 + seasonScale * (season[calMonth] - 1);
            sales[i] = inactive[i] ? 0 : Math.max(0, level * Math.max(0.05, s) * r.lognormal(volatility));
            if (i >= n - 12) {
                last12 += sales[i];
            }
        }
        double taxScale = last12 > 0 ? revenue * (n >= 12 ? 1 : n / 12.0) * (1 + r.normal(0, 0.02)) / last12 : 0;
        double taxRate = spec.taxRate() * r.uniform(0.7, 1.3);
        double[] paid = new double[n];
        for (int i = 0; i < n; i++) {
            sales[i] = Math.round(sales[i] * taxScale);
            paid[i] = Math.round(sales[i] * taxRate);
        }
        // revenue as reported: the enterprise's last full year, the statement's fiscal year; both agree
        // with the tax declarations of the same calendar year unless the firm misreports
        int fy = appDate.getMonthValue() >= 5 ? appDate.getYear() - 1 : appDate.getYear() - 2;
        double lastYearSales = calendarYear(sales, first, appDate.getYear() - 1);
        double fySales = calendarYear(sales, first, fy);
        double honestNoise = 1 + r.normal(0, 0.012);
        double inflation = r.uniform(1.10, 1.40);
        double stmtRevenue = (fySales > 0 ? fySales : revenue) * (t.misreport ? inflation : honestNoise);
        double reportedRevenue = t.misreport && fy == appDate.getYear() - 1 ? stmtRevenue
                : (lastYearSales > 0 ? lastYearSales : revenue) * honestNoise;

        Enterprise enterprise = new Enterprise(uscc(r, district.code().code()),
                district.city() + NAME_CHARS.charAt(r.uniformInt(0, NAME_CHARS.length() - 1))
                        + NAME_CHARS.charAt(r.uniformInt(0, NAME_CHARS.length() - 1)) + spec.nameWord() + "有限公司",
                established, BigDecimal.valueOf(capital), industry, district.code(), employees,
                BigDecimal.valueOf(Math.round(reportedRevenue / 1000) * 1000), BigDecimal.valueOf(assetsYuan), ownership,
                qualifications(quals, spec.driver(), section, t.innovation, product.equals(Product.TECHNOLOGY), appDate,
                        established, district.code().code()));


        if (consent) {
            Instant recent = appTime.minusSeconds(3600L * r.uniformInt(1, 72));
            if (hasTax) {
                int drop = staleWhich == 0 ? Math.min(n - 1, staleMonths) : 0;
                double[] s = java.util.Arrays.copyOf(sales, n - drop);
                double[] p = java.util.Arrays.copyOf(paid, n - drop);
                sources.tax(new TaxRecord(prov("gov-tax", drop > 0 ? endOf(first.plusMonths(n - drop - 1)) : recent),
                        MonthlySeries.of(first, s), MonthlySeries.of(first, p),
                        taxRatings(r, qo, appDate, established),
                        listing(lists, Rng.sigmoid(-6.2 - 1.0 * t.q), 0.35, appDate, established)));
            }
            if (hasSi) {
                double coverage = r.chance(0.94) ? r.uniform(0.95, 1.0) : r.uniform(0.5, 0.9);
                double hcGrowth = 0.6 * growth + r.normal(0, 0.08);
                int drop = staleWhich == 1 ? Math.min(n - 1, staleMonths) : 0;
                double[] hc = new double[n - drop];
                double step = Math.pow(1 + Math.max(-0.6, hcGrowth), 1 / 12.0);
                double hcLevel = employees * coverage * Math.pow(1 + Math.max(-0.6, hcGrowth), -(n - 1) / 12.0);
                for (int i = 0; i < hc.length; i++) {
                    hc[i] = Math.max(0, Math.round(hcLevel * r.lognormal(0.03)));
                    hcLevel *= step;
                }
                double arrears = t.arrears ? Math.round(employees * r.uniform(2_000, 20_000)) : 0;
                sources.socialInsurance(new SocialInsuranceRecord(
                        prov("gov-social-insurance", drop > 0 ? endOf(first.plusMonths(n - drop - 1)) : recent),
                        MonthlySeries.of(first, hc), BigDecimal.valueOf((long) arrears)));
            }
            if (hasUtil) {
                int m = Math.min(12, n);
                int drop = staleWhich == 2 ? Math.min(m - 1, staleMonths) : 0;
                double[] kwh = new double[m - drop];
                double[] water = new double[m - drop];
                double perYuan = spec.kwhPer10k() / 10_000 * r.lognormal(0.3);
                double base = revenue / 12 * perYuan;
                for (int i = 0; i < kwh.length; i++) {
                    int si = n - m + i;
                    double e = inactive[si] ? (r.chance(0.5) ? 0 : base * r.uniform(0, 0.2))
                            : taxScale > 0 ? (0.5 * base + 0.5 * sales[si] * perYuan) * r.lognormal(0.03) : base * r.lognormal(0.03);
                    kwh[i] = Math.round(e);
                    water[i] = Math.round(e * 0.004 * r.lognormal(0.2));
                }
                YearMonth uf = appMonth.minusMonths(m);
                sources.utilities(new UtilityRecord(
                        prov("state-grid", drop > 0 ? endOf(uf.plusMonths(m - drop - 1)) : recent),
                        MonthlySeries.of(uf, kwh), MonthlySeries.of(uf, water)));
            }
            if (hasCustoms) {
                int m = Math.min(12, n);
                double share = r.uniform(0.05, 0.7);
                double importShare = r.chance(0.5) ? r.uniform(0.02, 0.3) : 0;
                double[] exp = new double[m];
                double[] imp = new double[m];
                for (int i = 0; i < m; i++) {
                    double s = sales[n - m + i];
                    exp[i] = r.chance(0.15) ? 0 : Math.round(s * share * r.lognormal(0.3));
                    imp[i] = r.chance(0.4) ? 0 : Math.round(s * importShare * r.lognormal(0.3));
                }
                YearMonth cf = appMonth.minusMonths(m);
                sources.customs(new CustomsRecord(prov("customs-single-window", recent),
                        MonthlySeries.of(cf, imp), MonthlySeries.of(cf, exp)));
            }
            if (hasCourts) {
                List<DishonestListing> listings = new ArrayList<>(1);
                if (t.dishonest > 0) {
                    long span = Math.max(31, Math.min(1500, appDate.toEpochDay() - established.toEpochDay()));
                    LocalDate l = appDate.minusDays(r.uniformInt(30, (int) span));
                    if (l.isBefore(established)) {
                        l = established;
                    }
                    Optional<LocalDate> fixed = Optional.empty();
                    if (t.dishonest == 1) {
                        long room = appDate.toEpochDay() - 1 - l.toEpochDay();
                        fixed = Optional.of(l.plusDays(room <= 0 ? 0 : r.uniformInt(0, (int) Math.min(room, 600))));
                    }
                    listings.add(new DishonestListing(l, fixed));
                }
                sources.courts(new CourtRecord(prov("court-enforcement", recent), cases, t.unanswered,
                        t.enforcement, listings));
            }
            if (hasPenalties) {
                sources.penalties(new PenaltyRecord(prov("market-supervision", recent), penalties,
                        listing(lists, Rng.sigmoid(-3.6 - 0.8 * t.q), 0.6, appDate, established),
                        listing(lists, Rng.sigmoid(-6.5 - 1.0 * t.q), 0.25, appDate, established)));
            }
            if (hasIp) {
                double tech = techFirm ? 0.8 : spec.driver() == Driver.HIGH_TECH_MANUFACTURING ? -0.3 : -2.3;
                int inv = r.poisson(Math.exp(tech + 0.7 * innovationObs));
                int util = r.poisson((techFirm || section == 'C' ? 2.5 : 0.3) * Math.exp(0.4 * innovationObs));
                sources.intellectualProperty(new IntellectualPropertyRecord(prov("cnipa", recent), inv, util,
                        r.poisson(1.2), r.poisson(0.2 + 0.1 * inv)));
            }
            if (hasFin) {
                Instant asOf = LocalDate.of(fy + 1, 4, 30).atStartOfDay().toInstant(CST);
                if (asOf.isAfter(appTime)) {
                    asOf = recent;
                }
                double debt = Rng.sigmoid(-0.2 - 0.5 * qg + r.normal(0, DEBT_NOISE));
                double liabilities = assets * debt;
                double margin = (techFirm ? 0.0 : 0.03) + 0.04 * qg + r.normal(0, MARGIN_NOISE); // tech expenses its R&D
                double profit = stmtRevenue * margin;
                double ocf = profit * r.uniform(0.5, 1.5) + r.normal(0, 0.03) * stmtRevenue;
                double rd = techFirm ? stmtRevenue * Math.exp(r.normal(Math.log(0.06) + 0.35 * innovationObs, RD_NOISE))
                        : spec.driver() == Driver.HIGH_TECH_MANUFACTURING
                        ? stmtRevenue * Math.exp(r.normal(Math.log(0.025) + 0.35 * innovationObs, RD_NOISE))
                        : r.chance(0.3) ? stmtRevenue * r.uniform(0, 0.01) : 0;
                sources.financials(new FinancialStatement(prov("audited-statement", asOf), fy, money(assets),
                        money(liabilities), money(assets * r.uniform(0.4, 0.8)), money(liabilities * r.uniform(0.5, 0.9)),
                        money(stmtRevenue), BigDecimal.valueOf(Math.round(profit)),
                        BigDecimal.valueOf(Math.round(ocf)), money(Math.min(rd, stmtRevenue))));
            }
            if (t.hasCarbonExposure) {
                double tonnes = revenue / 10_000 * spec.carbonPer10k() * Math.exp(0.5 * t.carbonZ);
                Instant asOf = LocalDate.of(appDate.getYear(), 1, 1).atStartOfDay().toInstant(CST);
                sources.carbon(new CarbonRecord(prov("carbon-registry", asOf.isAfter(appTime) ? recent : asOf),
                        appDate.getYear() - 1, Math.round(tonnes * 10) / 10.0));
            }
            if (hasChain) {
                int months = Math.max(1, Math.min(monthsSince, r.uniformInt(6, 120)));
                sources.supplyChain(new SupplyChainLink(prov("supply-chain-platform", recent),
                        uscc(r, Regions.DISTRICTS.get(r.pick(Regions.CUMULATIVE)).code().code()), t.coreRating, months,
                        money(revenue * r.uniform(0.02, 0.3))));
            }
        }
        if (hasBank) {
            int loans = r.chance(0.25) ? 0 : 1 + r.poisson(0.8);
            // weaker firms borrow more against their sales
            double balance = loans == 0 ? 0
                    : revenue * r.uniform(0.05, 0.5) * Math.min(loans, 3) / 2 * Math.exp(BANK_DEBT_QUALITY * qg);
            int history = Math.min(monthsSince, r.uniformInt(0, 120));
            sources.bankCredit(new BankCreditRecord(prov("pboc-credit-reference", appTime.minusSeconds(3600)), loans,
                    money(balance), t.currentOverdue, t.maxOverdue, history));
        }

        LoanApplication application = new LoanApplication(id(index), appTime, product,
                BigDecimal.valueOf(amount), term, purpose(product, r), guarantee, consent, enterprise, sources.build());
        return LabeledApplication.of(application, defaulted, truePd);
    }

    /** The true log-odds of default: docs/synthetic-portfolio.md, section "Ground truth". */
    private static double trueLogOdds(Truth t, Spec spec, Regions.District district, double revenue, double ageYears,
                                      boolean consent, double loanToRevenue) {
        double x = INTERCEPT + spec.riskOffset() + BETA_QUALITY * t.q;
        x += switch (district.zone()) {
            case EAST -> 0;
            case CENTRAL -> ZONE_CENTRAL;
            case WEST -> ZONE_WEST;
            case NORTHEAST -> ZONE_NORTHEAST;
        };
        x += BETA_SIZE * Math.log(revenue / spec.medianRevenue());
        x += ageYears < 2 ? YOUNG_UNDER_2Y : ageYears < 4 ? YOUNG_2_TO_4Y : 0;
        switch (spec.driver()) {
            case TECHNOLOGY -> x += TECH_INNOVATION * t.innovation;
            case HIGH_TECH_MANUFACTURING -> x += HIGH_TECH_INNOVATION * t.innovation;
            case SEASONALITY -> x += AGRI_SEASONALITY * (t.seasonAmplitude - 0.75);
            default -> {
            }
        }
        x += (spec.driver() == Driver.CONTINUITY ? CONTINUITY_SENSITIVE : CONTINUITY_OTHER) * t.inactiveShare;
        if (t.hasCarbonExposure && spec.driver() == Driver.CARBON) {
            x += CARBON_TRANSITION * t.carbonZ;
        }
        x += t.dishonest == 2 ? DISHONEST_UNREPAIRED : t.dishonest == 1 ? DISHONEST_REPAIRED : 0;
        x += SERIOUS_PENALTY * Math.min(2, t.seriousPenalties36m) + OTHER_PENALTY * Math.min(3, t.otherPenalties36m);
        x += t.enforcement > 0 ? ENFORCEMENT : 0;
        x += t.unanswered > 0 ? UNANSWERED_CASES : 0;
        x += t.arrears ? SI_ARREARS : 0;
        x += t.maxOverdue > 90 ? OVERDUE_90_PLUS : t.maxOverdue > 30 ? OVERDUE_31_90 : t.maxOverdue > 0 ? OVERDUE_1_30 : 0;
        x += t.currentOverdue > 0 ? CURRENTLY_OVERDUE : 0;
        x += t.misreport ? MISREPORTED_REVENUE : 0;
        x += consent ? 0 : NO_CONSENT;
        x += loanToRevenue > 0.3 ? HIGH_LOAN_TO_REVENUE : 0;
        if (t.coreRating != null) {
            x += t.coreRating.startsWith("AA") ? CORE_AA_OR_BETTER : t.coreRating.startsWith("A") ? CORE_A : 0;
        }
        return x;
    }

    /** Sum of the series over calendar year {@code year}, or -1 unless the series covers all of it. */
    private static double calendarYear(double[] series, YearMonth first, int year) {
        int from = (year - first.getYear()) * 12 - (first.getMonthValue() - 1);
        if (from < 0 || from + 12 > series.length) {
            return -1;
        }
        double sum = 0;
        for (int i = from; i < from + 12; i++) {
            sum += series[i];
        }
        return sum;
    }

    /**
     * At most one entry of a negative list: listed with probability {@code pListed} between 30 days and
     * about four years before the application (not before establishment), repaired with probability
     * {@code pRepaired} on a day before the application. Rates (per application, at average quality):
     * major tax violation about 0.3%, abnormal operation about 3.5%, serious violation about 0.2%.
     */
    private static List<DishonestListing> listing(Rng r, double pListed, double pRepaired, LocalDate appDate,
                                                  LocalDate established) {
        boolean listed = r.chance(pListed);
        boolean repaired = r.chance(pRepaired);
        long span = Math.max(31, Math.min(1500, appDate.toEpochDay() - established.toEpochDay()));
        int back = r.uniformInt(30, (int) span);
        int fix = r.uniformInt(0, 600);
        if (!listed) {
            return List.of();
        }
        LocalDate l = appDate.minusDays(back);
        if (l.isBefore(established)) {
            l = established;
        }
        long room = appDate.toEpochDay() - 1 - l.toEpochDay();
        Optional<LocalDate> fixed = repaired ? Optional.of(l.plusDays(room <= 0 ? 0 : Math.min(room, fix)))
                : Optional.empty();
        return List.of(new DishonestListing(l, fixed));
    }

    /**
     * The enterprise's certificates. Who holds any: about 90% of the firms applying for the technology
     * product (they apply because they qualify), 40% of other technology-driven firms (software, IT
     * services, research), 30% of high-tech manufacturers, 3% of other manufacturers and 0.4% of the
     * rest, more often with more innovation, never a firm younger than a year. A holder has a high-tech
     * certificate (65%, three years, numbered {@code GR<year><province><5 digits>}), a technology-based SME
     * registration (50%, one year), 专精特新 recognition (30%, three years; one in five of them also a
     * little giant); at least one of them. Issue dates go back up to about 3.5 years (one year for the
     * registration), so about one certificate in seven has expired by the application date.
     */
    private static List<Qualification> qualifications(Rng r, Driver driver, char section, double innovation,
                                                      boolean techProduct, LocalDate appDate, LocalDate established,
                                                      String region) {
        double logit = techProduct ? 2.6 + 0.6 * innovation
                : driver == Driver.TECHNOLOGY ? -0.4 + 0.9 * innovation
                : driver == Driver.HIGH_TECH_MANUFACTURING ? -0.9 + 0.9 * innovation
                : section == 'C' ? -3.5 + 0.5 * innovation : -5.5;
        if (!r.chance(Rng.sigmoid(logit)) || established.plusDays(365).isAfter(appDate)) {
            return List.of();
        }
        boolean highTech = r.chance(0.65);
        boolean techSme = r.chance(0.5);
        boolean specialised = r.chance(0.3);
        boolean giant = specialised && r.chance(0.2);
        List<Qualification> out = new ArrayList<>(4);
        if (highTech || !techSme && !specialised) {
            LocalDate issued = certificateIssued(r, 1300, appDate, established);
            String no = "GR" + issued.getYear() + region.substring(0, 2) + String.valueOf(100_000 + r.uniformInt(0, 99_999)).substring(1);
            out.add(new Qualification(QualificationKind.HIGH_TECH_ENTERPRISE, Optional.of(no), issued,
                    issued.plusYears(3).minusDays(1)));
        }
        if (techSme) {
            LocalDate issued = certificateIssued(r, 420, appDate, established);
            out.add(new Qualification(QualificationKind.TECH_SME, Optional.empty(), issued,
                    issued.plusYears(1).minusDays(1)));
        }
        if (specialised) {
            LocalDate issued = certificateIssued(r, 1300, appDate, established);
            out.add(new Qualification(QualificationKind.SPECIALISED_INNOVATIVE_SME, Optional.empty(), issued,
                    issued.plusYears(3).minusDays(1)));
        }
        if (giant) {
            LocalDate issued = certificateIssued(r, 1300, appDate, established);
            out.add(new Qualification(QualificationKind.LITTLE_GIANT, Optional.empty(), issued,
                    issued.plusYears(3).minusDays(1)));
        }
        return out;
    }

    /** An issue date 10..{@code maxDaysBack} days before the application, a year after establishment at the earliest. */
    private static LocalDate certificateIssued(Rng r, int maxDaysBack, LocalDate appDate, LocalDate established) {
        LocalDate issued = appDate.minusDays(r.uniformInt(10, maxDaysBack));
        LocalDate earliest = established.plusDays(365);
        return issued.isBefore(earliest) ? earliest : issued;
    }

    private static List<TaxRating> taxRatings(Rng r, double qo, LocalDate appDate, LocalDate established) {
        List<TaxRating> out = new ArrayList<>(3);
        double persistent = r.normal(0, RATING_NOISE);
        for (int y = appDate.getYear() - 3; y < appDate.getYear(); y++) {
            double z = RATING_QUALITY * qo + persistent + r.normal(0, RATING_NOISE);
            if (established.getYear() > y) {
                continue; // not yet registered that year
            }
            TaxGrade g;
            if (established.getYear() == y) {
                g = TaxGrade.M; // new taxpayer
            } else if (z > RATING_A) {
                g = TaxGrade.A;
            } else if (z > -1.0) {
                g = TaxGrade.B;
            } else if (z > -2.1) {
                g = TaxGrade.C;
            } else {
                g = TaxGrade.D;
            }
            out.add(new TaxRating(y, g));
        }
        return out;
    }

    private static String purpose(Product p, Rng r) {
        if (p.equals(Product.TECHNOLOGY)) {
            return r.chance(0.5) ? "研发投入" : "设备购置与技术改造";
        } else if (p.equals(Product.AGRICULTURE)) {
            return r.chance(0.5) ? "农资采购" : "季节性收购";
        } else if (p.equals(Product.GREEN)) {
            return "节能改造";
        } else if (p.equals(Product.SUPPLY_CHAIN)) {
            return "应收账款融资";
        }
        return r.chance(0.6) ? "流动资金周转" : "采购原材料";
    }

    /** {@code SYN-000000042}: zero-padded to nine digits. */
    static String id(long index) {
        String digits = Long.toString(index);
        StringBuilder sb = new StringBuilder(13).append("SYN-");
        for (int i = digits.length(); i < 9; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    private static Provenance prov(String system, Instant asOf) {
        return Provenance.of(system, asOf);
    }

    /** The last day of a month at 23:00 CST. */
    private static Instant endOf(YearMonth m) {
        return m.atEndOfMonth().atTime(23, 0).toInstant(CST);
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(Math.max(0, Math.round(v)));
    }

    private static long nearestCapital(double target) {
        long best = CAPITALS[0];
        for (long c : CAPITALS) {
            if (Math.abs(c - target) < Math.abs(best - target)) {
                best = c;
            }
        }
        return best;
    }

    private static Uscc uscc(Rng r, String regionDigits) {
        StringBuilder sb = new StringBuilder(18).append("91").append(regionDigits);
        String cs = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 9; i++) {
            sb.append(cs.charAt(r.uniformInt(0, 30))); // nine draws (the ninth unused) keep the seeded stream
        }
        return Uscc.complete(sb.substring(0, 16));
    }
}
