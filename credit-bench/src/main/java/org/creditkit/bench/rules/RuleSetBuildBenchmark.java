package org.creditkit.bench.rules;

import java.util.concurrent.TimeUnit;
import org.creditkit.rules.CompiledRuleSet;
import org.creditkit.rules.PolicyParameters;
import org.creditkit.rules.ReloadResult;
import org.creditkit.rules.RuleEngine;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.RuleSets;
import org.creditkit.rules.testing.Scenarios;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Building the default policy in a warm JVM (parameter validation, loading the executable model
 * precompiled at build time, KieBase, first session warmed up), the same rules compiled at load
 * (allow-list, DRL parse, executable-model compile: what a custom policy costs; one comment added to a
 * rule file), and a full hot reload (build plus the default gating scenarios plus the atomic swap).
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar RuleSetBuildBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class RuleSetBuildBenchmark {

    RuleSetSource a;
    RuleSetSource b;
    RuleSetSource edited;
    RuleEngine engine;
    boolean flip;

    /** Two sources with different versions, so every reload really swaps. */
    @Setup
    public void setUp() {
        a = RuleSetSource.defaultPolicy();
        b = a.with(PolicyParameters.FILE_NAME, a.files().get(PolicyParameters.FILE_NAME)
                .replace("\"referenceRate\": 0.031", "\"referenceRate\": 0.035"));
        String drl = a.files().keySet().stream().filter(n -> n.endsWith(".drl")).findFirst().orElseThrow();
        edited = a.with(drl, a.files().get(drl) + "\n// edited\n");
        engine = RuleEngine.of(RuleSets.compile(a), Scenarios.defaultScenarios());
    }

    /** Disposes the engine. */
    @TearDown
    public void tearDown() {
        engine.close();
    }

    /** Build (and dispose) the default policy. */
    @Benchmark
    public String build() {
        try (CompiledRuleSet rules = RuleSets.compile(a)) {
            return rules.version();
        }
    }

    /** Baseline: the same rules checked and compiled at load. */
    @Benchmark
    public String buildCompiledAtLoad() {
        try (CompiledRuleSet rules = RuleSets.compile(edited)) {
            return rules.version();
        }
    }

    /** Hot reload gated on the default scenarios. */
    @Benchmark
    public ReloadResult reload() {
        flip = !flip;
        ReloadResult r = engine.reload(flip ? b : a);
        if (!r.accepted()) {
            throw new IllegalStateException(r.toString());
        }
        return r;
    }
}
