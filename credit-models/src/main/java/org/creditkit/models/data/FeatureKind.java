package org.creditkit.models.data;

/** Whether a feature column holds numbers or category codes. */
public enum FeatureKind {
    /** Real values; {@code NaN} marks a missing value. */
    NUMERIC,
    /** Codes {@code 0..levels-1} stored as doubles; {@code NaN} marks a missing value. */
    CATEGORICAL
}
