package org.creditkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityReport;
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
 * {@link DataQualityChecker#check} as {@code CreditEngine.decide} runs it, on synthetic applications
 * (seed 7, the decide benchmark's portfolio): {@code mixed} rotates through 1,024 of them as generated
 * (the share with findings is printed in setup), {@code clean} through those without a finding only,
 * {@code flagged} through those with one. A clean application should allocate nothing (0 B/op with
 * {@code -prof gc}: the report is a shared constant).
 *
 * <pre>
 * java -jar credit-bench/target/benchmarks.jar DataQualityBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DataQualityBenchmark {

    private final DataQualityChecker checker = DataQualityChecker.standard();
    private LoanApplication[] mixed;
    private LoanApplication[] clean;
    private LoanApplication[] flagged;
    private int i;
    private int j;
    private int k;

    @Setup
    public void setup() {
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(1024).seed(7L).build());
        mixed = new LoanApplication[1024];
        List<LoanApplication> c = new ArrayList<>();
        List<LoanApplication> f = new ArrayList<>();
        for (int n = 0; n < mixed.length; n++) {
            mixed[n] = g.generate(n).application();
            (checker.check(mixed[n]).isClean() ? c : f).add(mixed[n]);
        }
        if (c.isEmpty() || f.isEmpty()) {
            throw new IllegalStateException("the portfolio needs clean and flagged applications, got " + c.size()
                    + " clean and " + f.size() + " flagged");
        }
        clean = c.toArray(LoanApplication[]::new);
        flagged = f.toArray(LoanApplication[]::new);
        System.err.printf("DataQualityBenchmark: %d of %d applications clean, %d flagged%n", clean.length,
                mixed.length, flagged.length);
    }

    /** The applications as generated. */
    @Benchmark
    public DataQualityReport mixed() {
        i = (i + 1) & 1023;
        return checker.check(mixed[i]);
    }

    /** Applications without a finding. */
    @Benchmark
    public DataQualityReport clean() {
        j = j + 1 == clean.length ? 0 : j + 1;
        return checker.check(clean[j]);
    }

    /** Applications with at least one finding. */
    @Benchmark
    public DataQualityReport flagged() {
        k = k + 1 == flagged.length ? 0 : k + 1;
        return checker.check(flagged[k]);
    }
}
