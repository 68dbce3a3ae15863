package org.creditkit.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditkit.core.domain.CourtRecord;
import org.creditkit.core.domain.DishonestListing;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.domain.Penalty;
import org.creditkit.core.domain.PenaltySeverity;
import org.creditkit.core.domain.TaxGrade;
import org.creditkit.core.domain.TaxRating;
import org.creditkit.core.domain.TaxRecord;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.quality.DataQualityFinding;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.domain.SourceLineage;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.domain.Product;
import org.creditkit.core.domain.GuaranteeType;
import org.creditkit.core.codes.SizeClass;

/**
 * Maps a loan application, its score and its data-quality report to the flat {@link RuleInput} the
 * rules see. The only place in credit-rules that knows the domain model.
 *
 * <ul>
 *   <li>Decision date: the calendar day of the application time in China Standard Time (UTC+8),
 *       as the feature extractor and the data-quality checker use.</li>
 *   <li>Annual revenue (limit base): the financial statement's revenue when a statement is present,
 *       else the sum of the last 12 months of tax-declared sales when the tax record covers 12 months;
 *       otherwise absent. Self-reported revenue is not a limit base (it is unverified).</li>
 *   <li>Annual tax paid: the sum of the last 12 months of tax paid when 12 months are present; else absent.</li>
 *   <li>Dishonest debtor: any listing not repaired as of the decision date is {@code UNREPAIRED} (red
 *       card); otherwise the latest repair date makes it {@code REPAIRED}; no listing (or no court
 *       record) is {@code NONE}.</li>
 *   <li>Major tax violation (tax record), abnormal-operation and serious-violation lists (penalties
 *       record): as the dishonest debtor, per list ({@link ListStanding}), with the whole months since
 *       the latest repair; an absent record is {@code NONE}.</li>
 *   <li>Serious penalties: penalties of severity SERIOUS dated on or before the decision date; the
 *       months since the latest one.</li>
 *   <li>Whitelist: tax ratings for the three years before the decision year are all A.</li>
 *   <li>Core enterprise rating: from the supply-chain link when present.</li>
 * </ul>
 */
public final class RuleInputMapper {

    private RuleInputMapper() {
    }

