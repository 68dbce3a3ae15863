package org.creditkit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.creditkit.rules.testing.Scenario;
import org.creditkit.rules.testing.ScenarioResult;
import org.creditkit.rules.testing.Scenarios;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread-safe decider whose rules can be replaced while it serves (hot reload).
 *
 * <p>{@link #reload(RuleSetSource)} builds the new rule set on the caller's thread (off the request
 * path), refuses it unless it has zero problems and passes every gating scenario, then swaps it in
 * atomically. Each decision pins the rule set it started with and records that version; the old
 * set is disposed when its last in-flight decision finishes. A refused reload leaves the old rules
 * serving and says why.
 *
 * <pre>{@code
 * RuleEngine engine = RuleEngine.of(RuleSets.compile(RuleSetSource.defaultPolicy()), Scenarios.defaultScenarios());
 * Decision d = engine.decide(input, "expert-v1");             // any thread
 * ReloadResult r = engine.reload(RuleSetSource.directory(dir)); // an admin thread
 * }</pre>
 */
public final class RuleEngine implements RuleDecider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

    private final AtomicReference<CompiledRuleSet> current;
    private final List<Scenario> gate;
    private final LintOptions lintOptions;
    private boolean closed;

    private RuleEngine(CompiledRuleSet initial, List<Scenario> gate, LintOptions lintOptions) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.gate = List.copyOf(gate);
        this.lintOptions = Objects.requireNonNull(lintOptions, "lintOptions");
    }

    /**
     * An engine serving {@code initial}, gating reloads on {@code gate}. The engine takes ownership
     * of the rule set (it closes it when replaced or when the engine closes).
     *
     * @param initial the compiled rules to serve first
     * @param gate scenarios every new rule set must pass (may be empty)
     * @return the engine
     */
    public static RuleEngine of(CompiledRuleSet initial, List<Scenario> gate) {
        return of(initial, gate, LintOptions.DEFAULT);
    }

    /**
     * An engine serving {@code initial}, gating reloads on {@code gate} and linting reloaded rules with
     * {@code lintOptions}: pass the options {@code initial} was compiled with, so the same rules that
     * were accepted at start are accepted on reload.
     *
     * @param initial the compiled rules to serve first
     * @param gate scenarios every new rule set must pass (may be empty)
     * @param lintOptions the linter options of every reload
     * @return the engine
     */
    public static RuleEngine of(CompiledRuleSet initial, List<Scenario> gate, LintOptions lintOptions) {
        return new RuleEngine(initial, gate, lintOptions);
    }

    /**
     * An engine serving the default policy, gated on its shipped scenarios.
     *
     * @return the engine
     */
    public static RuleEngine defaultPolicy() {
        return of(RuleSets.compile(RuleSetSource.defaultPolicy()), Scenarios.defaultScenarios());
    }

    /**
     * The version serving new decisions.
     *
     * @return SHA-256 of the live rule set
     */
    public String version() {
        return current.get().version();
    }

    /**
     * The parameters of the live rule set.
     *
     * @return the parameters
     */
    public PolicyParameters parameters() {
        return current.get().parameters();
    }

    @Override
    public Decision decide(RuleInput input, String modelId) {
        return decide(input, modelId, 0L);
    }

    /**
     * Decides with the scoring time of the caller recorded in the timings.
     *
     * @param input the scored application
     * @param modelId the model id
     * @param scoringNanos time the caller spent scoring
     * @return the decision, carrying the version it was made with
     */
    public Decision decide(RuleInput input, String modelId, long scoringNanos) {
        CompiledRuleSet rules = pin();
        try {
            return rules.decideAcquired(input, modelId, scoringNanos);
        } finally {
            rules.release();
        }
    }

    private CompiledRuleSet pin() {
        while (true) {
            CompiledRuleSet rules = current.get();
            if (rules.tryAcquire()) {
                return rules;
            }
            if (rules == current.get()) {
                throw new IllegalStateException("The rule engine is closed");
            }
            // swapped and disposed between get and acquire: read the new one
        }
    }

    /**
     * Builds, tests and (when clean) swaps in new rules, gated on the engine's scenarios.
     *
     * @param source the new rule sources
     * @return what happened
     */
    public ReloadResult reload(RuleSetSource source) {
        return reload(source, gate);
    }

    /**
     * Builds, tests and (when clean) swaps in new rules, gated on the given scenarios.
     *
     * @param source the new rule sources
     * @param scenarios the gating scenarios
     * @return what happened
     */
    public synchronized ReloadResult reload(RuleSetSource source, List<Scenario> scenarios) {
        if (closed) {
            throw new IllegalStateException("The rule engine is closed");
        }
        long t0 = System.nanoTime();
        CompiledRuleSet candidate;
        try {
            candidate = RuleSets.compile(source, lintOptions);
        } catch (RuleSetException e) {
            LOG.warn("rule set reload from {} refused, {} stays: {} problem(s): {}", source.origin(),
                    version().substring(0, 12), e.ruleProblems().size(), e.ruleProblems().stream().limit(5).toList());
            return new ReloadResult(false, version(), source.version(), e.ruleProblems(), List.of(), System.nanoTime() - t0);
        }
        List<ScenarioResult> failed = new ArrayList<>();
        for (ScenarioResult r : Scenarios.run(candidate, scenarios)) {
            if (!r.passed()) {
                failed.add(r);
            }
        }
        if (!failed.isEmpty()) {
            candidate.close();
            LOG.warn("rule set reload from {} refused, {} stays: {} of {} gating scenario(s) failed: {}",
                    source.origin(), version().substring(0, 12), failed.size(), scenarios.size(),
                    failed.stream().limit(5).map(r -> r.scenario().name()).toList());
            return new ReloadResult(false, version(), source.version(), List.of(), failed, System.nanoTime() - t0);
        }
        CompiledRuleSet old = current.getAndSet(candidate);
        old.close();
        LOG.info("rule set reload from {} accepted: {} -> {} after {} gating scenario(s), {} ms", source.origin(),
                old.version().substring(0, 12), candidate.version().substring(0, 12), scenarios.size(),
                (System.nanoTime() - t0) / 1_000_000);
        return new ReloadResult(true, candidate.version(), candidate.version(), List.of(), List.of(),
                System.nanoTime() - t0);
    }

    /** Closes the live rule set (disposed once in-flight decisions finish). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            current.get().close();
        }
    }
}
