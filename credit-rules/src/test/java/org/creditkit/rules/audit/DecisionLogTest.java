package org.creditkit.rules.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.chain.ChainReport;
import org.creditkit.core.chain.ChainSigner;
import org.creditkit.core.chain.ChainVerifier;
import org.creditkit.core.chain.CheckpointKeys;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.sign.TrustStore;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.Openness;
import org.creditkit.core.privacy.AccessLevel;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.rules.Decision;
import org.creditkit.rules.ExpectedLoss;
import org.creditkit.rules.DecisionTimings;
import org.creditkit.rules.Reason;
import org.creditkit.rules.RuleInputMapper;
import org.creditkit.rules.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionLogTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LoanApplication APP = PortfolioGenerator.of(GeneratorConfig.builder().count(10).seed(3L).build())
            .generate(4).application();

    /** Writes one decision of the sample application, without compiling any rules. */
    private static void writeSample(DecisionLog log) {
        LoanApplication app = APP;
        ModelBundle bundle = ModelBundle.defaultBundle();
        FeatureVector features = FeatureExtractor.standard().extract(app);
        ScoreResult score = bundle.scorer().score(features, app.enterprise().industry());
        DataQualityReport quality = DataQualityChecker.standard().check(app);
        List<Reason> reasons = RuleInputMapper.map(app, FeatureExtractor.standard().extract(app), score, quality).scoreReasons();
        Decision d = new Decision(app.id(), Tier.MANUAL_REVIEW, new java.math.BigDecimal("100000.00"), 12, 0.05,
                List.of(), new ExpectedLoss(score.pd(), score.pd(), 0.45, new java.math.BigDecimal("100000.00"),
                        java.math.BigDecimal.ZERO.setScale(2), 0.0), reasons, List.of("review-rule"), List.of(), "r".repeat(64), bundle.id() + "@" + bundle.version(),
                DecisionTimings.of(0, 0, 0));
        log.write(app, features, score, quality, d, bundle.checksum(), Optional.of(false));
    }

    private static JsonNode record(Path f) throws Exception {
        for (String l : Files.readAllLines(f)) {
            JsonNode n = JSON.readTree(l);
            if (n.get("kind").asText().equals("decision")) {
                return n;
            }
        }
        throw new AssertionError("no decision record in " + f);
    }

    @Test
    void write_signedTrail_verifiesAndCarriesLineageWithoutIdentifiers() throws Exception {
        SigningKey key = SigningKey.generate();
        PseudonymKey pk = PseudonymKey.generate(new SecureRandom());
        Path f = dir.resolve("t.jsonl");
        try (DecisionLog log = DecisionLog.to(f).signer(ChainSigner.of(key)).pseudonymKey(pk).open()) {
            writeSample(log);
        }
        ChainReport r = ChainVerifier.verify(f, CheckpointKeys.of(TrustStore.of(key.verifyingKey())));
        assertThat(r.ok()).as(r.toText()).isTrue();
        LoanApplication app = APP;
        String text = Files.readString(f);
        assertThat(text).doesNotContain(app.id()).doesNotContain(app.enterprise().uscc().value())
                .doesNotContain(app.enterprise().name());
        JsonNode n = record(f);
        assertThat(n.get("application").asText()).isEqualTo(pk.pseudonym(app.id()));
        assertThat(n.get("bundleChecksum").asText()).isEqualTo(ModelBundle.defaultBundle().checksum());
        assertThat(n.get("engine").asText()).isEqualTo(DecisionLog.ENGINE_VERSION);
        assertThat(n.get("input").asText()).hasSize(64);
        JsonNode lineage = n.get("reasons").get(0).get("lineage");
        assertThat(lineage.size()).isPositive();
        assertThat(lineage.get(0).get("system").asText()).isNotBlank();
        assertThat(lineage.get(0).get("asOf").asText()).endsWith("Z");
    }

    @Test
    void pseudonyms_sameKeyJoins_otherKeyDoesNot() throws Exception {
        PseudonymKey pk = PseudonymKey.generate(new SecureRandom());
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        try (DecisionLog log = DecisionLog.to(a).pseudonymKey(pk).development().open()) {
            writeSample(log);
        }
        try (DecisionLog log = DecisionLog.to(b).pseudonymKey(pk).development().open()) {
            writeSample(log);
        }
        try (DecisionLog log = DecisionLog.to(c).pseudonymKey(PseudonymKey.generate(new SecureRandom())).development().open()) {
            writeSample(log);
        }
        assertThat(record(a).get("application")).isEqualTo(record(b).get("application"));
        assertThat(record(a).get("input")).isEqualTo(record(b).get("input"));
        assertThat(record(a).get("application")).isNotEqualTo(record(c).get("application"));
        assertThat(record(a).get("enterprise")).isNotEqualTo(record(c).get("enterprise"));
    }

    @Test
    void open_withoutKeysOutsideDevelopment_isRefused() {
        Path f = dir.resolve("x.jsonl");
        assertThatThrownBy(() -> DecisionLog.to(f).signer(ChainSigner.of(SigningKey.generate())).open())
                .isInstanceOf(CreditModelException.class).hasMessageContaining("pseudonym key");
        assertThatThrownBy(() -> DecisionLog.to(f).pseudonymKey(PseudonymKey.generate(new SecureRandom())).open())
                .isInstanceOf(CreditModelException.class).hasMessageContaining("signer");
        assertThat(f).doesNotExist();
    }

    @Test
    void explain_fromTheTrailAlone_inBothLanguages_showsValuesOnlyWithinTheAccessLevel() {
        PseudonymKey pk = PseudonymKey.generate(new SecureRandom());
        Path f = dir.resolve("e.jsonl");
        try (DecisionLog log = DecisionLog.to(f).pseudonymKey(pk).development().open()) {
            writeSample(log);
        }
        List<DecisionRecord> found = DecisionTrail.find(f, pk.pseudonym(APP.id()));
        assertThat(found).hasSize(1);
        DecisionRecord r = found.get(0);
        assertThat(r.location()).isEqualTo(f + ":2");
        assertThat(r.tier()).isEqualTo(Tier.MANUAL_REVIEW);
        assertThat(r.reasons().get(0).feature()).isPresent();
        assertThat(r.reasons().get(0).pointsLost()).isPresent();
        FeatureCatalogue cat = FeatureCatalogue.standard();
        assertThat(r.reasons()).anySatisfy(x -> assertThat(x.feature().flatMap(cat::find).orElseThrow().openness())
                .isNotEqualTo(Openness.PUBLIC));
        DecisionExplanation pub = DecisionExplanation.of(r, AccessLevel.PUBLIC, cat);
        DecisionExplanation internal = DecisionExplanation.of(r, AccessLevel.INTERNAL, cat);
        assertThat(pub.english()).contains("referred to a credit officer").contains("value not shown")
                .contains("PIPL art. 24").doesNotContain(APP.id());
        assertThat(pub.chinese()).contains("转信贷人员人工审核").contains("取值不予显示").contains("第二十四条");
        assertThat(internal.english()).doesNotContain("value not shown").contains("(value: ");
        assertThat(internal.chinese()).contains("取值：");
        assertThat(DecisionTrail.find(f, pk.pseudonym("another id"))).isEmpty();
    }
}
