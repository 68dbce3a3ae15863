package org.creditkit.core.monitor;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The warning of one loan in one month.
 *
 * @param loanId       the loan
 * @param month        the month
 * @param monthsOnBook months since booking
 * @param level        the level
 * @param signalMask   the signals, as bits of {@link WarningSignal#bit()}
 * @param pd           the loan's latest PD (origination or last re-score)
 * @param status       the loan's delinquency bucket at the month end
 */
public record MonthWarning(String loanId, YearMonth month, int monthsOnBook, WarningLevel level, int signalMask,
                           double pd, RepaymentStatus status) {

    /** Checks non-null parts. */
    public MonthWarning {
        Objects.requireNonNull(loanId, "loanId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(status, "status");
    }

    /** The signals, in declaration order. */
    public List<WarningSignal> signals() {
        return WarningSignal.of(signalMask);
    }
}
