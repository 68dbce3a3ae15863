package org.creditkit.core.score.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.creditkit.core.score.scorecard.ScorecardFormat;
import org.creditkit.core.score.tree.TreeEnsembleFormat;

/**
 * The model formats a bundle reader knows, by type name. Immutable; {@link #with} returns a new
 * registry.
 *
 * <p>{@link #standard()} holds the built-in {@code scorecard} and {@code tree-ensemble} plus every
 * {@link ModelFormat} found by {@link ServiceLoader} on the class path.
 */
public final class ModelRegistry {

    private static final class Holder {
        static final ModelRegistry STANDARD = discover();
    }

    private final Map<String, ModelFormat> formats;

    private ModelRegistry(Map<String, ModelFormat> formats) {
        this.formats = Collections.unmodifiableMap(new LinkedHashMap<>(formats));
    }

    /** Only the built-in formats, without service discovery. */
    public static ModelRegistry builtIn() {
        Map<String, ModelFormat> m = new LinkedHashMap<>();
        m.put(ScorecardFormat.TYPE, new ScorecardFormat());
        m.put(TreeEnsembleFormat.TYPE, new TreeEnsembleFormat());
        return new ModelRegistry(m);
    }

    /**
     * Built-in formats plus those found by {@link ServiceLoader}.
     *
     * @throws IllegalStateException if a discovered format reuses a type name already registered
     */
    public static ModelRegistry standard() {
        return Holder.STANDARD;
    }

    private static ModelRegistry discover() {
        ModelRegistry r = builtIn();
        for (ModelFormat f : ServiceLoader.load(ModelFormat.class, ModelRegistry.class.getClassLoader())) {
            r = r.with(f);
        }
        return r;
    }

    /**
     * This registry plus {@code format}.
     *
     * @throws IllegalStateException if a format with the same type name is already registered
     * @throws IllegalArgumentException if the type name is not lower kebab case
     */
    public ModelRegistry with(ModelFormat format) {
        Objects.requireNonNull(format, "format");
        String type = format.type();
        if (type == null || !type.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("model type name '" + type + "' of " + format.getClass().getName()
                    + " must be lower kebab case, e.g. my-model");
        }
        if (formats.containsKey(type)) {
            throw new IllegalStateException("model type '" + type + "' is already registered by "
                    + formats.get(type).getClass().getName() + "; " + format.getClass().getName()
                    + " must use another name");
        }
        Map<String, ModelFormat> m = new LinkedHashMap<>(formats);
        m.put(type, format);
        return new ModelRegistry(m);
    }

    /** The format for a type name. */
    public Optional<ModelFormat> find(String type) {
        return Optional.ofNullable(formats.get(type));
    }

    /** Registered type names, built-ins first. */
    public Set<String> types() {
        return formats.keySet();
    }

    @Override
    public String toString() {
        return "ModelRegistry" + formats.keySet();
    }
}