    /**
     * Maps one application.
     *
     * @param app the application
     * @param x its extracted features (standard catalogue): every indicator reaches the rules
     * @param score its score result
     * @param quality its data-quality report
     * @return the rule input
     * @throws RuleInputException when the application cannot be expressed as a valid rule input
     */
    public static RuleInput map(LoanApplication app, FeatureVector x, ScoreResult score, DataQualityReport quality) {
        // straight into the record's constructor: a builder of 34 fields was about 130 bytes a decision
        LocalDate day = app.decisionDate();
        var e = app.enterprise();
        var s = app.sources();
        TaxRecord tax = s.tax().orElse(null);
        boolean hasRevenue = false;
        BigDecimal revenue = BigDecimal.ZERO;
        if (s.financials().isPresent()) {
            hasRevenue = true;
            revenue = s.financials().get().revenue().max(BigDecimal.ZERO);
        } else if (tax != null && tax.declaredSales().length() >= 12) {
            hasRevenue = true;
            revenue = last12(tax.declaredSales());
        }
        boolean hasTaxPaid = tax != null && tax.taxPaid().length() >= 12;
        BigDecimal taxPaid = hasTaxPaid ? last12(tax.taxPaid()) : BigDecimal.ZERO;
        boolean whitelisted = tax != null && whitelisted(tax.ratings(), day.getYear());
        ListStanding majorTaxViolation = tax != null ? standing(tax.majorViolationListings(), day) : ListStanding.NONE;
        ListStanding abnormalOperation = ListStanding.NONE;
        ListStanding seriousViolation = ListStanding.NONE;
        int seriousPenalties = 0;
        int monthsSincePenalty = RuleInput.NO_PENALTY;
        if (s.penalties().isPresent()) {
            var pr = s.penalties().get();
            abnormalOperation = standing(pr.abnormalOperationListings(), day);
            seriousViolation = standing(pr.seriousViolationListings(), day);
            List<Penalty> penalties = pr.penalties();
            LocalDate latest = null;
            for (int i = 0; i < penalties.size(); i++) {
                Penalty p = penalties.get(i);
                if (p.severity() == PenaltySeverity.SERIOUS && !p.date().isAfter(day)) {
                    seriousPenalties++;
                    if (latest == null || p.date().isAfter(latest)) {
                        latest = p.date();
                    }
                }
            }
            if (seriousPenalties > 0) {
                monthsSincePenalty = (int) ChronoUnit.MONTHS.between(latest, day);
            }
        }
        DebtorStatus debtor = DebtorStatus.NONE;
        LocalDate repairDate = RuleInput.NO_DATE;
        CourtRecord courts = s.courts().orElse(null);
        if (courts != null && !courts.dishonestListings().isEmpty()) {
            boolean unrepaired = false;
            LocalDate latestRepair = null;
            List<DishonestListing> listings = courts.dishonestListings();
            for (int i = 0; i < listings.size(); i++) {
                DishonestListing l = listings.get(i);
                if (l.listed().isAfter(day)) {
                    continue;
                }
                if (!l.isRepairedAsOf(day)) {
                    unrepaired = true;
                } else if (latestRepair == null || l.repaired().get().isAfter(latestRepair)) {
                    latestRepair = l.repaired().get();
                }
            }
            if (unrepaired) {
                debtor = DebtorStatus.UNREPAIRED;
            } else if (latestRepair != null) {
                debtor = DebtorStatus.REPAIRED;
                repairDate = latestRepair;
            }
        }
        String coreRating = "";
        if (s.supplyChain().isPresent() && !s.supplyChain().get().coreRating().isBlank()) {
            coreRating = s.supplyChain().get().coreRating();
        }
        return new RuleInput(app.id(), day, app.product(), app.amount(), app.termMonths(), app.dataUseConsent(),
                e.industry().sectionCode(), e.industry().code(), e.sizeClass(), e.region().code(), hasRevenue, revenue,
                hasTaxPaid, taxPaid, score.pd(), score.score(), score.grade().code(),
                // the score reasons with their lineage are made on first read (a decision reads their codes only)
                new ScoreReasons(score.reasons(), app), quality.flags(), debtor, repairDate, seriousPenalties,
                monthsSincePenalty, whitelisted, !coreRating.isEmpty(), coreRating, app.guarantee(),
                score.confidence(), SharedSourceSet.of(score.missingSources()), Indicators.of(x), majorTaxViolation,
                abnormalOperation, seriousViolation, e.qualifications());
    }

