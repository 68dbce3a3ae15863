package org.creditkit.core.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Annual financial statement (CNY). Net profit and operating cash flow may be negative; the other
 * amounts are >= 0.
 *
 * @param provenance         where and as of when
 * @param fiscalYear         the year reported
 * @param totalAssets        total assets
 * @param totalLiabilities   total liabilities
 * @param currentAssets      current assets
 * @param currentLiabilities current liabilities
 * @param revenue            operating revenue
 * @param netProfit          net profit
 * @param operatingCashFlow  net operating cash flow
 * @param rdExpense          research and development expense
 */
public record FinancialStatement(Provenance provenance, int fiscalYear, BigDecimal totalAssets,
                                 BigDecimal totalLiabilities, BigDecimal currentAssets,
                                 BigDecimal currentLiabilities, BigDecimal revenue, BigDecimal netProfit,
                                 BigDecimal operatingCashFlow, BigDecimal rdExpense) implements SourceRecord {

    /** Checks non-null parts. */
    public FinancialStatement {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(totalAssets, "totalAssets");
        Objects.requireNonNull(totalLiabilities, "totalLiabilities");
        Objects.requireNonNull(currentAssets, "currentAssets");
        Objects.requireNonNull(currentLiabilities, "currentLiabilities");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(netProfit, "netProfit");
        Objects.requireNonNull(operatingCashFlow, "operatingCashFlow");
        Objects.requireNonNull(rdExpense, "rdExpense");
    }

    @Override
    public DataSource source() {
        return DataSource.FINANCIAL_STATEMENTS;
    }
}
