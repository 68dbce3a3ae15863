package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.creditkit.rules.testing.SyntheticRuleInputs;
import org.junit.jupiter.api.Test;

/**
 * The default policy is loaded from the executable model precompiled by the build (the Maven step
 * writes {@value PrecompiledPolicy#RESOURCE} before the tests run); any other rule file is checked and
 * compiled at load, and both decide alike.
 */
class PrecompiledPolicyTest {

    static final RuleSetSource DEFAULTS = RuleSetSource.defaultPolicy();

    static RuleSetSource withComment() {
        return DEFAULTS.with("hard-stops.drl", DEFAULTS.files().get("hard-stops.drl") + "\n// reviewed\n");
    }

    @Test
    void defaultPolicy_isLoadedPrecompiled_withItsRuleNamesAndSites() {
        try (CompiledRuleSet pre = RuleSets.compile(DEFAULTS); CompiledRuleSet compiled = RuleSets.compile(withComment())) {
            assertThat(pre.precompiled()).isTrue();
            assertThat(compiled.precompiled()).as("an edited rule file is compiled at load").isFalse();
            assertThat(pre.version()).isEqualTo(DEFAULTS.version());
            assertThat(pre.ruleNames()).isEqualTo(compiled.ruleNames()).hasSizeGreaterThan(20);
            for (String name : pre.ruleNames()) {
                assertThat(pre.ruleSite(name)).isEqualTo(compiled.ruleSite(name));
            }
        }
    }

    @Test
    void precompiledPolicy_knowsTheInputsEachRuleReads_asTheCheckerFindsThemAtLoad() {
        try (CompiledRuleSet pre = RuleSets.compile(DEFAULTS); CompiledRuleSet compiled = RuleSets.compile(withComment())) {
            assertThat(pre.precompiled()).isTrue();
            // without them the precompiled default policy's rule reasons would carry no lineage
            assertThat(pre.ruleInputs()).isEqualTo(compiled.ruleInputs()).isNotEmpty();
            assertThat(pre.ruleInputs().get("decline-red-card-unrepaired-dishonest-debtor")).contains("debtorStatus");
            for (String name : pre.ruleNames()) {
                assertThat(List.copyOf(pre.ruleInputs().getOrDefault(name, java.util.Set.of()))).as(name)
                        .isEqualTo(List.copyOf(compiled.ruleInputs().getOrDefault(name, java.util.Set.of())));
            }
        }
    }

    @Test
    void precompiledAndCompiledAtLoad_decideAlikeOn5000Inputs() {
        List<RuleInput> inputs = SyntheticRuleInputs.generate(11L, 5_000);
        try (CompiledRuleSet pre = RuleSets.compile(DEFAULTS); CompiledRuleSet compiled = RuleSets.compile(withComment())) {
            for (RuleInput in : inputs) {
                Decision a = pre.decide(in);
                Decision b = compiled.decide(in);
                assertThat(a.sameOutcome(b)).as("%s%n  precompiled: %s%n  compiled:    %s", in, a, b).isTrue();
                assertThat(a.reasons()).isEqualTo(b.reasons());
            }
        }
    }

    @Test
    void changedParametersOnly_useThePrecompiledRules_withTheNewParameters() {
        String params = DEFAULTS.files().get(PolicyParameters.FILE_NAME);
        assertThat(params).contains("\"referenceRate\": 0.031");
        RuleSetSource dearer = DEFAULTS.with(PolicyParameters.FILE_NAME, params.replace("\"referenceRate\": 0.031",
                "\"referenceRate\": 0.041"));
        try (CompiledRuleSet rules = RuleSets.compile(dearer)) {
            assertThat(rules.precompiled()).isTrue();
            assertThat(rules.version()).isEqualTo(dearer.version()).isNotEqualTo(DEFAULTS.version());
            assertThat(rules.decide(Inputs.clean("P1").build()).interestRate()).isEqualTo(0.041 + 0.005);
        }
    }

    @Test
    void brokenParameters_withThePrecompiledRules_areStillRefusedWithTheirLocation() {
        RuleSetSource broken = DEFAULTS.with(PolicyParameters.FILE_NAME, "{ \"referenceRate\": ");
        assertThatThrownBy(() -> RuleSets.compile(broken)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining(PolicyParameters.FILE_NAME);
    }

    @Test
    void customRuleCallingOutsideTheAllowList_isStillRefusedAtLoad() {
        RuleSetSource evil = DEFAULTS.with("evil.drl", """
                package org.creditkit.rules.policy;
                import org.creditkit.rules.*;
                rule "evil"
                when
                    $c : Case( )
                then
                    System.exit(0);
                end
                """);
        assertThatThrownBy(() -> RuleSets.compile(evil)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("evil.drl:7");
    }
}
