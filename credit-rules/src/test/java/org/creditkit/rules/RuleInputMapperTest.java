package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
}
