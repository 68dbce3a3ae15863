package org.creditkit.spark;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.rules.CreditEngine;

/**
 * The engines of one executor JVM, one per (bundle checksum, ruleset version), shared by all its task
 * threads ({@link CreditEngine} is thread-safe).
 *
 * <p>This is the one piece of mutable static state in credit-spark, on purpose: a Spark executor is a
 * long-lived JVM that runs many tasks, on several threads, of many stages; building an engine
 * (parsing the bundle, compiling the Drools rules) costs far more than deciding a partition, so it
 * must happen once per JVM, not once per task or partition, and an engine (Drools sessions, caches)
 * cannot be serialised from the driver. The key makes the cache safe: a new bundle or rule set is a
 * new key and gets its own engine, so nothing stale is ever served. The map holds at most
 * {@value #MAX_ENGINES} engines; a job that switches rule sets more often than that closes the old
 * ones. Nothing else is static: readers and schemas are immutable.
 */
final class ExecutorEngines {

    /** Most engines kept per JVM (a job uses one; a comparison of two policies, two). */
    static final int MAX_ENGINES = 4;

    private static final ConcurrentMap<String, CreditEngine> ENGINES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, ModelBundle> BUNDLES = new ConcurrentHashMap<>();

    private ExecutorEngines() {
    }

    /**
     * The engine of a spec, built on first use in this JVM.
     *
     * @param spec the bundle and rules
     * @return the shared engine
     */
    static CreditEngine engine(EngineSpec spec) {
        return cached(ENGINES, spec.key(), () -> build(spec), CreditEngine::close);
    }

    /**
     * The model bundle of a spec (for scoring without rules), parsed on first use in this JVM.
     *
     * @param spec the spec
     * @return the shared bundle
     */
    static ModelBundle bundle(EngineSpec spec) {
        return cached(BUNDLES, spec.bundleChecksum(), spec::bundle, b -> { });
    }

    /** The value of a key, built once under the map's lock; a full map is emptied (evicted values closed) first. */
    private static <V> V cached(ConcurrentMap<String, V> map, String key, Supplier<V> build, Consumer<V> evict) {
        V v = map.get(key);
        if (v != null) {
            return v;
        }
        synchronized (map) {
            v = map.get(key);
            if (v == null) {
                if (map.size() >= MAX_ENGINES) {
                    map.values().forEach(evict);
                    map.clear();
                }
                v = build.get();
                map.put(key, v);
            }
            return v;
        }
    }

    /**
     * Builds a new engine from a spec, not cached (also what the benchmark times as the per-executor cost).
     * An executor's engine decides one batch and is never reloaded (a new rule set is a new spec, hence a
     * new engine), so there is no reload to gate: it is built {@code withoutScenarioGate()}, as the
     * batch commands are. The rule set was checked where the job was submitted, and so was the bundle's
     * trust: the driver was handed a {@code ModelBundle} object (read through {@code BundleLoader} with
     * its trust store), and the executor only accepts the bundle whose checksum the spec names, so it
     * builds with {@code allowUnsignedBundles()} instead of a trust store of its own.
     *
     * @param spec the spec
     * @return a new engine, to be closed by the caller
     */
    static CreditEngine build(EngineSpec spec) {
        return CreditEngine.builder().model(spec.bundle()).allowUnsignedBundles().rules(spec.rules())
                .withoutScenarioGate().build();
    }

    /** How many engines this JVM holds (for tests). */
    static int size() {
        return ENGINES.size();
    }
}
