package org.creditkit.rules;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditkit.bench.SteadyState;
import org.creditkit.rules.testing.SyntheticRuleInputs;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the runaway protection of {@link DecisionLimits} costs: one decision of the default policy in
 * a Drools session, fired once without an agenda filter and once with the {@link FiringGuard} that
 * {@link CompiledRuleSet} installs (a firing count and a {@code System.nanoTime()} per firing), on the
 * same compiled rules, the same 1,024 rotated synthetic inputs and the same session recycling.
 * The difference is the guard's cost per decision; {@code firings} (printed in setup) divides it into
 * a cost per firing.
 *
 * <p>In package {@code org.creditkit.rules} to reach the package-private guard and fact: the
 * benchmarks jar is a class-path jar, so the split package is fine here and nowhere else.
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar DecisionLimitsBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecisionLimitsBenchmark {

    /** A session of the default policy and the inputs, per thread. */
    @State(Scope.Thread)
    public static class Session {
        RuleSetCompiler.Compiled compiled;
        KieSession session;
        RuleInput[] inputs;
        int i;

        /** Compiles the default policy, checks both ways fire the same rules, reaches the steady state. */
        @Setup
        public void setUp() {
            compiled = RuleSetCompiler.compile(RuleSetSource.defaultPolicy());
            session = compiled.kieBase().newKieSession();
            List<RuleInput> list = SyntheticRuleInputs.generate(42L, 1024);
            inputs = list.toArray(new RuleInput[0]);
            long total = 0;
            int max = 0;
            for (RuleInput in : inputs) {
                int bare = fire(in, false);
                int guarded = fire(in, true);
                if (bare != guarded) {
                    throw new IllegalStateException("the guard changed the firings of " + in.applicationId()
                            + ": " + bare + " without, " + guarded + " with");
                }
                total += bare;
                max = Math.max(max, bare);
            }
            System.out.printf("%nfirings per decision over %d inputs: mean %.2f, max %d%n", inputs.length,
                    (double) total / inputs.length, max);
            int[] k = {0};
            SteadyState.reach("guarded and bare decisions", () -> fire(inputs[k[0]++ & 1023], (k[0] & 1) == 0),
                    5_000, 400_000, 90);
        }

        /** One decision: insert the case, fire (with or without the guard), delete it. */
        int fire(RuleInput input, boolean guarded) {
            Case c = new Case(input, compiled.parameters());
            FactHandle h = session.insert(c);
            // bare: only the filter that names the firing rule to the case, which the policy's verdicts need
            int fired = guarded ? session.fireAllRules(new FiringGuard(DecisionLimits.DEFAULT, System.nanoTime(), c))
                    : session.fireAllRules(m -> {
                        c.firing(m.getRule().getName());
                        return true;
                    });
            session.delete(h);
            return fired;
        }

        RuleInput next() {
            i = (i + 1) & 1023;
            return inputs[i];
        }

        /** Disposes the session. */
        @TearDown
        public void tearDown() {
            session.dispose();
        }
    }

    /** A decision without runaway protection. */
    @Benchmark
    public int withoutLimits(Session s) {
        return s.fire(s.next(), false);
    }

    /** The same decision under {@link DecisionLimits#DEFAULT}, as every engine decision runs. */
    @Benchmark
    public int withLimits(Session s) {
        return s.fire(s.next(), true);
    }
}
