package org.creditkit.core.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.creditkit.core.CreditModelException;

/**
 * The operator's secret for keyed pseudonyms: HMAC-SHA-256. The same key gives the same pseudonym
 * of the same identifier (auditors can join decisions with outcomes), and without the key nobody can
 * reverse one by enumerating identifiers, which an unkeyed hash allows in a second. Stored as base64
 * text of at least 32 random bytes (a file or an environment variable). Thread-safe.
 *
 * <pre>{@code
 * PseudonymKey key = PseudonymKey.fromFile(Path.of("/etc/creditkit/pseudonym.key"));
 * String p = key.pseudonym("APP-2024-000017");   // 32 hex digits, stable under this key
 * }</pre>
 */
public final class PseudonymKey {

    /** The environment variable {@link #fromEnvironment(Map)} reads. */
    public static final String ENV = "CREDITKIT_PSEUDONYM_KEY";
    /** Fewest key bytes accepted. */
    public static final int MIN_BYTES = 32;
    private static final byte[] DEVELOPMENT = "creditkit development pseudonym key: NOT SECRET, NOT FOR PRODUCTION"
            .getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final String id;
    private final boolean development;
    private final ThreadLocal<Mac> macs;

    private PseudonymKey(byte[] bytes, boolean development) {
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.development = development;
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.id = development ? "development" : HexFormat.of().formatHex(
                hmac("creditkit pseudonym key id".getBytes(StandardCharsets.US_ASCII)), 0, 8);
    }

    /**
     * A key from raw bytes.
     *
     * @param bytes at least {@value #MIN_BYTES} bytes (copied)
     * @return the key
     * @throws IllegalArgumentException when shorter
     */
    public static PseudonymKey of(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a pseudonym key needs at least " + MIN_BYTES + " bytes, got "
                    + bytes.length);
        }
        return new PseudonymKey(bytes.clone(), false);
    }

    /**
     * A new random key.
     *
     * @param random the source of randomness
     * @return the key
     */
    public static PseudonymKey generate(SecureRandom random) {
        byte[] b = new byte[MIN_BYTES];
        random.nextBytes(b);
        return new PseudonymKey(b, false);
    }

    /**
     * The publicly known development key: pseudonyms under it are NOT protected. For tests and
     * explicit development mode only; its {@link #id()} is {@code development} so every log written
     * with it says so.
     *
     * @return the key
     */
    public static PseudonymKey development() {
        return new PseudonymKey(DEVELOPMENT, true);
    }

    /**
     * Reads a key file: base64 text of at least {@value #MIN_BYTES} bytes (surrounding white space ignored).
     *
     * @param file the file
     * @return the key
     * @throws CreditModelException naming the file when it is missing, unreadable, not base64 or too short
     */
    public static PseudonymKey fromFile(Path file) {
        byte[] raw;
        try (InputStream in = Files.newInputStream(file)) {
            raw = in.readNBytes(4097);
        } catch (NoSuchFileException e) {
            throw new CreditModelException(file.toString(), "no such pseudonym key file (make one with "
                    + "'credit log keygen --pseudonym-key FILE')");
        } catch (IOException e) {
            throw new CreditModelException(file.toString(), "cannot read the pseudonym key file: " + e, e);
        }
        if (raw.length > 4096) {
            throw new CreditModelException(file.toString(), "larger than 4096 bytes; a pseudonym key file holds "
                    + "one line of base64");
        }
        return parse(new String(raw, StandardCharsets.US_ASCII), file.toString());
    }

    /**
     * Reads the key from the environment variable {@value #ENV}.
     *
     * @param environment the environment, e.g. {@code System.getenv()}
     * @return the key
     * @throws CreditModelException when the variable is unset, not base64 or too short
     */
    public static PseudonymKey fromEnvironment(Map<String, String> environment) {
        String v = environment.get(ENV);
        if (v == null || v.isBlank()) {
            throw new CreditModelException("$" + ENV, "not set; set it to the base64 of at least " + MIN_BYTES
                    + " random bytes (e.g. 'openssl rand -base64 32')");
        }
        return parse(v, "$" + ENV);
    }

    private static PseudonymKey parse(String text, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CreditModelException(source, "not base64 (" + e.getMessage() + "); a pseudonym key is the "
                    + "base64 of at least " + MIN_BYTES + " random bytes");
        }
        if (bytes.length < MIN_BYTES) {
            throw new CreditModelException(source, "holds " + bytes.length + " bytes; a pseudonym key needs at least "
                    + MIN_BYTES + " random bytes");
        }
        PseudonymKey k = new PseudonymKey(bytes, false);
        Arrays.fill(bytes, (byte) 0);
        return k;
    }

    /**
     * Writes this key as base64 to a new file, readable by its owner only where POSIX permissions exist.
     *
     * @param file the file, which must not exist
     * @throws CreditModelException when the file exists (a key is never overwritten)
     * @throws UncheckedIOException when it cannot be written
     */
    public void writeTo(Path file) {
        if (development) {
            throw new IllegalStateException("the development key is not written to files");
        }
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write((Base64.getEncoder().encodeToString(key.getEncoded()) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        } catch (FileAlreadyExistsException e) {
            throw new CreditModelException(file.toString(), "already exists; a pseudonym key is never overwritten "
                    + "(pseudonyms made with the old key would no longer join)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pseudonym key " + file, e);
        }
    }

    /**
     * The pseudonym of an identifier: the first 128 bits of its HMAC, as 32 hex digits.
     *
     * @param identifier e.g. an application id or a USCC
     * @return 32 lowercase hex digits
     */
    public String pseudonym(String identifier) {
        return HexFormat.of().formatHex(hmac(identifier.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /**
     * The keyed digest of a document: its full HMAC-SHA-256.
     *
     * @param document the bytes
     * @return 64 lowercase hex digits
     */
    public String digest(byte[] document) {
        return HexFormat.of().formatHex(hmac(document));
    }

    /**
     * The keyed digest of a document streamed by {@code writer} (e.g. a JSON writer), without
     * holding the document in memory.
     *
     * @param writer writes the document's bytes to the stream it is given
     * @return 64 lowercase hex digits
     */
    public String digest(Consumer<OutputStream> writer) {
        Mac mac = macs.get();
        mac.reset();
        writer.accept(new OutputStream() {
            @Override
            public void write(int b) {
                mac.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                mac.update(b, off, len);
            }
        });
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private byte[] hmac(byte[] data) {
        Mac mac = macs.get();
        return mac.doFinal(data);
    }

    /**
     * A public name of this key (16 hex digits of an HMAC of a fixed text, or {@code development}),
     * recorded in every log so a reader knows which key made its pseudonyms; reveals nothing of the key.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Whether this is the publicly known {@link #development()} key.
     *
     * @return true for the development key
     */
    public boolean isDevelopment() {
        return development;
    }

    /**
     * Whether two keys are the same key (compared in constant time).
     *
     * @param other another key
     * @return true when equal
     */
    public boolean sameKeyAs(PseudonymKey other) {
        return MessageDigest.isEqual(key.getEncoded(), Objects.requireNonNull(other, "other").key.getEncoded());
    }

    /** {@code pseudonym key <id>}; never the secret. */
    @Override
    public String toString() {
        return "pseudonym key " + id;
    }
}
