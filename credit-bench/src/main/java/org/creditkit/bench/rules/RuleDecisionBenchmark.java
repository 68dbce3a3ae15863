package org.creditkit.bench.rules;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditkit.rules.CompiledRuleSet;
import org.creditkit.rules.Decision;
import org.creditkit.rules.PlainJavaPolicy;
import org.creditkit.rules.RuleEngine;
import org.creditkit.rules.RuleInput;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.RuleSets;
import org.creditkit.rules.testing.Scenarios;
import org.creditkit.rules.testing.SyntheticRuleInputs;
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
 * One decision of a scored application under the default policy: Drools (executable model, shared
 * KieBase, pooled sessions, verdicts through a collector fact) next to the plain-Java implementation
 * of the same policy, on one thread and on two. Inputs (1,024 seeded synthetic inputs covering every
 * branch) are rotated so the JIT cannot constant-fold.
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar RuleDecisionBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RuleDecisionBenchmark {

    /** The shared rules and inputs. */
    @State(Scope.Benchmark)
    public static class Rules {
        CompiledRuleSet drools;
        RuleEngine engine;
        PlainJavaPolicy plain;
        RuleInput[] inputs;

        /** Compiles the default policy once. */
        @Setup
        public void setUp() {
            drools = RuleSets.compile(RuleSetSource.defaultPolicy());
            engine = RuleEngine.of(RuleSets.compile(RuleSetSource.defaultPolicy()), Scenarios.defaultScenarios());
            plain = PlainJavaPolicy.defaultPolicy();
            List<RuleInput> list = SyntheticRuleInputs.generate(42L, 1024);
            inputs = list.toArray(new RuleInput[0]);
        }

        /** Disposes the rule sets. */
        @TearDown
        public void tearDown() {
            drools.close();
            engine.close();
        }
    }

    /** Per-thread position in the input array. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;

        RuleInput next(Rules r) {
            i = (i + 1) & 1023;
            return r.inputs[i];
        }
    }

    /** Drools: one decision through a compiled rule set. */
    @Benchmark
    public Decision drools(Rules r, Cursor c) {
        return r.drools.decide(c.next(r), "bench");
    }

    /** Drools through the hot-reloading engine (adds the version pinning). */
    @Benchmark
    public Decision droolsEngine(Rules r, Cursor c) {
        return r.engine.decide(c.next(r), "bench");
    }

    /** The plain-Java baseline of the same policy. */
    @Benchmark
    public Decision plainJava(Rules r, Cursor c) {
        return r.plain.decide(c.next(r), "bench");
    }

    /** Drools on two threads (throughput = 2 / average time). */
    @Benchmark
    @Threads(2)
    public Decision droolsTwoThreads(Rules r, Cursor c) {
        return r.drools.decide(c.next(r), "bench");
    }

    /** The plain-Java baseline on two threads. */
    @Benchmark
    @Threads(2)
    public Decision plainJavaTwoThreads(Rules r, Cursor c) {
        return r.plain.decide(c.next(r), "bench");
    }
}
