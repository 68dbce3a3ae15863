package org.creditkit.core.monitor;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

import org.creditkit.core.domain.LoanApplication;

/**
 * A loan as booked: the application it was granted on, the month it was booked and the amount.
 *
 * @param loanId      the bank's loan id; not blank
 * @param bookedMonth the month the loan was drawn
 * @param amount      the amount booked (CNY, &gt; 0, at most two decimals; kept at scale 2)
 * @param termMonths  the term in months, 1..360
 * @param application the application the loan was granted on (its data is the origination baseline)
 */
public record BookedLoan(String loanId, YearMonth bookedMonth, BigDecimal amount, int termMonths,
                         LoanApplication application) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException on a blank id, a non-positive or sub-fen amount or a term outside 1..360
     */
    public BookedLoan {
        Objects.requireNonNull(loanId, "loanId");
        Objects.requireNonNull(bookedMonth, "bookedMonth");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(application, "application");
        if (loanId.isBlank()) {
            throw new IllegalArgumentException("loanId must not be blank");
        }
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount (" + amount.toPlainString()
                    + ") must be > 0 CNY with at most two decimal places");
        }
        amount = amount.setScale(2, java.math.RoundingMode.UNNECESSARY); // one scale, so equal amounts are equal
        if (termMonths < 1 || termMonths > 360) {
            throw new IllegalArgumentException("termMonths (" + termMonths + ") must be 1..360");
        }
    }
}