    /** Members derived from the score: their lineage is the lineage of the score reasons. */
    private static final Set<String> FROM_SCORE = Set.of("pd", "score", "grade", "scoreReasons", "gradePriced",
            "gradePrice");
    /**
     * Members derived from which sources are present at all (the score's confidence, the missing
     * sources, the whole indicator table): their lineage is every source present in the application.
     */
    private static final Set<String> FROM_ALL_SOURCES = Set.of("scoreConfidence", "missingSources", "indicators",
            // a product's eligibility (Case.isEligible and its texts) may test any indicator of the application
            "eligible", "ineligibleEn", "ineligibleZh");
    /** Members derived from the data-quality checks: their lineage is the sources of the findings. */
    private static final Set<String> FROM_QUALITY = Set.of("dataQualityFlags", "reviewFlagged", "warningFlagged");
    /** Members derived from a fixed set of sources, as {@link #map} derives them. */
    private static final Map<String, List<DataSource>> FROM_SOURCES = Map.ofEntries(
            Map.entry("applicationId", List.of(DataSource.APPLICATION)),
            Map.entry("decisionDate", List.of(DataSource.APPLICATION)),
            Map.entry("product", List.of(DataSource.APPLICATION)),
            Map.entry("riskFundCovered", List.of(DataSource.APPLICATION)),
            Map.entry("requestedAmount", List.of(DataSource.APPLICATION)),
            Map.entry("requestedTermMonths", List.of(DataSource.APPLICATION)),
            Map.entry("consent", List.of(DataSource.APPLICATION)),
            Map.entry("guaranteeOffered", List.of(DataSource.APPLICATION)),
            // certificates are supplied with the application (enterprise.qualifications)
            Map.entry("qualifications", List.of(DataSource.APPLICATION)),
            Map.entry("holds", List.of(DataSource.APPLICATION)),
            Map.entry("industrySection", List.of(DataSource.MARKET_SUPERVISION)),
            Map.entry("industryDivision", List.of(DataSource.MARKET_SUPERVISION)),
            Map.entry("industryMultiple", List.of(DataSource.MARKET_SUPERVISION)),
            Map.entry("sizeClass", List.of(DataSource.MARKET_SUPERVISION)),
            Map.entry("region", List.of(DataSource.MARKET_SUPERVISION)),
            Map.entry("hasAnnualTaxPaid", List.of(DataSource.TAX)),
            Map.entry("annualTaxPaid", List.of(DataSource.TAX)),
            Map.entry("taxRatingA3Years", List.of(DataSource.TAX)),
            Map.entry("majorTaxViolation", List.of(DataSource.TAX)),
            Map.entry("abnormalOperation", List.of(DataSource.PENALTIES)),
            Map.entry("seriousViolation", List.of(DataSource.PENALTIES)),
            Map.entry("debtorStatus", List.of(DataSource.COURTS)),
            Map.entry("repairDate", List.of(DataSource.COURTS)),
            Map.entry("monthsSinceRepair", List.of(DataSource.COURTS)),
            Map.entry("seriousPenaltyCount", List.of(DataSource.PENALTIES)),
            Map.entry("monthsSinceLastSeriousPenalty", List.of(DataSource.PENALTIES)),
            Map.entry("hasCoreEnterpriseRating", List.of(DataSource.SUPPLY_CHAIN)),
            Map.entry("coreEnterpriseRating", List.of(DataSource.SUPPLY_CHAIN)),
            Map.entry("coreRatingAccepted", List.of(DataSource.SUPPLY_CHAIN)));
    /** Members that carry no applicant data (the case's parameters, its verdict methods, the input as a whole). */
    static final Set<String> NO_DATA = Set.of("input", "params", "tier", "measure", "limit", "price", "note",
            "rateDiscount", "limitUplift",
            // format their arguments, whose own members carry the lineage
            "plain", "text",
            "toString", "hashCode", "equals");

    /**
     * Whether {@link #lineage} knows where a member comes from (every {@link RuleInput} component and
     * every {@link Case} member that reads the input must be known, or its rules' reasons would
     * silently lose their lineage).
     *
     * @param member a member name
     * @return true when its sources are known or it carries no applicant data
     */
    static boolean knows(String member) {
        return FROM_SCORE.contains(member) || FROM_QUALITY.contains(member) || FROM_SOURCES.containsKey(member)
                || FROM_ALL_SOURCES.contains(member)
                || member.equals("hasAnnualRevenue") || member.equals("annualRevenue") || NO_DATA.contains(member);
    }

    /** Plan steps besides the {@link DataSource} ordinals: the score reasons' lineage. */
    static final int SCORE = -1;
    /** Plan step: the sources the data-quality findings are about. */
    static final int QUALITY = -2;
    /** Plan step: the financial statement when there is one, else the tax record (as {@link #map} chooses the revenue). */
    static final int REVENUE = -3;
    /** Plan step: every source present. */
    static final int ALL = -4;
    private static final DataSource[] SOURCES = DataSource.values();

    /**
     * What the lineage of a rule that reads {@code members} is made of; made once per rule set, so a
     * decision looks up no member names.
     *
     * @param members member names, as {@link RuleChecker} resolved them in a rule
     * @return the plan, its steps without repeats in member order
     */
    static InputLineage.Plan plan(Set<String> members) {
        int[] steps = new int[SOURCES.length + 4];
        int n = 0;
        for (String m : members) {
            if (FROM_SCORE.contains(m)) {
                n = addStep(steps, n, SCORE);
            } else if (FROM_ALL_SOURCES.contains(m)) {
                n = addStep(steps, n, ALL);
            } else if (FROM_QUALITY.contains(m)) {
                n = addStep(steps, n, QUALITY);
            } else if (m.equals("hasAnnualRevenue") || m.equals("annualRevenue")) {
                n = addStep(steps, n, REVENUE);
            } else {
                for (DataSource d : FROM_SOURCES.getOrDefault(m, List.of())) {
                    n = addStep(steps, n, d.ordinal());
                }
            }
        }
        return new InputLineage.Plan(java.util.Arrays.copyOf(steps, n));
    }

