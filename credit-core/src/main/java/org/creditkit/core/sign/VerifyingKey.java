package org.creditkit.core.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.creditkit.core.CreditModelException;

/**
 * An Ed25519 public key: verifies signatures made by the matching {@link SigningKey}. Stored as
 * {@code public.pem} (PEM label {@code PUBLIC KEY}, X.509 SubjectPublicKeyInfo, the form
 * {@code openssl pkey -pubout} writes). Immutable; equal when the keys are equal.
 */
public final class VerifyingKey {

    /** The PEM label of a public key. */
    static final String LABEL = "PUBLIC KEY";
    /** An Ed25519 signature is always 64 bytes (RFC 8032). */
    public static final int SIGNATURE_BYTES = 64;

    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
        0x21, 0x00};

    private final PublicKey key;
    private final byte[] encoded;
    private final KeyId id;

    private VerifyingKey(PublicKey key) {
        this.key = key;
        this.encoded = key.getEncoded();
        this.id = KeyId.ofEncoded(encoded);
    }

    /** Wraps a JDK public key; it must be Ed25519. */
    static VerifyingKey of(PublicKey key, String source) {
        return ofEncoded(key.getEncoded(), source);
    }

    /** From the 32 raw key bytes of RFC 8032. */
    static VerifyingKey ofRaw(byte[] raw) {
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        return ofEncoded(der, "derived public key");
    }

    /**
     * From an X.509 SubjectPublicKeyInfo encoding.
     *
     * @throws CreditModelException at {@code source} unless the bytes are an Ed25519 public key
     */
    public static VerifyingKey ofEncoded(byte[] x509, String source) {
        Objects.requireNonNull(x509, "x509");
        try {
            return new VerifyingKey(KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(x509.clone())));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CreditModelException(source, "not an Ed25519 public key (" + Pem.clip(e.getMessage())
                    + "); creditkit keys are Ed25519, made by 'credit bundle keygen' or "
                    + "'openssl genpkey -algorithm ed25519'");
        }
    }

    /**
     * Parses PEM text holding exactly one public key.
     *
     * @throws CreditModelException at {@code source} when the text holds no public key, more than one,
     *                              a private key instead, or a corrupt or non-Ed25519 key
     */
    public static VerifyingKey fromPem(String pem, String source) {
        List<VerifyingKey> keys = allFromPem(pem, source);
        if (keys.size() != 1) {
            throw new CreditModelException(source, "holds " + keys.size()
                    + " public keys; exactly one is expected here");
        }
        return keys.get(0);
    }

    /** Every public key of the PEM text, in order; at least one. */
    static List<VerifyingKey> allFromPem(String pem, String source) {
        List<Pem.Block> blocks = Pem.decode(pem, source);
        if (blocks.isEmpty()) {
            throw new CreditModelException(source, "no '-----BEGIN PUBLIC KEY-----' block; a public key "
                    + "file is the public.pem written by 'credit bundle keygen'");
        }
        return blocks.stream().map(b -> {
            if (!b.label().equals(LABEL)) {
                throw new CreditModelException(source + ":" + b.line(), "holds a '" + Pem.clip(b.label())
                        + "', a 'PUBLIC KEY' is needed"
                        + (b.label().contains("PRIVATE") ? " (give public.pem here; the private key "
                        + "stays with the signer)" : ""));
            }
            return ofEncoded(b.der(), source + ":" + b.line());
        }).toList();
    }

    /**
     * Reads a {@code public.pem} file.
     *
     * @throws CreditModelException naming the file when it is missing, too large, not PEM, or not
     *                              exactly one Ed25519 public key
     */
    public static VerifyingKey read(Path file) {
        return fromPem(Pem.readSmallText(file, "public key"), file.toString());
    }

    /** The key's id. */
    public KeyId id() {
        return id;
    }

    /** The JDK key. */
    public PublicKey publicKey() {
        return key;
    }

    /** The X.509 SubjectPublicKeyInfo encoding (a copy). */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * Whether {@code signature} is this key's Ed25519 signature of {@code data}. A malformed
     * signature (wrong length, not a curve point) is {@code false}, not an exception.
     */
    public boolean verify(byte[] data, byte[] signature) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(signature, "signature");
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an Ed25519 key was refused by the Ed25519 verifier", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required of every JDK 15+", e);
        }
    }

    /** The PEM text of {@code public.pem}. */
    public String toPem() {
        return Pem.encode(LABEL, encoded);
    }

    /**
     * Writes {@link #toPem()} to a new file.
     *
     * @throws UncheckedIOException if the file exists or cannot be written
     */
    public void write(Path file) {
        try {
            Files.writeString(file, toPem(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyingKey k && Arrays.equals(encoded, k.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    /** {@code Ed25519 public key <id>}. */
    @Override
    public String toString() {
        return "Ed25519 public key " + id;
    }
}
