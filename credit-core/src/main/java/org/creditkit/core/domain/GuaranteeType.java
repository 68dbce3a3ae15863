package org.creditkit.core.domain;

/** Security offered with the application. */
public enum GuaranteeType {
    /** Pure credit: no security. */
    NONE,
    /** Guarantee by a financing-guarantee institution (融资担保). */
    GUARANTEE_INSTITUTION,
    /** Collateral (抵押/质押). */
    COLLATERAL,
    /** Personal guarantee of the owner. */
    PERSONAL
}
