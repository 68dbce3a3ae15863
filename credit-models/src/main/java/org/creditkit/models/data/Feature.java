package org.creditkit.models.data;

import java.util.List;
import java.util.Objects;

/**
 * One feature column of a {@link Dataset}.
 *
 * @param name the column name as in the source file
 * @param kind numeric or categorical
 * @param levels for a categorical feature the level names, indexed by code; empty for numeric
 */
public record Feature(String name, FeatureKind kind, List<String> levels) {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if the name is blank or a numeric feature has levels
     */
    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        levels = List.copyOf(levels);
        if (name.isBlank()) {
            throw new IllegalArgumentException("A feature name must not be blank");
        }
        if (kind == FeatureKind.NUMERIC && !levels.isEmpty()) {
            throw new IllegalArgumentException("Numeric feature (" + name + ") must not have levels " + levels);
        }
    }

    /**
     * A numeric feature.
     *
     * @param name column name
     * @return the feature
     */
    public static Feature numeric(String name) {
        return new Feature(name, FeatureKind.NUMERIC, List.of());
    }

    /**
     * A categorical feature.
     *
     * @param name column name
     * @param levels level names indexed by code
     * @return the feature
     */
    public static Feature categorical(String name, List<String> levels) {
        return new Feature(name, FeatureKind.CATEGORICAL, levels);
    }

    /**
     * Whether this feature is categorical.
     *
     * @return {@code true} for categorical
     */
    public boolean isCategorical() {
        return kind == FeatureKind.CATEGORICAL;
    }
}
