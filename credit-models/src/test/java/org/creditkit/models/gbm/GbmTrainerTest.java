package org.creditkit.models.gbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.models.GermanCredit;
import org.creditkit.models.Progress;
import org.creditkit.models.data.ColumnMapping;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.DatasetReader;
import org.creditkit.models.data.Feature;
import org.creditkit.models.eval.CrossValidation;
import org.creditkit.models.eval.CvResult;
import org.creditkit.models.eval.Evaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GbmTrainerTest {

    private static void assertReproducesSmile(Dataset data, GbmOptions options) {
        GbmTrainer.Fit fit = GbmTrainer.fitWithSmile(data, options, Progress.none());
        double[] flatLogOdds = fit.model().logOdds(data);   // NaN for missing, level codes re-encoded
        double[] posterior = new double[2];
        double maxDiff = 0;
        for (int r = 0; r < data.rows(); r++) {
            fit.smile().predict(fit.frame().get(r), posterior);
            double flat = 1 - 1 / (1 + Math.exp(flatLogOdds[r]));
            maxDiff = Math.max(maxDiff, Math.abs(flat - posterior[1]));
        }
        assertThat(maxDiff).as("largest |flat - Smile| over %d training rows", data.rows()).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void flatTrees_germanCredit_reproduceSmileProbabilityOnEveryTrainingRow() {
        Dataset d = GermanCredit.load().dataset();
        assertReproducesSmile(d, GbmOptions.defaults(7).withTrees(100));
    }

    @Test
    void flatTrees_missingValuesAndCategories_reproduceSmileOnEveryTrainingRow() {
        Random rnd = new Random(3);
        int n = 2000;
        double[] x = new double[n];
        double[] c = new double[n];
        int[] y = new int[n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            c[i] = rnd.nextInt(4);
            double logit = -1 + x[i] + (c[i] == 2 ? 1 : 0);
            if (rnd.nextDouble() < 0.15) {
                x[i] = Double.NaN;
                logit = 0.8;
            }
            if (rnd.nextDouble() < 0.05) {
                c[i] = Double.NaN;
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            lines[i] = i + 1;
        }
        Dataset d = Dataset.of(List.of(Feature.numeric("x"), Feature.categorical("c", List.of("a", "b", "c", "d", "e"))),
                new double[][] {x, c}, y, lines, List.of(), new int[0], new double[0]);
        assertReproducesSmile(d, GbmOptions.defaults(11).withTrees(60));
    }

    @Test
    void fit_sameSeed_identicalTrees_otherSeed_differentTrees() {
        Dataset d = GermanCredit.load().dataset();
        FlatTrees a = GbmTrainer.fit(d, GbmOptions.defaults(5).withTrees(30), Progress.none()).trees();
        FlatTrees b = GbmTrainer.fit(d, GbmOptions.defaults(5).withTrees(30), Progress.none()).trees();
        FlatTrees c = GbmTrainer.fit(d, GbmOptions.defaults(6).withTrees(30), Progress.none()).trees();
        assertThat(a.threshold()).isEqualTo(b.threshold());
        assertThat(a.leaf()).isEqualTo(b.leaf());
        assertThat(a.leaf()).isNotEqualTo(c.leaf());
    }

    /**
     * The bar on German Credit (5-fold CV AUC at least 0.79), met by the histogram GBM with
     * the defaults for 1,000 rows: measured 0.7966 at fold seed 42 (Smile's GradientTreeBoost,
     * 200 trees, depth 6, 8 leaves: 0.7832; scikit-learn's HistGradientBoostingClassifier on the
     * same folds: docs/training.md).
     */
    @Test
    void defaultsForRows_germanCredit5FoldCv_aucAtLeast079() {
        Dataset d = GermanCredit.load().dataset();
        GbmOptions o = GbmOptions.forRows(d.rows(), 42); // as credit train chooses them
        assertThat(o.validationShare()).as("no early stopping on 800 rows").isZero();
        CvResult cv = CrossValidation.run(d, 5, 42, train -> GbmTrainer.fit(train, o, Progress.none())::logOdds,
                Progress.none());
        assertThat(cv.meanAuc()).isGreaterThanOrEqualTo(0.79);
    }

    /**
     * Parity with scikit-learn on a small synthetic portfolio (12,000 applications, generator seed
     * 7, the indicators as the workbench reads them): on the same five folds (seed 42),
     * {@code HistGradientBoostingClassifier} reached a mean fold AUC of 0.8188 with its defaults and
     * 0.8335 tuned (learning rate 0.05, 500 iterations, 15 leaves, min leaf 40, L2 1, early
     * stopping), measured with docs/examples/sklearn_hgb_cv.py (scikit-learn 1.2.1). Our defaults
     * must not trail the tuned figure by more than 0.002 (measured: 0.8354).
     */
    @Test
    void defaults_syntheticPortfolio5FoldCv_onParWithTunedScikitLearn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s12k.jsonl");
        try (OutputStream os = Files.newOutputStream(file)) {
            PortfolioGenerator.of(GeneratorConfig.builder().count(12_000).seed(7).build()).writeJsonLines(os);
        }
        Dataset d = DatasetReader.read(file, ColumnMapping.unlabelled()).dataset();
        GbmOptions o = GbmOptions.forRows(d.rows(), 42);
        assertThat(o.validationShare()).as("early stopping from 10,000 rows").isPositive();
        CvResult cv = CrossValidation.run(d, 5, 42, train -> GbmTrainer.fit(train, o, Progress.none())::logOdds,
                Progress.none());
        assertThat(cv.meanAuc()).isGreaterThanOrEqualTo(SKLEARN_TUNED_12K - 0.002);
    }

    /** scikit-learn's tuned HistGradientBoostingClassifier on the portfolio of the test above. */
    private static final double SKLEARN_TUNED_12K = 0.8335;

    @Test
    void fit_germanCredit_discriminatesOnTrainingData() {
        Dataset d = GermanCredit.load().dataset();
        TrainedGbm m = GbmTrainer.fit(d, GbmOptions.defaults(1), Progress.none());
        double auc = Evaluation.auc(m.logOdds(d), d.targets());
        assertThat(auc).isGreaterThan(0.8);
        assertThat(m.trees().intercept()).as("2b is the log-odds of the base default rate").isCloseTo(0.5 * Math.log(0.3 / 0.7), within(1e-12));
    }
}
