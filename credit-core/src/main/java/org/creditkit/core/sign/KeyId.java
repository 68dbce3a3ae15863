package org.creditkit.core.sign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a public key: the first 16 lowercase hex digits (64 bits) of the SHA-256 of the key's
 * X.509 SubjectPublicKeyInfo encoding (the DER bytes inside {@code public.pem}). The same key always
 * has the same id, whoever computes it: {@code openssl pkey -pubin -in public.pem -outform DER |
 * sha256sum | cut -c1-16}.
 *
 * @param value 16 lowercase hex digits
 */
public record KeyId(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{16}");

    /** @throws IllegalArgumentException unless {@code value} is 16 lowercase hex digits */
    public KeyId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a key id is 16 lowercase hex digits, not '"
                    + Pem.clip(value) + "'");
        }
    }

    /**
     * Parses a key id.
     *
     * @throws IllegalArgumentException unless {@code value} is 16 lowercase hex digits
     */
    public static KeyId of(String value) {
        return new KeyId(value);
    }

    /** The id of the key with this X.509 SubjectPublicKeyInfo encoding. */
    static KeyId ofEncoded(byte[] x509) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(x509);
            return new KeyId(HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Whether {@code text} is a well-formed key id. */
    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** The 16 hex digits. */
    @Override
    public String toString() {
        return value;
    }
}
