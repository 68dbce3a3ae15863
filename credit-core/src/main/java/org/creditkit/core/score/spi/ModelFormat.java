package org.creditkit.core.score.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Reads and writes one model type in a model bundle, found by {@link #type()} (the bundle's
 * {@code "type"} field). Register a bank's own type either explicitly with
 * {@link ModelRegistry#with(ModelFormat)} or through {@link java.util.ServiceLoader} by listing the
 * class in {@code META-INF/services/org.creditkit.core.score.spi.ModelFormat}.
 *
 * <pre>{@code
 * ModelRegistry registry = ModelRegistry.standard().with(new MyNeuralNetFormat());
 * ModelBundle bundle = ModelBundle.read(path, registry);
 * }</pre>
 */
public interface ModelFormat {

    /** Type name, lower kebab case, e.g. {@code scorecard}. */
    String type();

    /**
     * Reads a model from its JSON object (which includes {@code "type"}). Every problem found is
     * reported to {@code context} with a JSON path; the model is returned only when there were none.
     */
    Optional<ScoringModel> read(JsonNode json, ModelReadContext context);

    /**
     * Writes a model of this type as a JSON object including {@code "type"}, such that reading it back
     * gives an equal model and writing that again gives identical JSON.
     *
     * @throws IllegalArgumentException if {@code model} is not of this format's type
     */
    ObjectNode write(ScoringModel model);
}
