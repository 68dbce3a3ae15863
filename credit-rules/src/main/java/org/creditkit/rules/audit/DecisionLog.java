package org.creditkit.rules.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.chain.ChainSigner;
import org.creditkit.core.chain.ChainWriter;
import org.creditkit.core.chain.Rotation;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.SourceLineage;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.ReasonCode;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.rules.Decision;
import org.creditkit.rules.ExpectedLoss;
import org.creditkit.rules.MitigationMeasure;
import org.creditkit.rules.Reason;
import org.creditkit.rules.Tier;

/**
 * The decision trail: one hash-chained JSON line per decision, with an Ed25519-signed checkpoint
 * every N records and at close (see {@link ChainWriter}; the format is in
 * {@code docs/decision-log.md}). Each record holds the decision time, the engine version, the model
 * id and bundle checksum, the ruleset hash, a keyed digest of the input document, the data-quality
 * flags, score, PD, grade, tier, offer, fired rules, every reason with its lineage (source system
 * and as-of time), and the audit groups that {@code credit audit} reads. No identifier leaves in
 * clear: the application id and the USCC become keyed pseudonyms (HMAC-SHA-256 under the operator's
 * {@link PseudonymKey}), the name is not written. Thread-safe.
 *
 * <pre>{@code
 * DecisionLog log = DecisionLog.to(Path.of("decisions.jsonl"))
 *         .signer(signer)                                   // Ed25519 checkpoints
 *         .pseudonymKey(PseudonymKey.fromFile(keyFile))     // required outside development
 *         .open();
 * CreditEngine engine = CreditEngine.builder().decisionLog(log).build();
 * }</pre>
 */
public final class DecisionLog implements AutoCloseable {

    /** The engine version recorded in every decision. */
    public static final String ENGINE_VERSION = "creditkit/0.1.0";
    /** The log name in chain headers and the kind of a decision line. */
    public static final String KIND = "decision";

    private static final JsonFactory JSON = new JsonFactory();

    private final ChainWriter chain;
    private final PseudonymKey key;
    private final Clock clock;

