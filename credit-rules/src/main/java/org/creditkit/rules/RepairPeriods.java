package org.creditkit.rules;

/**
 * How long a repaired (or, for the abnormal-operation list, removed) listing still counts against an
 * enterprise, per negative list, in whole months after the repair: within it the default policy gives
 * a yellow card (manual review); from it on the listing counts as repaired and has no consequence
 * (repaired credit must count as repaired). Each list has its own period because each list's own
 * rules differ: a tax violation or a serious violation is a graver and longer-published entry than an
 * abnormal-operation listing, which a firm leaves by filing what it had not filed.
 *
 * <p>In {@code parameters.json}: {@code "repairPeriods": {"dishonestDebtor": 12, "majorTaxViolation": 24,
 * "seriousViolation": 36, "abnormalOperation": 3}}; every key required, each in [0, 240] (0: a repair
 * counts at once). In rules: {@code input.majorTaxViolation.monthsSinceRepair < params.repairPeriods.majorTaxViolation}.
 *
 * @param dishonestDebtor   months after a repair on the court dishonest-debtor list (失信被执行人)
 * @param majorTaxViolation months after a repair on the major tax violation list (重大税收违法失信主体)
 * @param seriousViolation  months after a repair on the market-supervision serious-violation list (严重违法失信名单)
 * @param abnormalOperation months after a removal from the abnormal-operation list (经营异常名录)
 */
public record RepairPeriods(int dishonestDebtor, int majorTaxViolation, int seriousViolation, int abnormalOperation) {

    /** Most months a period may be (20 years). */
    public static final int MAX_MONTHS = 240;

    /** @throws IllegalArgumentException naming the list whose period is outside [0, {@value #MAX_MONTHS}] */
    public RepairPeriods {
        check("dishonestDebtor", dishonestDebtor);
        check("majorTaxViolation", majorTaxViolation);
        check("seriousViolation", seriousViolation);
        check("abnormalOperation", abnormalOperation);
    }

    private static void check(String list, int months) {
        if (months < 0 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("repairPeriods." + list + ": " + months
                    + " is out of range, must be in [0, " + MAX_MONTHS + "] months");
        }
    }
}
