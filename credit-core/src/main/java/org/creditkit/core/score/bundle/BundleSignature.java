package org.creditkit.core.score.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.creditkit.core.sign.KeyId;

/**
 * The Ed25519 signature of a model bundle, stored in the bundle as
 * {@code "signature": {"algorithm": "Ed25519", "keyId": "<16 hex>", "value": "<base64 of 64 bytes>"}}.
 * The signed bytes are the UTF-8 text {@code creditkit-bundle-signature-v1\n} followed by the bundle's
 * checksum ({@code sha256:<hex>}), which covers every top-level field except {@code checksum} and
 * {@code signature} (see docs/bundles.md).
 *
 * @param keyId the signing key's id
 * @param value the base64 of the 64-byte signature
 */
public record BundleSignature(KeyId keyId, String value) {

    /** The only algorithm. */
    public static final String ALGORITHM = "Ed25519";
    private static final String DOMAIN = "creditkit-bundle-signature-v1\n";

    /** @throws IllegalArgumentException unless {@code value} is the base64 of 64 bytes */
    public BundleSignature {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(value, "value");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signature value is not base64");
        }
        if (bytes.length != 64) {
            throw new IllegalArgumentException("the signature value is " + bytes.length
                    + " bytes; an Ed25519 signature is 64");
        }
    }

    /** The signature bytes. */
    public byte[] bytes() {
        return Base64.getDecoder().decode(value);
    }

    /** The bytes a bundle signature covers: the domain line and the checksum. */
    static byte[] message(String checksum) {
        return (DOMAIN + checksum).getBytes(StandardCharsets.UTF_8);
    }
}
