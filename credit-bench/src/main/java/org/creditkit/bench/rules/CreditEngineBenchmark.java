package org.creditkit.bench.rules;

import org.creditkit.bench.SteadyState;

import java.util.concurrent.TimeUnit;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * End-to-end {@link CreditEngine#decide}: feature extraction, data-quality checks, scoring with the
 * default expert bundle, mapping and the Drools default policy, on one and on two threads, over
 * 1,024 synthetic applications rotated per thread.
 *
 * <p>The engine is driven to its steady state in {@code @Setup} ({@link SteadyState}: Drools compiles
 * constraints in the background after they have run a while), so a short JMH warm-up measures the engine
 * a long-running service has, not its first seconds.
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar CreditEngineBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CreditEngineBenchmark {

    /** The engine and the applications. */
    @State(Scope.Benchmark)
    public static class Engine {
        CreditEngine engine;
        LoanApplication[] apps;

        /** Builds the default engine and generates the applications. */
        @Setup
        public void setUp() {
            engine = CreditEngine.defaults();
            PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(1024).seed(7L).build());
            apps = new LoanApplication[1024];
            for (int i = 0; i < apps.length; i++) {
                apps[i] = g.generate(i).application();
            }
            int[] k = {0};
            SteadyState.reach("CreditEngine.decide warm-up", () -> engine.decide(apps[k[0]++ & 1023]), 5_000, 400_000, 90);
        }

        /** Closes the engine. */
        @TearDown
        public void tearDown() {
            engine.close();
        }
    }

    /** Per-thread position. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;
    }

    /** One decision, one thread. */
    @Benchmark
    public Decision decide(Engine e, Cursor c) {
        c.i = (c.i + 1) & 1023;
        return e.engine.decide(e.apps[c.i]);
    }

    /** One decision per call on each of two threads. */
    @Benchmark
    @Threads(2)
    public Decision decideTwoThreads(Engine e, Cursor c) {
        c.i = (c.i + 1) & 1023;
        return e.engine.decide(e.apps[c.i]);
    }
}
