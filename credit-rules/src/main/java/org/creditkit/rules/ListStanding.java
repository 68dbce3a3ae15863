package org.creditkit.rules;

/**
 * An enterprise's standing on one dishonest or negative list as of the decision date (一处失信、处处受限):
 * the major tax violation list, the abnormal-operation list or the serious-violation list of
 * {@link RuleInput}. Listings dated after the decision date do not count.
 *
 * <p>In rules: {@code input.majorTaxViolation.status == DebtorStatus.UNREPAIRED},
 * {@code input.seriousViolation.monthsSinceRepair < params.repairPeriods.seriousViolation}.
 *
 * @param status {@link DebtorStatus#UNREPAIRED} when any listing is not repaired as of the decision date;
 *        {@link DebtorStatus#REPAIRED} when every listing is; {@link DebtorStatus#NONE} when never listed
 *        (or the source is absent)
 * @param monthsSinceRepair whole months from the latest repair to the decision date when {@code REPAIRED}
 *        (&gt;= 0); {@code -1} otherwise
 */
public record ListStanding(DebtorStatus status, int monthsSinceRepair) {

    /** Never listed. */
    public static final ListStanding NONE = new ListStanding(DebtorStatus.NONE, -1);

    /** Listed and not repaired. */
    public static final ListStanding UNREPAIRED = new ListStanding(DebtorStatus.UNREPAIRED, -1);

    /**
     * Checks that the months go with the status.
     *
     * @throws IllegalArgumentException when the status is null, or the months are not {@code >= 0}
     *         exactly when the status is {@code REPAIRED}
     */
    public ListStanding {
        if (status == null) {
            throw new IllegalArgumentException("status must be one of NONE, REPAIRED, UNREPAIRED");
        }
        if (status == DebtorStatus.REPAIRED ? monthsSinceRepair < 0 : monthsSinceRepair != -1) {
            throw new IllegalArgumentException("monthsSinceRepair must be >= 0 when REPAIRED and -1 otherwise, got "
                    + monthsSinceRepair + " with " + status);
        }
    }

    /**
     * Every listing repaired, the latest this many months before the decision date.
     *
     * @param months whole months since the latest repair, &gt;= 0
     * @return the standing
     */
    public static ListStanding repaired(int months) {
        return new ListStanding(DebtorStatus.REPAIRED, months);
    }

    /** {@code NONE}, {@code UNREPAIRED} or {@code REPAIRED(3 months ago)}. */
    @Override
    public String toString() {
        return status == DebtorStatus.REPAIRED ? "REPAIRED(" + monthsSinceRepair + " months ago)" : status.name();
    }
}
