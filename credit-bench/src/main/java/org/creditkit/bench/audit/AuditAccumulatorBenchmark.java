package org.creditkit.bench.audit;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.creditkit.core.fairness.AuditAccumulator;
import org.creditkit.core.fairness.AuditConfig;
import org.creditkit.core.fairness.AuditReport;
import org.creditkit.core.fairness.Grouping;
import org.creditkit.core.fairness.Outcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fairness audit without the file: counting decisions into an {@link AuditAccumulator} (four
 * attributes, their six 2-way intersections, PD, score, outcome) and making the report with 1,000
 * bootstrap resamples per interval. {@code count} is one decision (inputs rotated over 4,096
 * prepared ones, so the JIT cannot fold them); {@code audit} is a whole audit of {@code decisions}
 * decisions, count plus report. What {@code credit audit} spends beyond {@code audit} is reading
 * the file ({@link AuditScaleHarness}).
 *
 * <pre>
 * java -jar credit-bench/target/benchmarks.jar AuditAccumulatorBenchmark -f 1 -wi 2 -i 3 -prof gc
 * </pre>
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class AuditAccumulatorBenchmark {

    private static final int PREPARED = 4096;
    private static final String[] SECTIONS = "A B C D E F G H I J K L M N O P Q R S T".split(" ");
    private static final String[] ZONES = {"EAST", "CENTRAL", "WEST", "NORTHEAST"};
    private static final String[] SIZES = {"MICRO", "SMALL", "MEDIUM", "LARGE"};
    private static final String[] OWNERSHIP = {"PRIVATE", "STATE", "COLLECTIVE", "FOREIGN", "INDIVIDUAL"};

    /** Decisions per whole audit. */
    @Param({"1000000"})
    public int decisions;

    private AuditConfig config;
    private String[][] values;
    private boolean[] favourable;
    private OptionalDouble[] pd;
    private OptionalDouble[] score;
    private Outcome[] outcome;
    private AuditAccumulator running;
    private int next;

    /** Prepares the decisions (shaped as {@link AuditScaleHarness} writes them) and the configuration. */
    @Setup
    public void setup() {
        AuditConfig.Builder b = AuditConfig.builder().reference("industrySection", "C").bootstrap(1000, 7L);
        for (String g : new String[] {"industrySection", "zone", "sizeClass", "ownership", "industrySection*zone",
            "industrySection*sizeClass", "industrySection*ownership", "zone*sizeClass", "zone*ownership",
            "sizeClass*ownership"}) {
            b.grouping(Grouping.parse(g));
        }
        config = b.build();
        SplittableRandom random = new SplittableRandom(7L);
        values = new String[PREPARED][];
        favourable = new boolean[PREPARED];
        pd = new OptionalDouble[PREPARED];
        score = new OptionalDouble[PREPARED];
        outcome = new Outcome[PREPARED];
        for (int i = 0; i < PREPARED; i++) {
            // attributes() order: industrySection, ownership, sizeClass, zone
            values[i] = new String[] {
                SECTIONS[Math.min(SECTIONS.length - 1, (int) (Math.abs(random.nextGaussian()) * 5))],
                OWNERSHIP[random.nextInt(10) < 7 ? 0 : random.nextInt(OWNERSHIP.length)],
                SIZES[Math.min(3, (int) (Math.abs(random.nextGaussian()) * 1.5))],
                ZONES[random.nextInt(10) < 5 ? 0 : random.nextInt(ZONES.length)]};
            double p = Math.min(0.99, Math.exp(-4 + random.nextGaussian()));
            favourable[i] = p < 0.02 || p >= 0.05 && p < 0.12;
            pd[i] = OptionalDouble.of(p);
            score[i] = OptionalDouble.of(600 - 20 * Math.log(p / (1 - p) * 50) / Math.log(2));
            outcome[i] = !favourable[i] ? Outcome.UNKNOWN : random.nextDouble() < p ? Outcome.BAD : Outcome.GOOD;
        }
        running = new AuditAccumulator(config);
    }

    /**
     * Counts one decision.
     *
     * @return the number counted so far
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int count() {
        int i = next++ & (PREPARED - 1);
        if (running.count() == 1 << 20) {
            running = new AuditAccumulator(config); // its risk columns grow with every outcome counted
        }
        running.add(values[i], favourable[i], pd[i], score[i], outcome[i]);
        return running.count();
    }

    /**
     * Audits {@code decisions} decisions: counts them and makes the report.
     *
     * @return the report
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public AuditReport audit() {
        AuditAccumulator acc = new AuditAccumulator(config);
        for (int k = 0; k < decisions; k++) {
            int i = k & (PREPARED - 1);
            acc.add(values[i], favourable[i], pd[i], score[i], outcome[i]);
        }
        return acc.report();
    }
}
