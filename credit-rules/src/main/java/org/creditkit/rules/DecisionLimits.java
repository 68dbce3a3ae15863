package org.creditkit.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * Runaway protection of one decision: at most {@code maxFirings} rule firings and at most
 * {@code timeBudget} of rule evaluation. The allow-list refuses loops in consequences, but rules can
 * still re-activate each other ({@code update($c)} without {@code no-loop}); a decision that exceeds
 * either limit fails with a {@link DecisionLimitException} for that application, its session is
 * discarded, and the engine keeps serving. The limits are checked before each firing, so a
 * decision stops within one firing of its limit. The time budget counts the CPU time of the deciding
 * thread where the JVM measures it (wall-clock time elsewhere): a thread that waits, descheduled on
 * a loaded host or in a GC pause, is not taken for a runaway rule. A decision is stopped only once it
 * has certainly used more than its budget of CPU time, and at most 1 ms of CPU time (or a sixteenth of
 * a smaller budget) after that: the CPU clock is read about once a millisecond per thread, not per
 * decision.
 *
 * <p>The default policy fires 6.3 rules per decision on average and 14 at most (1,024 synthetic
 * inputs), so the default 1,000 firings are some seventy times the most it needs. The guard costs a
 * counter and a {@code System.nanoTime()} per firing, and a read of the thread's CPU time (a system
 * call of 1.4-1.7 &micro;s on the 2-vCPU test machine) about once a millisecond per deciding thread. {@code DecisionLimitsBenchmark} (credit-bench) fires the same decisions with and without
 * it in one run; on the 2-vCPU machine shared by parallel builds (load average about 29, JDK 17) it
 * measured 44.4 &plusmn; 51.4 &micro;s with and 31.9 &plusmn; 16.4 &micro;s without: the difference is
 * inside the noise, so no cost can be quoted from it. Re-run it on a quiet machine to get one.
 *
 * @param maxFirings most rule firings per decision, at least 1
 * @param timeBudget most CPU time per decision spent firing rules, positive
 */
public record DecisionLimits(int maxFirings, Duration timeBudget) {

    /** 1,000 firings and 1 second per decision. */
    public static final DecisionLimits DEFAULT = new DecisionLimits(1_000, Duration.ofSeconds(1));

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException when a limit is not positive
     */
    public DecisionLimits {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, got " + maxFirings);
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive, got " + timeBudget);
        }
    }

    /**
     * Creates limits.
     *
     * @param maxFirings most rule firings per decision
     * @param timeBudget most time per decision
     * @return the limits
     */
    public static DecisionLimits of(int maxFirings, Duration timeBudget) {
        return new DecisionLimits(maxFirings, timeBudget);
    }
}
