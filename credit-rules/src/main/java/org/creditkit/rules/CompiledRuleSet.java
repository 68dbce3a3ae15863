package org.creditkit.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditkit.core.CreditDecisionException;
import org.creditkit.rules.testing.SyntheticRuleInputs;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * An immutable, compiled rule set: one shared {@link KieBase} built with the executable model, its
 * validated {@link PolicyParameters} and its version. Thread-safe: decisions borrow a pooled session,
 * insert one {@link Case} fact (input, parameters, product policy, verdict collector), fire, retract
 * it and return the session to the pool. Each decision is held to {@link DecisionLimits} (firings and
 * time); one that exceeds them fails with a {@link DecisionLimitException} and its session is discarded.
 *
 * <p>Lifecycle: the set is reference-counted. {@link #close()} releases the owner's reference; the
 * Drools container, the sessions and the generated classes are disposed when the last in-flight
 * decision finishes, so a hot reload never cuts a running decision short.
 *
 * <pre>{@code
 * try (CompiledRuleSet rules = RuleSets.compile(RuleSetSource.defaultPolicy())) {
 *     Decision d = rules.decide(input, "expert-v1");
 * }
 * }</pre>
 */
public final class CompiledRuleSet implements RuleDecider, AutoCloseable {

    private final RuleSetCompiler.Compiled compiled;
    private final String version;
    private final String origin;
    private final DecisionLimits limits;
    /** Per rule, the rule-input members its reasons take their lineage from; made once per rule set. */
    private final Map<String, Set<String>> ruleInputs;
    /** Per rule, what its reasons' lineage is made of ({@link #ruleInputs} resolved once). */
    private final Map<String, InputLineage.Plan> lineagePlans;
    /**
     * Pooled sessions. A session lives as long as the rule set: Drools 10.2.0 deletes the fired match
     * of a single-pattern rule with its fact (10.1.0 kept it in {@code RuleExecutor.dormantMatches},
     * apache/incubator-kie-drools#6361, and sessions had to be recycled every 2,000 decisions).
     */
    private final SessionPool pool = new SessionPool();
    /** Reference count: 1 for the owner plus one per decision in flight; 0 means disposed. */
    private final AtomicInteger refs = new AtomicInteger(1);

    CompiledRuleSet(RuleSetCompiler.Compiled compiled, RuleSetSource source, DecisionLimits limits) {
        this.compiled = compiled;
        this.limits = limits;
        this.version = source.version();
        this.origin = source.origin();
        this.ruleInputs = Verdicts.withEngineRules(compiled.ruleInputs());
        Map<String, InputLineage.Plan> plans = new java.util.HashMap<>();
        ruleInputs.forEach((rule, members) -> plans.put(rule, RuleInputMapper.plan(members)));
        this.lineagePlans = Map.copyOf(plans);
        warmUp();
    }

    /**
     * Decisions made at build on the first pooled session, so that the first real decision finds the
     * classes of the rules' conditions and consequences loaded, the session's network memory built
     * and the decision code run (about 30 ms of CPU otherwise spent on the first decision).
     */
    static final int WARM_UP_DECISIONS = 16;

    private void warmUp() {
        KieSession session = compiled.kieBase().newKieSession();
        boolean clean = true;
        for (RuleInput input : SyntheticRuleInputs.generate(1L, WARM_UP_DECISIONS)) {
            clean = false;
            try {
                Case c = new Case(input, compiled.parameters());
                FiringGuard guard = new FiringGuard(limits, System.nanoTime(), c);
                FactHandle h = session.insert(c);
                session.fireAllRules(guard);
                session.delete(h);
                if (guard.stopped() != null) {
                    break;
                }
                c.verdicts().toDecision(input, compiled.parameters(), version, "warm-up", 0L, System.nanoTime());
                clean = true;
            } catch (RuntimeException e) {
                // rules that fail or run away on a synthetic input fail the same way on a real one, which says so
                break;
            }
        }
        if (!clean) {
            // the session may hold a half-run agenda: never reuse it
            session.dispose();
            session = compiled.kieBase().newKieSession();
        }
        pool.offer(new SessionPool.Lane(session, new FiringGuard(limits, System.nanoTime())));
    }

    /**
     * The ruleset version: SHA-256 (hex) of the rule sources and parameters.
     *
     * @return the version recorded in every decision
     */
    public String version() {
        return version;
    }

    /**
     * Where the rules came from.
     *
     * @return directory or classpath location
     */
    public String origin() {
        return origin;
    }

    /**
     * The validated parameters.
     *
     * @return the parameters
     */
    public PolicyParameters parameters() {
        return compiled.parameters();
    }

    /**
     * The names of every rule, in file and declaration order.
     *
     * @return rule names
     */
    public List<String> ruleNames() {
        return compiled.ruleNames();
    }

    /**
     * Every name a decision's fired rules can hold: the rules of the files ({@link #ruleNames()}) and the
     * verdicts the engine records itself ({@code mitigation-plan}, {@code decline-expected-loss-above-appetite}).
     *
     * @return the names, the rules' first
     */
    public List<String> firableRuleNames() {
        List<String> out = new java.util.ArrayList<>(ruleNames());
        for (String rule : Verdicts.ENGINE_RULES) {
            if (!out.contains(rule)) {
                out.add(rule);
            }
        }
        return List.copyOf(out);
    }

    /** Whether the rules were loaded from the default policy's precompiled executable model. */
    boolean precompiled() {
        return compiled.precompiled();
    }

    /** Per rule, the rule-input members its reasons take their lineage from (the assembly's own verdicts included). */
    Map<String, Set<String>> ruleInputs() {
        return ruleInputs;
    }

    /** Where rule {@code name} is declared (file, line, column; the message is the name). */
    RuleProblem ruleSite(String name) {
        return compiled.ruleSites().getOrDefault(name, RuleProblem.of(origin, 1, 1, name));
    }

    /**
     * The runaway protection of each decision.
     *
     * @return the firing and time limits
     */
    public DecisionLimits limits() {
        return limits;
    }

    /**
     * Whether the set has been disposed (closed and no decision in flight).
     *
     * @return true when disposed
     */
    public boolean isDisposed() {
        return refs.get() == 0;
    }

    @Override
    public Decision decide(RuleInput input, String modelId) {
        if (!tryAcquire()) {
            throw new IllegalStateException("The rule set " + version + " from " + origin + " is closed");
        }
        try {
            return decideAcquired(input, modelId, 0L);
        } finally {
            release();
        }
    }

    /** Decides while the caller holds a reference. */
    Decision decideAcquired(RuleInput input, String modelId, long scoringNanos) {
        return decideAcquired(input, modelId, scoringNanos, InputLineage.NONE);
    }

    /** Decides while the caller holds a reference, giving rule reasons the lineage of their inputs. */
    Decision decideAcquired(RuleInput input, String modelId, long scoringNanos, InputLineage lineage) {
        long t0 = System.nanoTime();
        SessionPool.Lane lane = pool.poll();
        if (lane == null) {
            lane = new SessionPool.Lane(compiled.kieBase().newKieSession(), new FiringGuard(limits, t0));
        }
        KieSession session = lane.session;
        FiringGuard guard = lane.guard;
        Case c = new Case(input, compiled.parameters());
        guard.restart(System.nanoTime(), c);
        try {
            FactHandle h = session.insert(c);
            session.fireAllRules(guard);
            session.delete(h);
        } catch (RuntimeException e) {
            session.dispose();
            throw new CreditDecisionException("application " + input.applicationId(),
                    "the rules " + version.substring(0, 12) + " failed: " + e.getMessage(), e);
        }
        if (guard.stopped() != null) {
            // the session may hold a half-run agenda: never reuse it
            session.dispose();
            throw new DecisionLimitException("The rules " + version.substring(0, 12) + " from " + origin
                    + " were stopped on application " + input.applicationId() + ": " + guard.stopped()
                    + "; no decision was made for it, the engine keeps serving");
        }
        guard.release();
        pool.offer(lane);
        return c.verdicts().toDecision(input, compiled.parameters(), version, modelId, scoringNanos, t0,
                lineagePlans, lineage);
    }

    boolean tryAcquire() {
        while (true) {
            int n = refs.get();
            if (n == 0) {
                return false;
            }
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (refs.decrementAndGet() == 0) {
            dispose();
        }
    }

    private void dispose() {
        SessionPool.Lane lane;
        while ((lane = pool.poll()) != null) {
            lane.session.dispose();
        }
        compiled.disposer().run();
    }

    /**
     * Releases the owner's reference; resources are disposed once no decision is in flight.
     * Closing twice is a no-op.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    private boolean closed;

    @Override
    public String toString() {
        return "CompiledRuleSet[" + origin + " " + version.substring(0, 12) + " rules=" + ruleNames().size() + "]";
    }
}
