package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.creditkit.rules.testing.SyntheticRuleInputs;
import org.junit.jupiter.api.Test;

class CaseTest {

    /** Twelve threshold rules (more than Drools' range-index threshold of 9), written flat or through input. */
    private static RuleSetSource thresholds(boolean flat) {
        StringBuilder drl = new StringBuilder("package org.creditkit.rules.policy;\n\nimport org.creditkit.rules.*;\n\n");
        for (int k = 0; k < 12; k++) {
            double pd = 0.02 + 0.05 * k;
            int term = 6 * (1 + k % 6);
            String when = flat
                    ? String.format(Locale.ROOT, "pd > %.4f, requestedTermMonths > %d, score < 900", pd, term)
                    : String.format(Locale.ROOT, "input.pd > %.4f, input.requestedTermMonths > %d, input.score < 900",
                            pd, term);
            drl.append(String.format(Locale.ROOT, """
                    rule "band-%d"
                    when
                        $c : Case( %s )
                    then
                        $c.note(drools.getRule().getName(), "band %d", "band %d");
                    end

                    """, k, when, k, k));
        }
        return RuleSetSource.defaultPolicy().with("bands.drl", drl.toString());
    }

    @Test
    void flatProperties_equalTheInputs() {
        RuleInput in = SyntheticRuleInputs.generate(3L, 1).get(0);
        Case c = new Case(in, PolicyParameters.fromFiles(RuleSetSource.defaultPolicy().files()));
        assertThat(c.getPd()).isEqualTo(in.pd());
        assertThat(c.getScore()).isEqualTo(in.score());
        assertThat(c.getRequestedTermMonths()).isEqualTo(in.requestedTermMonths());
        assertThat(c.getRequestedAmount()).isEqualTo(in.requestedAmount());
        assertThat(c.getIndustryDivision()).isEqualTo(in.industryDivision());
    }

    @Test
    void thresholdRulesOnTheFactsOwnProperties_fireExactlyAsThroughTheInput() {
        List<RuleInput> inputs = SyntheticRuleInputs.generate(21L, 600);
        int bandsFired = 0;
        try (CompiledRuleSet flat = RuleSets.compile(thresholds(true));
                CompiledRuleSet nested = RuleSets.compile(thresholds(false))) {
            for (RuleInput in : inputs) {
                Decision a = flat.decide(in, "m");
                Decision b = nested.decide(in, "m");
                assertThat(a.firedRules()).as(in.applicationId()).containsExactlyInAnyOrderElementsOf(b.firedRules());
                assertThat(a.sameOutcome(b)).as(in.applicationId()).isTrue();
                bandsFired += (int) a.firedRules().stream().filter(r -> r.startsWith("band-")).count();
            }
        }
        assertThat(bandsFired).as("bands fired across the inputs").isBetween(100, 600 * 12 - 100);
    }

    @Test
    void plain_isToPlainString_keptForTheFirstValuesAndWrittenForTheRest() {
        Case c = new Case(SyntheticRuleInputs.generate(3L, 1).get(0),
                PolicyParameters.fromFiles(RuleSetSource.defaultPolicy().files()));
        for (String v : new String[] {"0.2", "8", "1E+3", "0.00000001", "-2.50", "12345678901234567890.123"}) {
            java.math.BigDecimal d = new java.math.BigDecimal(v);
            assertThat(c.plain(d)).as(v).isEqualTo(d.toPlainString()).isEqualTo(c.plain(d));
        }
        // beyond the values kept the text is still right; the same value at another scale has its own text
        for (int k = 0; k < Case.PLAIN_KEPT + 50; k++) {
            java.math.BigDecimal d = java.math.BigDecimal.valueOf(k, 3);
            assertThat(c.plain(d)).isEqualTo(d.toPlainString());
        }
        assertThat(c.plain(new java.math.BigDecimal("0.50"))).isEqualTo("0.50");
        assertThat(c.plain(new java.math.BigDecimal("0.5"))).isEqualTo("0.5");
    }

    @Test
    void verdictWithoutRuleName_outsideAFiring_isRefusedWithWhatToDo() {
        Case c = new Case(SyntheticRuleInputs.generate(3L, 1).get(0),
                PolicyParameters.fromFiles(RuleSetSource.defaultPolicy().files()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.tier(Tier.DECLINE, "en", "zh"))
                .isInstanceOf(org.creditkit.core.CreditDecisionException.class)
                .hasMessageContaining("outside a rule firing").hasMessageContaining("drools.getRule().getName()");
        c.firing("some-rule");
        c.tier(Tier.DECLINE, "en", "zh");
        c.note("note en", "note zh");
        assertThat(c.verdicts().toDecision(c.input(), c.params(), "v", "m", 0L, 0L).trail())
                .extracting(RuleVerdict::rule).containsExactly("some-rule", "some-rule");
    }
}
