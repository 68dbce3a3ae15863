package org.creditkit.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.creditkit.core.monitor.LoanMonitor;
import org.creditkit.core.monitor.LoanMonth;
import org.creditkit.core.monitor.WarningLevel;
import org.creditkit.core.monitor.WarningParameters;
import org.creditkit.core.monitor.WarningSignal;

/**
 * The one fact an early-warning rule set sees per loan and month: the month's facts as the platform
 * delivered them, the signals {@link LoanMonitor} derived from them (the three-month windows and the
 * origination baselines need the loan's history, which a single fact does not carry), their points, the
 * origination and current PD, and the {@link WarningParameters}. Rules raise the level:
 * <pre>{@code
 * rule "red-dishonest-listed"
 * when
 *     $w : WarningCase( dishonestListed )
 * then
 *     $w.raise(drools.getRule().getName(), WarningLevel.RED, "On the dishonest-debtor list", "列入失信被执行人名单");
 * end
 * }</pre>
 * The month's level is the highest any rule raised ({@link WarningLevel#NONE} when none fired). A fresh
 * case per loan-month; not thread-safe.
 */
public final class WarningCase {

    private final WarningParameters params;
    private final int signalMask;
    private final Set<WarningSignal> signals;
    private final int points;
    private final int monthsOnBook;
    private final boolean socialInsuranceArrears;
    private final int newCourtCases;
    private final int newEnforcementCases;
    private final boolean dishonestListed;
    private final int newPenalties;
    private final boolean seriousPenalty;
    private final int bankOverdueDays;
    private final int loanDaysPastDue;
    private final long dataAgeDays;
    private final double originationPd;
    private final double currentPd;
    private WarningLevel level = WarningLevel.NONE;
    private final List<RuleVerdict> verdicts = new ArrayList<>(4);

    /**
     * The facts of one loan-month.
     *
     * @param month         the month's source updates
     * @param signalMask    the month's signals ({@link LoanMonitor#observe}), as bits of {@link WarningSignal#bit()}
     * @param originationPd the PD the loan was granted at
     * @param currentPd     the latest re-scored PD
     * @param params        the thresholds
     * @return the fact
     */
    static WarningCase of(LoanMonth month, int signalMask, double originationPd, double currentPd,
            WarningParameters params) {
        return new WarningCase(params, signalMask, month.monthsOnBook(), month.socialInsuranceArrears(),
                month.newCourtCases(), month.newEnforcementCases(), month.dishonestListed(), month.newPenalties(),
                month.seriousPenalty(), month.bankOverdueDays(), month.loanDaysPastDue(),
                java.time.temporal.ChronoUnit.DAYS.between(month.dataAsOf(), month.month().atEndOfMonth()),
                originationPd, currentPd);
    }

    WarningCase(WarningParameters params, int signalMask, int monthsOnBook, boolean socialInsuranceArrears,
            int newCourtCases, int newEnforcementCases, boolean dishonestListed, int newPenalties,
            boolean seriousPenalty, int bankOverdueDays, int loanDaysPastDue, long dataAgeDays, double originationPd,
            double currentPd) {
        this.params = Objects.requireNonNull(params, "params");
        this.signalMask = signalMask;
        List<WarningSignal> list = WarningSignal.of(signalMask);
        this.signals = Collections.unmodifiableSet(list.isEmpty() ? EnumSet.noneOf(WarningSignal.class)
                : EnumSet.copyOf(list));
        this.points = LoanMonitor.points(signalMask, params);
        this.monthsOnBook = monthsOnBook;
        this.socialInsuranceArrears = socialInsuranceArrears;
        this.newCourtCases = newCourtCases;
        this.newEnforcementCases = newEnforcementCases;
        this.dishonestListed = dishonestListed;
        this.newPenalties = newPenalties;
        this.seriousPenalty = seriousPenalty;
        this.bankOverdueDays = bankOverdueDays;
        this.loanDaysPastDue = loanDaysPastDue;
        this.dataAgeDays = dataAgeDays;
        this.originationPd = originationPd;
        this.currentPd = currentPd;
    }

    /** @return the thresholds, e.g. {@code params.redPoints}, {@code params.loanSeriousDays} */
    public WarningParameters getParams() {
        return params;
    }

    /** @return the month's signals, e.g. {@code signals contains WarningSignal.ENFORCEMENT} */
    public Set<WarningSignal> getSignals() {
        return signals;
    }

    /** @return the signals' points (weak, moderate and severe signals count their parameters' points) */
    public int getPoints() {
        return points;
    }

    /** @return months since booking, 0 for the booking month */
    public int getMonthsOnBook() {
        return monthsOnBook;
    }

    /** @return whether social-insurance contributions are in arrears this month */
    public boolean isSocialInsuranceArrears() {
        return socialInsuranceArrears;
    }

    /** @return civil and commercial cases as defendant filed this month */
    public int getNewCourtCases() {
        return newCourtCases;
    }

    /** @return enforcement cases filed this month */
    public int getNewEnforcementCases() {
        return newEnforcementCases;
    }

    /** @return whether the enterprise is on the dishonest-debtor list at the month end */
    public boolean isDishonestListed() {
        return dishonestListed;
    }

    /** @return administrative penalties decided this month */
    public int getNewPenalties() {
        return newPenalties;
    }

    /** @return whether one of this month's penalties is serious */
    public boolean isSeriousPenalty() {
        return seriousPenalty;
    }

    /** @return worst days overdue at other banks at the month end */
    public int getBankOverdueDays() {
        return bankOverdueDays;
    }

    /** @return days past due on this loan at the month end */
    public int getLoanDaysPastDue() {
        return loanDaysPastDue;
    }

    /** @return how old the month's data is at the month end, in days */
    public long getDataAgeDays() {
        return dataAgeDays;
    }

    /** @return the PD the loan was granted at */
    public double getOriginationPd() {
        return originationPd;
    }

    /** @return the latest re-scored PD */
    public double getCurrentPd() {
        return currentPd;
    }

    /**
     * Raises the month's level to at least {@code value}, with the reason.
     *
     * @param rule  the rule name
     * @param value the level
     * @param en    reason in English
     * @param zh    reason in Chinese
     */
    public void raise(String rule, WarningLevel value, String en, String zh) {
        Objects.requireNonNull(value, "level");
        verdicts.add(new RuleVerdict(rule, "level=" + value.name(), new Reason("WARN_" + value.name(), en, zh)));
        if (value.compareTo(level) > 0) {
            level = value;
        }
    }

    /** The level raised so far. */
    WarningLevel level() {
        return level;
    }

    /** The rules' verdicts, in firing order. */
    List<RuleVerdict> verdicts() {
        return List.copyOf(verdicts);
    }

    /** The signals as bits. */
    int signalMask() {
        return signalMask;
    }

    @Override
    public String toString() {
        return "WarningCase[mob " + monthsOnBook + ", " + signals + ", " + points + " points]";
    }
}