    private DecisionLog(ChainWriter chain, PseudonymKey key, Clock clock) {
        this.chain = chain;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Starts a decision log whose first file is {@code file}.
     *
     * @param file the first part (later parts {@code stem.2.ext} ...); an existing log is continued
     * @return the builder
     */
    public static Builder to(Path file) {
        return new Builder(file);
    }

    /**
     * Appends the record of one decision.
     *
     * @param app the application
     * @param features its features (the values behind the score reasons)
     * @param score its score
     * @param quality its data-quality report
     * @param d the decision
     * @param bundleChecksum the checksum of the model bundle that scored
     * @param defaulted the observed outcome, when known
     * @throws UncheckedIOException when the log cannot be written
     */
    public void write(LoanApplication app, FeatureVector features, ScoreResult score, DataQualityReport quality,
                      Decision d, String bundleChecksum, Optional<Boolean> defaulted) {
        chain.append(KIND, body(app, features, score, quality, d, bundleChecksum, defaulted));
    }

    /** The record's fields (a JSON object's members without braces). */
    String body(LoanApplication app, FeatureVector features, ScoreResult score, DataQualityReport quality, Decision d,
                String bundleChecksum, Optional<Boolean> defaulted) {
        StringWriter w = new StringWriter(1536);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            var e = app.enterprise();
            g.writeStartObject();
            g.writeStringField("time", clock.instant().toString());
            g.writeStringField("engine", ENGINE_VERSION);
            g.writeStringField("application", key.pseudonym(app.id()));
            g.writeStringField("enterprise", key.pseudonym(e.uscc().value()));
            g.writeStringField("input", inputDigest(app));
            g.writeStringField("modelId", d.modelId());
            g.writeStringField("bundleChecksum", bundleChecksum);
            g.writeStringField("rulesetVersion", d.rulesetVersion());
            g.writeStringField("product", app.product().id());
            g.writeStringField("industrySection", e.industry().sectionCode());
            g.writeStringField("industryDivision", e.industry().code());
            g.writeStringField("zone", e.region().zone().name());
            g.writeStringField("province", e.region().provinceCode());
            g.writeStringField("sizeClass", e.sizeClass().name());
            g.writeStringField("ownership", e.ownership().name());
            g.writeArrayFieldStart("qualityFlags");
            for (DataQualityFlag f : quality.flags()) {
                g.writeString(f.name());
            }
            g.writeEndArray();
            g.writeNumberField("score", score.score());
            g.writeNumberField("pd", score.pd());
            g.writeStringField("grade", score.grade().code());
            writeOffer(g, d);
            g.writeArrayFieldStart("firedRules");
            for (String r : d.firedRules()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("reasons");
            for (Reason r : d.reasons()) {
                g.writeStartObject();
                g.writeStringField("code", r.code());
                ReasonCode rc = scoreReason(score, r.code());
                if (rc != null) {
                    g.writeStringField("feature", rc.featureId());
                    int at = features.catalogue().indexOf(rc.featureId());
                    g.writeFieldName("value");
                    if (at < 0 || features.isMissing(at)) {
                        g.writeNull();
                    } else {
                        g.writeNumber(features.value(at));
                    }
                    g.writeNumberField("points", rc.pointsLost());
                }
                g.writeStringField("en", r.en());
                g.writeStringField("zh", r.zh());
                g.writeArrayFieldStart("lineage");
                for (SourceLineage l : r.lineage()) {
                    g.writeStartObject();
                    g.writeStringField("source", l.source().name());
                    g.writeStringField("system", l.system());
                    g.writeStringField("asOf", l.asOf().toString());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (defaulted.isPresent()) {
                g.writeBooleanField("defaulted", defaulted.get());
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot format the decision record of application "
                    + key.pseudonym(app.id()), ex);
        }
        StringBuffer sb = w.getBuffer();
        return sb.substring(1, sb.length() - 1);
    }

    private static ReasonCode scoreReason(ScoreResult score, String code) {
        for (ReasonCode rc : score.reasons()) {
            if (rc.code().equals(code)) {
                return rc;
            }
        }
        return null;
    }

    /** HMAC-SHA-256 of the application's canonical JSON document (as {@link ApplicationJson} writes it). */
    private String inputDigest(LoanApplication app) {
        return key.digest(out -> ApplicationJson.writeTo(app, out));
    }

    /**
     * Writes the offer fields of a decision — {@code tier}, {@code approved} ({@link Tier#isApproval()}),
     * {@code approvedAmount}, {@code approvedTermMonths}, {@code interestRate}, {@code conditions},
     * {@code termPd}, {@code lgd}, {@code ead}, {@code expectedLoss}, {@code expectedLossRate} (see
     * {@link ExpectedLoss}; flat, so an audit reads them as columns) —
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
        ExpectedLoss el = d.expectedLoss();
        g.writeNumberField("termPd", el.termPd());
        g.writeNumberField("lgd", el.lgd());
        g.writeFieldName("ead");
        g.writeNumber(el.ead());
        g.writeFieldName("expectedLoss");
        g.writeNumber(el.expectedLoss());
        g.writeNumberField("expectedLossRate", el.expectedLossRate());
    }

    /**
     * The keyed pseudonym this log gives an identifier (to find an application's records).
     *
     * @param identifier an application id or a USCC
     * @return the pseudonym
     */
    public String pseudonym(String identifier) {
        return key.pseudonym(identifier);
    }

    /** Writes a signed checkpoint now (when anything was written since the last one). */
    public void checkpoint() {
        chain.checkpoint();
    }

    /** Writes the final checkpoint and closes the file. */
    @Override
    public void close() {
        chain.close();
    }

    /** Builder of a {@link DecisionLog}. */
    public static final class Builder {
        private final Path file;
        private ChainSigner signer;
        private PseudonymKey key;
        private boolean development;
        private int checkpointEvery = 1000;
        private Rotation rotation = Rotation.none();
        private Clock clock = Clock.systemUTC();

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /**
         * The Ed25519 key that signs checkpoints (required unless {@link #development()}).
         *
         * @param value the signer
         * @return this builder
         */
        public Builder signer(ChainSigner value) {
            signer = Objects.requireNonNull(value, "signer");
            return this;
        }

        /**
         * The operator's pseudonym key (required unless {@link #development()}).
         *
         * @param value the key
         * @return this builder
         */
        public Builder pseudonymKey(PseudonymKey value) {
            key = Objects.requireNonNull(value, "pseudonymKey");
            return this;
        }

        /**
         * Development mode: a missing pseudonym key becomes the publicly known
         * {@link PseudonymKey#development()} key and a missing signer leaves the log unsigned. Every
         * header then says so, and {@code credit log verify} fails an unsigned log.
         *
         * @return this builder
         */
        public Builder development() {
            development = true;
            return this;
        }

        /**
         * Records between signed checkpoints (default 1000).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder checkpointEvery(int value) {
            checkpointEvery = value;
            return this;
        }

        /**
         * When to start a new file (default: never); the chain continues across files.
         *
         * @param value the rotation
         * @return this builder
         */
        public Builder rotation(Rotation value) {
            rotation = Objects.requireNonNull(value, "rotation");
            return this;
        }

        /**
         * The clock of decision times (default: system UTC).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Opens the log (continuing an existing one).
         *
         * @return the log
         * @throws CreditModelException without a pseudonym key or signer outside development mode
         */
        public DecisionLog open() {
            if (key == null) {
                if (!development) {
                    throw new CreditModelException(file.toString(), "the decision log needs a pseudonym key "
                            + "(PseudonymKey.fromFile or fromEnvironment): without one, pseudonyms of application "
                            + "ids can be reversed by enumerating ids; development() uses a public key instead");
                }
                key = PseudonymKey.development();
            }
            ChainWriter.Builder b = ChainWriter.to(file, KIND).checkpointEvery(checkpointEvery).rotation(rotation)
                    .clock(clock).headerField("pseudonymKey", key.id()).headerField("engine", ENGINE_VERSION);
            if (signer != null) {
                b.signer(signer);
            } else if (development) {
                b.unsigned();
            } else {
                throw new CreditModelException(file.toString(), "the decision log needs a signer for its checkpoints "
                        + "(an Ed25519 private key); development() writes an unsigned log instead");
            }
            return new DecisionLog(b.open(), key, clock);
        }
    }
}
