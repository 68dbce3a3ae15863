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
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.ReasonBasis;
import org.creditkit.core.score.ReasonCode;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.score.scorecard.Scorecard;
import org.creditkit.core.score.spi.ScoringModel;
import org.creditkit.core.score.tree.TreeEnsemble;
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
    void trainingColumns_aLevelListedTwice_isRefusedInsteadOfShadowingTheFirstCode() {
        Dataset d = GermanCredit.load().dataset();
        ModelBundle bundle = export(TrainedModel.of(ScorecardTrainer.fit(d, ScorecardOptions.defaults(),
                Progress.none()), OverlayModel.none(), 0, Map.of()));
        com.fasterxml.jackson.databind.node.ObjectNode training = bundle.training().deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode levels = (com.fasterxml.jackson.databind.node.ArrayNode)
                training.withArray("columns").get(0).get("levels");
        ((com.fasterxml.jackson.databind.node.ObjectNode) levels.get(1)).put("level", levels.get(0).get("level").asText());
        ModelBundle.Builder b = ModelBundle.builder().id(bundle.id()).version(bundle.version()).createdBy("test")
                .scaling(bundle.scaling()).gradeBands(bundle.gradeBands()).catalogue(bundle.catalogue())
                .base(bundle.base()).training(training).metrics(bundle.metrics());
        ModelBundle edited = b.build();

        assertThatThrownBy(() -> BundleExport.vectors(edited, d)).isInstanceOf(ModelException.class)
                .hasMessageContaining("$.training.columns[0].levels[1]: level '" + levels.get(0).get("level").asText()
                        + "' is listed twice");
    }

    @Test
    void scorecard_recordsPopulationShares_neutralIsTheTrainingRowsAverageContribution() {
        Dataset d = GermanCredit.load().dataset();
        TrainedModel m = TrainedModel.of(ScorecardTrainer.fit(d, ScorecardOptions.defaults(), Progress.none()),
                OverlayModel.none(), 0, Map.of());
        ModelBundle bundle = export(m);
        Scorecard card = (Scorecard) bundle.base();
        assertThat(card.characteristics()).allSatisfy(c -> assertThat(c.shares()).isPresent());
        assertThat(bundle.scorer().reasonBasis()).isEqualTo(ReasonBasis.NEUTRAL);
        double[] mean = meanContributions(card, BundleExport.vectors(bundle, d));
        for (int f : card.features()) {
            assertThat(card.neutral(f).getAsDouble()).as(bundle.catalogue().get(f).id())
                    .isCloseTo(mean[f], within(1e-9));
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
        assertNeutralIsTheTrainingRowsMeanContribution(bundle, vectors);
    }

    /**
     * The trainer's covers, routed in credit-models, agree with the core's routing (missing values
     * included): each feature's neutral is exactly its mean contribution over the training rows.
     */
    private static void assertNeutralIsTheTrainingRowsMeanContribution(ModelBundle bundle, List<FeatureVector> rows) {
        TreeEnsemble e = (TreeEnsemble) bundle.base();
        assertThat(e.hasCovers()).isTrue();
        assertThat(bundle.scorer().reasonBasis()).isEqualTo(ReasonBasis.NEUTRAL);
        double[] mean = meanContributions(e, rows);
        for (int f : e.features()) {
            assertThat(e.neutral(f).getAsDouble()).as(bundle.catalogue().get(f).id()).isCloseTo(mean[f], within(1e-9));
        }
    }

    private static double[] meanContributions(ScoringModel e, List<FeatureVector> rows) {
        int n = e.catalogue().size();
        double[] mean = new double[n];
        for (FeatureVector x : rows) {
            double[] c = new double[n];
            e.contributions(x, c);
            for (int f = 0; f < n; f++) {
                mean[f] += c[f] / rows.size();
            }
        }
        return mean;
    }

    @Test
    void smileGbm_recordsCovers_neutralIsTheTrainingRowsMeanContribution() {
        Dataset d = GermanCredit.load().dataset();
        GbmTrainer.Fit fit = GbmTrainer.fitWithSmile(d, GbmOptions.defaults(7).withTrees(40), Progress.none());
        assertThat(fit.model().trees().hasCovers()).isTrue();
        ModelBundle bundle = export(TrainedModel.of(fit.model(), OverlayModel.none(), 0, Map.of()));
        assertNeutralIsTheTrainingRowsMeanContribution(bundle, BundleExport.vectors(bundle, d));
    }

    @Test
    void histogramGbm_averageApplicant_isNotToldEveryFeatureLoweredItsScore() {
        Dataset d = GermanCredit.load().dataset();
        ModelBundle bundle = export(TrainedModel.of(GbmTrainer.fit(d, GbmOptions.defaults(5).withTrees(100),
                Progress.none()), OverlayModel.none(), 0, Map.of()));
        List<FeatureVector> rows = BundleExport.vectors(bundle, d);
        assertNeutralIsTheTrainingRowsMeanContribution(bundle, rows);
        TreeEnsemble e = (TreeEnsemble) bundle.base();
        // the applicant whose log-odds are nearest the training rows' mean
        double meanLogOdds = 0;
        for (FeatureVector x : rows) {
            meanLogOdds += e.logOdds(x) / rows.size();
        }
        FeatureVector avg = rows.get(0);
        for (FeatureVector x : rows) {
            if (Math.abs(e.logOdds(x) - meanLogOdds) < Math.abs(e.logOdds(avg) - meanLogOdds)) {
                avg = x;
            }
        }
        double[] c = new double[e.catalogue().size()];
        e.contributions(avg, c);
        double aboveNeutral = 0;
        int better = 0;
        for (int f : e.features()) {
            aboveNeutral += c[f] - e.neutral(f).getAsDouble();
            better += c[f] < e.neutral(f).getAsDouble() - 1e-9 ? 1 : 0;
        }
        // measured against the neutral, the contributions of an average firm net out to its distance from the mean
        assertThat(aboveNeutral).isCloseTo(e.logOdds(avg) - meanLogOdds, within(1e-9));
        assertThat(better).as("features where the average firm does better than average").isPositive();
        ScoreResult now = bundle.scorer().scoreBase(avg);
        assertThat(now.reasonBasis()).isEqualTo(ReasonBasis.NEUTRAL);
        assertThat(now.reasons()).isNotEmpty();
        double factor = bundle.scorer().scaling().factor();
        for (ReasonCode r : now.reasons()) {
            int f = bundle.catalogue().indexOf(r.featureId());
            assertThat(c[f]).as(r.featureId()).isGreaterThan(e.neutral(f).getAsDouble());
            assertThat(r.pointsLost()).isCloseTo(factor * (c[f] - e.neutral(f).getAsDouble()), within(1e-9));
        }
        // the same trees without covers (a bundle written before them): reasons against 0, as before
        TreeEnsemble bare = TreeEnsemble.of(e.catalogue(), e.intercept(), e.shrinkage(), e.scale(), e.trees().stream()
                .map(t -> t.stream().map(n -> n.withCover(Double.NaN)).toList()).toList());
        CompositeScorer old = CompositeScorer.of("old", "1", e.catalogue(), bundle.scorer().scaling(),
                bundle.scorer().gradeBands(), bare, List.of());
        ScoreResult before = old.scoreBase(avg);
        assertThat(before.reasonBasis()).isEqualTo(ReasonBasis.MOST_FAVOURABLE);
        assertThat(before.logOdds()).isEqualTo(now.logOdds());
        assertThat(before.reasons()).as("against 0 the reasons were others").isNotEqualTo(now.reasons());
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
