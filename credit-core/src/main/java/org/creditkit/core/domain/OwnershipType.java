package org.creditkit.core.domain;

/** Ownership type of the enterprise. */
public enum OwnershipType {
    /** State-owned (国有). */
    STATE_OWNED,
    /** Collective (集体). */
    COLLECTIVE,
    /** Private (民营). */
    PRIVATE,
    /** Foreign or Hong Kong/Macao/Taiwan invested (外资/港澳台). */
    FOREIGN_INVESTED,
    /** Mixed ownership (混合所有制). */
    MIXED
}
