package org.creditkit.bench.score;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.scorecard.Scorecard;
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

/**
 * A 40-feature scorecard (6 bins per feature at data quantiles) on synthetic applications: log-odds
 * only, and the full result with PD, score, grade and four reason codes, beside two baselines over the
 * same inputs ({@link #rawDotProduct}, {@link #linearScanSameBins}). Targets (issue 17): the full
 * result at most 150 ns with no allocation beyond it (144 B: the result, its list and the list's array;
 * the reason codes are made once per bin slot), log-odds within 2x of the raw dot
 * product. See docs/performance.md.
 *
 * <pre>
 * java -jar credit-bench/target/benchmarks.jar ScorecardBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ScorecardBenchmark {

    @Param("40")
    int features;

    private FeatureVector[] vectors;
    private double[][] raw;
    private double[][] edges;
    private double[][] points;
    private double[] missing;
    private double[] weights;
    private Scorecard card;
    private CompositeScorer scorer;
    private int i;

    @Setup
    public void setup() {
        List<LoanApplication> apps = BenchData.applications(1024);
        vectors = BenchData.vectors(apps);
        edges = new double[features][];
        points = new double[features][];
        missing = new double[features];
        card = BenchData.scorecard(features, vectors, 11, edges, points, missing);
        raw = new double[vectors.length][];
        for (int k = 0; k < vectors.length; k++) {
            raw[k] = vectors[k].toArray();
        }
        weights = new double[features];
        for (int f = 0; f < features; f++) {
            weights[f] = points[f][0];
        }
        for (int k = 0; k < vectors.length; k++) { // the baseline must compute the scorecard's own answer
            i = k - 1;
            double expected = card.logOdds(vectors[k]);
            double got = linearScanSameBins();
            if (Math.abs(expected - got) > 1e-9) {
                throw new IllegalStateException("linear-scan baseline " + got + " != scorecard " + expected
                        + " on vector " + k);
            }
        }
        i = 0;
        scorer = CompositeScorer.of("bench", "1", FeatureCatalogue.standard(), BenchData.SCALING, BenchData.BANDS,
                card, List.of());
    }

    private FeatureVector next() {
        i = (i + 1) & 1023;
        return vectors[i];
    }

    /** Log-odds only. */
    @Benchmark
    public double logOdds() {
        return card.logOdds(next());
    }

    /**
     * Baseline: a raw dot product of the same features with one weight each (no binning, NaN as 0): the
     * floor any additive model pays for reading its inputs.
     */
    @Benchmark
    public double rawDotProduct() {
        i = (i + 1) & 1023;
        double[] x = raw[i];
        double sum = -3;
        for (int f = 0; f < weights.length; f++) {
            double v = x[f];
            sum += v == v ? weights[f] * v : 0;
        }
        return sum;
    }

    /** Baseline: the same bins and points as the scorecard, looked up by a linear scan in plain arrays. */
    @Benchmark
    public double linearScanSameBins() {
        i = (i + 1) & 1023;
        double[] x = raw[i];
        double sum = -3;
        for (int f = 0; f < edges.length; f++) {
            double v = x[f];
            if (v != v) {
                sum += missing[f];
                continue;
            }
            double[] e = edges[f];
            int b = 0;
            while (b < e.length && v >= e[b]) {
                b++;
            }
            sum += points[f][b];
        }
        return sum;
    }

    /** Full result: PD, score, grade and up to four reason codes. */
    @Benchmark
    public ScoreResult scoreWithReasons() {
        return scorer.scoreBase(next());
    }
}
