package org.creditkit.core.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.creditkit.core.CreditModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    /** RFC 8032 section 7.1, test 1: the seed, its public key and its signature of the empty message. */
    private static final String RFC_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    private static String rfcPrivatePem() {
        byte[] der = HexFormat.of().parseHex("302e020100300506032b657004220420" + RFC_SEED);
        return Pem.encode("PRIVATE KEY", der);
    }

    @Test
    void fromPem_rfc8032Vector_derivesItsPublicKeyAndSignature() {
        SigningKey key = SigningKey.fromPem(rfcPrivatePem(), "rfc");
        byte[] encoded = key.verifyingKey().encoded();
        assertThat(HexFormat.of().formatHex(encoded, encoded.length - 32, encoded.length)).isEqualTo(RFC_PUBLIC);
        assertThat(HexFormat.of().formatHex(key.sign(new byte[0]))).isEqualTo(RFC_SIGNATURE);
    }

    @Test
    void generate_derivedPublicHalf_equalsTheGeneratedOne() throws Exception {
        for (int i = 0; i < 20; i++) {
            var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String pem = Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded());
            assertThat(SigningKey.fromPem(pem, "k").verifyingKey().encoded())
                    .isEqualTo(pair.getPublic().getEncoded());
        }
    }

    @Test
    void sign_thenVerify_trueOnlyForTheSameBytesAndKey() {
        SigningKey key = SigningKey.generate();
        byte[] data = "bundle".getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.sign(data);
        assertThat(sig).hasSize(64);
        assertThat(key.verifyingKey().verify(data, sig)).isTrue();
        assertThat(key.verifyingKey().verify("bundlE".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(SigningKey.generate().verifyingKey().verify(data, sig)).isFalse();
        sig[10] ^= 1;
        assertThat(key.verifyingKey().verify(data, sig)).isFalse();
        assertThat(key.verifyingKey().verify(data, new byte[3])).isFalse();
    }

    @Test
    void writeTo_thenRead_roundTripsBothFiles(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generateInto(dir.resolve("keys"));
        SigningKey back = SigningKey.read(dir.resolve("keys/private.pem"));
        VerifyingKey pub = VerifyingKey.read(dir.resolve("keys/public.pem"));
        assertThat(back.id()).isEqualTo(key.id());
        assertThat(pub).isEqualTo(key.verifyingKey());
        assertThat(Files.readString(dir.resolve("keys/private.pem"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("keys/private.pem")))).isEqualTo("rw-------");
        assertThat(key.toString()).doesNotContain(back.toPem().substring(28, 40));
    }

    @Test
    void writeTo_existingKey_isNeverOverwritten(@TempDir Path dir) throws Exception {
        SigningKey.generateInto(dir);
        String before = Files.readString(dir.resolve("private.pem"));
        assertThatThrownBy(() -> SigningKey.generateInto(dir))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(dir.resolve("private.pem"))).isEqualTo(before);
    }

    @Test
    void keyId_isTheSha256PrefixOfTheX509Encoding() throws Exception {
        VerifyingKey pub = SigningKey.generate().verifyingKey();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(pub.encoded());
        assertThat(pub.id().value()).isEqualTo(HexFormat.of().formatHex(digest, 0, 8));
        assertThatThrownBy(() -> KeyId.of("ABCDEF0123456789")).isInstanceOf(IllegalArgumentException.class);
        assertThat(KeyId.isWellFormed("abcdef0123456789")).isTrue();
    }

    @Test
    void read_publicKeyGivenAsPrivate_saysWhichFileIsNeeded(@TempDir Path dir) {
        SigningKey.generateInto(dir);
        assertThatThrownBy(() -> SigningKey.read(dir.resolve("public.pem")))
                .isInstanceOf(CreditModelException.class)
                .hasMessageContaining("public.pem:1").hasMessageContaining("sign with private.pem");
        assertThatThrownBy(() -> VerifyingKey.read(dir.resolve("private.pem")))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("give public.pem here");
    }

    @Test
    void read_missingFile_namesIt(@TempDir Path dir) {
        assertThatThrownBy(() -> SigningKey.read(dir.resolve("nope.pem")))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("nope.pem: no such private key file");
    }

    @Test
    void read_corruptBase64_isRefusedWithTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("private.pem");
        Files.writeString(f, "-----BEGIN PRIVATE KEY-----\nMC4C!!!\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> SigningKey.read(f)).isInstanceOf(CreditModelException.class)
                .hasMessageContaining("private.pem:1").hasMessageContaining("not valid base64");
    }

    @Test
    void read_truncatedOrMismatchedBlock_isRefused() {
        assertThatThrownBy(() -> SigningKey.fromPem("-----BEGIN PRIVATE KEY-----\nMC4CAQA=\n", "k"))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("has no END line");
        assertThatThrownBy(() -> SigningKey.fromPem("-----BEGIN PRIVATE KEY-----\nMC4CAQA=\n"
                + "-----END PUBLIC KEY-----\n", "k"))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("does not close");
        assertThatThrownBy(() -> SigningKey.fromPem("just text", "k"))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("no '-----BEGIN PRIVATE KEY-----'");
    }

    @Test
    void read_validBase64ButNotAKey_isRefused() {
        String pem = Pem.encode("PRIVATE KEY", new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> SigningKey.fromPem(pem, "k"))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("not an Ed25519 private key");
        String pub = Pem.encode("PUBLIC KEY", new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> VerifyingKey.fromPem(pub, "k"))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("not an Ed25519 public key");
    }

    @Test
    void read_rsaOrEcKey_isRefusedAsNotEd25519() throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        var pair = rsa.generateKeyPair();
        assertThatThrownBy(() -> SigningKey.fromPem(Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()), "k"))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("not an Ed25519 private key");
        var ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertThatThrownBy(() -> VerifyingKey.fromPem(Pem.encode("PUBLIC KEY", ec.getPublic().getEncoded()), "k"))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("not an Ed25519 public key");
        var ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        assertThatThrownBy(() -> VerifyingKey.fromPem(Pem.encode("PUBLIC KEY", ed448.getPublic().getEncoded()), "k"))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("not an Ed25519 public key");
    }

    @Test
    void read_encryptedKey_isRefusedWithHowToDecrypt() {
        String pem = Pem.encode("ENCRYPTED PRIVATE KEY", new byte[] {1, 2});
        assertThatThrownBy(() -> SigningKey.fromPem(pem, "k"))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("encrypted private key is not supported");
    }

    @Test
    void read_oversizedOrBinaryFile_isRefusedBeforeReadingItWhole(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.pem");
        Files.write(big, new byte[Pem.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> VerifyingKey.read(big)).isInstanceOf(CreditModelException.class)
                .hasMessageContaining("larger than");
        Path bin = dir.resolve("bin.pem");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertThatThrownBy(() -> VerifyingKey.read(bin)).isInstanceOf(CreditModelException.class)
                .hasMessageContaining("not a text file");
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertThatThrownBy(() -> SigningKey.read(zero)).isInstanceOf(CreditModelException.class)
                    .hasMessageContaining("larger than");
        }
    }

    @Test
    void trustStore_severalFiles_trustsEachKeyAndChecksSignatures(@TempDir Path dir) throws Exception {
        SigningKey a = SigningKey.generateInto(dir.resolve("a"));
        SigningKey b = SigningKey.generate();
        SigningKey c = SigningKey.generate();
        Path bc = dir.resolve("bc.pem");
        Files.writeString(bc, "vendor keys\n" + b.verifyingKey().toPem() + c.verifyingKey().toPem());
        TrustStore trust = TrustStore.read(List.of(dir.resolve("a/public.pem"), bc, dir.resolve("a/public.pem")));
        assertThat(trust.keys()).containsExactly(a.verifyingKey(), b.verifyingKey(), c.verifyingKey());
        byte[] data = {1, 2, 3};
        assertThat(trust.check(b.id(), data, b.sign(data)).valid()).isTrue();
        assertThat(trust.check(b.id(), data, b.sign(data)).reason()).contains(b.id().value());
    }

    @Test
    void trustStore_unknownKeyOrEditedContent_isInvalidWithTheReason() {
        SigningKey a = SigningKey.generate();
        SigningKey stranger = SigningKey.generate();
        TrustStore trust = TrustStore.of(a.verifyingKey());
        byte[] data = {1, 2, 3};
        SignatureCheck unknown = trust.check(stranger.id(), data, stranger.sign(data));
        assertThat(unknown.valid()).isFalse();
        assertThat(unknown.reason()).contains("not trusted").contains(a.id().value());
        SignatureCheck edited = trust.check(a.id(), new byte[] {1, 2, 4}, a.sign(data));
        assertThat(edited.valid()).isFalse();
        assertThat(edited.reason()).contains("changed after signing");
        assertThat(trust.check(a.id(), data, new byte[5]).reason()).contains("5 bytes");
        assertThat(TrustStore.empty().check(a.id(), data, a.sign(data)).reason()).contains("trusted: none");
    }

    @Test
    void trustStore_badFiles_reportsEveryOne(@TempDir Path dir) throws Exception {
        SigningKey.generateInto(dir);
        assertThatThrownBy(() -> TrustStore.read(List.of(dir.resolve("missing.pem"), dir.resolve("private.pem"))))
                .isInstanceOfSatisfying(CreditModelException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void pem_encodeDecode_roundTripsAndWrapsAt64() {
        byte[] der = new byte[100];
        String pem = Pem.encode("X", der);
        assertThat(pem.lines().skip(1).findFirst().orElseThrow()).hasSize(64);
        assertThat(Pem.decode(pem.replace("\n", "\r\n"), "s").get(0).der()).isEqualTo(der);
        assertThat(Base64.getEncoder().encodeToString(der)).isNotEmpty();
    }
}
