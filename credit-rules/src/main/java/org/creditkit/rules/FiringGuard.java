package org.creditkit.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Enforces {@link DecisionLimits} on one {@code fireAllRules}: Drools asks the filter before each
 * firing; once a limit is crossed it refuses that match and every later one, so the agenda drains
 * without running another consequence and the call returns. One guard per decision; not thread-safe.
 *
 * <p>The time budget is the CPU time of the deciding thread where the JVM measures it: wall-clock time
 * is read at every firing (cheap), and only once it passes the budget is the thread's CPU time read,
 * and the decision stopped if that passed it too. A thread descheduled for seconds on an overloaded host
 * (or stopped by a GC pause) used no CPU meanwhile and is not a runaway rule; such a stall stopped a
 * decision after 0 firings in a test on a 2-vCPU machine at load 40.
 *
 * <p>Reading the thread's CPU clock is a system call (1.4-1.7 &micro;s on the 2-vCPU KVM machine, against
 * a decision of about 6 &micro;s), so a decision does not read it when it starts. Each thread keeps one
 * reading of its CPU clock and the wall clock ({@link Anchor}), taken again by a decision that finds it
 * older than {@link #anchorNanos} (1 ms, or a sixteenth of a smaller budget); a thread deciding back to
 * back reads the CPU clock about once a millisecond. The CPU time a decision has used is then at least
 * {@code cpuNow - anchor.cpu - (start - anchor.wall)}: the thread cannot have used more CPU between
 * the reading and the start than wall-clock time passed. The guard stops on that lower bound, so it
 * never stops a decision that stayed within its budget, and it stops a runaway at most one anchor age
 * of CPU time (at most 1 ms) later than an exact reading at the start would.
 */
final class FiringGuard implements AgendaFilter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    /** The thread's last reading of its CPU clock and the wall clock when it was taken. */
    static final class Anchor {
        /** {@code System.nanoTime()} at or before the reading; far in the past until the first one. */
        long wall = Long.MIN_VALUE / 2;
        /** The thread's CPU time read then. */
        long cpu;
    }

    private static final ThreadLocal<Anchor> ANCHORS = ThreadLocal.withInitial(Anchor::new);

    private final int maxFirings;
    private final long budgetNanos;
    private long start;
    /** The thread's CPU time at a wall time {@link #cpuLag} before {@link #start} (or at/after it: lag 0). */
    private long cpuStart;
    private long cpuLag;
    private int fired;
    private String stopped;
    /** The decision's case, told the name of each rule about to fire; null for other facts. */
    private Case names;

    FiringGuard(DecisionLimits limits, long startNanos) {
        this(limits, startNanos, null);
    }

    /** A guard that also names each rule about to fire to the case ({@link Case#tier(Tier, String, String)} ...). */
    FiringGuard(DecisionLimits limits, long startNanos, Case names) {
        this.maxFirings = limits.maxFirings();
        this.budgetNanos = limits.timeBudget().toNanos();
        restart(startNanos, names);
    }

    /**
     * Guards the next decision of the session this guard is pooled with, as a new guard would (a guard per
     * decision was about 60 bytes): no firing counted, nothing stopped, the budget from {@code startNanos}.
     *
     * @param startNanos the decision's start
     * @param names the decision's case, told each rule about to fire; null for none
     */
    void restart(long startNanos, Case names) {
        this.names = names;
        this.fired = 0;
        this.stopped = null;
        this.start = startNanos;
        if (CPU_TIME) {
            Anchor anchor = ANCHORS.get();
            long age = startNanos - anchor.wall;
            if (age < 0 || age > anchorNanos(budgetNanos)) {
                // read now, at or after the start: the CPU used since is at most the decision's own (a reading
                // after the start is only found when the caller passes a start in the past: read again too)
                anchor.cpu = THREADS.getCurrentThreadCpuTime();
                anchor.wall = startNanos;
                age = 0;
            }
            this.cpuStart = anchor.cpu;
            this.cpuLag = age;
        } else {
            this.cpuStart = 0L;
            this.cpuLag = 0L;
        }
    }

    /**
     * How old a thread's CPU-clock reading may be for a decision to start from it: 1 ms, or a sixteenth of
     * a smaller budget; a runaway decision is stopped at most this much CPU time after its budget.
     *
     * @param budgetNanos the time budget
     * @return the largest age in nanoseconds
     */
    static long anchorNanos(long budgetNanos) {
        return Math.min(1_000_000L, budgetNanos / 16);
    }

    @Override
    public boolean accept(Match match) {
        if (stopped != null) {
            return false;
        }
        String rule = match.getRule().getName();
        if (fired >= maxFirings) {
            stopped = "the rules fired " + fired + " times, the limit per decision (about to fire \"" + rule
                    + "\" again; a rule that re-activates itself needs no-loop)";
            return false;
        }
        long elapsed = System.nanoTime() - start;
        if (elapsed > budgetNanos) {
            // CPU used since the start, at least: the thread used at most cpuLag of it before the start
            long cpu = CPU_TIME ? THREADS.getCurrentThreadCpuTime() - cpuStart - cpuLag : elapsed;
            if (cpu > budgetNanos) {
                stopped = "the rules ran " + (CPU_TIME ? "at least " + cpu / 1_000_000 + " ms of CPU time (" + elapsed / 1_000_000
                        + " ms elapsed)" : cpu / 1_000_000 + " ms") + ", over the time budget of " + budgetNanos / 1_000_000
                        + " ms per decision (after " + fired + " firings; \"" + rule + "\" was next)";
                return false;
            }
        }
        fired++;
        if (names != null) {
            names.firing(rule);
        }
        return true;
    }

    /** Why the decision was stopped, or null when it stayed within its limits. */
    String stopped() {
        return stopped;
    }

    /** Drops the decision's case, so that a pooled guard keeps none alive between decisions. */
    void release() {
        names = null;
    }
}
