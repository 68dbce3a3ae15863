package org.creditkit.core.feature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered, versioned set of feature definitions: position {@code i} of every
 * {@link FeatureVector} built against this catalogue is feature {@code get(i)}.
 *
 * <p>{@link #standard()} is the built-in SME catalogue that {@link FeatureExtractor} fills; a model
 * team training on its own table (CSV, ARFF) makes its own catalogue with {@link #of}.
 */
public final class FeatureCatalogue {

    private final String version;
    private final List<FeatureDefinition> definitions;
    private final Map<String, Integer> index;

    private FeatureCatalogue(String version, List<FeatureDefinition> definitions) {
        this.version = Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("catalogue version must not be blank");
        }
        this.definitions = List.copyOf(definitions);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.definitions.size(); i++) {
            String id = this.definitions.get(i).id();
            if (idx.put(id, i) != null) {
                throw new IllegalArgumentException("feature id '" + id + "' appears twice in catalogue " + version);
            }
        }
        this.index = Map.copyOf(idx);
    }

    /**
     * A catalogue of the given definitions.
     *
     * @param version e.g. {@code german-credit/1}; not blank
     * @throws IllegalArgumentException on duplicate ids or a blank version
     */
    public static FeatureCatalogue of(String version, List<FeatureDefinition> definitions) {
        return new FeatureCatalogue(version, definitions);
    }

    /** The built-in SME indicator catalogue filled by {@link FeatureExtractor}. */
    public static FeatureCatalogue standard() {
        return StandardFeatures.CATALOGUE;
    }

    /** Version string; model bundles record it. */
    public String version() {
        return version;
    }

    /** Number of features. */
    public int size() {
        return definitions.size();
    }

    /** Definition at position {@code i}. */
    public FeatureDefinition get(int i) {
        return definitions.get(i);
    }

    /** All definitions in order. */
    public List<FeatureDefinition> definitions() {
        return definitions;
    }

    /** Position of a feature id, or -1 when absent. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** The definition with this id, if any. */
    public Optional<FeatureDefinition> find(String id) {
        int i = indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(definitions.get(i));
    }

    @Override
    public String toString() {
        return "FeatureCatalogue[" + version + ", " + definitions.size() + " features]";
    }
}
