package org.creditkit.rules.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.creditkit.core.domain.Enterprise;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;
import org.creditkit.rules.Reason;
import org.creditkit.rules.RuleVerdict;

/**
 * One decision as the JSON line {@code credit decide} writes (docs/cli.md): the application id, the
 * offer ({@link DecisionLog#writeOffer}), reasons, fired rules and their verdicts, score, PD, grade, the
 * audit groups (product, industry section, zone, size class, ownership), ruleset version, model id and,
 * when known, the outcome. The application id is the bank's own and is kept.
 *
 * <p>Written straight to UTF-8 bytes into a buffer this writer keeps, with the field names encoded once:
 * a million decisions of {@code credit decide} otherwise went through a {@code StringWriter}, its
 * UTF-16 string and a second UTF-8 encoding, half of the command's allocation (docs/performance.md).
 * One writer per thread: not thread-safe.
 *
 * <pre>{@code
 * DecisionJson json = DecisionJson.writer();
 * out.write(json.line(application, engine.evaluate(application, Optional.empty()), Optional.empty()));
 * }</pre>
 */
public final class DecisionJson {

    /** Characters outside the BMP as their four UTF-8 bytes, as encoding the text would give (not as escapes). */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    private static final SerializableString APPLICATION_ID = new SerializedString("applicationId");
    private static final SerializableString REASONS = new SerializedString("reasons");
    private static final SerializableString CODE = new SerializedString("code");
    private static final SerializableString EN = new SerializedString("en");
    private static final SerializableString ZH = new SerializedString("zh");
    private static final SerializableString FIRED_RULES = new SerializedString("firedRules");
    private static final SerializableString TRAIL = new SerializedString("trail");
    private static final SerializableString RULE = new SerializedString("rule");
    private static final SerializableString VERDICT = new SerializedString("verdict");
    private static final SerializableString SCORE = new SerializedString("score");
    private static final SerializableString PD = new SerializedString("pd");
    private static final SerializableString GRADE = new SerializedString("grade");
    private static final SerializableString PRODUCT = new SerializedString("product");
    private static final SerializableString INDUSTRY_SECTION = new SerializedString("industrySection");
    private static final SerializableString ZONE = new SerializedString("zone");
    private static final SerializableString SIZE_CLASS = new SerializedString("sizeClass");
    private static final SerializableString OWNERSHIP = new SerializedString("ownership");
    private static final SerializableString RULESET_VERSION = new SerializedString("rulesetVersion");
    private static final SerializableString MODEL_ID = new SerializedString("modelId");
    private static final SerializableString DEFAULTED = new SerializedString("defaulted");

    private final Buffer buffer = new Buffer();
    private final JsonGenerator g;

    private DecisionJson() {
        try {
            g = JSON.createGenerator(buffer, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // one generator for every line: no separator between the root values, the line ends with '\n'
        g.setRootValueSeparator(null);
    }

    /**
     * A writer for one thread.
     *
     * @return a new writer
     */
    public static DecisionJson writer() {
        return new DecisionJson();
    }

    /**
     * The decision's JSON line in UTF-8, ending with {@code '\n'}.
     *
     * @param app       the application decided
     * @param ev        its evaluation
     * @param defaulted the known outcome (written as {@code "defaulted"}), or empty
     * @return a new array the caller owns
     */
    public byte[] line(LoanApplication app, CreditEngine.Evaluation ev, Optional<Boolean> defaulted) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(ev, "ev");
        Objects.requireNonNull(defaulted, "defaulted");
        buffer.n = 0;
        try {
            write(app, ev, defaulted);
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte buffer does not fail
        }
        buffer.write('\n');
        return Arrays.copyOf(buffer.bytes, buffer.n);
    }

    /**
     * The decision's JSON line as text, without the line end.
     *
     * @param app       the application decided
     * @param ev        its evaluation
     * @param defaulted the known outcome, or empty
     * @return the JSON object
     */
    public String text(LoanApplication app, CreditEngine.Evaluation ev, Optional<Boolean> defaulted) {
        byte[] b = line(app, ev, defaulted);
        return new String(b, 0, b.length - 1, StandardCharsets.UTF_8);
    }

    private void write(LoanApplication app, CreditEngine.Evaluation ev, Optional<Boolean> defaulted) throws IOException {
        Decision d = ev.decision();
        ScoreResult s = ev.score();
        Enterprise e = app.enterprise();
        g.writeStartObject();
        g.writeFieldName(APPLICATION_ID);
        g.writeString(withoutLoneSurrogates(d.applicationId()));
        DecisionLog.writeOffer(g, d);
        g.writeFieldName(REASONS);
        g.writeStartArray();
        for (Reason r : d.reasons()) {
            g.writeStartObject();
            g.writeFieldName(CODE);
            g.writeString(r.code());
            g.writeFieldName(EN);
            g.writeString(r.en());
            g.writeFieldName(ZH);
            g.writeString(r.zh());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(FIRED_RULES);
        g.writeStartArray();
        for (String r : d.firedRules()) {
            g.writeString(r);
        }
        g.writeEndArray();
        g.writeFieldName(TRAIL);
        g.writeStartArray();
        for (RuleVerdict v : d.trail()) {
            g.writeStartObject();
            g.writeFieldName(RULE);
            g.writeString(v.rule());
            g.writeFieldName(VERDICT);
            g.writeString(v.verdict());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(SCORE);
        g.writeNumber(s.score());
        g.writeFieldName(PD);
        g.writeNumber(s.pd());
        g.writeFieldName(GRADE);
        g.writeString(s.grade().code());
        g.writeFieldName(PRODUCT);
        g.writeString(app.product().id());
        g.writeFieldName(INDUSTRY_SECTION);
        g.writeString(e.industry().sectionCode());
        g.writeFieldName(ZONE);
        g.writeString(e.region().zone().name());
        g.writeFieldName(SIZE_CLASS);
        g.writeString(e.sizeClass().name());
        g.writeFieldName(OWNERSHIP);
        g.writeString(e.ownership().name());
        g.writeFieldName(RULESET_VERSION);
        g.writeString(d.rulesetVersion());
        g.writeFieldName(MODEL_ID);
        g.writeString(d.modelId());
        if (defaulted.isPresent()) {
            g.writeFieldName(DEFAULTED);
            g.writeBoolean(defaulted.get());
        }
        g.writeEndObject();
    }

    /**
     * The text with each unpaired surrogate replaced by {@code '?'}, as UTF-8 encoding replaces it: the
     * generator would otherwise pair it with the next character. Only the application id is the
     * applicant's own text; the rest of the line is codes and the policy's texts.
     */
    static String withoutLoneSurrogates(String s) {
        char[] c = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!Character.isSurrogate(ch)) {
                continue;
            }
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (c == null) {
                c = s.toCharArray();
            }
            c[i] = '?';
        }
        return c == null ? s : new String(c);
    }

    /** A growing byte array the generator flushes into; emptied per line. */
    private static final class Buffer extends OutputStream {
        byte[] bytes = new byte[4096];
        int n;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            ensure(len);
            System.arraycopy(b, off, bytes, n, len);
            n += len;
        }

        private void ensure(int more) {
            if (bytes.length - n < more) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, n + more));
            }
        }
    }
}
