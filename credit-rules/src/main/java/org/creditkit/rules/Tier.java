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
}
