package org.creditkit.bench;

import java.util.concurrent.TimeUnit;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
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
 * Generating one synthetic application with its outcome (no serialisation), single-threaded; the
 * index advances every call so each record is new.
 *
 * <pre>
 * java -jar credit-bench/target/benchmarks.jar PortfolioGenerationBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PortfolioGenerationBenchmark {

    private PortfolioGenerator generator;
    private long index;

    @Setup
    public void setup() {
        generator = PortfolioGenerator.of(GeneratorConfig.builder().count(Long.MAX_VALUE / 2).seed(1).build());
    }

    /** One record. */
    @Benchmark
    public LabeledApplication generate() {
        return generator.generate(index++);
    }
}
