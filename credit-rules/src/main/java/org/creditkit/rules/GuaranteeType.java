package org.creditkit.rules;

/** The guarantee the applicant offers with the application. */
public enum GuaranteeType {
    /** No guarantee offered (credit loan). */
    NONE,
    /** A guarantee by a financing-guarantee institution. */
    GUARANTEE_INSTITUTION,
    /** Collateral (mortgage or pledge). */
    COLLATERAL,
    /** A personal guarantee (e.g. by the controlling shareholder). */
    PERSONAL
}
