package org.creditkit.core.monitor;

import java.util.ArrayList;
import java.util.List;

import org.creditkit.core.domain.DataSource;

/**
 * The early-warning signals of a booked loan, after the post-loan indicators of the platform documents:
 * drops in tax sales, insured headcount and utility use, social-insurance arrears, new lawsuits,
 * enforcement and dishonest listing, administrative penalties, overdue days at banks and on this loan,
 * a supply-chain core downgrade, score deterioration since origination and data going stale. Each signal
 * has a severity (weak, moderate, severe); a set of signals is an {@code int} bit mask
 * ({@code 1 << ordinal()}) so that the hot path allocates nothing.
 */
public enum WarningSignal {
    /** Declared sales over the last three months fell against the same months before origination. */
    TAX_SALES_DROP(Severity.MODERATE, DataSource.TAX, "declared sales dropped", "纳税申报销售额下降"),
    /** Declared sales fell by more than the severe threshold. */
    TAX_SALES_COLLAPSE(Severity.SEVERE, DataSource.TAX, "declared sales collapsed", "纳税申报销售额大幅下降"),
    /** Insured headcount fell against origination. */
    HEADCOUNT_DROP(Severity.MODERATE, DataSource.SOCIAL_INSURANCE, "insured headcount dropped", "社保参保人数下降"),
    /** Social-insurance contributions in arrears. */
    SOCIAL_INSURANCE_ARREARS(Severity.MODERATE, DataSource.SOCIAL_INSURANCE, "social insurance in arrears",
            "社保欠缴"),
    /** Electricity use over the last three months fell against the same months before origination. */
    UTILITY_DROP(Severity.MODERATE, DataSource.UTILITIES, "electricity use dropped", "用电量下降"),
    /** New civil or commercial cases as defendant in the last three months. */
    NEW_LAWSUIT(Severity.WEAK, DataSource.COURTS, "new lawsuit as defendant", "新增涉诉案件"),
    /** Several new cases as defendant in the last three months. */
    LAWSUITS_CLUSTER(Severity.MODERATE, DataSource.COURTS, "several new lawsuits", "涉诉案件集中增加"),
    /** A new enforcement case in the last three months. */
    ENFORCEMENT(Severity.SEVERE, DataSource.COURTS, "new enforcement case", "新增被执行案件"),
    /** Listed as a dishonest debtor. */
    DISHONEST_LISTED(Severity.SEVERE, DataSource.COURTS, "listed as dishonest debtor", "列入失信被执行人名单"),
    /** An administrative penalty in the last three months. */
    PENALTY(Severity.WEAK, DataSource.PENALTIES, "administrative penalty", "行政处罚"),
    /** A serious administrative penalty in the last six months. */
    SERIOUS_PENALTY(Severity.MODERATE, DataSource.PENALTIES, "serious administrative penalty", "严重行政处罚"),
    /** Overdue at a bank (credit reference data). */
    BANK_OVERDUE(Severity.MODERATE, DataSource.BANK_CREDIT, "overdue at a bank", "他行贷款逾期"),
    /** Overdue at a bank beyond the severe threshold. */
    BANK_OVERDUE_SERIOUS(Severity.SEVERE, DataSource.BANK_CREDIT, "seriously overdue at a bank", "他行贷款严重逾期"),
    /** This loan is past due. */
    LOAN_PAST_DUE(Severity.MODERATE, DataSource.BANK_CREDIT, "this loan is past due", "本笔贷款逾期"),
    /** This loan is past due beyond the severe threshold. */
    LOAN_SERIOUSLY_PAST_DUE(Severity.SEVERE, DataSource.BANK_CREDIT, "this loan is seriously past due",
            "本笔贷款严重逾期"),
    /** The supply-chain core enterprise's rating fell below its rating at origination. */
    SUPPLY_CHAIN_DOWNGRADE(Severity.MODERATE, DataSource.SUPPLY_CHAIN, "supply-chain core enterprise downgraded",
            "供应链核心企业评级下调"),
    /** The re-scored PD rose beyond the threshold since origination. */
    SCORE_DETERIORATION(Severity.MODERATE, DataSource.BANK_CREDIT, "score deteriorated since origination",
            "评分较放款时恶化"),
    /** The monthly data is older than the staleness threshold. */
    DATA_STALE(Severity.WEAK, DataSource.TAX, "monitoring data is stale", "监测数据未及时更新");

    /** How much a signal weighs in the level. */
    public enum Severity {
        /** A watch item. */
        WEAK,
        /** A concern. */
        MODERATE,
        /** A strong sign of distress. */
        SEVERE
    }

    private static final WarningSignal[] VALUES = values();

    private final Severity severity;
    private final DataSource source;
    private final String english;
    private final String chinese;

    WarningSignal(Severity severity, DataSource source, String english, String chinese) {
        this.severity = severity;
        this.source = source;
        this.english = english;
        this.chinese = chinese;
    }

    /** The severity. */
    public Severity severity() {
        return severity;
    }

    /** The source the signal is read from. */
    public DataSource source() {
        return source;
    }

    /** English label. */
    public String english() {
        return english;
    }

    /** Chinese label. */
    public String chinese() {
        return chinese;
    }

    /** This signal's bit in a mask. */
    public int bit() {
        return 1 << ordinal();
    }

    /**
     * The signals of a mask, in declaration order.
     *
     * @param mask a set of signals as bits
     * @return the signals
     */
    public static List<WarningSignal> of(int mask) {
        List<WarningSignal> out = new ArrayList<>(Integer.bitCount(mask));
        for (WarningSignal s : VALUES) {
            if ((mask & s.bit()) != 0) {
                out.add(s);
            }
        }
        return out;
    }
}
