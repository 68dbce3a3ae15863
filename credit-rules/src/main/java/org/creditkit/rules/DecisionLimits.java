package org.creditkit.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * Runaway protection of one decision: at most {@code maxFirings} rule firings and at most
 * {@code timeBudget} of rule evaluation. The allow-list refuses loops in consequences, but rules can
 * still re-activate each other ({@code update($c)} without {@code no-loop}); a decision that exceeds
 * either limit fails with a {@link DecisionLimitException} for that application, its session is
 * discarded, and the engine keeps serving. The limits are checked before each firing, so a
 * decision stops within one firing of its limit.
 *
 * <p>The default policy fires at most about a dozen rules per decision in well under a millisecond;
 * the defaults leave two orders of magnitude of headroom.
 *
 * @param maxFirings most rule firings per decision, at least 1
 * @param timeBudget most time per decision spent firing rules, positive
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
