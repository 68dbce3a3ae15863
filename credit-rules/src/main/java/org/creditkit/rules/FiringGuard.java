package org.creditkit.rules;

import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Enforces {@link DecisionLimits} on one {@code fireAllRules}: Drools asks the filter before each
 * firing; once a limit is crossed it refuses that match and every later one, so the agenda drains
 * without running another consequence and the call returns. One guard per decision; not thread-safe.
 */
final class FiringGuard implements AgendaFilter {

    private final int maxFirings;
    private final long budgetNanos;
    private final long start;
    private int fired;
    private String stopped;

    FiringGuard(DecisionLimits limits, long startNanos) {
        this.maxFirings = limits.maxFirings();
        this.budgetNanos = limits.timeBudget().toNanos();
        this.start = startNanos;
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
            stopped = "the rules ran " + elapsed / 1_000_000 + " ms, over the time budget of " + budgetNanos / 1_000_000
                    + " ms per decision (after " + fired + " firings; \"" + rule + "\" was next)";
            return false;
        }
        fired++;
        return true;
    }

    /** Why the decision was stopped, or null when it stayed within its limits. */
    String stopped() {
        return stopped;
    }
}
