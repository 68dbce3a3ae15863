package org.creditkit.bench.rules;

import java.util.concurrent.TimeUnit;
import org.creditkit.bench.SteadyState;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From JSON text to decision on one thread: the strict read of a generated 2.4 KB application and
 * {@link CreditEngine#decide} of the result, against its two parts in the same run (the read alone, the
 * decision of an already parsed application). The target is at least 50,000 decisions a
 * second per core from text, i.e. at most 20 µs per {@link #readAndDecide}. 1,024 documents rotated;
 * the engine is driven to its steady state in {@code @Setup} ({@link SteadyState}).
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar JsonToDecisionBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonToDecisionBenchmark {

    private static final int SIZE = 1024;

    private CreditEngine engine;
    private StrictApplicationReader reader;
    private String[] documents;
    private LoanApplication[] applications;
    private int next;

    /** Builds the default engine, generates and writes the applications, warms the engine up. */
    @Setup
    public void setUp() {
        engine = CreditEngine.defaults();
        reader = StrictApplicationReader.standard();
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(SIZE).seed(7L).build());
        documents = new String[SIZE];
        applications = new LoanApplication[SIZE];
        for (int i = 0; i < SIZE; i++) {
            applications[i] = g.generate(i).application();
            documents[i] = ApplicationJson.write(applications[i]);
        }
        int[] k = {0};
        SteadyState.reach("read and decide warm-up", () -> engine.decide(reader.read(documents[k[0]++ & (SIZE - 1)])),
                5_000, 400_000, 90);
    }

    /** Closes the engine. */
    @TearDown
    public void tearDown() {
        engine.close();
    }

    private int advance() {
        next = (next + 1) & (SIZE - 1);
        return next;
    }

    /** The strict read of the text, then the decision. */
    @Benchmark
    public Decision readAndDecide() {
        return engine.decide(reader.read(documents[advance()]));
    }

    /** Part: the decision of an application parsed in setup. */
    @Benchmark
    public Decision decideParsed() {
        return engine.decide(applications[advance()]);
    }

    /** Part: the strict read alone. */
    @Benchmark
    public LoanApplication readOnly() {
        return reader.read(documents[advance()]);
    }
}
