package org.creditkit.rules;

/**
 * The risk tier of a decision, in order of increasing severity: when several rules set a tier the
 * most severe one wins ({@code DECLINE > MITIGATION > MANUAL_REVIEW > INSTANT_APPROVAL}).
 */
public enum Tier {
    /** 秒批: approved automatically. */
    INSTANT_APPROVAL,
    /** Reviewed by a person. */
    MANUAL_REVIEW,
    /** Approved only with the mitigation conditions of the decision. */
    MITIGATION,
    /** Declined by a hard stop. */
    DECLINE;

    /**
     * Returns the more severe of this tier and {@code other}.
     *
     * @param other another tier
     * @return the tier with the higher severity
     */
    public Tier mostSevere(Tier other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * Whether this tier grants the loan: instant approval, or approval with mitigation conditions.
     * The decision log's {@code approved} field and the fairness audit's default "favourable" set
     * use this definition.
     *
     * @return true for {@link #INSTANT_APPROVAL} and {@link #MITIGATION}
     */
    public boolean isApproval() {
        return this == INSTANT_APPROVAL || this == MITIGATION;
    }
}
