package org.creditkit.core.feature;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.creditkit.core.domain.DataSource;

/**
 * One named indicator.
 *
 * @param id            stable identifier, lower snake case, e.g. {@code debt_to_asset}
 * @param category      category
 * @param description   English description
 * @param descriptionZh Chinese description
 * @param unit          unit, e.g. {@code ratio}, {@code CNY}, {@code count}, {@code months}
 * @param formula       how it is computed from the sources, in words or symbols
 * @param lineage       the sources it derives from (at least one)
 */
public record FeatureDefinition(String id, FeatureCategory category, String description, String descriptionZh,
                                String unit, String formula, List<DataSource> lineage) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    /** @throws IllegalArgumentException on a malformed id or empty lineage */
    public FeatureDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(descriptionZh, "descriptionZh");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(formula, "formula");
        lineage = List.copyOf(lineage);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("feature id '" + id + "' must be lower snake case ([a-z][a-z0-9_]*)");
        }
        if (lineage.isEmpty()) {
            throw new IllegalArgumentException("feature '" + id + "' must name at least one source (lineage)");
        }
    }

    /**
     * How open this feature's data is: the least open level among its sources ({@link Openness#of}
     * declares each source's level). An explanation shows the feature's value only to a reader whose
     * access level may read it.
     *
     * @return the openness
     */
    public Openness openness() {
        return Openness.strictest(lineage);
    }
}
