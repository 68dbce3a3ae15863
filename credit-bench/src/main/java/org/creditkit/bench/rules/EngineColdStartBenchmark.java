package org.creditkit.bench.rules;

import java.util.concurrent.TimeUnit;
import org.creditkit.rules.CompiledRuleSet;
import org.creditkit.rules.Decision;
import org.creditkit.rules.RuleEngine;
import org.creditkit.rules.RuleInput;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.RuleSets;
import org.creditkit.rules.testing.SyntheticRuleInputs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: each measurement is the first call in a fresh JVM (single shot, one fork per sample).
 * {@code buildDefaultPolicy} reads the default policy and builds it from the executable model that
 * was precompiled when credit-rules was built; {@code buildCompiledAtLoad} is its baseline, the same
 * rules with one comment added, so they are checked and compiled at load as a custom policy is;
 * {@code engineDefaultPolicy} adds the reload gate's scenarios; {@code firstDecision} is the first
 * decision after a build.
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar EngineColdStartBenchmark -f 5}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Benchmark)
public class EngineColdStartBenchmark {

    AutoCloseable built;
    RuleInput input;

    /** The input of the first decision, made before the clock starts, as a caller has it. */
    @Setup(Level.Trial)
    public void setUp() {
        input = SyntheticRuleInputs.generate(7L, 1).get(0);
    }

    /** Closes what the measured call built. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (built != null) {
            built.close();
        }
    }

    /** The default policy, from its precompiled executable model. */
    @Benchmark
    public String buildDefaultPolicy() {
        CompiledRuleSet rules = RuleSets.compile(RuleSetSource.defaultPolicy());
        built = rules;
        return rules.version();
    }

    /** Baseline: the same rules compiled at load (one comment added to a rule file). */
    @Benchmark
    public String buildCompiledAtLoad() {
        RuleSetSource defaults = RuleSetSource.defaultPolicy();
        String name = defaults.files().keySet().stream().filter(n -> n.endsWith(".drl")).findFirst().orElseThrow();
        CompiledRuleSet rules = RuleSets.compile(defaults.with(name, defaults.files().get(name) + "\n// edited\n"));
        built = rules;
        return rules.version();
    }

    /** The hot-reloading engine of the default policy (adds parsing its gating scenarios). */
    @Benchmark
    public String engineDefaultPolicy() {
        RuleEngine engine = RuleEngine.defaultPolicy();
        built = engine;
        return engine.version();
    }

    /** A rule set built before the clock starts. */
    @State(Scope.Benchmark)
    public static class Built {
        CompiledRuleSet rules;

        /** Builds the default policy. */
        @Setup(Level.Trial)
        public void setUp() {
            rules = RuleSets.compile(RuleSetSource.defaultPolicy());
        }

        /** Closes it. */
        @TearDown(Level.Trial)
        public void tearDown() {
            rules.close();
        }
    }

    /** The first decision after the build. */
    @Benchmark
    public Decision firstDecision(Built b) {
        return b.rules.decide(input, "bench");
    }
}
