package org.creditkit.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.score.spi.ModelRegistry;
import org.creditkit.rules.RuleSetSource;

/**
 * What an executor needs to build the engine, as plain text: the model bundle's JSON and the rule
 * files. This, not an engine, is what Spark serialises and broadcasts; {@link #key()} names the engine
 * it builds, so every task of an executor JVM shares one.
 *
 * @param bundleJson the model bundle as written by {@link ModelBundle#toJson()}
 * @param bundleChecksum the bundle's checksum ({@code sha256:...}), verified again on the executor
 * @param ruleOrigin where the rule files came from, for messages
 * @param ruleFiles rule file name to content ({@code *.drl} and the parameters file), unmodifiable
 * @param rulesetVersion the SHA-256 of the rule files ({@link RuleSetSource#version()})
 */
public record EngineSpec(String bundleJson, String bundleChecksum, String ruleOrigin,
        SortedMap<String, String> ruleFiles, String rulesetVersion) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks the parts and copies the rule files.
     *
     * @param bundleJson see {@link #bundleJson()}
     * @param bundleChecksum see {@link #bundleChecksum()}
     * @param ruleOrigin see {@link #ruleOrigin()}
     * @param ruleFiles see {@link #ruleFiles()}
     * @param rulesetVersion see {@link #rulesetVersion()}
     */
    public EngineSpec {
        Objects.requireNonNull(bundleJson, "bundleJson");
        Objects.requireNonNull(bundleChecksum, "bundleChecksum");
        Objects.requireNonNull(ruleOrigin, "ruleOrigin");
        Objects.requireNonNull(rulesetVersion, "rulesetVersion");
        ruleFiles = Collections.unmodifiableSortedMap(new TreeMap<>(ruleFiles));
    }

    /**
     * The spec of a bundle and a rule set.
     *
     * @param bundle the model bundle
     * @param rules the rule files
     * @return the spec
     */
    public static EngineSpec of(ModelBundle bundle, RuleSetSource rules) {
        return new EngineSpec(bundle.toJson(), bundle.checksum(), rules.origin(), rules.files(),
                rules.version());
    }

    /**
     * The default expert bundle and the default policy.
     *
     * @return the spec
     */
    public static EngineSpec defaults() {
        return of(ModelBundle.defaultBundle(), RuleSetSource.defaultPolicy());
    }

    /**
     * The engine's identity: bundle checksum and ruleset version.
     *
     * @return {@code checksum|version}
     */
    public String key() {
        return bundleChecksum + "|" + rulesetVersion;
    }

    /**
     * Parses the bundle and checks that it is the one this spec names.
     *
     * @return the bundle
     * @throws org.creditkit.core.CreditModelException when the text is not a valid bundle
     * @throws IllegalStateException when its checksum is not {@link #bundleChecksum()}
     */
    ModelBundle bundle() {
        ModelBundle b = ModelBundle.parse(bundleJson, "broadcast bundle " + bundleChecksum, ModelRegistry.standard());
        if (!b.checksum().equals(bundleChecksum)) {
            throw new IllegalStateException("the broadcast model bundle has checksum " + b.checksum() + ", not "
                    + bundleChecksum + " as the driver sent: the bytes changed in transit");
        }
        return b;
    }

    /**
     * The rule files as a rule set source.
     *
     * @return the source
     */
    RuleSetSource rules() {
        RuleSetSource s = RuleSetSource.of(ruleOrigin, ruleFiles);
        if (!s.version().equals(rulesetVersion)) {
            throw new IllegalStateException("the broadcast rule files have version " + s.version() + ", not "
                    + rulesetVersion + " as the driver sent");
        }
        return s;
    }

    @Override
    public String toString() {
        return "EngineSpec[model " + bundleChecksum + ", rules " + ruleOrigin + " " + rulesetVersion + "]";
    }
}