    private static int addStep(int[] steps, int n, int step) {
        for (int i = 0; i < n; i++) {
            if (steps[i] == step) {
                return n;
            }
        }
        steps[n] = step;
        return n + 1;
    }

    /**
     * The lineage of one application's data, for the rule reasons of its decision: each source's
     * supplying system and as-of time as {@link SourceLineage#of} gives them, computed at most once
     * per source and decision; the PD, score and grade carry the lineage of the score reasons (as
     * the input holds them), the data-quality flags the sources their findings are about.
     *
     * @param app the application
     * @param input its rule input (its score reasons with their lineage)
     * @param quality its data-quality report
     * @return the lineage of this application, for one decision
     */
    static InputLineage lineage(LoanApplication app, RuleInput input, DataQualityReport quality) {
        return new ApplicationLineage(app, input, quality);
    }

    /**
     * What one decision's lineage is taken from, until its reasons are first read (most decisions never are):
     * three references, where the tables that compute it ({@link LineageTables}) are about 70 bytes more.
     * Not thread-safe: the decision's {@link LazyReasons} call it under their lock, once.
     */
    private static final class ApplicationLineage implements InputLineage {
        private final LoanApplication app;
        private final RuleInput input;
        private final DataQualityReport quality;
        private LineageTables tables;

        ApplicationLineage(LoanApplication app, RuleInput input, DataQualityReport quality) {
            this.app = app;
            this.input = input;
            this.quality = quality;
        }

        @Override
        public List<SourceLineage> of(InputLineage.Plan plan) {
            if (tables == null) {
                tables = new LineageTables(app, input, quality);
            }
            return tables.of(plan);
        }
    }

    /**
     * One decision's lineage. An application has at most one lineage entry per source (its record's
     * system and as-of time), so the lineage of a rule, without repeats in first-seen order, is that of
     * its sources without repeats in first-seen order: a bit set over the source ordinals and an array,
     * each source's entry looked up once per decision, and the score reasons' own entries reused. Rules
     * whose sources come out the same (every rule reading the indicators has all present sources) share
     * one list. Not thread-safe: the decision's {@link LazyReasons} call it under their lock, once.
     */
    private static final class LineageTables {
        /** Sources of one list, one 4-bit ordinal (+1) each, fit a long as a cache key. */
        private static final boolean KEYED = SOURCES.length < 16;
        private static final int CACHED = 8;

        private final LoanApplication app;
        private final RuleInput input;
        private final DataQualityReport quality;
        /** Each source's entry, null while not looked up or absent ({@link #looked} tells which). */
        private SourceLineage[] bySource;
        private long looked;
        private SourceLineage[] buf;
        private int n;
        private long seen;
        private long key;
        private long[] keys;
        private Object[] lists;
        private int cached;

        LineageTables(LoanApplication app, RuleInput input, DataQualityReport quality) {
            this.app = app;
            this.input = input;
            this.quality = quality;
        }

