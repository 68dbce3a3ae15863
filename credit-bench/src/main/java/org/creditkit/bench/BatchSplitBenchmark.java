package org.creditkit.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The first half of a batch read, per line: {@link StrictApplicationReader#splitBatch} over 1,024
 * generated applications as UTF-8 JSON Lines (about 2.4 KB a line, Chinese names and purposes), which
 * {@code credit decide}'s splitting thread runs: find each line end, check the size limit, decode the
 * line strictly. Baseline in the same run: the JDK's {@code BufferedReader.readLine} over an
 * {@code InputStreamReader} (lenient: malformed bytes become U+FFFD, no size limit).
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar BatchSplitBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchSplitBenchmark {

    private static final int LINES = 1024;

    private byte[] file;
    private StrictApplicationReader reader;

    /** Generates the applications and writes them as one JSON Lines file in memory. */
    @Setup
    public void setUp() {
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(LINES).seed(17L).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < LINES; i++) {
            out.writeBytes((ApplicationJson.write(g.generate(i)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        file = out.toByteArray();
        reader = StrictApplicationReader.standard();
    }

    /** Splits and strictly decodes the file (the result: its line count). */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public long splitBatch(Blackhole bh) {
        return reader.splitBatch(new ByteArrayInputStream(file), (text, line) -> bh.consume(text), bh::consume);
    }

    /** Baseline: the JDK's line reader over a decoding reader (the result: its line count). */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public long bufferedReaderLines(Blackhole bh) {
        long n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                bh.consume(s);
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }
}
