package org.creditkit.bench.rules;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.creditkit.core.codes.IndustryCatalogue;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.rules.CompiledRuleSet;
import org.creditkit.rules.Decision;
import org.creditkit.rules.RuleInput;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.RuleSets;
import org.creditkit.rules.testing.SyntheticRuleInputs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * How decision and build cost grow with the number of rules: the default policy plus {@code extra}
 * generated rules of its shape (one {@code Case} pattern, constraints on the input against numbers,
 * a consequence that records a tier with reasons built from the input). Two shapes:
 * <ul>
 * <li>{@code sector}: a sector watch list, one rule per industry division and threshold,
 *     {@code Case( input.industryDivision == "C39", input.pd > 0.62, input.requestedTermMonths > 24 )};
 *     the division is an equality Drools can hash, so a decision only evaluates its division's rules.</li>
 * <li>{@code threshold}: PD and term bands with no discriminating equality,
 *     {@code Case( input.pd > 0.62, input.requestedTermMonths > 24 )}; every rule's constraints are
 *     candidates on every decision.</li>
 * </ul>
 * The generated thresholds lie above every synthetic input's PD, so the extra rules never fire and
 * the decisions equal the default policy's (checked in setup): what is measured is the cost of the
 * rules that do not apply, which is what grows with a rule base.
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar RuleScalingBenchmark -f 1 -wi 3 -i 3 -w 2s -r 2s -prof gc}
 * (the decision cost at 1,000 extra rules against 0; {@code build} is one compile, single shot).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RuleScalingBenchmark {

    /** Generated rules added to the default policy. */
    @Param({"0", "200", "1000"})
    public int extra;

    /** The generated rules' shape. */
    @Param({"sector", "threshold"})
    public String shape;

    CompiledRuleSet rules;
    RuleInput[] inputs;
    RuleSetSource source;
    int i;

    /**
     * The default policy plus {@code n} rules of a shape.
     *
     * @param n how many rules
     * @param shape {@code sector} or {@code threshold}
     * @return the sources
     */
    public static RuleSetSource withGeneratedRules(int n, String shape) {
        RuleSetSource defaults = RuleSetSource.defaultPolicy();
        if (n == 0) {
            return defaults;
        }
        List<IndustryCode> divisions = IndustryCatalogue.allDivisions();
        StringBuilder drl = new StringBuilder("package org.creditkit.rules.policy;\n\nimport org.creditkit.rules.*;\n\n");
        for (int k = 0; k < n; k++) {
            double pd = 0.5 + 0.49 * k / n;
            int term = 6 * (1 + k % 10);
            String when = switch (shape) {
                case "sector" -> String.format(Locale.ROOT, "input.industryDivision == \"%s\", input.pd > %.4f, "
                        + "input.requestedTermMonths > %d", divisions.get(k % divisions.size()).division(), pd, term);
                case "threshold" -> String.format(Locale.ROOT, "input.pd > %.4f, input.requestedTermMonths > %d", pd, term);
                default -> throw new IllegalArgumentException("shape " + shape + ": sector or threshold");
            };
            drl.append(String.format(Locale.ROOT, """
                    rule "generated-%d"
                    when
                        $c : Case( %s )
                    then
                        $c.tier(drools.getRule().getName(), Tier.MANUAL_REVIEW,
                            "Watch list %d: PD above %.4f in division " + $c.input().industryDivision(),
                            "观察名单%d：行业" + $c.input().industryDivision() + "违约概率高于%.4f");
                    end

                    """, k, when, k, pd, k, pd));
        }
        return defaults.with("generated.drl", drl.toString());
    }

    /** Compiles the rules and checks that the generated ones change no decision. */
    @Setup
    public void setUp() {
        source = withGeneratedRules(extra, shape);
        rules = RuleSets.compile(source);
        inputs = SyntheticRuleInputs.generate(42L, 1024).toArray(new RuleInput[0]);
        if (extra > 0) {
            try (CompiledRuleSet base = RuleSets.compile(RuleSetSource.defaultPolicy())) {
                for (RuleInput in : inputs) {
                    if (!rules.decide(in).sameOutcome(base.decide(in))) {
                        throw new IllegalStateException("a generated rule changed the decision on " + in);
                    }
                }
            }
        }
    }

    /** Disposes the rules. */
    @TearDown
    public void tearDown() {
        rules.close();
    }

    /** One decision. */
    @Benchmark
    public Decision decide() {
        i = (i + 1) & 1023;
        return rules.decide(inputs[i], "bench");
    }

    /** One build (check, parse, compile, KieBase) of the whole rule set. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public String build() {
        try (CompiledRuleSet r = RuleSets.compile(source)) {
            return r.version();
        }
    }
}
