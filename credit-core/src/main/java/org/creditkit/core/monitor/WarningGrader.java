package org.creditkit.core.monitor;

/**
 * Grades one loan-month into a four-colour level, given the month's signals ({@link LoanMonitor#observe}).
 * The default is {@link #points(WarningParameters)}, the points and red triggers of
 * {@link LoanMonitor#level(int, WarningParameters)}; credit-rules' {@code WarningRules} grades with
 * Drools rules over the same facts instead (a risk team's rule file, checked by its allow-list).
 *
 * <pre>{@code
 * PortfolioMonitor pm = PortfolioMonitor.builder().rescorer(r).grader(WarningRules.defaults()).build();
 * }</pre>
 *
 * <p>A grader is called from the one thread that feeds a {@link PortfolioMonitor}; one shared by several
 * monitors must be thread-safe (both built-in graders are).
 */
@FunctionalInterface
public interface WarningGrader {

    /**
     * The level of one loan-month.
     *
     * @param loan          the booked loan
     * @param month         the month's source updates
     * @param signals       the month's signals, as bits of {@link WarningSignal#bit()}
     * @param originationPd the PD the loan was granted at
     * @param currentPd     the latest re-scored PD (the origination PD before the first re-score)
     * @return the level, never null
     */
    WarningLevel grade(BookedLoan loan, LoanMonth month, int signals, double originationPd, double currentPd);

    /**
     * The built-in grading: red triggers, then the signals' points against the level thresholds.
     *
     * @param parameters the thresholds
     * @return the grader
     */
    static WarningGrader points(WarningParameters parameters) {
        java.util.Objects.requireNonNull(parameters, "parameters");
        return (loan, month, signals, originationPd, currentPd) -> LoanMonitor.level(signals, parameters);
    }
}
