package org.creditkit.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.creditkit.rules.testing.Scenario;
import org.creditkit.rules.testing.ScenarioResult;
import org.creditkit.rules.testing.Scenarios;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread-safe decider whose rules can be replaced while it serves (hot reload).
 *
 * <p>{@link #reload(RuleSetSource)} builds the new rule set on a reload thread (off the request
 * path), refuses it unless it has zero problems and passes every gating scenario, then swaps it in
 * atomically. Each decision pins the rule set it started with and records that version; the old
 * set is disposed when its last in-flight decision finishes. A refused reload leaves the old rules
 * serving and says why.
 *
 * <p>Gate: a reload is tested on the scenarios its source brings (a rule directory's own
 * {@code scenarios/}) plus the engine's {@link Builder#reloadGate reload gate}; a reload with no
 * scenario at all is refused unless the engine was built {@link Builder#withoutScenarioGate()}.
 * Every decision, scenario runs included, is held to the engine's {@link DecisionLimits}, so a rule
 * loop the gate reaches fails that scenario instead of hanging the reload. A reload that does not
 * finish within its timeout is refused (its build is abandoned and disposed when it ends); reloads
 * never wait for each other, and {@link #close()} never waits for a reload.
 *
 * <pre>{@code
 * RuleEngine engine = RuleEngine.defaultPolicy();
 * Decision d = engine.decide(input, "expert-v1");             // any thread
 * ReloadResult r = engine.reload(RuleSetSource.directory(dir)); // an admin thread; gated on dir/scenarios
 * }</pre>
 */
public final class RuleEngine implements RuleDecider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

    /** The default reload timeout: building and gating a rule set takes seconds; this allows for a loaded host. */
    public static final Duration DEFAULT_RELOAD_TIMEOUT = Duration.ofMinutes(2);

    private final AtomicReference<CompiledRuleSet> current;
    private final List<Scenario> gate;
    private final boolean ungated;
    private final DecisionLimits limits;
    private final Duration reloadTimeout;
    /** Guards the swap and {@link #closed}; held only for a reference swap, never while building. */
    private final Object swap = new Object();
    private boolean closed;

    private RuleEngine(Builder b) {
        this.current = new AtomicReference<>(b.initial);
        this.gate = b.gate;
        this.ungated = b.ungated;
        this.limits = b.initial.limits();
        this.reloadTimeout = b.reloadTimeout;
    }

    /**
     * An engine serving {@code initial}, gating reloads on {@code gate} plus each reload's own
     * scenarios. The engine takes ownership of the rule set (it closes it when replaced or when the
     * engine closes).
     *
     * @param initial the compiled rules to serve first
     * @param gate scenarios every new rule set must pass; when empty, each reload must bring its own
     * @return the engine
     */
    public static RuleEngine of(CompiledRuleSet initial, List<Scenario> gate) {
        return builder(initial).reloadGate(gate).build();
    }

    /**
     * A builder for an engine serving {@code initial}.
     *
     * @param initial the compiled rules to serve first (the engine takes ownership)
     * @return the builder
     */
    public static Builder builder(CompiledRuleSet initial) {
        return new Builder(initial);
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
     * @throws DecisionLimitException when the rules exceed the decision limits on this application
     */
    public Decision decide(RuleInput input, String modelId, long scoringNanos) {
        return decide(input, modelId, scoringNanos, InputLineage.NONE);
    }

    /** Decides, giving each rule reason the lineage of the inputs its rule reads (same rule set as the decision). */
    Decision decide(RuleInput input, String modelId, long scoringNanos, InputLineage lineage) {
        CompiledRuleSet rules = pin();
        try {
            return rules.decideAcquired(input, modelId, scoringNanos, lineage);
        } finally {
            rules.release();
        }
    }

    /** Whether the live rule set was loaded from the precompiled default policy. */
    boolean precompiled() {
        return current.get().precompiled();
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
     * Builds, tests and (when clean) swaps in new rules, gated on the source's own scenarios and the
     * engine's reload gate.
     *
     * @param source the new rule sources
     * @return what happened
     */
    public ReloadResult reload(RuleSetSource source) {
        return reload(source, gate);
    }

    /**
     * Builds, tests and (when clean) swaps in new rules, gated on the given scenarios plus the
     * source's own.
     *
     * @param source the new rule sources
     * @param scenarios the gating scenarios
     * @return what happened; refused when the reload takes longer than the engine's reload timeout
     * @throws IllegalStateException when the engine is closed
     */
    public ReloadResult reload(RuleSetSource source, List<Scenario> scenarios) {
        ReloadResult r = attempt(source, scenarios);
        if (r.accepted()) {
            LOG.info("rule set reload from {} accepted: {} in {} ms", source.origin(), r.activeVersion().substring(0, 12),
                    r.buildNanos() / 1_000_000);
        } else {
            LOG.warn("rule set reload from {} refused, {} stays: {} problem(s), {} failed scenario(s): {}", source.origin(),
                    r.activeVersion().substring(0, 12), r.problems().size(), r.failedScenarios().size(),
                    r.problems().isEmpty() ? r.failedScenarios().stream().limit(5).map(f -> f.scenario().name()).toList()
                            : r.problems().stream().limit(5).toList());
        }
        return r;
    }

    private ReloadResult attempt(RuleSetSource source, List<Scenario> scenarios) {
        synchronized (swap) {
            if (closed) {
                throw new IllegalStateException("The rule engine is closed");
            }
        }
        long t0 = System.nanoTime();
        Attempt attempt = new Attempt();
        FutureTask<ReloadResult> task = new FutureTask<>(() -> build(source, List.copyOf(scenarios), t0, attempt));
        Thread worker = new Thread(task, "creditkit-rules-reload");
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(reloadTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return abandon(source, attempt, task, t0, "the reload did not finish within " + reloadTimeout.toMillis()
                    + " ms (the engine's reload timeout); the build is abandoned and disposed when it ends");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return abandon(source, attempt, task, t0, "the reload was interrupted; the build is abandoned");
        } catch (ExecutionException e) {
            return refused(source, t0, "the reload failed: " + e.getCause());
        }
    }

    /** Per-reload state shared between the caller and the reload thread, guarded by {@link #swap}. */
    private static final class Attempt {
        boolean abandoned;
        boolean swapped;
    }

    private ReloadResult abandon(RuleSetSource source, Attempt attempt, FutureTask<ReloadResult> task, long t0,
            String why) {
        synchronized (swap) {
            if (!attempt.swapped) {
                attempt.abandoned = true;
                return refused(source, t0, why);
            }
        }
        // swapped just before the deadline: the result follows at once (closing the old set does not wait)
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ReloadResult(true, version(), source.version(), List.of(), List.of(), System.nanoTime() - t0);
        } catch (ExecutionException e) {
            return new ReloadResult(true, version(), source.version(), List.of(), List.of(), System.nanoTime() - t0);
        }
    }

    private ReloadResult refused(RuleSetSource source, long t0, String why) {
        return new ReloadResult(false, version(), source.version(), List.of(RuleProblem.of(source.origin(), 1, 1, why)),
                List.of(), System.nanoTime() - t0);
    }

    private ReloadResult build(RuleSetSource source, List<Scenario> scenarios, long t0, Attempt attempt) {
        // the source's own scenarios and the gate; one run per scenario name (the default policy brings the default gate)
        java.util.Map<String, Scenario> byName = new java.util.LinkedHashMap<>();
        try {
            for (Scenario s : source.scenarios()) {
                byName.putIfAbsent(s.name(), s);
            }
        } catch (RuleSetException e) {
            return new ReloadResult(false, version(), source.version(), e.ruleProblems(), List.of(), System.nanoTime() - t0);
        }
        for (Scenario s : scenarios) {
            byName.putIfAbsent(s.name(), s);
        }
        List<Scenario> cases = List.copyOf(byName.values());
        if (cases.isEmpty() && !ungated) {
            return refused(source, t0, "no scenario gates this reload: add a scenarios/ folder of .json cases next to"
                    + " the rule files, give the engine a reload gate, or build it withoutScenarioGate() on purpose");
        }
        CompiledRuleSet candidate;
        try {
            candidate = RuleSets.compile(source, limits);
        } catch (RuleSetException e) {
            return new ReloadResult(false, version(), source.version(), e.ruleProblems(), List.of(), System.nanoTime() - t0);
        }
        List<ScenarioResult> failed = new ArrayList<>();
        for (ScenarioResult r : Scenarios.run(candidate, cases)) {
            if (!r.passed()) {
                failed.add(r);
            }
        }
        if (!failed.isEmpty()) {
            candidate.close();
            return new ReloadResult(false, version(), source.version(), List.of(), failed, System.nanoTime() - t0);
        }
        CompiledRuleSet old;
        synchronized (swap) {
            if (closed || attempt.abandoned) {
                candidate.close();
                return refused(source, t0, closed ? "the engine was closed during the reload" : "abandoned");
            }
            old = current.getAndSet(candidate);
            attempt.swapped = true;
        }
        old.close();
        return new ReloadResult(true, candidate.version(), candidate.version(), List.of(), List.of(),
                System.nanoTime() - t0);
    }

    /** Closes the live rule set (disposed once in-flight decisions finish); never waits for a reload. */
    @Override
    public void close() {
        synchronized (swap) {
            if (!closed) {
                closed = true;
                current.get().close();
            }
        }
    }

    /** Builder of a {@link RuleEngine}. */
    public static final class Builder {
        private final CompiledRuleSet initial;
        private List<Scenario> gate = List.of();
        private boolean ungated;
        private Duration reloadTimeout = DEFAULT_RELOAD_TIMEOUT;

        private Builder(CompiledRuleSet initial) {
            this.initial = Objects.requireNonNull(initial, "initial");
        }

        /**
         * Scenarios every reload must pass, in addition to the reload's own {@code scenarios/}.
         *
         * @param value the gating scenarios
         * @return this builder
         */
        public Builder reloadGate(List<Scenario> value) {
            gate = List.copyOf(value);
            return this;
        }

        /**
         * Accept reloads that bring no scenario and have no reload gate. Off by default: without a
         * gate any compiling rule set goes live, "decline everything" included.
         *
         * @return this builder
         */
        public Builder withoutScenarioGate() {
            ungated = true;
            return this;
        }

        /**
         * How long a reload may take before it is refused (default {@link #DEFAULT_RELOAD_TIMEOUT}).
         *
         * @param value a positive duration
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder reloadTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("reloadTimeout must be positive, got " + value);
            }
            reloadTimeout = value;
            return this;
        }

        /**
         * Builds the engine; reloads are compiled with the initial rule set's {@link DecisionLimits}.
         *
         * @return the engine
         */
        public RuleEngine build() {
            return new RuleEngine(this);
        }
    }
}
