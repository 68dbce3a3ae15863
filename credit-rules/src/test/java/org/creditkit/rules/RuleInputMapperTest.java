package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditkit.core.domain.DishonestListing;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.PenaltySeverity;
import org.creditkit.core.domain.TaxGrade;
import org.creditkit.core.domain.TaxRating;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.Test;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.SourceLineage;
import org.creditkit.core.quality.DataQualityFinding;
import org.creditkit.core.score.ReasonCode;
import org.creditkit.core.quality.DataQualityFlag;

class RuleInputMapperTest {

    static final Map<DataQualityFlag, Integer> FLAGS = new EnumMap<>(DataQualityFlag.class);

    @Test
    void lineage_knowsTheSourcesOfEveryRuleInputMemberAndEveryCaseMemberARuleCanRead() {
        for (var c : RuleInput.class.getRecordComponents()) {
            assertThat(RuleInputMapper.knows(c.getName())).as("RuleInput.%s", c.getName()).isTrue();
        }
        for (var m : Case.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPublic(m.getModifiers()) && AllowList.instanceAllowed(Case.class, m.getName(),
                    m.getParameterCount())) {
                String name = m.getName().replaceFirst("^(get|is)([A-Z])", "$2");
                name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
                assertThat(RuleInputMapper.knows(name)).as("Case.%s", m.getName()).isTrue();
            }
        }
    }

    @Test
    void whitelisted_needsRatingAInEachOfTheThreePriorYears() {
        List<TaxRating> aaa = List.of(new TaxRating(2023, TaxGrade.A), new TaxRating(2024, TaxGrade.A),
                new TaxRating(2025, TaxGrade.A));
        assertThat(RuleInputMapper.whitelisted(aaa, 2026)).isTrue();
        assertThat(RuleInputMapper.whitelisted(aaa, 2027)).isFalse();
        assertThat(RuleInputMapper.whitelisted(List.of(new TaxRating(2023, TaxGrade.A), new TaxRating(2024, TaxGrade.B),
                new TaxRating(2025, TaxGrade.A)), 2026)).isFalse();
        assertThat(RuleInputMapper.whitelisted(List.of(), 2026)).isFalse();
    }

    @Test
    void map_syntheticPortfolio_carriesConsentCardsPenaltiesRatingsAndFlags() {
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(5_000).seed(11L).build());
        CompositeScorer scorer = ModelBundle.defaultBundle().scorer();
        FeatureExtractor x = FeatureExtractor.standard();
        DataQualityChecker checker = DataQualityChecker.standard();
        Map<DebtorStatus, Integer> status = new EnumMap<>(DebtorStatus.class);
        int whitelisted = 0;
        int penalised = 0;
        int flagged = 0;
        for (int i = 0; i < 5_000; i++) {
            LoanApplication app = g.generate(i).application();
            ScoreResult score = scorer.score(x.extract(app), app.enterprise().industry());
            DataQualityReport q = checker.check(app);
            RuleInput in = RuleInputMapper.map(app, FeatureExtractor.standard().extract(app), score, q);
            LocalDate day = app.applicationTime().atOffset(ZoneOffset.ofHours(8)).toLocalDate();
            assertThat(in.applicationId()).isEqualTo(app.id());
            assertThat(in.decisionDate()).isEqualTo(day);
            assertThat(in.consent()).isEqualTo(app.dataUseConsent());
            assertThat(in.product()).isEqualTo(app.product());
            assertThat(in.requestedAmount()).isEqualByComparingTo(app.amount());
            assertThat(in.industryDivision()).isEqualTo(app.enterprise().industry().code());
            assertThat(in.pd()).isEqualTo(score.pd());
            assertThat(in.grade()).isEqualTo(score.grade().code());
            assertThat(in.dataQualityFlags()).hasSameSizeAs(q.flags());
            boolean unrepaired = app.sources().courts().map(c -> c.dishonestListings().stream()
                    .anyMatch(l -> !l.listed().isAfter(day) && !l.isRepairedAsOf(day))).orElse(false);
            assertThat(in.debtorStatus() == DebtorStatus.UNREPAIRED).isEqualTo(unrepaired);
            long serious = app.sources().penalties().map(p -> p.penalties().stream()
                    .filter(pen -> pen.severity() == PenaltySeverity.SERIOUS && !pen.date().isAfter(day)).count()).orElse(0L);
            assertThat((long) in.seriousPenaltyCount()).isEqualTo(serious);
            assertThat(in.hasCoreEnterpriseRating()).isEqualTo(app.sources().supplyChain().isPresent());
            if (app.sources().financials().isPresent()) {
                assertThat(in.annualRevenue()).isEqualByComparingTo(app.sources().financials().get().revenue().max(java.math.BigDecimal.ZERO));
            }
            status.merge(in.debtorStatus(), 1, Integer::sum);
            whitelisted += in.taxRatingA3Years() ? 1 : 0;
            penalised += in.seriousPenaltyCount() > 0 ? 1 : 0;
            flagged += in.dataQualityFlags().isEmpty() ? 0 : 1;
            in.dataQualityFlags().forEach(f -> FLAGS.merge(f, 1, Integer::sum));
        }
        System.out.println("5,000 mapped: debtor " + status + ", whitelisted " + whitelisted + ", serious penalties "
                + penalised + ", flagged " + flagged + " " + FLAGS);
        assertThat(status.keySet()).containsExactlyInAnyOrder(DebtorStatus.values());
        assertThat(whitelisted).isPositive();
        assertThat(penalised).isPositive();
        assertThat(flagged).isPositive();
    }

    @Test
    void standing_unrepairedListingWins_repairedCountsWholeMonths_laterListingsIgnored() {
        LocalDate day = LocalDate.of(2026, 11, 21);
        DishonestListing open = new DishonestListing(LocalDate.of(2024, 1, 5), Optional.empty());
        DishonestListing fixed = new DishonestListing(LocalDate.of(2023, 1, 5), Optional.of(LocalDate.of(2026, 6, 22)));
        DishonestListing older = new DishonestListing(LocalDate.of(2020, 1, 5), Optional.of(LocalDate.of(2021, 1, 1)));
        DishonestListing future = new DishonestListing(LocalDate.of(2026, 12, 1), Optional.empty());
        DishonestListing repairedLater = new DishonestListing(LocalDate.of(2025, 1, 5), Optional.of(LocalDate.of(2026, 12, 1)));

        assertThat(RuleInputMapper.standing(List.of(), day)).isEqualTo(ListStanding.NONE);
        assertThat(RuleInputMapper.standing(List.of(fixed, open), day)).isEqualTo(ListStanding.UNREPAIRED);
        assertThat(RuleInputMapper.standing(List.of(older, fixed), day)).isEqualTo(ListStanding.repaired(4));
        assertThat(RuleInputMapper.standing(List.of(future), day)).as("listed after the decision").isEqualTo(ListStanding.NONE);
        assertThat(RuleInputMapper.standing(List.of(repairedLater), day)).as("repaired after the decision")
                .isEqualTo(ListStanding.UNREPAIRED);
    }

    @Test
    void map_generatedApplications_carryEachListToItsOwnField() {
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(3_000).seed(12L).build());
        CompositeScorer scorer = ModelBundle.defaultBundle().scorer();
        FeatureExtractor x = FeatureExtractor.standard();
        DataQualityChecker checker = DataQualityChecker.standard();
        Map<DebtorStatus, Integer> tax = new EnumMap<>(DebtorStatus.class);
        Map<DebtorStatus, Integer> abnormal = new EnumMap<>(DebtorStatus.class);
        Map<DebtorStatus, Integer> serious = new EnumMap<>(DebtorStatus.class);
        for (int i = 0; i < 3_000; i++) {
            LoanApplication app = g.generate(i).application();
            var fv = x.extract(app);
            RuleInput in = RuleInputMapper.map(app, fv, scorer.score(fv, app.enterprise().industry()), checker.check(app));
            LocalDate day = in.decisionDate();
            assertThat(in.majorTaxViolation()).isEqualTo(app.sources().tax()
                    .map(t -> RuleInputMapper.standing(t.majorViolationListings(), day)).orElse(ListStanding.NONE));
            assertThat(in.abnormalOperation()).isEqualTo(app.sources().penalties()
                    .map(p -> RuleInputMapper.standing(p.abnormalOperationListings(), day)).orElse(ListStanding.NONE));
            assertThat(in.seriousViolation()).isEqualTo(app.sources().penalties()
                    .map(p -> RuleInputMapper.standing(p.seriousViolationListings(), day)).orElse(ListStanding.NONE));
            tax.merge(in.majorTaxViolation().status(), 1, Integer::sum);
            abnormal.merge(in.abnormalOperation().status(), 1, Integer::sum);
            serious.merge(in.seriousViolation().status(), 1, Integer::sum);
        }
        assertThat(abnormal.keySet()).containsExactlyInAnyOrder(DebtorStatus.values());
        assertThat(tax).containsKey(DebtorStatus.UNREPAIRED);
        assertThat(serious).containsKey(DebtorStatus.UNREPAIRED);
    }

    @Test
    void listStanding_monthsMustGoWithTheStatus() {
        assertThatThrownBy(() -> new ListStanding(DebtorStatus.REPAIRED, -1)).hasMessageContaining(">= 0 when REPAIRED");
        assertThatThrownBy(() -> new ListStanding(DebtorStatus.UNREPAIRED, 3)).hasMessageContaining("-1 otherwise");
        assertThat(ListStanding.repaired(3)).hasToString("REPAIRED(3 months ago)");
    }

    /**
     * The lineage of a plan as first written: a set of lineage entries, step by step, each source's entries from
     * {@link SourceLineage#of} and the score step's from the score's reason codes.
     */
    private static List<SourceLineage> lineageReference(InputLineage.Plan plan, LoanApplication app, ScoreResult score,
            DataQualityReport quality) {
        java.util.Set<SourceLineage> out = new java.util.LinkedHashSet<>();
        for (int step : plan.steps()) {
            if (step == RuleInputMapper.SCORE) {
                for (ReasonCode r : score.reasons()) {
                    out.addAll(SourceLineage.of(r.sources(), app));
                }
            } else if (step == RuleInputMapper.ALL) {
                out.addAll(SourceLineage.of(List.of(DataSource.values()), app));
            } else if (step == RuleInputMapper.QUALITY) {
                for (DataQualityFinding f : quality.findings()) {
                    out.addAll(SourceLineage.of(List.of(f.source()), app));
                }
            } else if (step == RuleInputMapper.REVENUE) {
                out.addAll(SourceLineage.of(List.of(app.sources().financials().isPresent()
                        ? DataSource.FINANCIAL_STATEMENTS : DataSource.TAX), app));
            } else {
                out.addAll(SourceLineage.of(List.of(DataSource.values()[step]), app));
            }
        }
        return List.copyOf(out);
    }

    @Test
    void lineage_isEachStepsEntriesWithoutRepeatsInFirstSeenOrder_forEveryRuleOfTheDefaultPolicy() {
        List<java.util.Set<String>> memberSets = new java.util.ArrayList<>();
        try (CompiledRuleSet rules = RuleSets.compile(RuleSetSource.defaultPolicy())) {
            memberSets.addAll(new java.util.TreeMap<>(rules.ruleInputs()).values());
        }
        for (List<String> extra : List.<List<String>>of(List.of("pd"), List.of("requestedAmount", "pd", "grade"),
                List.of("dataQualityFlags", "annualRevenue", "debtorStatus"), List.of("region", "indicators", "pd"),
                List.of("annualTaxPaid", "hasAnnualRevenue", "reviewFlagged", "industryDivision", "score"),
                List.of("input", "tier"), List.of())) {
            memberSets.add(new java.util.LinkedHashSet<>(extra));
        }
        List<InputLineage.Plan> plans = memberSets.stream().map(RuleInputMapper::plan).toList();
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(600).seed(13L).build());
        CompositeScorer scorer = ModelBundle.defaultBundle().scorer();
        DataQualityChecker checker = DataQualityChecker.standard();
        int findings = 0;
        int longLists = 0;
        for (int i = 0; i < 600; i++) {
            LoanApplication app = g.generate(i).application();
            var x = FeatureExtractor.standard().extract(app);
            ScoreResult score = scorer.score(x, app.enterprise().industry());
            DataQualityReport q = checker.check(app);
            findings += q.findings().size();
            // one lineage serves every rule of a decision: asked plan after plan, twice, in and out of its cache
            InputLineage lineage = RuleInputMapper.lineage(app, RuleInputMapper.map(app, x, score, q), q);
            for (int round = 0; round < 2; round++) {
                for (int k = 0; k < plans.size(); k++) {
                    List<SourceLineage> expected = lineageReference(plans.get(k), app, score, q);
                    longLists += expected.size() > 2 ? 1 : 0;
                    assertThat(lineage.of(plans.get(k))).as("%s %s", app.id(), memberSets.get(k))
                            .containsExactlyElementsOf(expected);
                }
            }
        }
        assertThat(findings).isPositive();
        assertThat(longLists).isPositive();
    }
}
