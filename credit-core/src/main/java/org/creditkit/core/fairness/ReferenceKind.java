package org.creditkit.core.fairness;

/**
 * How the reference group of a grouping is chosen when no value is named for it.
 */
public enum ReferenceKind {
    /** The group with the most records; ties go to the group label that sorts first. */
    LARGEST,
    /**
     * The group with the highest approval rate among groups of at least the minimum size (ties:
     * more records, then the label that sorts first); the largest group when none is large enough.
     */
    HIGHEST_RATE
}
