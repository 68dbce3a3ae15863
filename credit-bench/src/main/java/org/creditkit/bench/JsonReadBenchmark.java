package org.creditkit.bench;

import java.util.concurrent.TimeUnit;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
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
 * The strict JSON read of one typical application (a generated one: about 2.4 KB of JSON with tax,
 * social insurance, utilities, courts, penalties, statements and bank data), from a {@code String} to
 * a validated {@link LoanApplication}; {@code size} different documents are rotated through. Also the
 * writer, for comparison.
 *
 * <pre>
 * java -jar credit-bench/target/benchmarks.jar JsonReadBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class JsonReadBenchmark {

    /** Distinct documents rotated through. */
    @Param("256")
    int size;

    private String[] documents;
    private LoanApplication[] applications;
    private StrictApplicationReader reader;
    private int next;

    @Setup
    public void setup() {
        PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().count(size).seed(20240601L).build());
        documents = new String[size];
        applications = new LoanApplication[size];
        for (int i = 0; i < size; i++) {
            applications[i] = gen.generate(i).application();
            documents[i] = ApplicationJson.write(applications[i]);
        }
        reader = StrictApplicationReader.standard();
    }

    private int advance() {
        int i = next;
        next = i + 1 == size ? 0 : i + 1;
        return i;
    }

    /** Parse, validate every field, build the records. */
    @Benchmark
    public LoanApplication readStrict() {
        return reader.read(documents[advance()]);
    }

    /**
     * Baseline: Jackson's own tree parse of the same text, with no validation and no records. Plain
     * databind into the domain records would cost at least this; the target compares the strict
     * reader with databind into the same records, which needs deserializers for the domain's value types
     * (USCC, codes, monthly series) that creditkit does not ship, so this lower bound stands in for it.
     */
    @Benchmark
    public com.fasterxml.jackson.databind.JsonNode readTreeBaseline() throws java.io.IOException {
        return PLAIN.readTree(documents[advance()]);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The compact writer, for scale. */
    @Benchmark
    public String write() {
        return ApplicationJson.write(applications[advance()]);
    }
}
