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
 * @param openness      the declared level of data openness of this field (数据开放分级): never more
 *                      open than the least open source in its lineage ({@link Openness#of} declares
 *                      each source's level), possibly stricter; an explanation shows the feature's
 *                      value only to a reader whose access level may read it
 */
public record FeatureDefinition(String id, FeatureCategory category, String description, String descriptionZh,
                                String unit, String formula, List<DataSource> lineage, Openness openness) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException on a malformed id, an empty lineage, or an openness more open
     *     than a source in the lineage
     */
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
        Objects.requireNonNull(openness, "openness");
        for (DataSource source : lineage) {
            if (Openness.of(source).ordinal() > openness.ordinal()) {
                throw new IllegalArgumentException("feature '" + id + "' is declared " + openness.label()
                        + " but its source " + source + " is " + Openness.of(source).label() + "; a field cannot be "
                        + "more open than its least open source: declare it " + Openness.strictest(lineage).label()
                        + " or stricter");
            }
        }
    }

    /**
     * A feature at the openness of its least open source ({@link Openness#strictest}), for catalogues
     * that declare no level per field (model bundles written before fields declared one).
     *
     * @param id            stable identifier
     * @param category      category
     * @param description   English description
     * @param descriptionZh Chinese description
     * @param unit          unit
     * @param formula       how it is computed
     * @param lineage       the sources it derives from (at least one)
     * @throws IllegalArgumentException on a malformed id or an empty lineage
     */
    public FeatureDefinition(String id, FeatureCategory category, String description, String descriptionZh,
                             String unit, String formula, List<DataSource> lineage) {
        this(id, category, description, descriptionZh, unit, formula, lineage,
                Openness.strictest(lineage == null ? List.of() : lineage));
    }

}
