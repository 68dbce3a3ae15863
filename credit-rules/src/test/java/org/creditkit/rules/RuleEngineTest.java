package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.creditkit.rules.testing.SyntheticRuleInputs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    static final RuleSetSource DEFAULT = RuleSetSource.defaultPolicy();
    /** The default policy with a higher reference rate: passes every scenario, different version. */
    static final RuleSetSource DEARER = DEFAULT.with(PolicyParameters.FILE_NAME,
            DEFAULT.files().get(PolicyParameters.FILE_NAME).replace("\"referenceRate\": 0.031", "\"referenceRate\": 0.035"));

    RuleEngine engine;

    @BeforeEach
    void start() {
        engine = RuleEngine.defaultPolicy();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void reload_validRules_swapsAndNewDecisionsRecordNewVersion() {
        RuleInput in = Inputs.clean("A").build();
        assertThat(engine.decide(in).rulesetVersion()).isEqualTo(DEFAULT.version());
        ReloadResult r = engine.reload(DEARER);
        assertThat(r.accepted()).as(r.toString()).isTrue();
        assertThat(engine.version()).isEqualTo(DEARER.version()).isNotEqualTo(DEFAULT.version());
        Decision d = engine.decide(in);
        assertThat(d.rulesetVersion()).isEqualTo(DEARER.version());
        assertThat(d.interestRate()).isEqualTo(0.035 + 0.005);
    }

    @Test
    void reload_functionBlock_isRefusedByTheAllowList() {
        RuleSetSource withFunction = DEFAULT.with("helpers.drl", """
                package org.creditkit.rules.policy;
                function String label(String s) { return "[" + s + "]"; }
                """);
        ReloadResult refused = engine.reload(withFunction);
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.toString()).contains("'function' blocks are not allowed");
    }

    @Test
    void reload_compileError_keepsOldRulesAndSaysWhy() {
        RuleSetSource broken = DEFAULT.with("risk-tiers.drl",
                DEFAULT.files().get("risk-tiers.drl").replace("$c : Case( !input.taxRatingA3Years,", "$c : Case( !input.taxRating,"));
        ReloadResult r = engine.reload(broken);
        assertThat(r.accepted()).isFalse();
        assertThat(r.activeVersion()).isEqualTo(DEFAULT.version());
        assertThat(r.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("risk-tiers.drl"));
        assertThat(r.problems().get(0).line()).isEqualTo(18);
        assertThat(r.problems().get(0).toString()).startsWith("risk-tiers.drl:18:23 ");
        assertThat(engine.decide(Inputs.clean("A").build()).rulesetVersion()).isEqualTo(DEFAULT.version());
    }

    @Test
    void reload_scenarioFailure_keepsOldRulesAndShowsDifference() {
        // raising the instant cutoff to 0.06 turns the medium-risk scenarios into instant approvals
        RuleSetSource lax = DEFAULT.with(PolicyParameters.PRODUCTS_FILE_NAME,
                DEFAULT.files().get(PolicyParameters.PRODUCTS_FILE_NAME).replaceFirst("\"instantMaxPd\": 0.03,",
                        "\"instantMaxPd\": 0.06,"));
        ReloadResult r = engine.reload(lax);
        assertThat(r.accepted()).isFalse();
        assertThat(r.problems()).isEmpty();
        assertThat(r.failedScenarios()).extracting(s -> s.scenario().name()).contains("10-medium-risk-review");
        assertThat(r.toString()).contains("tier: expected MANUAL_REVIEW, got INSTANT_APPROVAL");
        assertThat(engine.version()).isEqualTo(DEFAULT.version());
    }

    @Test
    void reload_decisionInFlight_finishesOnItsVersionAndOldSetIsDisposedAfter() {
        CompiledRuleSet pinned = RuleSets.compile(DEFAULT);
        RuleEngine e = RuleEngine.of(pinned, List.of());
        try {
            assertThat(pinned.tryAcquire()).isTrue(); // a decision in flight holds the old set
            assertThat(e.reload(DEARER).accepted()).isTrue();
            assertThat(pinned.isDisposed()).isFalse();
            Decision d = pinned.decideAcquired(Inputs.clean("A").build(), "m", 0L);
            assertThat(d.rulesetVersion()).isEqualTo(DEFAULT.version());
            pinned.release();
            assertThat(pinned.isDisposed()).isTrue();
            assertThatThrownBy(() -> pinned.decide(Inputs.clean("B").build()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
            assertThat(e.decide(Inputs.clean("C").build()).rulesetVersion()).isEqualTo(DEARER.version());
        } finally {
            e.close();
        }
    }

    @Test
    void decide_concurrentWithReloads_everyDecisionCompletesOnOneOfTheVersions() throws Exception {
        List<RuleInput> inputs = SyntheticRuleInputs.generate(7L, 2_000);
        PlainJavaPolicy plain = PlainJavaPolicy.defaultPolicy();
        Set<String> versions = ConcurrentHashMap.newKeySet();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(2);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread th = new Thread(() -> {
                started.countDown();
                int i = 0;
                try {
                    while (!stop.get()) {
                        RuleInput in = inputs.get(i++ % inputs.size());
                        Decision d = engine.decide(in);
                        versions.add(d.rulesetVersion());
                        assertThat(d.tier()).isEqualTo(plain.decide(in).tier());
                    }
                } catch (Throwable ex) {
                    failure.compareAndSet(null, ex);
                }
            });
            th.start();
            threads.add(th);
        }
        started.await();
        assertThat(engine.reload(DEARER).accepted()).isTrue();
        assertThat(engine.reload(DEFAULT).accepted()).isTrue();
        stop.set(true);
        for (Thread th : threads) {
            th.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(versions).isSubsetOf(DEFAULT.version(), DEARER.version()).contains(DEFAULT.version());
    }
}
