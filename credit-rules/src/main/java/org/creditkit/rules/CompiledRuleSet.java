package org.creditkit.rules;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditkit.core.CreditDecisionException;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    /**
     * Decisions after which a pooled session is disposed and replaced. Drools 10.1.0 keeps the fired
     * matches of single-pattern rules (alpha terminal nodes) in {@code RuleExecutor.dormantMatches}
     * after their fact is deleted (apache/incubator-kie-drools#6361, fixed after 10.1.0), about 2.5 KB
     * per decision; recycling bounds that to a few MB per session at a negligible amortised cost.
     */
    static final int SESSION_RECYCLE_DECISIONS = 2_000;

    /** A pooled session and how many decisions it has made. */
    private static final class Lane {
        final KieSession session;
        int decisions;

        Lane(KieSession session) {
            this.session = session;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRuleSet.class);

    private final Queue<Lane> pool = new ConcurrentLinkedQueue<>();
    /** Reference count: 1 for the owner plus one per decision in flight; 0 means disposed. */
    private final AtomicInteger refs = new AtomicInteger(1);

    CompiledRuleSet(RuleSetCompiler.Compiled compiled, RuleSetSource source, DecisionLimits limits) {
        this.compiled = compiled;
        this.limits = limits;
        this.version = source.version();
        this.origin = source.origin();
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
        Lane lane = pool.poll();
        if (lane == null) {
            lane = new Lane(compiled.kieBase().newKieSession());
        }
        Case c = new Case(input, compiled.parameters());
        FiringGuard guard = new FiringGuard(limits, System.nanoTime());
        try {
            FactHandle h = lane.session.insert(c);
            lane.session.fireAllRules(guard);
            lane.session.delete(h);
        } catch (RuntimeException e) {
            lane.session.dispose();
            throw new CreditDecisionException("application " + input.applicationId(),
                    "the rules " + version.substring(0, 12) + " failed: " + e.getMessage(), e);
        }
        if (guard.stopped() != null) {
            // the session may hold a half-run agenda: never reuse it
            lane.session.dispose();
            throw new DecisionLimitException("The rules " + version.substring(0, 12) + " from " + origin
                    + " were stopped on application " + input.applicationId() + ": " + guard.stopped()
                    + "; no decision was made for it, the engine keeps serving");
        }
        if (++lane.decisions >= SESSION_RECYCLE_DECISIONS) {
            lane.session.dispose();
            LOG.debug("rule session of rule set {} recycled after {} decisions", shortVersion(), lane.decisions);
        } else {
            pool.offer(lane);
        }
        Decision d = c.verdicts().toDecision(input, compiled.parameters(), version, modelId,
                DecisionTimings.of(scoringNanos, 0L, 0L), compiled.ruleInputs(), lineage);
        long t2 = System.nanoTime();
        return d.withTimings(DecisionTimings.of(scoringNanos, t2 - t0, scoringNanos + (t2 - t0)));
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

    private String shortVersion() {
        return version.substring(0, 12);
    }

    private void dispose() {
        Lane lane;
        while ((lane = pool.poll()) != null) {
            lane.session.dispose();
        }
        RuleSetCompiler.dispose(compiled);
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
