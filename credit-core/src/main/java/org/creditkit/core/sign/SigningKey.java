package org.creditkit.core.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Objects;
import org.creditkit.core.CreditModelException;

/**
 * An Ed25519 private key with its public half: signs bytes. Stored as {@code private.pem} (PEM label
 * {@code PRIVATE KEY}, unencrypted PKCS#8, the form {@code openssl genpkey -algorithm ed25519}
 * writes); keep that file private. The public half is derived from the private key, so a
 * {@code private.pem} alone is enough to sign and to name the key.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.generateInto(dir);      // dir/private.pem, dir/public.pem
 * byte[] signature = key.sign(bytes);
 * TrustStore.read(List.of(dir.resolve("public.pem"))).check(key.id(), bytes, signature).valid(); // true
 * }</pre>
 */
public final class SigningKey {

    /** File name of the private key written by {@link #writeTo(Path)}. */
    public static final String PRIVATE_FILE = "private.pem";
    /** File name of the public key written by {@link #writeTo(Path)}. */
    public static final String PUBLIC_FILE = "public.pem";

    private static final String LABEL = "PRIVATE KEY";

    private final PrivateKey key;
    private final VerifyingKey verifyingKey;

    private SigningKey(PrivateKey key, VerifyingKey verifyingKey) {
        this.key = key;
        this.verifyingKey = verifyingKey;
    }

    /** A new random key pair from the JDK's default {@code SecureRandom}. */
    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKey(pair.getPrivate(), VerifyingKey.of(pair.getPublic(), "generated key"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required of every JDK 15+", e);
        }
    }

    /**
     * Generates a key pair and writes it to {@code dir} (created if needed) as {@link #PRIVATE_FILE}
     * (owner read/write only where the file system has POSIX permissions) and {@link #PUBLIC_FILE}.
     *
     * @throws CreditModelException if either file already exists (a key is never overwritten)
     * @throws UncheckedIOException if the files cannot be written
     */
    public static SigningKey generateInto(Path dir) {
        SigningKey key = generate();
        key.writeTo(dir);
        return key;
    }

    /**
     * Parses PEM text holding one Ed25519 private key.
     *
     * @throws CreditModelException at {@code source} when the text holds no private key, a public or
     *                              encrypted key instead, or a corrupt or non-Ed25519 key
     */
    public static SigningKey fromPem(String pem, String source) {
        List<Pem.Block> blocks = Pem.decode(pem, source);
        if (blocks.size() != 1) {
            throw new CreditModelException(source, (blocks.isEmpty() ? "no '-----BEGIN PRIVATE KEY-----' block"
                    : blocks.size() + " PEM blocks, one private key is expected")
                    + "; a private key file is the private.pem written by 'credit bundle keygen'");
        }
        Pem.Block block = blocks.get(0);
        String where = source + ":" + block.line();
        if (block.label().equals("ENCRYPTED PRIVATE KEY")) {
            throw new CreditModelException(where, "an encrypted private key is not supported; decrypt it "
                    + "with 'openssl pkey -in FILE -out private.pem' and protect the file instead");
        }
        if (!block.label().equals(LABEL)) {
            throw new CreditModelException(where, "holds a '" + Pem.clip(block.label())
                    + "', a 'PRIVATE KEY' is needed" + (block.label().equals(VerifyingKey.LABEL)
                    ? " (this is a public key: sign with private.pem, verify with public.pem)" : ""));
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CreditModelException(where, "not an Ed25519 private key (" + Pem.clip(e.getMessage())
                    + "); creditkit keys are Ed25519, made by 'credit bundle keygen' or "
                    + "'openssl genpkey -algorithm ed25519'");
        }
        byte[] seed = key instanceof EdECPrivateKey ed ? ed.getBytes().orElse(null) : null;
        if (seed == null || seed.length != 32) {
            throw new CreditModelException(where, "not an Ed25519 private key (no 32-byte seed)");
        }
        return new SigningKey(key, VerifyingKey.ofRaw(Ed25519.publicKey(seed)));
    }

    /**
     * Reads a {@code private.pem} file.
     *
     * @throws CreditModelException naming the file when it is missing, too large, not PEM, or not one
     *                              Ed25519 private key
     */
    public static SigningKey read(Path file) {
        return fromPem(Pem.readSmallText(file, "private key"), file.toString());
    }

    /** The public half. */
    public VerifyingKey verifyingKey() {
        return verifyingKey;
    }

    /** The id of the public half. */
    public KeyId id() {
        return verifyingKey.id();
    }

    /** The 64-byte Ed25519 signature of {@code data}. */
    public byte[] sign(byte[] data) {
        Objects.requireNonNull(data, "data");
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed with a valid Ed25519 key", e);
        }
    }

    /** The PEM text of {@code private.pem} (secret). */
    public String toPem() {
        return Pem.encode(LABEL, key.getEncoded());
    }

    /**
     * Writes {@link #PRIVATE_FILE} and {@link #PUBLIC_FILE} into {@code dir} (created if needed),
     * the private file readable by its owner only where POSIX permissions exist.
     *
     * @throws CreditModelException if either file already exists (a key is never overwritten)
     * @throws UncheckedIOException if the files cannot be written
     */
    public void writeTo(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        for (Path f : List.of(privateFile, publicFile)) {
            if (Files.exists(f)) {
                throw new CreditModelException(f.toString(), "already exists; a key is never overwritten "
                        + "(choose another directory or remove the old key on purpose)");
            }
        }
        try {
            Files.createDirectories(dir);
            try {
                Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(privateFile);
            }
            Files.writeString(privateFile, toPem(), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            verifyingKey.write(publicFile);
        } catch (FileAlreadyExistsException e) {
            throw new CreditModelException(e.getFile(), "already exists; a key is never overwritten");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key pair into " + dir, e);
        }
    }

    /** {@code Ed25519 signing key <id>}; never the secret. */
    @Override
    public String toString() {
        return "Ed25519 signing key " + id();
    }
}
