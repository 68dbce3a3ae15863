package org.creditkit.bench.score;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.bundle.ModelBundle;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring one million feature vectors (cycling over 8,192 distinct synthetic ones) with the default
 * expert bundle, full results, on a pool of {@code threads} workers; one op = one million scores.
 *
 * <pre>
 * java -jar credit-bench/target/benchmarks.jar BatchScoringBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class BatchScoringBenchmark {

    static final int BATCH = 1_000_000;
    static final int DISTINCT = 8192;

    @Param({"1", "2"})
    int threads;

    private FeatureVector[] vectors;
    private IndustryCode[] industries;
    private CompositeScorer scorer;
    private ForkJoinPool pool;

    @Setup
    public void setup() {
        List<LoanApplication> apps = BenchData.applications(DISTINCT);
        vectors = BenchData.vectors(apps);
        industries = BenchData.industries(apps);
        scorer = ModelBundle.defaultBundle().scorer();
        pool = new ForkJoinPool(threads);
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    /** One million scores; returns the sum of PDs so nothing is dead code. */
    @Benchmark
    public double scoreMillion() throws Exception {
        return pool.submit(() -> IntStream.range(0, BATCH).parallel()
                .mapToDouble(k -> {
                    int j = k & (DISTINCT - 1);
                    return scorer.score(vectors[j], industries[j]).pd();
                }).sum()).get();
    }
}
