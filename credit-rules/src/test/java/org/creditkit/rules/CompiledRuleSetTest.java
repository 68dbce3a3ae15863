package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.creditkit.core.CreditDecisionException;
import org.creditkit.rules.testing.SyntheticRuleInputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.creditkit.core.codes.SizeClass;

class CompiledRuleSetTest {

    static CompiledRuleSet rules;

    @BeforeAll
    static void compile() {
        rules = RuleSets.compile(RuleSetSource.defaultPolicy());
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    @Test
    void decide_cleanLowRisk_isInstantApprovalWithGradePrice() {
        Decision d = rules.decide(Inputs.clean("A1").build(), "m1");
        assertThat(d.tier()).isEqualTo(Tier.INSTANT_APPROVAL);
        assertThat(d.approvedAmount()).isEqualByComparingTo("800000");
        assertThat(d.approvedTermMonths()).isEqualTo(12);
        assertThat(d.interestRate()).isEqualTo(0.031 + 0.005);
        assertThat(d.firedRules()).containsExactlyInAnyOrder("instant-low-risk", "limit-revenue-base", "limit-tax-base",
                "price-grade-grid");
        assertThat(d.rulesetVersion()).isEqualTo(RuleSetSource.defaultPolicy().version()).hasSize(64);
        assertThat(d.modelId()).isEqualTo("m1");
    }

    @Test
    void decide_ruleWritesNegativeLimit_isADecisionErrorNamingApplicationAndRule() {
        RuleSetSource broken = RuleSetSource.defaultPolicy().with("broken.drl", """
                package org.creditkit.rules.policy;
                import org.creditkit.rules.*;
                import java.math.BigDecimal;
                rule "negative-limit"
                when
                    $c : Case( )
                then
                    $c.limit(drools.getRule().getName(), BigDecimal.ONE.negate(), "x", "x");
                end
                """);
        try (CompiledRuleSet r = RuleSets.compile(broken)) {
            assertThatThrownBy(() -> r.decide(Inputs.clean("A9").build(), "m1"))
                    .isInstanceOf(CreditDecisionException.class)
                    .hasMessageContaining("application A9")
                    .hasMessageContaining("negative-limit");
        }
    }

    @Test
    void decide_highRiskMicro_isMitigationWithTheMeasuresThatReachTheAppetite() {
        Decision d = rules.decide(Inputs.clean("A2").sizeClass(SizeClass.MICRO).requested(new BigDecimal("600000"), 24)
                .score(0.18, 520, "CCC").build());
        assertThat(d.tier()).isEqualTo(Tier.MITIGATION);
        // reduced limit is available but not needed: the three measures bring EL to 2.36% <= 2.5%
        assertThat(d.conditions()).containsExactly(MitigationMeasure.GUARANTEE_INSTITUTION,
                MitigationMeasure.SHORTER_TERM, MitigationMeasure.RISK_COMPENSATION_FUND);
        assertThat(d.approvedAmount()).isEqualByComparingTo(new BigDecimal("600000"));
        assertThat(d.approvedTermMonths()).isEqualTo(12);
        assertThat(d.expectedLoss().expectedLossRate()).isCloseTo((0.18 - 0.5 * 0.15) * 0.45 * 0.5,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(d.firedRules()).contains("measure-reduced-limit", "mitigation-plan");
    }

    @Test
    void decide_highRiskMicroAtTheCeiling_isDeclinedWhenNoMeasuresReachTheAppetite() {
        Decision d = rules.decide(Inputs.clean("A3").sizeClass(SizeClass.MICRO).requested(new BigDecimal("600000"), 24)
                .score(0.25, 520, "CCC").build());
        assertThat(d.tier()).isEqualTo(Tier.DECLINE);
        assertThat(d.conditions()).isEmpty();
        assertThat(d.firedRules()).contains("decline-expected-loss-above-appetite");
        assertThat(d.expectedLoss().ead()).isEqualByComparingTo("600000");
    }

    /**
     * Pooled sessions live as long as the rule set, so nothing a decision leaves in a session may
     * pile up. Drools 10.1.0 retained the fired matches of single-pattern rules after their fact was
     * deleted (about 2.5 KB per decision, apache/incubator-kie-drools#6361: 200,000 decisions kept
     * about 500 MB); 10.2.0 deletes them with the fact.
     */
    @Test
    void decide_200kDecisions_heapStaysBounded() throws InterruptedException {
        RuleInput[] inputs = SyntheticRuleInputs.generate(3L, 512).toArray(new RuleInput[0]);
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 5_000; i++) {
            rules.decide(inputs[i & 511]);
        }
        long before = usedAfterGc(rt);
        for (int i = 0; i < 200_000; i++) {
            rules.decide(inputs[i & 511]);
        }
        long growth = usedAfterGc(rt) - before;
        assertThat(growth).as("heap growth over 200,000 decisions").isLessThan(60_000_000L);
    }

    static long usedAfterGc(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
