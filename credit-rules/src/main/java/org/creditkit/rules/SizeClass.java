package org.creditkit.rules;

/** Enterprise size class by the 2011 SME classification standard, as the rules see it. */
public enum SizeClass {
    /** Micro enterprise. */
    MICRO,
    /** Small enterprise. */
    SMALL,
    /** Medium enterprise. */
    MEDIUM,
    /** Large enterprise. */
    LARGE
}
