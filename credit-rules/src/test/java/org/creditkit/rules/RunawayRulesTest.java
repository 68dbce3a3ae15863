package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.creditkit.rules.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules that pass the allow-list can still re-activate each other; these tests show such loops stop
 * one application (typed error), never the engine, a reload or {@code close()}, and that reloads
 * without scenarios are refused unless asked for.
 */
class RunawayRulesTest {

    static final RuleSetSource DEFAULT = RuleSetSource.defaultPolicy();
    /** A loop on high-PD applications only: the clean default inputs never reach it. */
    static final String LOOP = "package org.creditkit.rules.policy;\n\nimport org.creditkit.rules.*;\n\n"
            + "rule \"loop-on-high-pd\"\nwhen\n    $c : Case( input.pd > 0.5 )\nthen\n    update($c);\nend\n";
    /** A policy that declines everything. */
    static final String DECLINE_ALL = "package org.creditkit.rules.policy;\n\nimport org.creditkit.rules.*;\n\n"
            + "rule \"decline-everything\"\nwhen\n    $c : Case( )\nthen\n"
            + "    $c.tier(drools.getRule().getName(), Tier.DECLINE, \"no\", \"不\");\nend\n";

    @Test
    void decide_ruleLoopNotReachedByTheGate_stopsThatApplicationAndTheEngineKeepsServing() {
        try (CompiledRuleSet rules = RuleSets.compile(DEFAULT.with("loop.drl", LOOP))) {
            RuleInput risky = Inputs.clean("RISKY").score(0.6, 420.0, "C").build();
            assertThatThrownBy(() -> rules.decide(risky, "m")).isInstanceOf(DecisionLimitException.class)
                    .isInstanceOf(RuleInputException.class)
                    .hasMessageContaining("application RISKY")
                    .hasMessageContaining("fired 1000 times")
                    .hasMessageContaining("loop-on-high-pd");
            assertThat(rules.decide(Inputs.clean("A").build(), "m").tier()).isEqualTo(Tier.INSTANT_APPROVAL);
            assertThatThrownBy(() -> rules.decide(risky, "m")).isInstanceOf(DecisionLimitException.class);
            assertThat(rules.decide(Inputs.clean("B").build(), "m").tier()).isEqualTo(Tier.INSTANT_APPROVAL);
        }
    }

    @Test
    void decide_overTimeBudget_stopsWithATypedError() {
        DecisionLimits slowOnly = DecisionLimits.of(Integer.MAX_VALUE, Duration.ofMillis(50));
        try (CompiledRuleSet rules = RuleSets.compile(DEFAULT.with("loop.drl", LOOP), slowOnly)) {
            RuleInput risky = Inputs.clean("RISKY").score(0.6, 420.0, "C").build();
            assertThatThrownBy(() -> rules.decide(risky, "m")).isInstanceOf(DecisionLimitException.class)
                    .hasMessageContaining("over the time budget of 50 ms");
            assertThat(rules.decide(Inputs.clean("A").build(), "m").tier()).isEqualTo(Tier.INSTANT_APPROVAL);
        }
    }

