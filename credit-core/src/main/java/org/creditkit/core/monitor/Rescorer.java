package org.creditkit.core.monitor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.creditkit.core.domain.LoanApplication;

/**
 * Re-scores (and, with a policy, re-limits) a booked loan from its rolled-forward application. The
 * scoring-only implementation is {@link #of(java.util.function.ToDoubleFunction)}; the command line plugs
 * in the decision engine so that a quarterly re-evaluation applies the current model and policy.
 */
@FunctionalInterface
public interface Rescorer {

    /**
     * The result of a re-evaluation.
     *
     * @param pd      the PD, in [0, 1]
     * @param tier    the tier the policy would give today, if a policy was applied
     * @param limit   the limit the policy would grant today (CNY), if a policy was applied
     * @param reasons why (reason codes or rule reasons), possibly empty
     */
    record Result(double pd, Optional<String> tier, Optional<BigDecimal> limit, List<String> reasons) {
        /**
         * Checks the values.
         *
         * @throws IllegalArgumentException if the PD is outside [0, 1] or the limit negative
         */
        public Result {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(limit, "limit");
            reasons = List.copyOf(reasons);
            if (!(pd >= 0 && pd <= 1)) {
                throw new IllegalArgumentException("pd (" + pd + ") must be in [0, 1]");
            }
            if (limit.isPresent() && limit.get().signum() < 0) {
                throw new IllegalArgumentException("limit (" + limit.get() + ") must be >= 0");
            }
        }
    }

    /**
     * Re-evaluates a loan.
     *
     * @param loan    the booked loan
     * @param current the application rolled forward to now ({@link ApplicationUpdater}); for the origination
     *                evaluation, the loan's own application
     * @return the result
     */
    Result rescore(BookedLoan loan, LoanApplication current);

    /**
     * A scoring-only re-scorer: a PD, no tier or limit.
     *
     * @param pd the PD of an application, e.g. {@code app -> scorer.score(app).pd()}
     * @return the re-scorer
     */
    static Rescorer of(java.util.function.ToDoubleFunction<LoanApplication> pd) {
        Objects.requireNonNull(pd, "pd");
        return (loan, current) -> new Result(pd.applyAsDouble(current), Optional.empty(), Optional.empty(), List.of());
    }
}
