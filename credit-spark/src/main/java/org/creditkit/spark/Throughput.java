package org.creditkit.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.BufferedWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.CreditEngine;

/**
 * The Spark-vs-one-JVM throughput benchmark of {@code docs/spark.md}: the same synthetic applications
 * (JSON Lines, strict read, then decide) through {@link CreditEngine} on one thread and through
 * {@link CreditSpark} in local mode, and the cost of building the engine an executor builds once.
 * A wall-clock measurement of whole jobs, not a JMH microbenchmark (the per-decision hot paths are in
 * credit-bench).
 *
 * <pre>
 * java &#64;credit-spark/target/credit-spark.args org.creditkit.spark.Throughput [--count 1000000] [--master local[2]] [--dir target/spark-bench]
 * </pre>
 */
public final class Throughput {

    private Throughput() {
    }

    /**
     * Runs the benchmark and prints the figures.
     *
     * @param args {@code --count N}, {@code --master URL}, {@code --dir DIR}
     * @throws IOException when the input cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        long count = 1_000_000;
        String master = "local[2]";
        Path dir = Path.of("target/spark-bench");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--count" -> count = Long.parseLong(args[i + 1]);
                case "--master" -> master = args[i + 1];
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; the options are --count, --master, --dir");
            }
        }
        Files.createDirectories(dir);
        Path input = dir.resolve("applications-" + count + ".jsonl");
        if (!Files.exists(input)) {
            // Generating is slower than deciding: generate up to 100,000 distinct applications and repeat
            // them under new ids (R<k>-SYN-...) up to the count; each line is still read and decided in full.
            long t0 = System.nanoTime();
            int distinct = (int) Math.min(count, 100_000);
            List<String> lines = Applications.lines(distinct);
            try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
                for (long i = 0; i < count; i++) {
                    String line = lines.get((int) (i % distinct));
                    long round = i / distinct;
                    out.write(round == 0 ? line : line.replaceFirst("\"id\":\"SYN-", "\"id\":\"R" + round + "-SYN-"));
                    out.write('\n');
                }
            }
            System.out.printf(Locale.ROOT, "wrote %d applications (%d distinct) in %.1f s -> %s (%d MB)%n", count,
                    distinct, secs(t0), input, Files.size(input) >> 20);
        }
        EngineSpec spec = EngineSpec.defaults();

        List<Double> builds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            CreditEngine e = ExecutorEngines.build(spec);
            builds.add(secs(t0) * 1000);
            e.close();
        }
        System.out.printf(Locale.ROOT, "engine build (bundle parse + rules compile), 3 fresh builds: %s ms%n",
                builds.stream().map(b -> String.format(Locale.ROOT, "%.0f", b)).toList());

        // warm-up: the JIT compiles the read and decide paths before either side is timed
        try (CreditEngine engine = ExecutorEngines.build(spec)) {
            decideFile(engine, input, Math.min(count, 20_000));
        }
        long t0;
        long cpu0;
        long decided;
        try (CreditEngine engine = ExecutorEngines.build(spec)) {
            t0 = System.nanoTime();
            cpu0 = processCpuNanos();
            decided = decideFile(engine, input, Long.MAX_VALUE);
        }
        report("one JVM, one thread", decided, t0, cpu0, 1);

        try (SparkSession spark = SparkSession.builder().master(master).appName("creditkit throughput")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            int cores = spark.sparkContext().defaultParallelism();
            ExecutorEngines.engine(spec); // local mode: the executor is this JVM; its build is timed above
            long t1 = System.nanoTime();
            long cpu1 = processCpuNanos();
            BatchResult r = CreditSpark.defaults(spark).decide(CreditSpark.readJsonLines(spark, input.toString()));
            r.rows().write().format("noop").mode("overwrite").save();
            report("Spark " + master + " (JSON Lines read with line numbers, decide, noop sink)", count, t1, cpu1,
                    cores);
        }
    }

    private static long decideFile(CreditEngine engine, Path input, long max) throws IOException {
        long decided = 0;
        StrictApplicationReader reader = StrictApplicationReader.standard();
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && decided < max; line = in.readLine()) {
                LabeledApplication a = reader.readLabeled(line);
                engine.evaluate(a.application(), Optional.empty());
                decided++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return decided;
    }

    /** Wall-clock rate per core, and the rate per CPU-second of this process (less sensitive to other load). */
    private static void report(String what, long rows, long t0, long cpu0, int cores) {
        double wall = secs(t0);
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "%s, %d cores: %d rows in %.1f s wall = %.0f rows/s per core; "
                + "%.1f CPU-s = %.0f rows per CPU-second%n", what, cores, rows, wall, rows / wall / cores, cpu,
                rows / cpu);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Synthetic applications as JSON lines, generated on all cores. */
    private static final class Applications {
        static List<String> lines(int count) {
            PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(count).seed(15L).build());
            return java.util.stream.IntStream.range(0, count).parallel()
                    .mapToObj(i -> ApplicationJson.write(g.generate(i))).toList();
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
