package org.creditkit.core.domain;

/** The credit product applied for; some products carry their own caps and cutoffs. */
public enum Product {
    /** General working-capital loan (信易贷). */
    GENERAL,
    /** Technology credit product (科技贷), up to 50,000,000 CNY. */
    TECHNOLOGY,
    /** Green / low-carbon loan (绿色贷). */
    GREEN,
    /** Agriculture-related loan (三农). */
    AGRICULTURE,
    /** Supply-chain finance against a core enterprise. */
    SUPPLY_CHAIN
}
