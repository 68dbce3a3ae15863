package org.creditkit.rules;

/** The loan product an application asks for; each product has its own caps and PD cutoffs in the policy parameters. */
public enum LoanProduct {
    /** The general working-capital product (automatic cap 5,000,000 CNY in the default policy). */
    GENERAL,
    /** The technology credit product (up to 50,000,000 CNY, own PD cutoffs). */
    TECHNOLOGY,
    /** Green / low-carbon credit. */
    GREEN,
    /** Agriculture, rural areas and farmers (三农) credit. */
    AGRICULTURE,
    /** Supply-chain finance backed by a rated core enterprise. */
    SUPPLY_CHAIN
}
