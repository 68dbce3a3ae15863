package org.creditkit.bench.monitor;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.monitor.ApplicationUpdater;
import org.creditkit.core.monitor.BookedLoan;
import org.creditkit.core.monitor.LoanMonitor;
import org.creditkit.core.monitor.LoanMonth;
import org.creditkit.core.monitor.WarningParameters;
import org.creditkit.rules.WarningRules;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.LoanBookGenerator;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Post-loan monitoring hot paths on a synthetic book: the early-warning signals and level of one
 * loan-month ({@link LoanMonitor#observe} and {@link LoanMonitor#level}, meant to allocate nothing), and a
 * quarterly re-score (roll the application forward with its months, extract features, score), and the
 * level of a loan-month's signals by the default Drools warning rules ({@link WarningRules}) beside the
 * same level by points ({@link LoanMonitor#level(int, WarningParameters)}), checked equal in setup.
 *
 * <pre>
 * java -jar credit-bench/target/benchmarks.jar EarlyWarningBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EarlyWarningBenchmark {

    private static final int LOANS = 256;

    private LoanMonitor[] monitors;
    private LoanMonth[][] months;
    private BookedLoan[] loans;
    private CompositeScorer scorer;
    private int[][] masks;
    private WarningRules rules;
    private int i;
    private int t;

    @Setup
    public void setup() {
        List<LabeledApplication> apps = PortfolioGenerator.of(GeneratorConfig.builder().count(LOANS).seed(3).build())
                .generateAll();
        LoanBookGenerator gen = LoanBookGenerator.of(3);
        monitors = new LoanMonitor[LOANS];
        months = new LoanMonth[LOANS][];
        loans = new BookedLoan[LOANS];
        List<LoanMonth[]> rows = new ArrayList<>();
        for (int k = 0; k < LOANS; k++) {
            var la = apps.get(k);
            var app = la.application();
            BookedLoan loan = new BookedLoan("L" + k, YearMonth.from(app.applicationTime().atOffset(ZoneOffset.ofHours(8))),
                    app.amount(), 24, app);
            var g = gen.generate(loan, la.outcome().orElseThrow().truePd().orElse(0.02),
                    la.outcome().orElseThrow().defaulted12m(), k);
            loans[k] = loan;
            months[k] = g.months().toArray(new LoanMonth[0]);
            monitors[k] = LoanMonitor.start(loan, 0.02, WarningParameters.defaults());
            rows.add(months[k]);
        }
        scorer = ModelBundle.defaultBundle().scorer();
        masks = new int[LOANS][];
        rules = WarningRules.defaults();
        for (int k = 0; k < LOANS; k++) {
            LoanMonitor m = LoanMonitor.start(loans[k], 0.02, WarningParameters.defaults());
            masks[k] = new int[months[k].length];
            for (int j = 0; j < months[k].length; j++) {
                masks[k][j] = m.observe(months[k][j]);
                var byRules = rules.evaluate(months[k][j], masks[k][j], 0.02, 0.02).level();
                if (byRules != LoanMonitor.level(masks[k][j], WarningParameters.defaults())) {
                    throw new IllegalStateException("the warning rules grade loan " + k + " month " + j + " "
                            + byRules + ", the points otherwise");
                }
            }
        }
    }

    @TearDown
    public void tearDown() {
        rules.close();
    }

    /** Baseline of {@link #levelByWarningRules}: the level of precomputed signals by points. */
    @Benchmark
    public int levelByPoints() {
        i = (i + 1) & (LOANS - 1);
        if (i == 0) {
            t++;
        }
        int[] ms = masks[i];
        return LoanMonitor.level(ms[t % ms.length], WarningParameters.defaults()).ordinal();
    }

    /** The level of precomputed signals by the default Drools warning rules (insert, fire, delete). */
    @Benchmark
    public int levelByWarningRules() {
        i = (i + 1) & (LOANS - 1);
        if (i == 0) {
            t++;
        }
        int[] ms = masks[i];
        int j = t % ms.length;
        return rules.evaluate(months[i][j], ms[j], 0.02, 0.02).level().ordinal();
    }

    /** Signals and level of one loan-month (loans rotated; each monitor cycles through its months). */
    @Benchmark
    public int signalsAndLevel() {
        i = (i + 1) & (LOANS - 1);
        if (i == 0) {
            t++;
        }
        LoanMonth[] ms = months[i];
        LoanMonitor m = monitors[i];
        int mask = m.observe(ms[t % ms.length]);
        return mask ^ (m.level(mask).ordinal() << 28);
    }

    /** A quarterly re-score: roll the application forward with six months, extract features, score. */
    @Benchmark
    public double rollForwardAndRescore() {
        i = (i + 1) & (LOANS - 1);
        LoanMonth[] ms = months[i];
        int n = Math.min(6, ms.length);
        return scorer.score(ApplicationUpdater.rollForward(loans[i], List.of(ms).subList(0, n))).pd();
    }
}
