package org.creditkit.core.codes;

/** Enterprise size class by the 2011 SME classification standard (工信部联企业〔2011〕300号). */
public enum SizeClass {
    /** Micro (微型). */
    MICRO,
    /** Small (小型). */
    SMALL,
    /** Medium (中型). */
    MEDIUM,
    /** Large (大型): outside the SME range. */
    LARGE
}
