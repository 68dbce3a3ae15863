package org.creditkit.core.score.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.GradeBands;
import org.creditkit.core.score.Scaling;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.score.scorecard.ScorecardFormat;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    private static ModelBundle constantBundle(double value) {
        return ModelBundle.builder().id("plugin").version("1").createdBy("test").scaling(Scaling.of(600, 50, 40))
                .gradeBands(GradeBands.byPd(List.of(GradeBands.Band.of("A", 0.5), GradeBands.Band.of("B", 1))))
                .base(new ConstantModelFormat.Constant(FeatureCatalogue.standard(), value)).build();
    }

    @Test
    void standard_findsBuiltInsAndServiceLoaderPlugins() {
        assertThat(ModelRegistry.standard().types()).containsExactly("scorecard", "tree-ensemble", "constant-test");
        assertThat(ModelRegistry.builtIn().types()).containsExactly("scorecard", "tree-ensemble");
    }

    @Test
    void bundle_withPluginModelType_roundTripsAndScores() {
        ModelBundle b = constantBundle(-2);
        assertThat(b.base().type()).isEqualTo("constant-test");
        FeatureVector x = FeatureVector.of(FeatureCatalogue.standard(), new double[44]);
        assertThat(b.scorer().scoreBase(x).logOdds()).isEqualTo(-2);
        assertThat(ModelBundle.parse(b.toJson(), "again", ModelRegistry.standard()).checksum()).isEqualTo(b.checksum());
    }

    @Test
    void bundle_withPluginType_unknownToRegistry_isRejected() {
        String json = constantBundle(-2).toJson();
        assertThatThrownBy(() -> ModelBundle.parse(json, "b", ModelRegistry.builtIn()))
                .isInstanceOf(CreditModelException.class)
                .hasMessageContaining("$.base.type: unknown model type 'constant-test'");
    }

    @Test
    void pluginReturningNaN_isRejectedAtScoring() {
        ModelBundle b = constantBundle(999);
        FeatureVector x = FeatureVector.of(FeatureCatalogue.standard(), new double[44]);
        assertThatThrownBy(() -> b.scorer().scoreBase(x)).isInstanceOf(CreditModelException.class)
                .hasMessageContaining("model 'constant-test'");
    }

    @Test
    void with_duplicateOrMalformedName_isRejected() {
        assertThatThrownBy(() -> ModelRegistry.builtIn().with(new ScorecardFormat()))
                .hasMessageContaining("model type 'scorecard' is already registered");
        ModelFormat bad = new ModelFormat() {
            @Override
            public String type() {
                return "My Model";
            }

            @Override
            public Optional<ScoringModel> read(JsonNode json, ModelReadContext context) {
                return Optional.empty();
            }

            @Override
            public ObjectNode write(ScoringModel model) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> ModelRegistry.builtIn().with(bad)).hasMessageContaining("must be lower kebab case");
    }

    @Test
    void validating_isIdempotent() {
        ScoringModel m = new ConstantModelFormat.Constant(FeatureCatalogue.standard(), 1);
        ScoringModel v = ScoringModel.validating(m);
        assertThat(ScoringModel.validating(v)).isSameAs(v);
        assertThat(v.finiteByConstruction()).isTrue();
    }
}
