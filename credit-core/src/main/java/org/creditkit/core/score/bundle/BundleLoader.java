package org.creditkit.core.score.bundle;

import java.nio.file.Path;
import java.util.Objects;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.score.spi.ModelRegistry;
import org.creditkit.core.sign.SignatureCheck;
import org.creditkit.core.sign.TrustStore;

/**
 * Loads a model bundle file the way a service should: refused before reading when larger than a cap,
 * verified (structure, checksum, every number finite and in range), and accepted only when signed by
 * a trusted key, unless the caller explicitly allows unsigned bundles. Immutable: each option returns
 * a new loader.
 *
 * <pre>{@code
 * ModelBundle bundle = BundleLoader.standard()
 *         .trust(TrustStore.read(List.of(Path.of("keys/model-team.pem"))))
 *         .read(Path.of("sme-gbm.signed.json"));
 * }</pre>
 *
 * <p>With {@link #allowUnsigned()}, an unsigned bundle and one signed by a key outside the trust store
 * (whose signature proves nothing here) are accepted; a bundle whose signature by a <em>trusted</em>
 * key does not match its content is refused in every case.
 */
public final class BundleLoader {

    /** Default cap on a bundle file: 16 MiB (the largest trained ensembles are a few MB). */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    private final long maxBytes;
    private final ModelRegistry registry;
    private final TrustStore trust;
    private final boolean allowUnsigned;

    private BundleLoader(long maxBytes, ModelRegistry registry, TrustStore trust, boolean allowUnsigned) {
        this.maxBytes = maxBytes;
        this.registry = registry;
        this.trust = trust;
        this.allowUnsigned = allowUnsigned;
    }

    /** 16 MiB cap, the standard model registry, no trusted key, unsigned bundles refused. */
    public static BundleLoader standard() {
        return new BundleLoader(DEFAULT_MAX_BYTES, ModelRegistry.standard(), TrustStore.empty(), false);
    }

    /**
     * The largest bundle file read, in bytes.
     *
     * @throws IllegalArgumentException unless positive
     */
    public BundleLoader maxBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxBytes (" + bytes + ") must be > 0");
        }
        return new BundleLoader(bytes, registry, trust, allowUnsigned);
    }

    /** The registry resolving model types. */
    public BundleLoader registry(ModelRegistry value) {
        return new BundleLoader(maxBytes, Objects.requireNonNull(value, "registry"), trust, allowUnsigned);
    }

    /** The keys whose signatures are trusted. */
    public BundleLoader trust(TrustStore value) {
        return new BundleLoader(maxBytes, registry, Objects.requireNonNull(value, "trust"), allowUnsigned);
    }

    /** Accepts unsigned bundles (and bundles signed by unknown keys): development and tests only. */
    public BundleLoader allowUnsigned() {
        return new BundleLoader(maxBytes, registry, trust, true);
    }

    /**
     * Reads, verifies and checks the signature of a bundle file.
     *
     * @throws CreditModelException listing every problem with its JSON path, or why the signature is
     *                              refused, or that the file is too large or unreadable
     */
    public ModelBundle read(Path file) {
        ModelBundle bundle = ModelBundle.read(file, registry, maxBytes);
        check(bundle, trust, allowUnsigned, file.toString());
        return bundle;
    }

    /**
     * Applies the trust rule to a bundle already read: nothing when trusted (or allowed unsigned),
     * else a {@link CreditModelException} at {@code source} with the reason.
     */
    public static void check(ModelBundle bundle, TrustStore trust, boolean allowUnsigned, String source) {
        SignatureCheck c = bundle.verify(trust);
        if (c.valid()) {
            return;
        }
        boolean provenUntrusted = bundle.signature().isPresent()
                && trust.trusts(bundle.signature().get().keyId());
        if (allowUnsigned && !provenUntrusted) {
            return;
        }
        throw new CreditModelException(source, "model bundle " + bundle.id() + " " + bundle.version()
                + " refused: " + c.reason() + (allowUnsigned || provenUntrusted ? ""
                : "; sign it with 'credit bundle sign' and trust the key, or allow unsigned bundles explicitly"));
    }
}
