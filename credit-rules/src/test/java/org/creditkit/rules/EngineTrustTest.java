package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.sign.TrustStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine accepts a model bundle only when it is trusted (docs/bundles.md). */
class EngineTrustTest {

    private static ModelBundle unsigned(Path dir) throws Exception {
        Path f = dir.resolve("b.json");
        Files.writeString(f, ModelBundle.defaultBundle().toJson());
        return ModelBundle.read(f);
    }

    @Test
    void build_unsignedBundle_isRefusedUnlessAllowed(@TempDir Path dir) throws Exception {
        ModelBundle b = unsigned(dir);

        assertThatThrownBy(() -> CreditEngine.builder().model(b).build()).isInstanceOf(CreditModelException.class)
                .hasMessageContaining("not signed");
        try (CreditEngine e = CreditEngine.builder().model(b).allowUnsignedBundles().build()) {
            assertThat(e).isNotNull();
        }
    }

    @Test
    void build_bundleSignedByATrustedKey_isAccepted_anUnknownKeyIsNot(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generate();
        ModelBundle signed = unsigned(dir).signedWith(key);

        try (CreditEngine e = CreditEngine.builder().model(signed).trust(TrustStore.of(key.verifyingKey())).build()) {
            assertThat(e).isNotNull();
        }
        assertThatThrownBy(() -> CreditEngine.builder().model(signed)
                .trust(TrustStore.of(SigningKey.generate().verifyingKey())).build())
                .hasMessageContaining("not trusted");
    }

    @Test
    void build_editedSignedBundle_isRefusedEvenWhenUnsignedIsAllowed(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generate();
        ObjectMapper m = new ObjectMapper();
        ObjectNode json = (ObjectNode) m.readTree(unsigned(dir).signedWith(key).toJson());
        ObjectNode other = (ObjectNode) m.readTree(unsigned(dir).signedWith(SigningKey.generate()).toJson());
        // a signature by the trusted key copied onto a bundle it did not sign: keep the content, swap the key id
        ((ObjectNode) other.get("signature")).put("keyId", key.id().value());
        Path f = dir.resolve("forged.json");
        Files.writeString(f, other.toString());
        ModelBundle forged = ModelBundle.read(f);

        assertThat(json.get("signature").get("keyId").asText()).isEqualTo(key.id().value());
        assertThatThrownBy(() -> CreditEngine.builder().model(forged).trust(TrustStore.of(key.verifyingKey()))
                .allowUnsignedBundles().build()).hasMessageContaining("does not match");
    }

    @Test
    void build_defaultBundle_isTrustedAsShipped() {
        try (CreditEngine e = CreditEngine.builder().build()) {
            assertThat(e).isNotNull();
        }
    }
}
