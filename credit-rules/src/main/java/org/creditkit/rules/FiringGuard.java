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
 */
final class FiringGuard implements AgendaFilter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private final int maxFirings;
    private final long budgetNanos;
    private final long start;
    private final long cpuStart;
    private int fired;
    private String stopped;
    /** The decision's case, told the name of each rule about to fire; null for other facts. */
    private final Case names;

    FiringGuard(DecisionLimits limits, long startNanos) {
        this(limits, startNanos, null);
    }

    /** A guard that also names each rule about to fire to the case ({@link Case#tier(Tier, String, String)} ...). */
    FiringGuard(DecisionLimits limits, long startNanos, Case names) {
        this.names = names;
        this.maxFirings = limits.maxFirings();
        this.budgetNanos = limits.timeBudget().toNanos();
        this.start = startNanos;
        this.cpuStart = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0L;
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
            long cpu = CPU_TIME ? THREADS.getCurrentThreadCpuTime() - cpuStart : elapsed;
            if (cpu > budgetNanos) {
                stopped = "the rules ran " + cpu / 1_000_000 + " ms" + (CPU_TIME ? " of CPU time (" + elapsed / 1_000_000
                        + " ms elapsed)" : "") + ", over the time budget of " + budgetNanos / 1_000_000
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
}
