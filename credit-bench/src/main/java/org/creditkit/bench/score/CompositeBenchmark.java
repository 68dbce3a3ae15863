package org.creditkit.bench.score;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.score.cache.CachingScorer;
import org.creditkit.core.feature.FeatureExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default expert bundle (base scorecard plus the overlay resolved from each application's
 * industry code) on synthetic applications, the same through the score cache when every entry is
 * a hit, and, for comparison, extraction plus scoring without the cache.
 *
 * <pre>
 * java -jar credit-bench/target/benchmarks.jar CompositeBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CompositeBenchmark {

    private FeatureVector[] vectors;
    private IndustryCode[] industries;
    private LoanApplication[] apps;
    private CompositeScorer scorer;
    private CachingScorer cache;
    private FeatureExtractor extractor;
    private int i;

    @Setup
    public void setup() {
        List<LoanApplication> list = BenchData.applications(1024);
        apps = list.toArray(new LoanApplication[0]);
        vectors = BenchData.vectors(list);
        industries = BenchData.industries(list);
        scorer = ModelBundle.defaultBundle().scorer();
        extractor = FeatureExtractor.standard();
        cache = CachingScorer.builder().maximumSize(10_000)
                .build(a -> scorer.score(extractor.extract(a), a.enterprise().industry()));
        for (LoanApplication a : apps) {
            cache.score(a);
        }
    }

    /** Base plus industry overlay, full result. */
    @Benchmark
    public ScoreResult baseWithOverlay() {
        i = (i + 1) & 1023;
        return scorer.score(vectors[i], industries[i]);
    }

    /** A cache hit: data version computed from the application, then a lookup. */
    @Benchmark
    public ScoreResult cacheHit() {
        i = (i + 1) & 1023;
        return cache.score(apps[i]);
    }

    /** What a miss costs: feature extraction plus scoring. */
    @Benchmark
    public ScoreResult extractAndScore() {
        i = (i + 1) & 1023;
        LoanApplication a = apps[i];
        return scorer.score(extractor.extract(a), a.enterprise().industry());
    }
}
