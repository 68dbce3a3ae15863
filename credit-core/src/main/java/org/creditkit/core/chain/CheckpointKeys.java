package org.creditkit.core.chain;

import java.util.Objects;
import org.creditkit.core.sign.KeyId;
import org.creditkit.core.sign.TrustStore;

/**
 * The public keys a verifier trusts for checkpoint signatures.
 */
public interface CheckpointKeys {

    /**
     * Whether a key with this id is trusted.
     *
     * @param keyId the key id recorded in a checkpoint
     * @return true when {@link #verify} can check its signatures
     */
    boolean knows(String keyId);

    /**
     * Whether {@code signature} is the trusted key's signature of {@code data}.
     *
     * @param keyId a key id {@link #knows known}
     * @param data the signed bytes
     * @param signature the signature
     * @return true when it verifies
     */
    boolean verify(String keyId, byte[] data, byte[] signature);

    /**
     * Keys that trust nothing: every checkpoint fails (use to check only the hash chain).
     *
     * @return the keys
     */
    static CheckpointKeys none() {
        return of("", (d, s) -> false);
    }

    /**
     * The keys of a trust store (e.g. {@code public.pem} files).
     *
     * @param store the trusted public keys
     * @return the keys
     */
    static CheckpointKeys of(TrustStore store) {
        Objects.requireNonNull(store, "store");
        return new CheckpointKeys() {
            @Override
            public boolean knows(String keyId) {
                return KeyId.isWellFormed(keyId) && store.trusts(KeyId.of(keyId));
            }

            @Override
            public boolean verify(String keyId, byte[] data, byte[] signature) {
                return knows(keyId) && store.find(KeyId.of(keyId)).map(k -> k.verify(data, signature)).orElse(false);
            }
        };
    }

    /**
     * One trusted key.
     *
     * @param keyId its id
     * @param verify its verification function
     * @return the keys
     */
    static CheckpointKeys of(String keyId, java.util.function.BiPredicate<byte[], byte[]> verify) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(verify, "verify");
        return new CheckpointKeys() {
            @Override
            public boolean knows(String id) {
                return !keyId.isEmpty() && keyId.equals(id);
            }

            @Override
            public boolean verify(String id, byte[] data, byte[] signature) {
                return knows(id) && verify.test(data, signature);
            }
        };
    }
}
