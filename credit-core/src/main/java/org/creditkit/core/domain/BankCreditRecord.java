package org.creditkit.core.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Bank credit history.
 *
 * @param provenance         where and as of when
 * @param activeLoans        loans outstanding now
 * @param outstandingBalance balance outstanding (CNY)
 * @param currentDaysOverdue days overdue now (0 = current)
 * @param maxDaysOverdue24m  worst days overdue in the last 24 months
 * @param monthsOfHistory    months since the first credit facility
 */
public record BankCreditRecord(Provenance provenance, int activeLoans, BigDecimal outstandingBalance,
                               int currentDaysOverdue, int maxDaysOverdue24m, int monthsOfHistory)
        implements SourceRecord {

    /** @throws IllegalArgumentException on negative counts or a current delinquency worse than the 24-month worst */
    public BankCreditRecord {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(outstandingBalance, "outstandingBalance");
        if (activeLoans < 0 || currentDaysOverdue < 0 || maxDaysOverdue24m < 0 || monthsOfHistory < 0) {
            throw new IllegalArgumentException("bank credit counts must be >= 0");
        }
        if (currentDaysOverdue > maxDaysOverdue24m) {
            throw new IllegalArgumentException("currentDaysOverdue (" + currentDaysOverdue
                    + ") must not exceed maxDaysOverdue24m (" + maxDaysOverdue24m + ")");
        }
    }

    @Override
    public DataSource source() {
        return DataSource.BANK_CREDIT;
    }
}
