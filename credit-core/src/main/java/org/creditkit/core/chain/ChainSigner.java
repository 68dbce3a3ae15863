package org.creditkit.core.chain;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.creditkit.core.sign.SigningKey;

/**
 * Signs checkpoints: a key id recorded in each checkpoint and an Ed25519 signature of the
 * checkpoint's bytes. An interface so that a key held in an HSM can sign as well as a
 * {@code private.pem} read by {@code org.creditkit.core.sign}.
 */
public interface ChainSigner {

    /**
     * The id of the public key that verifies this signer's signatures.
     *
     * @return the key id, written into every checkpoint
     */
    String keyId();

    /**
     * Signs bytes.
     *
     * @param data the bytes of a checkpoint line before its signature field
     * @return the signature
     */
    byte[] sign(byte[] data);

    /**
     * A signer with an Ed25519 key (e.g. {@code private.pem} read by {@link SigningKey#read}).
     *
     * @param key the key
     * @return the signer, named by the key's {@link org.creditkit.core.sign.KeyId}
     */
    static ChainSigner of(SigningKey key) {
        Objects.requireNonNull(key, "key");
        return of(key.id().value(), key::sign);
    }

    /**
     * A signer from a key id and a signing function.
     *
     * @param keyId the public key's id; no quote, backslash or control character
     * @param sign the signing function
     * @return the signer
     */
    static ChainSigner of(String keyId, UnaryOperator<byte[]> sign) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(sign, "sign");
        ChainFormat.requirePlain(keyId, "keyId");
        return new ChainSigner() {
            @Override
            public String keyId() {
                return keyId;
            }

            @Override
            public byte[] sign(byte[] data) {
                return sign.apply(data);
            }
        };
    }
}
