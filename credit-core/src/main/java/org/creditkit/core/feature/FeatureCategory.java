package org.creditkit.core.feature;

/** Indicator categories of the credit-easy-loan platforms. */
public enum FeatureCategory {
    /** Financial health (财务健康): leverage, liquidity, profitability, cash-flow volatility. */
    FINANCIAL_HEALTH,
    /** Operating activity (经营活跃): tax continuity, sales growth, headcount, utility use. */
    OPERATING_ACTIVITY,
    /** Compliance and risk signals (风险预警): courts, penalties, arrears. */
    COMPLIANCE_RISK,
    /** Credit history (信用记录): bank loans, delinquency, tax rating. */
    CREDIT_HISTORY,
    /** Innovation (创新能力): patents, R&amp;D. */
    INNOVATION,
    /** Green (绿色低碳): carbon intensity. */
    GREEN,
    /** Supply chain (供应链): core-enterprise links. */
    SUPPLY_CHAIN
}
