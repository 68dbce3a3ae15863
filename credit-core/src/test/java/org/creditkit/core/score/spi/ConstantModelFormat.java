package org.creditkit.core.score.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;

/** A bank's own model type, registered through META-INF/services in the test class path. */
public final class ConstantModelFormat implements ModelFormat {

    /** Constant log-odds; a value of 999 makes it return NaN (to exercise the validating decorator). */
    record Constant(FeatureCatalogue catalogue, double value) implements ScoringModel {
        @Override
        public String type() {
            return "constant-test";
        }

        @Override
        public int[] features() {
            return new int[0];
        }

        @Override
        public double logOdds(FeatureVector x) {
            return value == 999 ? Double.NaN : value;
        }

        @Override
        public double contributions(FeatureVector x, double[] out) {
            return logOdds(x);
        }

        @Override
        public double bias() {
            return value;
        }

        @Override
        public double favourable(int featureIndex) {
            return 0;
        }
    }

    @Override
    public String type() {
        return "constant-test";
    }

    @Override
    public Optional<ScoringModel> read(JsonNode json, ModelReadContext context) {
        context.onlyFields(json, context.path(), "type", "value");
        double v = context.number(json, "value", context.path());
        return context.hasProblems() ? Optional.empty() : Optional.of(new Constant(context.catalogue(), v));
    }

    @Override
    public ObjectNode write(ScoringModel model) {
        return JsonNodeFactory.instance.objectNode().put("type", type()).put("value", ((Constant) model).value());
    }
}