        List<SourceLineage> of(InputLineage.Plan plan) {
            if (buf == null) {
                bySource = new SourceLineage[SOURCES.length];
                buf = new SourceLineage[SOURCES.length];
                keys = new long[CACHED];
                lists = new Object[CACHED];
            }
            n = 0;
            seen = 0L;
            key = 0L;
            int[] steps = plan.steps();
            for (int s = 0; s < steps.length; s++) {
                switch (steps[s]) {
                    case SCORE -> {
                        List<Reason> reasons = input.scoreReasons();
                        for (int i = 0; i < reasons.size(); i++) {
                            List<SourceLineage> ls = reasons.get(i).lineage();
                            for (int j = 0; j < ls.size(); j++) {
                                SourceLineage l = ls.get(j);
                                int d = l.source().ordinal();
                                if ((looked & (1L << d)) == 0) {
                                    looked |= 1L << d;
                                    bySource[d] = l;
                                }
                                add(d);
                            }
                        }
                    }
                    case ALL -> {
                        for (int d = 0; d < SOURCES.length; d++) {
                            add(d);
                        }
                    }
                    case QUALITY -> {
                        List<DataQualityFinding> findings = quality.findings();
                        for (int i = 0; i < findings.size(); i++) {
                            add(findings.get(i).source().ordinal());
                        }
                    }
                    case REVENUE -> add(app.sources().financials().isPresent()
                            ? DataSource.FINANCIAL_STATEMENTS.ordinal() : DataSource.TAX.ordinal());
                    default -> add(steps[s]);
                }
            }
            if (KEYED) {
                for (int i = 0; i < cached; i++) {
                    if (keys[i] == key) {
                        @SuppressWarnings("unchecked")
                        List<SourceLineage> same = (List<SourceLineage>) lists[i];
                        return same;
                    }
                }
            }
            List<SourceLineage> out = switch (n) { // List.of copies an array it is given: the short ones need none
                case 0 -> List.of();
                case 1 -> List.of(buf[0]);
                case 2 -> List.of(buf[0], buf[1]);
                default -> List.of(java.util.Arrays.copyOf(buf, n));
            };
            if (KEYED && cached < CACHED) {
                keys[cached] = key;
                lists[cached++] = out;
            }
            return out;
        }

        /** Adds the entry of source {@code d} unless already in, or absent from the application. */
        private void add(int d) {
            long bit = 1L << d;
            if ((seen & bit) != 0) {
                return;
            }
            seen |= bit;
            if ((looked & bit) == 0) {
                looked |= bit;
                List<SourceLineage> ls = SourceLineage.of(SINGLE.get(d), app);
                bySource[d] = ls.isEmpty() ? null : ls.get(0);
            }
            SourceLineage l = bySource[d];
            if (l != null) {
                buf[n++] = l;
                key = (key << 4) | (d + 1);
            }
        }
    }

    /** Each source as a one-element list, for {@link SourceLineage#of}. */
    private static final List<List<DataSource>> SINGLE = java.util.Arrays.stream(SOURCES).map(List::of).toList();

    private static BigDecimal last12(MonthlySeries series) {
        double sum = 0;
        for (int i = series.length() - 12; i < series.length(); i++) {
            sum += Math.max(0.0, series.get(i));
        }
        return Cents.halfUp(sum); // BigDecimal.valueOf(sum).setScale(2, RoundingMode.HALF_UP)
    }

    /** Tax rating A in each of the three years before the decision year. */
    static boolean whitelisted(List<TaxRating> ratings, int decisionYear) {
        int a = 0;
        for (int year = decisionYear - 3; year < decisionYear; year++) {
            for (int i = 0; i < ratings.size(); i++) {
                TaxRating r = ratings.get(i);
                if (r.year() == year && r.grade() == TaxGrade.A) {
                    a++;
                    break;
                }
            }
        }
        return a == 3;
    }

    /** The standing on one list as of {@code day}: any listing not repaired by then is UNREPAIRED. */
    static ListStanding standing(List<DishonestListing> listings, LocalDate day) {
        LocalDate latestRepair = null;
        for (int i = 0; i < listings.size(); i++) { // indexed: no iterator per list and decision
            DishonestListing l = listings.get(i);
            if (l.listed().isAfter(day)) {
                continue;
            }
            if (!l.isRepairedAsOf(day)) {
                return ListStanding.UNREPAIRED;
            }
            if (latestRepair == null || l.repaired().get().isAfter(latestRepair)) {
                latestRepair = l.repaired().get();
            }
        }
        return latestRepair == null ? ListStanding.NONE
                : ListStanding.repaired((int) ChronoUnit.MONTHS.between(latestRepair, day));
    }
}