    @Test
    void reload_loopReachedByTheGate_isRefusedPromptlyAndLaterReloadsAndCloseWork() {
        RuleEngine engine = RuleEngine.defaultPolicy();
        // the same loop on every high-risk application: the mitigation scenarios reach it
        ReloadResult r = engine.reload(DEFAULT.with("loop.drl", LOOP.replace("input.pd > 0.5", "input.pd > product.reviewMaxPd")));
        assertThat(r.accepted()).isFalse();
        assertThat(r.failedScenarios()).isNotEmpty();
        assertThat(r.toString()).contains("fired 1000 times");
        assertThat(engine.version()).isEqualTo(DEFAULT.version());
        RuleSetSource dearer = DEFAULT.with(PolicyParameters.FILE_NAME, DEFAULT.files().get(PolicyParameters.FILE_NAME)
                .replace("\"referenceRate\": 0.031", "\"referenceRate\": 0.035"));
        assertThat(engine.reload(dearer).accepted()).isTrue();
        engine.close();
        assertThatThrownBy(() -> engine.reload(dearer)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reload_overItsTimeout_isRefusedAndTheEngineKeepsServingAndCloses() {
        RuleEngine engine = RuleEngine.builder(RuleSets.compile(DEFAULT)).reloadTimeout(Duration.ofMillis(1)).build();
        ReloadResult r = engine.reload(DEFAULT.with(PolicyParameters.FILE_NAME, DEFAULT.files().get(PolicyParameters.FILE_NAME)
                .replace("\"referenceRate\": 0.031", "\"referenceRate\": 0.035")));
        assertThat(r.accepted()).isFalse();
        assertThat(r.toString()).contains("did not finish within 1 ms");
        assertThat(engine.version()).isEqualTo(DEFAULT.version());
        assertThat(engine.decide(Inputs.clean("A").build(), "m").rulesetVersion()).isEqualTo(DEFAULT.version());
        engine.close();
    }

    @Test
    void reload_withoutAnyScenario_isRefusedUnlessTheEngineIsBuiltWithoutScenarioGate() {
        RuleSetSource declineAll = RuleSetSource.of("edited", Map.of("all.drl", DECLINE_ALL,
                PolicyParameters.FILE_NAME, DEFAULT.files().get(PolicyParameters.FILE_NAME),
                PolicyParameters.PRODUCTS_FILE_NAME, DEFAULT.files().get(PolicyParameters.PRODUCTS_FILE_NAME)));
        try (RuleEngine gated = RuleEngine.builder(RuleSets.compile(DEFAULT)).build()) {
            ReloadResult r = gated.reload(declineAll);
            assertThat(r.accepted()).isFalse();
            assertThat(r.toString()).contains("no scenario gates this reload");
        }
        try (RuleEngine ungated = RuleEngine.builder(RuleSets.compile(DEFAULT)).withoutScenarioGate().build()) {
            assertThat(ungated.reload(declineAll).accepted()).isTrue();
            assertThat(ungated.decide(Inputs.clean("A").build(), "m").tier()).isEqualTo(Tier.DECLINE);
        }
    }

    @Test
    void reload_directoryWithItsOwnScenarios_isGatedOnThem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("all.drl"), DECLINE_ALL);
        Files.writeString(dir.resolve(PolicyParameters.FILE_NAME), DEFAULT.files().get(PolicyParameters.FILE_NAME));
        Files.writeString(dir.resolve(PolicyParameters.PRODUCTS_FILE_NAME),
                DEFAULT.files().get(PolicyParameters.PRODUCTS_FILE_NAME));
        Files.createDirectory(dir.resolve(RuleSetSource.SCENARIOS));
        Files.writeString(dir.resolve(RuleSetSource.SCENARIOS).resolve("01-clean-instant-approval.json"),
                Scenarios.defaultScenarioFiles().get("01-clean-instant-approval.json"));
        RuleSetSource source = RuleSetSource.directory(dir);
        assertThat(source.scenarios()).hasSize(1);
        try (RuleEngine engine = RuleEngine.builder(RuleSets.compile(DEFAULT)).build()) {
            ReloadResult r = engine.reload(source);
            assertThat(r.accepted()).isFalse();
            assertThat(r.failedScenarios()).extracting(s -> s.scenario().name()).containsExactly("01-clean-instant-approval");
        }
    }

    @Test
    void creditEngine_rulesWithoutScenarios_areRefusedUnlessWithoutScenarioGate() {
        RuleSetSource bare = RuleSetSource.of("bare", DEFAULT.files());
        assertThatThrownBy(() -> CreditEngine.builder().rules(bare).build()).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("no scenario would gate reloads")
                .hasMessageContaining("withoutScenarioGate()");
        try (CreditEngine engine = CreditEngine.builder().rules(bare).withoutScenarioGate().build()) {
            assertThat(engine.rulesetVersion()).isEqualTo(DEFAULT.version());
        }
    }
}
