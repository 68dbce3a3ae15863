package org.creditkit.rules;

/** A named risk-mitigation measure a {@link Tier#MITIGATION} decision requires. */
public enum MitigationMeasure {
    /** A guarantee by a financing-guarantee institution (融资担保). */
    GUARANTEE_INSTITUTION,
    /** Collateral (mortgage or pledge). */
    COLLATERAL,
    /** The approved amount is reduced by the policy's reduced-limit factor. */
    REDUCED_LIMIT,
    /** The term is shortened to the policy's mitigation maximum term. */
    SHORTER_TERM,
    /** Cover from a government risk-compensation fund (风险补偿资金池). */
    RISK_COMPENSATION_FUND
}
