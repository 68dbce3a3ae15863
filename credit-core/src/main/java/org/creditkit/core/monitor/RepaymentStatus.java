package org.creditkit.core.monitor;

/**
 * Delinquency bucket of a booked loan at a month end, from its days past due. A loan 90 or more days
 * past due is in default (the Basel "90 days past due" criterion the default flag of the portfolio uses).
 */
public enum RepaymentStatus {
    /** Not past due. */
    CURRENT("current", "正常"),
    /** 1 to 29 days past due. */
    DPD_1_29("1-29 days past due", "逾期1-29天"),
    /** 30 to 59 days past due. */
    DPD_30_59("30-59 days past due", "逾期30-59天"),
    /** 60 to 89 days past due. */
    DPD_60_89("60-89 days past due", "逾期60-89天"),
    /** 90 or more days past due: default. */
    DEFAULT("90+ days past due (default)", "逾期90天以上(违约)");

    private static final RepaymentStatus[] VALUES = values();

    private final String english;
    private final String chinese;

    RepaymentStatus(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /**
     * The bucket of a number of days past due.
     *
     * @param daysPastDue days past due, &gt;= 0
     * @return the bucket
     * @throws IllegalArgumentException if {@code daysPastDue} is negative
     */
    public static RepaymentStatus of(int daysPastDue) {
        if (daysPastDue < 0) {
            throw new IllegalArgumentException("days past due (" + daysPastDue + ") must be >= 0");
        }
        if (daysPastDue == 0) {
            return CURRENT;
        }
        return daysPastDue < 30 ? DPD_1_29 : daysPastDue < 60 ? DPD_30_59 : daysPastDue < 90 ? DPD_60_89 : DEFAULT;
    }

    /** The bucket with ordinal {@code i}. */
    static RepaymentStatus at(int i) {
        return VALUES[i];
    }

    /** English label. */
    public String english() {
        return english;
    }

    /** Chinese label. */
    public String chinese() {
        return chinese;
    }
}
