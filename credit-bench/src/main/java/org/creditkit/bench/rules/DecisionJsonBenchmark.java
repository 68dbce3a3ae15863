package org.creditkit.bench.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;
import org.creditkit.rules.Reason;
import org.creditkit.rules.RuleVerdict;
import org.creditkit.rules.audit.DecisionJson;
import org.creditkit.rules.audit.DecisionLog;
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
 * Writing one decision as the JSON line of {@code credit decide} ({@link DecisionJson#line}, UTF-8
 * straight into a kept buffer, field names encoded once) against the way the command wrote it before, in
 * the same run: a new {@code JsonGenerator} over a {@code StringWriter}, the UTF-16 string, the line end
 * appended, then encoded to UTF-8 ({@link #stringWriterBaseline}). Both return the same bytes. 1,024
 * evaluations of generated applications with the default engine, made in {@code @Setup}, rotated; each
 * line is about 2.5 KB with Chinese reason texts.
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar DecisionJsonBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecisionJsonBenchmark {

    private static final int SIZE = 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private LoanApplication[] applications;
    private CreditEngine.Evaluation[] evaluations;
    private List<Optional<Boolean>> outcomes;
    private DecisionJson writer;
    private int next;

    /** Generates and decides the applications once. */
    @Setup
    public void setUp() {
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(SIZE).seed(7L).build());
        applications = new LoanApplication[SIZE];
        evaluations = new CreditEngine.Evaluation[SIZE];
        outcomes = new ArrayList<>();
        try (CreditEngine engine = CreditEngine.defaults()) {
            for (int i = 0; i < SIZE; i++) {
                var la = g.generate(i);
                applications[i] = la.application();
                outcomes.add(la.outcome().map(o -> o.defaulted12m()));
                evaluations[i] = engine.evaluate(applications[i], outcomes.get(i));
            }
        }
        writer = DecisionJson.writer();
        for (int i = 0; i < SIZE; i++) {
            if (!java.util.Arrays.equals(writer.line(applications[i], evaluations[i], outcomes.get(i)),
                    baseline(applications[i], evaluations[i], outcomes.get(i)))) {
                throw new IllegalStateException("the two writers differ on evaluation " + i);
            }
        }
    }

    private int advance() {
        next = (next + 1) & (SIZE - 1);
        return next;
    }

    /** The line as {@code credit decide} writes it now. */
    @Benchmark
    public byte[] decisionJson() {
        int i = advance();
        return writer.line(applications[i], evaluations[i], outcomes.get(i));
    }

    /** Baseline: the line as the command wrote it before (StringWriter, String, UTF-8 encoding). */
    @Benchmark
    public byte[] stringWriterBaseline() {
        int i = advance();
        return baseline(applications[i], evaluations[i], outcomes.get(i));
    }

    private static byte[] baseline(LoanApplication app, CreditEngine.Evaluation ev, Optional<Boolean> defaulted) {
        Decision d = ev.decision();
        StringWriter s = new StringWriter(1024);
        try (JsonGenerator g = JSON.createGenerator(s)) {
            var e = app.enterprise();
            g.writeStartObject();
            g.writeStringField("applicationId", d.applicationId());
            DecisionLog.writeOffer(g, d);
            g.writeArrayFieldStart("reasons");
            for (Reason r : d.reasons()) {
                g.writeStartObject();
                g.writeStringField("code", r.code());
                g.writeStringField("en", r.en());
                g.writeStringField("zh", r.zh());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("firedRules");
            for (String r : d.firedRules()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("trail");
            for (RuleVerdict v : d.trail()) {
                g.writeStartObject();
                g.writeStringField("rule", v.rule());
                g.writeStringField("verdict", v.verdict());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("score", ev.score().score());
            g.writeNumberField("pd", ev.score().pd());
            g.writeStringField("grade", ev.score().grade().code());
            g.writeStringField("product", app.product().id());
            g.writeStringField("industrySection", e.industry().sectionCode());
            g.writeStringField("zone", e.region().zone().name());
            g.writeStringField("sizeClass", e.sizeClass().name());
            g.writeStringField("ownership", e.ownership().name());
            g.writeStringField("rulesetVersion", d.rulesetVersion());
            g.writeStringField("modelId", d.modelId());
            if (defaulted.isPresent()) {
                g.writeBooleanField("defaulted", defaulted.get());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (s.toString() + '\n').getBytes(StandardCharsets.UTF_8);
    }
}
