package org.creditkit.core.sign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.Problem;

/**
 * The public keys whose signatures are trusted, by {@link KeyId}. Immutable. Read from one or more
 * PEM files, each holding one or more {@code PUBLIC KEY} blocks (a {@code public.pem}, or several
 * concatenated).
 *
 * <pre>{@code
 * TrustStore trust = TrustStore.read(List.of(Path.of("keys/bank.pem"), Path.of("keys/vendor.pem")));
 * SignatureCheck check = trust.check(keyId, content, signature);
 * }</pre>
 */
public final class TrustStore {

    private static final TrustStore EMPTY = new TrustStore(Map.of());

    private final Map<KeyId, VerifyingKey> keys;

    private TrustStore(Map<KeyId, VerifyingKey> keys) {
        this.keys = keys;
    }

    /** A store trusting no key. */
    public static TrustStore empty() {
        return EMPTY;
    }

    /**
     * A store of these keys; a key given twice counts once.
     *
     * @throws CreditModelException if two different keys share an id (a 64-bit collision: refuse
     *                              rather than guess which one is meant)
     */
    public static TrustStore of(Collection<VerifyingKey> keys) {
        Map<KeyId, VerifyingKey> map = new LinkedHashMap<>();
        for (VerifyingKey k : keys) {
            VerifyingKey old = map.putIfAbsent(k.id(), Objects.requireNonNull(k, "key"));
            if (old != null && !old.equals(k)) {
                throw new CreditModelException("trust store", "two different keys have the id " + k.id()
                        + "; remove one of them");
            }
        }
        return new TrustStore(java.util.Collections.unmodifiableMap(map));
    }

    /** A store of these keys. */
    public static TrustStore of(VerifyingKey... keys) {
        return of(List.of(keys));
    }

    /**
     * Reads every public key of every file.
     *
     * @throws CreditModelException with one problem per bad file (missing, too large, not PEM, a
     *                              private key, a corrupt or non-Ed25519 key)
     */
    public static TrustStore read(List<Path> files) {
        List<VerifyingKey> all = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                all.addAll(VerifyingKey.allFromPem(Pem.readSmallText(f, "public key"), f.toString()));
            } catch (CreditModelException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new CreditModelException(problems);
        }
        return of(all);
    }

    /** The key with this id, if trusted. */
    public Optional<VerifyingKey> find(KeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** Whether the key with this id is trusted. */
    public boolean trusts(KeyId id) {
        return keys.containsKey(id);
    }

    /** The trusted keys, in the order given. */
    public List<VerifyingKey> keys() {
        return List.copyOf(keys.values());
    }

    /** Whether no key is trusted. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** This store plus {@code key}. */
    public TrustStore with(VerifyingKey key) {
        List<VerifyingKey> all = new ArrayList<>(keys.values());
        all.add(key);
        return of(all);
    }

    /**
     * Checks that {@code signature} is the signature of {@code data} by the trusted key {@code signer}.
     * Never throws for a bad signature: the answer says why it is not valid.
     */
    public SignatureCheck check(KeyId signer, byte[] data, byte[] signature) {
        VerifyingKey key = keys.get(Objects.requireNonNull(signer, "signer"));
        if (key == null) {
            return SignatureCheck.invalid("signed by key " + signer + ", which is not trusted (trusted: "
                    + (keys.isEmpty() ? "none" : String.join(", ", keys.keySet().stream()
                    .map(KeyId::value).toList())) + "); add its public.pem to the trust store if you trust it");
        }
        if (signature.length != VerifyingKey.SIGNATURE_BYTES) {
            return SignatureCheck.invalid("the signature is " + signature.length + " bytes, an Ed25519 "
                    + "signature is " + VerifyingKey.SIGNATURE_BYTES);
        }
        if (!key.verify(data, signature)) {
            return SignatureCheck.invalid("the signature by key " + signer + " does not match the content: "
                    + "it was changed after signing (sign it again with the private key if the change is "
                    + "intended)");
        }
        return SignatureCheck.valid(signer);
    }

    /** {@code TrustStore[id, id]}. */
    @Override
    public String toString() {
        return "TrustStore" + keys.keySet();
    }
}
