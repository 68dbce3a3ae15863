package org.creditkit.rules.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.rules.Decision;
import org.creditkit.rules.MitigationMeasure;
import org.creditkit.rules.Tier;

/**
 * A decision log in JSON Lines, one flat object per decision, carrying what an audit needs and no
 * identifying data: the application id is replaced by a pseudonym (the first 16 hex digits of its
 * SHA-256, stable so outcomes can be joined later), and neither the USCC nor the name is written.
 *
 * <p>Fields: {@code application} (pseudonym), {@code product}, {@code industrySection},
 * {@code industryDivision}, {@code zone}, {@code province}, {@code sizeClass}, {@code ownership},
 * {@code tier}, {@code approved} (true for INSTANT_APPROVAL and MITIGATION), {@code approvedAmount},
 * {@code approvedTermMonths}, {@code interestRate}, {@code conditions}, {@code score}, {@code pd},
 * {@code grade}, {@code reasons} (codes), {@code firedRules}, {@code rulesetVersion},
 * {@code modelId}, {@code modelVersion}, and {@code defaulted} when an outcome is known. The file
 * can be read directly by {@code credit audit}. Thread-safe: each line is written atomically.
 */
public final class DecisionLog implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;

    private DecisionLog(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * A log writing to {@code out} (closed with the log).
     *
     * @param out UTF-8 writer
     * @return the log
     */
    public static DecisionLog to(Writer out) {
        return new DecisionLog(out);
    }

    /**
     * The masked pseudonym of an application id.
     *
     * @param applicationId the id
     * @return 16 hex digits
     */
    public static String pseudonym(String applicationId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(applicationId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * The log line for one decision (without the line break).
     *
     * @param app the application
     * @param score its score
     * @param d the decision
     * @param defaulted the observed outcome, when known
     * @return one JSON object
     */
    public static String line(LoanApplication app, ScoreResult score, Decision d, Optional<Boolean> defaulted) {
        StringWriter w = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            var e = app.enterprise();
            g.writeStartObject();
            g.writeStringField("application", pseudonym(app.id()));
            g.writeStringField("product", app.product().name());
            g.writeStringField("industrySection", e.industry().sectionCode());
            g.writeStringField("industryDivision", e.industry().code());
            g.writeStringField("zone", e.region().zone().name());
            g.writeStringField("province", e.region().provinceCode());
            g.writeStringField("sizeClass", e.sizeClass().name());
            g.writeStringField("ownership", e.ownership().name());
            writeOffer(g, d);
            g.writeNumberField("score", score.score());
            g.writeNumberField("pd", score.pd());
            g.writeStringField("grade", score.grade().code());
            g.writeArrayFieldStart("reasons");
            for (var r : score.reasons()) {
                g.writeString(r.code());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("firedRules");
            for (String r : d.firedRules()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeStringField("rulesetVersion", d.rulesetVersion());
            g.writeStringField("modelId", d.modelId());
            g.writeStringField("modelVersion", score.modelVersion());
            if (defaulted.isPresent()) {
                g.writeBooleanField("defaulted", defaulted.get());
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot format the decision log line of " + pseudonym(app.id()), ex);
        }
        return w.toString();
    }

    /**
     * Writes the offer fields of a decision — {@code tier}, {@code approved} ({@link Tier#isApproval()}),
     * {@code approvedAmount}, {@code approvedTermMonths}, {@code interestRate}, {@code conditions} —
     * into an open JSON object. Shared by the decision log and {@code credit decide}'s output, so the
     * two never disagree on what a field means.
     *
     * @param g a generator positioned inside an object
     * @param d the decision
     * @throws IOException from the generator
     */
    public static void writeOffer(JsonGenerator g, Decision d) throws IOException {
        g.writeStringField("tier", d.tier().name());
        g.writeBooleanField("approved", d.tier().isApproval());
        g.writeFieldName("approvedAmount");
        g.writeNumber(d.approvedAmount());
        g.writeNumberField("approvedTermMonths", d.approvedTermMonths());
        g.writeNumberField("interestRate", d.interestRate());
        g.writeArrayFieldStart("conditions");
        for (MitigationMeasure m : d.conditions()) {
            g.writeString(m.name());
        }
        g.writeEndArray();
    }

    /**
     * Appends one decision.
     *
     * @param app the application
     * @param score its score
     * @param d the decision
     * @param defaulted the observed outcome, when known
     * @throws UncheckedIOException when the log cannot be written
     */
    public void write(LoanApplication app, ScoreResult score, Decision d, Optional<Boolean> defaulted) {
        String text = line(app, score, d, defaulted);
        synchronized (this) {
            try {
                out.write(text);
                out.write('\n');
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write the decision log", ex);
            }
        }
    }

    /** Flushes and closes the underlying writer. */
    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot close the decision log", ex);
        }
    }
}
