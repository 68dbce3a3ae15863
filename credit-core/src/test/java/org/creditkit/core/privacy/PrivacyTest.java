package org.creditkit.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.chain.ChainReport;
import org.creditkit.core.chain.ChainSigner;
import org.creditkit.core.chain.ChainVerifier;
import org.creditkit.core.chain.ChainWriter;
import org.creditkit.core.chain.CheckpointKeys;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureCategory;
import org.creditkit.core.feature.FeatureDefinition;
import org.creditkit.core.feature.Openness;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.sign.TrustStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyTest {

    @TempDir
    Path dir;

    @Test
    void pseudonym_sameKeySameValue_otherKeyOther_andNotThePlainHash() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        PseudonymKey a = PseudonymKey.of(raw);
        PseudonymKey b = PseudonymKey.of(raw.clone());
        PseudonymKey c = PseudonymKey.generate(new SecureRandom());
        assertThat(a.pseudonym("APP-1")).isEqualTo(b.pseudonym("APP-1")).hasSize(32).isNotEqualTo(a.pseudonym("APP-2"));
        assertThat(c.pseudonym("APP-1")).isNotEqualTo(a.pseudonym("APP-1"));
        assertThat(a.id()).isEqualTo(b.id()).hasSize(16).isNotEqualTo(c.id());
        assertThat(a.toString()).doesNotContain(Base64.getEncoder().encodeToString(raw));
    }

    @Test
    void pseudonymKey_fileRoundTrip_neverOverwrites_andRefusesShortKeys() throws Exception {
        Path f = dir.resolve("p.key");
        PseudonymKey k = PseudonymKey.generate(new SecureRandom());
        k.writeTo(f);
        assertThat(PseudonymKey.fromFile(f).sameKeyAs(k)).isTrue();
        assertThatThrownBy(() -> k.writeTo(f)).isInstanceOf(CreditModelException.class).hasMessageContaining("never overwritten");
        Files.writeString(dir.resolve("short.key"), Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> PseudonymKey.fromFile(dir.resolve("short.key")))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> PseudonymKey.fromFile(dir.resolve("none.key")))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("credit log keygen");
        assertThatThrownBy(() -> PseudonymKey.fromEnvironment(Map.of()))
                .isInstanceOf(CreditModelException.class).hasMessageContaining(PseudonymKey.ENV);
        String env = Base64.getEncoder().encodeToString(new byte[40]);
        assertThat(PseudonymKey.fromEnvironment(Map.of(PseudonymKey.ENV, env)).pseudonym("x")).hasSize(32);
    }

    @Test
    void accessLevel_readsOnlyDataWithinIt() {
        assertThat(AccessLevel.PUBLIC.mayRead(Openness.PUBLIC)).isTrue();
        assertThat(AccessLevel.PUBLIC.mayRead(Openness.CONDITIONAL)).isFalse();
        assertThat(AccessLevel.CONDITIONAL.mayRead(Openness.CONDITIONAL)).isTrue();
        assertThat(AccessLevel.CONDITIONAL.mayRead(Openness.NOT_OPEN)).isFalse();
        assertThat(AccessLevel.INTERNAL.mayRead(Openness.NOT_OPEN)).isTrue();
        assertThatThrownBy(() -> AccessLevel.parse("secret")).hasMessageContaining("public, conditional, internal");
    }

    @Test
    void openness_everySourceDeclared_andEveryFieldDeclaredNoMoreOpenThanItsLeastOpenSource() {
        for (DataSource s : DataSource.values()) {
            assertThat(Openness.of(s)).isNotNull();
        }
        var cat = FeatureCatalogue.standard();
        assertThat(cat.find("debt_to_asset").orElseThrow().openness()).isEqualTo(Openness.CONDITIONAL);
        assertThat(cat.find("firm_age_years").orElseThrow().openness()).isEqualTo(Openness.PUBLIC);
        assertThat(cat.find("core_enterprise_rating").orElseThrow().openness()).isEqualTo(Openness.NOT_OPEN);
        cat.definitions().forEach(d -> assertThat(d.openness().ordinal()).as(d.id())
                .isGreaterThanOrEqualTo(Openness.strictest(d.lineage()).ordinal()));
        assertThat(Openness.strictest(List.of(DataSource.COURTS, DataSource.BANK_CREDIT))).isEqualTo(Openness.NOT_OPEN);
    }

    @Test
    void fieldOpenness_isDeclaredPerField_stricterAllowed_moreOpenThanASourceRefused() {
        FeatureDefinition stricter = new FeatureDefinition("court_cases", FeatureCategory.COMPLIANCE_RISK, "Cases",
                "案件", "count", "n", List.of(DataSource.COURTS), Openness.CONDITIONAL);
        assertThat(stricter.openness()).isEqualTo(Openness.CONDITIONAL);
        assertThat(new FeatureDefinition("court_cases", FeatureCategory.COMPLIANCE_RISK, "Cases", "案件", "count", "n",
                List.of(DataSource.COURTS)).openness()).as("undeclared: the source's level").isEqualTo(Openness.PUBLIC);
        assertThatThrownBy(() -> new FeatureDefinition("tax_gap", FeatureCategory.FINANCIAL_HEALTH, "Gap", "差异",
                "ratio", "a / b", List.of(DataSource.COURTS, DataSource.TAX), Openness.PUBLIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 'tax_gap' is declared public but its source TAX is conditional")
                .hasMessageContaining("declare it conditional or stricter");
    }

    @Test
    void accessLog_recordsWhoWhatWhenAtWhichLevel_inAVerifiableChain() throws Exception {
        SigningKey key = SigningKey.generate();
        Path f = dir.resolve("access.jsonl");
        try (AccessLog log = AccessLog.to(ChainWriter.to(f, AccessLog.KIND).signer(ChainSigner.of(key)).open())) {
            log.record(new Access(Instant.parse("2026-01-02T03:04:05Z"), "analyst-7", "ab12", "decision-explanation",
                    AccessLevel.CONDITIONAL, true));
        }
        ChainReport r = ChainVerifier.verify(f, CheckpointKeys.of(TrustStore.of(key.verifyingKey())));
        assertThat(r.ok()).as(r.toText()).isTrue();
        JsonNode n = new ObjectMapper().readTree(Files.readAllLines(f).get(1));
        assertThat(n.get("kind").asText()).isEqualTo("access");
        assertThat(n.get("principal").asText()).isEqualTo("analyst-7");
        assertThat(n.get("subject").asText()).isEqualTo("ab12");
        assertThat(n.get("level").asText()).isEqualTo("conditional");
        assertThat(n.get("identitiesShown").asBoolean()).isTrue();
        assertThat(n.get("time").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThatThrownBy(() -> new Access(Instant.now(), " ", "x", "y", AccessLevel.PUBLIC, false))
                .hasMessageContaining("principal");
    }
}
