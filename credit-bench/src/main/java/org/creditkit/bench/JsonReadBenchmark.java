package org.creditkit.bench;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.codes.RegionCode;
import org.creditkit.core.codes.Uscc;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.domain.Product;
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
 * a validated {@link LoanApplication}; {@code size} different documents are rotated through. Baselines
 * in the same run: plain Jackson databind into the same records, and Jackson's tree parse alone. Also
 * the writer, for comparison.
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
        for (int i = 0; i < size; i++) { // the baselines compare like with like
            try {
                if (!DATABIND.readValue(documents[i], LoanApplication.class).equals(reader.read(documents[i]))) {
                    throw new IllegalStateException("databind reads document " + i + " differently");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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
     * Baseline: plain Jackson databind of the same text into the same records ({@link LoanApplication}
     * and everything in it, through their canonical constructors), with only what databind needs to
     * reach them: the java.time and {@code Optional} modules, the code types from their text and the
     * monthly series from its JSON shape. It checks nothing the records' constructors do not. The target: the
     * strict read at most 0.5 times this.
     */
    @Benchmark
    public LoanApplication readDatabindBaseline() throws java.io.IOException {
        return DATABIND.readValue(documents[advance()], LoanApplication.class);
    }

    /** Baseline: Jackson's own tree parse of the same text, with no validation and no records. */
    @Benchmark
    public com.fasterxml.jackson.databind.JsonNode readTreeBaseline() throws java.io.IOException {
        return PLAIN.readTree(documents[advance()]);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Databind into the domain records; deserializers only for the types databind cannot construct itself. */
    static final ObjectMapper DATABIND = JsonMapper.builder()
            // optional lists the writer leaves out (e.g. tax.majorViolationListings) arrive as empty lists
            .withConfigOverride(java.util.List.class,
                    o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .addModule(new SimpleModule("creditkit-values")
                    .addDeserializer(Uscc.class, new FromString<>(Uscc.class, Uscc::of))
                    .addDeserializer(IndustryCode.class, new FromString<>(IndustryCode.class, IndustryCode::of))
                    .addDeserializer(RegionCode.class, new FromString<>(RegionCode.class, RegionCode::of))
                    .addDeserializer(Product.class, new FromString<>(Product.class, Product::of))
                    .addDeserializer(MonthlySeries.class, new SeriesDeserializer()))
            .build();

    /** A value type made by a static factory from its text. */
    static final class FromString<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> factory;

        FromString(Class<T> type, Function<String, T> factory) {
            super(type);
            this.factory = factory;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws java.io.IOException {
            return factory.apply(p.getValueAsString());
        }
    }

    /** The JSON shape of a monthly series, bound by databind. */
    record SeriesJson(YearMonth firstMonth, double[] values) {
    }

    /** A monthly series through its JSON shape. */
    static final class SeriesDeserializer extends StdDeserializer<MonthlySeries> {
        private static final long serialVersionUID = 1L;

        SeriesDeserializer() {
            super(MonthlySeries.class);
        }

        @Override
        public MonthlySeries deserialize(JsonParser p, DeserializationContext ctxt) throws java.io.IOException {
            SeriesJson s = ctxt.readValue(p, SeriesJson.class);
            return MonthlySeries.of(s.firstMonth(), s.values());
        }
    }

    /** The compact writer, for scale. */
    @Benchmark
    public String write() {
        return ApplicationJson.write(applications[advance()]);
    }
}
