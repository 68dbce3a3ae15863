package org.creditkit.bench.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.score.tree.TreeEnsemble;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;
import org.creditkit.models.export.BundleExport;
import org.creditkit.models.gbm.GbmOptions;
import org.creditkit.models.gbm.GbmTrainer;
import org.creditkit.models.overlay.OverlayModel;
import org.creditkit.models.store.TrainedModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;

/**
 * Probability of default for one row from the same gradient-boosted model two ways: Smile's own
 * {@code GradientTreeBoost.predict(Tuple, double[])} and the core {@link TreeEnsemble} it was
 * exported to ({@code logOdds} then {@code 1 / (1 + e^-z)}). The model is trained in {@link #setup}
 * on a small synthetic portfolio (the standard features; {@code rows} rows, seed 7) with
 * {@code trees} trees of depth up to {@code depth} and up to {@code 2^depth} leaves; the tree count
 * and depth, not the training size, set the cost of a prediction. Setup checks that both give the
 * same probability on every row (to 1e-9) before anything is timed, so the two benchmarks compute
 * the same thing. Rows are rotated through 1,024 prepared inputs: Smile gets the rows of its
 * training frame (missing values as its sentinels), the core gets feature vectors laid out by
 * {@link BundleExport#vectors}.
 *
 * <pre>
 * java -jar credit-bench/target/benchmarks.jar org.creditkit.bench.models -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class GbmExportBenchmark {

    private static final int ROTATION = 1024;

    @Param("300")
    int trees;

    @Param("6")
    int depth;

    @Param("3000")
    int rows;

    private GradientTreeBoost smile;
    private TreeEnsemble ensemble;
    private Tuple[] tuples;
    private FeatureVector[] vectors;
    private final double[] posterior = new double[2];
    private int i;

    @Setup
    public void setup() {
        Dataset data = portfolio(rows);
        GbmOptions options = GbmOptions.smile(trees, depth, 1 << depth, 5, 0.05, 0.7, 7);
        GbmTrainer.Fit fit = GbmTrainer.fitWithSmile(data, options, Progress.none());
        TrainedModel model = TrainedModel.of(fit.model(), OverlayModel.none(), 0, Map.of());
        ModelBundle bundle = BundleExport.export(model, BundleExport.Options.of("bench-gbm"),
                JsonNodeFactory.instance.objectNode());
        if (!(bundle.base() instanceof TreeEnsemble e)) {
            throw new IllegalStateException("The exported base is a " + bundle.base().getClass().getName()
                    + ", expected a TreeEnsemble");
        }
        smile = fit.smile();
        ensemble = e;
        List<FeatureVector> all = BundleExport.vectors(bundle, data);
        DataFrame frame = fit.frame();
        int n = Math.min(ROTATION, data.rows());
        tuples = new Tuple[ROTATION];
        vectors = new FeatureVector[ROTATION];
        for (int r = 0; r < ROTATION; r++) {
            tuples[r] = frame.get(r % n);
            vectors[r] = all.get(r % n);
            i = r;
            double a = smilePd();
            double b = corePd();
            if (!(Math.abs(a - b) <= 1e-9)) {
                throw new IllegalStateException("Row " + (r % n) + ": Smile PD " + a + " but exported PD " + b
                        + "; the export does not reproduce Smile, so timing them would compare different things");
            }
        }
        i = 0;
    }

    /** {@code n} generated applications with their outcomes, as a dataset of the standard features. */
    private static Dataset portfolio(int n) {
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(n).seed(7).build());
        FeatureExtractor x = FeatureExtractor.standard();
        FeatureCatalogue cat = x.catalogue();
        double[][] cols = new double[cat.size()][n];
        int[] target = new int[n];
        long[] lines = new long[n];
        for (int r = 0; r < n; r++) {
            LabeledApplication la = g.generate(r);
            FeatureVector v = x.extract(la.application());
            for (int f = 0; f < cat.size(); f++) {
                cols[f][r] = v.isMissing(f) ? Double.NaN : v.value(f);
            }
            target[r] = la.outcome().orElseThrow().defaulted12m() ? 1 : 0;
            lines[r] = r + 1;
        }
        List<Feature> features = new ArrayList<>();
        for (int f = 0; f < cat.size(); f++) {
            features.add(Feature.numeric(cat.get(f).id()));
        }
        return Dataset.of(features, cols, target, lines, List.of(), new int[0], new double[0]);
    }

    private int next() {
        i = (i + 1) & (ROTATION - 1);
        return i;
    }

    private double smilePd() {
        smile.predict(tuples[i], posterior);
        return posterior[1];
    }

    private double corePd() {
        return 1 / (1 + Math.exp(-ensemble.logOdds(vectors[i])));
    }

    /** Smile's {@code GradientTreeBoost.predict} with posteriors: the PD. */
    @Benchmark
    public double smilePredict() {
        next();
        return smilePd();
    }

    /** The exported core {@code TreeEnsemble}: log-odds, then the PD. */
    @Benchmark
    public double exportedTreeEnsemble() {
        next();
        return corePd();
    }
}
