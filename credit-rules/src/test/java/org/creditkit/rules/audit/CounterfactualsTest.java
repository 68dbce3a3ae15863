package org.creditkit.rules.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.creditkit.core.codes.EconomicZone;
import org.creditkit.core.codes.RegionCode;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.OwnershipType;
import org.creditkit.core.fairness.CounterfactualReport;
import org.creditkit.core.fairness.ScoreShiftReport;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.creditkit.core.codes.SizeClass;

class CounterfactualsTest {

    static CreditEngine engine;
    static List<LoanApplication> applications;

    @BeforeAll
    static void setUp() {
        engine = CreditEngine.defaults();
        PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().count(400).seed(77L).build());
        applications = LongStream.range(0, 400).mapToObj(i -> gen.generate(i).application()).toList();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void withRegion_changesOnlyTheRegion() {
        LoanApplication a = applications.get(0);
        LoanApplication b = Counterfactuals.withRegion(a, RegionCode.of("210102"));
        assertThat(b.enterprise().region().zone()).isEqualTo(EconomicZone.NORTHEAST);
        assertThat(b.enterprise().uscc()).isEqualTo(a.enterprise().uscc());
        assertThat(b.enterprise().ownership()).isEqualTo(a.enterprise().ownership());
        assertThat(b.sources()).isEqualTo(a.sources());
        assertThat(b.amount()).isEqualTo(a.amount());
    }

    @Test
    void withOwnership_changesOnlyTheOwnership() {
        LoanApplication a = applications.get(1);
        LoanApplication b = Counterfactuals.withOwnership(a, OwnershipType.STATE_OWNED);
        assertThat(b.enterprise().ownership()).isEqualTo(OwnershipType.STATE_OWNED);
        assertThat(b.enterprise().region()).isEqualTo(a.enterprise().region());
        assertThat(b.enterprise().industry()).isEqualTo(a.enterprise().industry());
    }

    @Test
    void probe_defaultEngine_decisionsDoNotDependOnZoneOrOwnership() {
        CounterfactualReport zone = Counterfactuals.probe(engine, applications, Counterfactuals.Attribute.ZONE);
        CounterfactualReport ownership = Counterfactuals.probe(engine, applications, Counterfactuals.Attribute.OWNERSHIP);

        // every application is swapped to each of the other values
        assertThat(zone.applications()).isEqualTo(400);
        assertThat(zone.changed().trials()).isEqualTo(400 * (EconomicZone.values().length - 1));
        assertThat(ownership.changed().trials()).isEqualTo(400 * (OwnershipType.values().length - 1));
        // neither the standard features nor the default policy use them
        assertThat(zone.changed().successes()).isZero();
        assertThat(ownership.changed().successes()).isZero();
    }

    @Test
    void probe_size_swapsTheScoredInput_andChangesTiersOnlyOfHighRiskApplications() {
        CounterfactualReport size = Counterfactuals.probe(engine, applications, Counterfactuals.Attribute.SIZE);
        assertThat(size.attribute()).isEqualTo("sizeClass");
        assertThat(size.changed().trials()).isEqualTo(400 * (SizeClass.values().length - 1));

        // size decides which mitigation measures are available (guarantee institutions and the risk fund
        // serve micro and small firms), so it can move a high-risk application between MITIGATION and
        // DECLINE; below every product's review cutoff it never changes the tier
        List<LoanApplication> notHighRisk = applications.stream()
                .filter(a -> engine.evaluate(a, java.util.Optional.empty()).input().pd() <= 0.08).toList();
        assertThat(notHighRisk).hasSizeGreaterThan(300);
        assertThat(Counterfactuals.probe(engine, notHighRisk, Counterfactuals.Attribute.SIZE).changed().successes())
                .isZero();
    }

    @Test
    void scores_industry_moveOnlyThroughTheIndustryLayer_zoneAndOwnershipNotAtAll() {
        ScoreShiftReport industry = Counterfactuals.scores(engine, applications, Counterfactuals.Attribute.INDUSTRY);
        long sections = applications.stream().map(a -> a.enterprise().industry().sectionCode()).distinct().count();
        assertThat(industry.swaps()).isEqualTo(400 * (int) (sections - 1));
        // the default bundle has technology, agriculture, catering/retail and green overlays: a swap into
        // or out of one of them moves the PD, and only through the overlay
        assertThat(industry.changed().successes()).isPositive();
        assertThat(industry.path()).as(industry.summary()).isEqualTo(ScoreShiftReport.Path.THROUGH_INDUSTRY_LAYER);
        assertThat(industry.throughIndustryLayerOnly()).isEqualTo(industry.changed().successes());
        assertThat(industry.pdChange().max()).isPositive();
        assertThat(industry.pdChange().min()).isNegative();
        assertThat(industry.summary()).contains("all through the industry layer (intended)");
        assertThat(industry.toMarkdown()).contains("| From | To | Swaps | PD moved |");

        ScoreShiftReport zone = Counterfactuals.scores(engine, applications, Counterfactuals.Attribute.ZONE);
        ScoreShiftReport ownership = Counterfactuals.scores(engine, applications, Counterfactuals.Attribute.OWNERSHIP);
        assertThat(zone.path()).isEqualTo(ScoreShiftReport.Path.NONE);
        assertThat(ownership.path()).isEqualTo(ScoreShiftReport.Path.NONE);
        assertThat(zone.pdChange().max()).isZero();
        assertThat(zone.summary()).contains("the score does not use zone");
    }

    @Test
    void scores_size_isRefusedBecauseItCannotBeSwappedAlone() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Counterfactuals.scores(engine, applications,
                Counterfactuals.Attribute.SIZE)).hasMessageContaining("derived from employees, revenue and assets");
    }

    @Test
    void decideRuleInput_givesTheSameDecisionAsTheWholeEngine() {
        for (LoanApplication a : applications.subList(0, 50)) {
            CreditEngine.Evaluation ev = engine.evaluate(a, java.util.Optional.empty());
            Decision again = engine.decide(ev.input());
            assertThat(again.sameOutcome(ev.decision())).as(a.id()).isTrue();
            assertThat(again.rulesetVersion()).isEqualTo(engine.rulesetVersion());
        }
    }
}
