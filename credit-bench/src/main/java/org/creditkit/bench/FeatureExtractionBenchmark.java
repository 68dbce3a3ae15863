package org.creditkit.bench;

import java.util.concurrent.TimeUnit;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
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
 * {@link FeatureExtractor#extract} of the 44 standard indicators from synthetic applications (all
 * sources a generated application carries: 24 months of tax, social insurance, 12 of utilities...),
 * rotated through {@code size} prepared applications so the JIT cannot fold one input. The expected
 * allocation is the vector alone: one 44-double array, one mask word and the vector object
 * (416 B/op measured with {@code -prof gc} on JDK 17).
 *
 * <pre>
 * java -jar credit-bench/target/benchmarks.jar FeatureExtractionBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FeatureExtractionBenchmark {

    /** Distinct applications rotated through. */
    @Param("1024")
    int size;

    private LoanApplication[] applications;
    private FeatureExtractor extractor;
    private int next;

    @Setup
    public void setup() {
        PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().count(size).seed(20240601L).build());
        applications = new LoanApplication[size];
        for (int i = 0; i < size; i++) {
            applications[i] = gen.generate(i).application();
        }
        extractor = FeatureExtractor.standard();
    }

    /** One application's features. */
    @Benchmark
    public FeatureVector extract() {
        LoanApplication a = applications[next];
        next = next + 1 == applications.length ? 0 : next + 1;
        return extractor.extract(a);
    }
}
