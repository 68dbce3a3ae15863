package org.creditkit.core.monitor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One month of source updates for a booked loan (贷后监测数据), as the platform delivers them at a month
 * end. A source that did not report is absent ({@link OptionalDouble#empty()}), never zero.
 *
 * @param loanId                 the loan
 * @param month                  the month the figures describe
 * @param monthsOnBook           months since booking: 0 for the booking month itself
 * @param taxSales               declared sales of the month (CNY), if tax reported
 * @param insuredHeadcount       insured employees at the month end, if social insurance reported
 * @param socialInsuranceArrears whether contributions are in arrears
 * @param electricity            electricity use of the month (kWh), if the utility reported
 * @param newCourtCases          civil and commercial cases as defendant filed in the month
 * @param newEnforcementCases    enforcement cases filed in the month
 * @param dishonestListed        whether the enterprise is on the dishonest-debtor list at the month end
 * @param newPenalties           administrative penalties decided in the month
 * @param seriousPenalty         whether one of them is serious
 * @param bankOverdueDays        worst days overdue at other banks (credit reference data) at the month end
 * @param supplyChainRating      the supply-chain core enterprise's rating, for a loan with such a link
 * @param loanDaysPastDue        days past due on this loan at the month end
 * @param dataAsOf               the date the month's data was extracted
 */
public record LoanMonth(String loanId, YearMonth month, int monthsOnBook, OptionalDouble taxSales,
                        OptionalDouble insuredHeadcount, boolean socialInsuranceArrears, OptionalDouble electricity,
                        int newCourtCases, int newEnforcementCases, boolean dishonestListed, int newPenalties,
                        boolean seriousPenalty, int bankOverdueDays, Optional<String> supplyChainRating,
                        int loanDaysPastDue, LocalDate dataAsOf) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException on a blank loan id, negative counts or days, non-finite or negative
     *                                  figures, or a serious penalty without a penalty
     */
    public LoanMonth {
        Objects.requireNonNull(loanId, "loanId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(taxSales, "taxSales");
        Objects.requireNonNull(insuredHeadcount, "insuredHeadcount");
        Objects.requireNonNull(electricity, "electricity");
        Objects.requireNonNull(supplyChainRating, "supplyChainRating");
        Objects.requireNonNull(dataAsOf, "dataAsOf");
        if (loanId.isBlank()) {
            throw new IllegalArgumentException("loanId must not be blank");
        }
        if (monthsOnBook < 0) {
            throw new IllegalArgumentException("monthsOnBook (" + monthsOnBook + ") must be >= 0");
        }
        checkFigure("taxSales", taxSales);
        checkFigure("insuredHeadcount", insuredHeadcount);
        checkFigure("electricity", electricity);
        if (newCourtCases < 0 || newEnforcementCases < 0 || newPenalties < 0 || bankOverdueDays < 0
                || loanDaysPastDue < 0) {
            throw new IllegalArgumentException("counts and days must be >= 0");
        }
        if (seriousPenalty && newPenalties == 0) {
            throw new IllegalArgumentException("seriousPenalty needs newPenalties >= 1");
        }
    }

    private static void checkFigure(String name, OptionalDouble v) {
        if (v.isPresent() && (!Double.isFinite(v.getAsDouble()) || v.getAsDouble() < 0)) {
            throw new IllegalArgumentException(name + " (" + v.getAsDouble() + ") must be a finite number >= 0");
        }
    }

    /** The delinquency bucket of this loan at the month end. */
    public RepaymentStatus status() {
        return RepaymentStatus.of(loanDaysPastDue);
    }
}
