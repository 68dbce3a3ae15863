package org.creditkit.rules;

/**
 * Status of the enterprise on the dishonest-debtor (失信被执行人) list ({@link RuleInput#debtorStatus()}),
 * and on each of the other negative lists ({@link ListStanding#status()}).
 */
public enum DebtorStatus {
    /** Never listed. */
    NONE,
    /** Listed, and the listing was repaired (信用修复) on a known repair date. */
    REPAIRED,
    /** Listed and not repaired: on the dishonest-debtor list a red card, a hard stop in the default policy. */
    UNREPAIRED
}
