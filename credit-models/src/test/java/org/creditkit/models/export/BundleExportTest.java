package org.creditkit.models.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.models.GermanCredit;
import org.creditkit.models.ModelException;
import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;
import org.creditkit.models.gbm.GbmOptions;
import org.creditkit.models.gbm.GbmTrainer;
import org.creditkit.models.gbm.TrainedGbm;
import org.creditkit.models.overlay.OverlayModel;
import org.creditkit.models.overlay.OverlayOptions;
import org.creditkit.models.overlay.OverlayTrainer;
import org.creditkit.models.scorecard.ScorecardOptions;
import org.creditkit.models.scorecard.ScorecardTrainer;
import org.creditkit.models.scorecard.TrainedScorecard;
import org.creditkit.models.store.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class BundleExportTest {

    @TempDir
    Path dir;

    private static ModelBundle export(TrainedModel m) {
        return BundleExport.export(m, BundleExport.Options.of("test-model"), JsonNodeFactory.instance.objectNode());
    }

    @Test
    void scorecard_coreBundleReproducesTrainedLogOddsOnEveryRow() {
        Dataset d = GermanCredit.load().dataset();
        TrainedModel m = TrainedModel.of(ScorecardTrainer.fit(d, ScorecardOptions.defaults(), Progress.none()),
                OverlayModel.none(), 0.25, Map.of("data", "credit-g.arff"));
        ModelBundle bundle = export(m);
        assertThat(bundle.catalogue().version()).isEqualTo("workbench:test-model/1");
        assertThat(BundleExport.detail(bundle)).as("training detail survives the bundle's write and read")
                .contains(TrainingDetail.of(m));
        assertThat(BundleExport.detail(bundle).orElseThrow().scorecard().orElseThrow().features())
                .hasSameSizeAs(m.scorecard().orElseThrow().features());
        List<FeatureVector> vectors = BundleExport.vectors(bundle, d);
        double[] expected = m.logOdds(d);
        for (int r = 0; r < d.rows(); r++) {
            ScoreResult res = bundle.scorer().scoreBase(vectors.get(r));
            assertThat(res.logOdds()).as("row %d", r).isCloseTo(expected[r], within(1e-9));
        }
    }

    @Test
    void scorecard_pointsOfCoreScoreMatchWorkbenchScore() {
        Dataset d = GermanCredit.load().dataset();
        TrainedScorecard card = ScorecardTrainer.fit(d, ScorecardOptions.defaults(), Progress.none());
        TrainedModel m = TrainedModel.of(card, OverlayModel.none(), 0, Map.of());
        ModelBundle bundle = export(m);
        List<FeatureVector> vectors = BundleExport.vectors(bundle, d);
        double[] logOdds = card.logOdds(d);
        for (int r = 0; r < 50; r++) {
            assertThat(bundle.scorer().scoreBase(vectors.get(r)).score())
                    .isCloseTo(card.scaling().score(logOdds[r]), within(1e-6));
        }
    }

    @Test
    void gbm_coreTreeEnsembleReproducesSmileProbabilityOnEveryTrainingRow() {
        Dataset d = GermanCredit.load().dataset();
        GbmTrainer.Fit fit = GbmTrainer.fitWithSmile(d, GbmOptions.defaults(7).withTrees(100), Progress.none());
        TrainedModel m = TrainedModel.of(fit.model(), OverlayModel.none(), 0, Map.of());
        ModelBundle bundle = export(m);
        assertThat(BundleExport.detail(bundle)).contains(TrainingDetail.of(m));
        assertThat(BundleExport.detail(bundle).orElseThrow().gbm().orElseThrow().trees()).isEqualTo(100);
        List<FeatureVector> vectors = BundleExport.vectors(bundle, d);
        double[] posterior = new double[2];
        double maxDiff = 0;
        for (int r = 0; r < d.rows(); r++) {
            fit.smile().predict(fit.frame().get(r), posterior);
            double z = bundle.base().logOdds(vectors.get(r));
            maxDiff = Math.max(maxDiff, Math.abs((1 - 1 / (1 + Math.exp(z))) - posterior[1]));
        }
        assertThat(maxDiff).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void gbm_missingValues_coreRoutesThemLikeSmile() {
        Random rnd = new Random(3);
        int n = 1500;
        double[] x = new double[n];
        int[] y = new int[n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            double logit = -1 + x[i];
            if (rnd.nextDouble() < 0.2) {
                x[i] = Double.NaN;
                logit = 1;
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            lines[i] = i + 1;
        }
        Dataset d = Dataset.of(List.of(Feature.numeric("debt_to_asset")), new double[][] {x}, y, lines, List.of(),
                new int[0], new double[0]);
        GbmTrainer.Fit fit = GbmTrainer.fitWithSmile(d, GbmOptions.defaults(2).withTrees(40), Progress.none());
        TrainedModel m = TrainedModel.of(fit.model(), OverlayModel.none(), 0, Map.of());
        ModelBundle bundle = export(m);
        assertThat(bundle.catalogue()).isSameAs(FeatureCatalogue.standard());
        List<FeatureVector> vectors = BundleExport.vectors(bundle, d);
        double[] posterior = new double[2];
        for (int r = 0; r < n; r++) {
            fit.smile().predict(fit.frame().get(r), posterior);
            double z = bundle.base().logOdds(vectors.get(r));
            assertThat(1 - 1 / (1 + Math.exp(z))).isCloseTo(posterior[1], within(1e-9));
        }
    }

    @Test
    void histogramGbm_coreTreeEnsembleEqualsTheTrainedModelOnEveryRow_missingValuesEitherWay() {
        Random rnd = new Random(13);
        int n = 3000;
        double[] x = new double[n];
        double[] z = new double[n];
        int[] y = new int[n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            z[i] = rnd.nextGaussian();
            double logit = -1.5 + x[i] - 0.5 * z[i];
            if (rnd.nextDouble() < 0.2) {
                x[i] = Double.NaN; // risky when missing: learnt to go with high x
                logit = 1;
            }
            if (rnd.nextDouble() < 0.1) {
                z[i] = Double.NaN; // safe when missing
                logit -= 1;
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            lines[i] = i + 1;
        }
        Dataset d = Dataset.of(List.of(Feature.numeric("debt_to_asset"), Feature.numeric("net_margin")),
                new double[][] {x, z}, y, lines, List.of(), new int[0], new double[0]);
        TrainedGbm gbm = GbmTrainer.fit(d, GbmOptions.defaults(3), Progress.none());
        boolean[] missingLeft = gbm.trees().missingToTrue();
        assertThat(missingLeft).as("missing values sent left at some splits and right at others").contains(true, false);
        assertBundleEqualsTrained(gbm, d);
    }

    @Test
    void monotoneConstrainedGbm_coreTreeEnsembleEqualsTheTrainedModelOnEveryRow() {
        Random rnd = new Random(17);
        int n = 3000;
        double[] x = new double[n];
        double[] z = new double[n];
        int[] y = new int[n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            z[i] = rnd.nextGaussian();
            double logit = -1.5 + x[i] + Math.sin(4 * x[i]) - 0.5 * z[i] + 0.8 * Math.cos(3 * z[i]);
            if (rnd.nextDouble() < 0.1) {
                x[i] = Double.NaN;
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            lines[i] = i + 1;
        }
        Dataset d = Dataset.of(List.of(Feature.numeric("debt_to_asset"), Feature.numeric("net_margin")),
                new double[][] {x, z}, y, lines, List.of(), new int[0], new double[0]);
        TrainedGbm free = GbmTrainer.fit(d, GbmOptions.defaults(3), Progress.none());
        TrainedGbm gbm = GbmTrainer.fit(d, GbmOptions.defaults(3).withMonotone(Map.of("debt_to_asset", 1,
                "net_margin", -1)), Progress.none());
        assertThat(gbm.trees().leaf()).as("the constraints bind").isNotEqualTo(free.trees().leaf());
        assertBundleEqualsTrained(gbm, d);
    }

    private static void assertBundleEqualsTrained(TrainedGbm gbm, Dataset d) {
        ModelBundle bundle = export(TrainedModel.of(gbm, OverlayModel.none(), 0, Map.of()));
        List<FeatureVector> vectors = BundleExport.vectors(bundle, d);
        double[] trained = gbm.logOdds(d);
        for (int r = 0; r < d.rows(); r++) {
            assertThat(bundle.base().logOdds(vectors.get(r))).as("row %d", r).isCloseTo(trained[r], within(1e-9));
        }
    }

    @Test
    void sameInputsAndSeed_giveTheSameBundleChecksum_andItSurvivesARoundTrip() {
        Dataset d = GermanCredit.load().dataset();
        ModelBundle a = export(TrainedModel.of(GbmTrainer.fit(d, GbmOptions.defaults(9).withTrees(30), Progress.none()),
                OverlayModel.none(), 0, Map.of("seed", "9")));
        ModelBundle b = export(TrainedModel.of(GbmTrainer.fit(d, GbmOptions.defaults(9).withTrees(30), Progress.none()),
                OverlayModel.none(), 0, Map.of("seed", "9")));
        assertThat(a.checksum()).isEqualTo(b.checksum());
        Path file = dir.resolve("bundle.json");
        a.write(file);
        assertThat(ModelBundle.read(file).checksum()).isEqualTo(a.checksum());
    }

    @Test
    void overlays_exportKeyedByGbtCodeAndCompositeScoreMatchesBasePlusOverlay() {
        Random rnd = new Random(5);
        String[] codes = {"C", "F", "I", "A"};
        double[] shift = {0.4, -0.3, 0.2, 0.6};
        int n = 8000;
        double[] x = new double[n];
        int[] y = new int[n];
        int[] ind = new int[n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            ind[i] = i % 4;
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-(-2 + x[i] + shift[ind[i]]))) ? 1 : 0;
            lines[i] = i + 1;
        }
        Dataset d = Dataset.of(List.of(Feature.numeric("debt_to_asset")), new double[][] {x}, y, lines,
                List.of(codes), ind, new double[0]);
        TrainedScorecard card = ScorecardTrainer.fit(d, ScorecardOptions.defaults(), Progress.none());
        OverlayModel overlays = OverlayTrainer.fit(d, card.logOdds(d), OverlayOptions.defaults()
                .withOwnFeatures(List.of("debt_to_asset")));
        TrainedModel m = TrainedModel.of(card, overlays, 0, Map.of());
        ModelBundle bundle = export(m);
        assertThat(bundle.overlays()).extracting(o -> o.industries().get(0)).containsExactly("A", "C", "F", "I");
        assertThat(BundleExport.detail(bundle)).contains(TrainingDetail.of(m));
        assertThat(BundleExport.detail(bundle).orElseThrow().overlays()).hasSize(4);
        List<FeatureVector> vectors = BundleExport.vectors(bundle, d);
        double[] expected = m.logOdds(d);
        IndustryCode[] gbt = {IndustryCode.of("C39"), IndustryCode.of("F51"), IndustryCode.of("I65"),
            IndustryCode.of("A01")};
        for (int r = 0; r < n; r += 7) {
            ScoreResult res = bundle.scorer().score(vectors.get(r), gbt[ind[r]]);
            assertThat(res.logOdds()).isCloseTo(expected[r], within(1e-9));
            assertThat(res.overlay()).isPresent();
        }
    }

    @Test
    void gbt_mapsSectionsAndDivisionsAndRejectsNaics() {
        assertThat(BundleExport.gbt("C")).isEqualTo("C");
        assertThat(BundleExport.gbt("39")).isEqualTo("C39");
        assertThat(BundleExport.gbt("I65")).isEqualTo("I65");
        assertThatThrownBy(() -> BundleExport.gbt("98")).isInstanceOf(ModelException.class)
                .hasMessageContaining("not a GB/T 4754-2017");
        assertThat(BundleExport.id("Credit Amount (CNY)")).isEqualTo("credit_amount_cny");
        assertThat(BundleExport.id("2nd")).isEqualTo("f_2nd");
        new ArrayList<>();
    }
}
