package org.creditkit.core.score.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.score.spi.ModelRegistry;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.sign.TrustStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles that cannot be forged or blown up: signatures, trust, size cap, number ranges. */
class BundleSigningTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The default bundle's content as an ordinary (not built-in) bundle file. */
    private static Path unsignedCopy(Path dir) throws Exception {
        Path f = dir.resolve("bundle.json");
        Files.writeString(f, ModelBundle.defaultBundle().toJson());
        return f;
    }

    @Test
    void signedWith_thenRead_verifiesUnderTheSigningKeyOnly(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generate();
        Path f = dir.resolve("signed.json");
        ModelBundle.read(unsignedCopy(dir)).signedWith(key).write(f);

        ModelBundle back = ModelBundle.read(f);
        assertThat(back.signature()).isPresent();
        assertThat(back.verify(TrustStore.of(key.verifyingKey())).valid()).isTrue();
        assertThat(back.verify(TrustStore.of(SigningKey.generate().verifyingKey())).reason()).contains("not trusted");
        assertThat(back.checksum()).isEqualTo(ModelBundle.defaultBundle().checksum());
        assertThat(BundleLoader.standard().trust(TrustStore.of(key.verifyingKey())).read(f).id())
                .isEqualTo("creditkit-expert");
    }

    @Test
    void signedBundle_whoseStringIsMadeHalfASurrogatePair_isRefusedAtItsFileLineAndPath(@TempDir Path dir)
            throws Exception {
        // "A?" and "A\\ud800" have one canonical UTF-8 text (the half pair is encoded as '?'): the checksum and the
        // signature of the first would pass for the second
        SigningKey key = SigningKey.generate();
        ObjectNode json = (ObjectNode) MAPPER.readTree(ModelBundle.read(unsignedCopy(dir)).toJson());
        json.put("description", "bank A?");
        json.put("checksum", CanonicalJson.checksum(json));
        Path signed = dir.resolve("signed.json");
        ModelBundle.parse(json.toString(), "b", ModelRegistry.standard()).signedWith(key).write(signed);
        String text = Files.readString(signed);
        Path f = dir.resolve("edited.json");
        Files.writeString(f, text.replace("bank A?", "bank A\\ud800"));
        int line = (int) text.substring(0, text.indexOf("bank A?")).lines().count();

        assertThatThrownBy(() -> BundleLoader.standard().trust(TrustStore.of(key.verifyingKey())).read(f))
                .isInstanceOf(CreditModelException.class)
                .hasMessageContaining(f + ":" + line + ":")
                .hasMessageContaining("$.description: string holds an unpaired UTF-16 surrogate escape \\ud800 at "
                        + "character 7 of the string");
    }

    @Test
    void bundleWithAByteThatIsNotUtf8_isRefusedWithItsLineAndByte(@TempDir Path dir) throws Exception {
        String text = ModelBundle.defaultBundle().toJson();
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = text.indexOf("Expert base");
        bytes[at] = (byte) 0xC0;
        Path f = dir.resolve("latin.json");
        Files.write(f, bytes);
        int line = (int) text.substring(0, at).lines().count();

        assertThatThrownBy(() -> ModelBundle.read(f)).isInstanceOf(CreditModelException.class)
                .hasMessageContaining(f + ": model bundle is not valid UTF-8 at line " + line + ", byte ")
                .hasMessageContaining("0xc0")
                // a JSON bundle is saved by an editor, not a spreadsheet
                .hasMessageContaining("save the file as UTF-8 in its editor")
                .hasMessageNotContaining("CSV UTF-8");
    }

    @Test
    void editedAfterSigning_withChecksumRecomputed_isRefused(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generate();
        ObjectNode json = (ObjectNode) MAPPER.readTree(ModelBundle.read(unsignedCopy(dir)).signedWith(key).toJson());
        ((ObjectNode) json.get("scaling")).put("pdo", 20.0);
        json.put("checksum", CanonicalJson.checksum(json)); // anyone can recompute a SHA-256
        Path f = dir.resolve("forged.json");
        Files.writeString(f, json.toString());

        assertThatThrownBy(() -> BundleLoader.standard().trust(TrustStore.of(key.verifyingKey())).read(f))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("changed after signing");
        assertThatThrownBy(() -> BundleLoader.standard().trust(TrustStore.of(key.verifyingKey())).allowUnsigned().read(f))
                .as("a failed signature by a trusted key is refused even when unsigned bundles are allowed")
                .isInstanceOf(CreditModelException.class);
    }

    @Test
    void unsignedOrUnknownKey_isRefusedUnlessUnsignedIsAllowed(@TempDir Path dir) throws Exception {
        Path unsigned = unsignedCopy(dir);
        Path stranger = dir.resolve("stranger.json");
        ModelBundle.read(unsigned).signedWith(SigningKey.generate()).write(stranger);

        assertThatThrownBy(() -> BundleLoader.standard().read(unsigned)).isInstanceOf(CreditModelException.class)
                .hasMessageContaining("not signed").hasMessageContaining("allow unsigned bundles explicitly");
        assertThatThrownBy(() -> BundleLoader.standard().read(stranger)).hasMessageContaining("not trusted");
        assertThat(BundleLoader.standard().allowUnsigned().read(unsigned).signature()).isEmpty();
        assertThat(BundleLoader.standard().allowUnsigned().read(stranger).signature()).isPresent();
    }

    @Test
    void builtInDefault_isTrustedAsShipped_butACopyOnDiskIsNot(@TempDir Path dir) throws Exception {
        assertThat(ModelBundle.defaultBundle().builtIn()).isTrue();
        assertThat(ModelBundle.defaultBundle().verify(TrustStore.empty()).valid()).isTrue();
        assertThat(ModelBundle.read(unsignedCopy(dir)).builtIn()).isFalse();
    }

    @Test
    void malformedSignatureField_isAProblemAtItsPath(@TempDir Path dir) throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(ModelBundle.defaultBundle().toJson());
        json.putObject("signature").put("algorithm", "RSA").put("keyId", "xyz").put("value", "AAAA");
        Path f = dir.resolve("b.json");
        Files.writeString(f, json.toString());

        assertThatThrownBy(() -> ModelBundle.read(f)).isInstanceOf(CreditModelException.class)
                .hasMessageContaining("$.signature.algorithm");
    }

    @Test
    void hugeWeight_isRefusedAtLoadWithItsPath(@TempDir Path dir) throws Exception {
        Path f = defaultBundleWithFirst(dir, "logOdds", "1e308");

        CreditModelException e = catchThrowableOfType(CreditModelException.class, () -> ModelBundle.read(f));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).endsWith(".bins[0].logOdds");
            assertThat(p.message()).contains("out of range");
        });
    }

    @Test
    void hugeBinEdge_isReportedOnceAtTheEdgeNotAgainAsNaN(@TempDir Path dir) throws Exception {
        Path f = defaultBundleWithFirst(dir, "hi", "1e308");

        CreditModelException e = catchThrowableOfType(CreditModelException.class, () -> ModelBundle.read(f));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).endsWith(".bins[0].hi");
            assertThat(p.message()).contains("out of range").doesNotContain("NaN");
        });
    }

    /** The default bundle with the first number of {@code field} replaced, checksum re-computed so only the value is wrong. */
    private static Path defaultBundleWithFirst(Path dir, String field, String value) throws Exception {
        String text = ModelBundle.defaultBundle().toJson()
                .replaceFirst("\"" + field + "\" : [-0-9.eE]+", "\"" + field + "\" : " + value);
        ObjectNode json = (ObjectNode) MAPPER.readTree(text);
        json.put("checksum", CanonicalJson.checksum(json));
        Path f = dir.resolve("b.json");
        Files.writeString(f, json.toString());
        return f;
    }

    @Test
    void hugeExponentInABundle_isACreditModelException(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.json");
        Files.writeString(f, "{\"formatVersion\":1,\"x\":1e2147483648}");

        assertThatThrownBy(() -> ModelBundle.read(f)).isInstanceOf(CreditModelException.class);
    }

    @Test
    void oversizedBundle_isRefusedBeforeItIsReadWhole(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.json");
        Files.write(f, new byte[2048]);

        assertThatThrownBy(() -> ModelBundle.read(f, ModelRegistry.standard(), 1024))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("larger than 1024 bytes");
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertThatThrownBy(() -> BundleLoader.standard().maxBytes(1 << 20).read(zero))
                    .isInstanceOf(CreditModelException.class).hasMessageContaining("larger than");
        }
    }
}
