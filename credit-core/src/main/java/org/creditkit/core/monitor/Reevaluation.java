package org.creditkit.core.monitor;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A quarterly re-scoring and re-limiting of a live loan with the current model and policy.
 *
 * @param loanId       the loan
 * @param month        the quarter's last month
 * @param monthsOnBook months since booking
 * @param pdBefore     the PD before (origination or the previous re-score)
 * @param pdAfter      the PD now
 * @param limitBefore  the limit before (the booked amount, or the previous re-limit)
 * @param limitAfter   the limit the policy grants today, when a policy was applied
 * @param tier         the tier the policy gives today, when a policy was applied
 * @param reasons      why (reason codes or rule reasons)
 */
public record Reevaluation(String loanId, YearMonth month, int monthsOnBook, double pdBefore, double pdAfter,
                           BigDecimal limitBefore, Optional<BigDecimal> limitAfter, Optional<String> tier,
                           List<String> reasons) {

    /** Checks non-null parts and copies the reasons. */
    public Reevaluation {
        Objects.requireNonNull(loanId, "loanId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(limitBefore, "limitBefore");
        Objects.requireNonNull(limitAfter, "limitAfter");
        Objects.requireNonNull(tier, "tier");
        reasons = List.copyOf(reasons);
    }

    /** The change of limit: negative for a cut, zero when no policy was applied or nothing changed. */
    public BigDecimal limitChange() {
        return limitAfter.map(a -> a.subtract(limitBefore)).orElse(BigDecimal.ZERO);
    }
}
