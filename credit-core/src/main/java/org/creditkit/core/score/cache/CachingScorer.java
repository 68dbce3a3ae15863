package org.creditkit.core.score.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.creditkit.core.codes.Uscc;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.Enterprise;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.Product;
import org.creditkit.core.domain.SourceRecord;
import org.creditkit.core.score.ScoreResult;

/**
 * A Caffeine-backed cache in front of a scoring function, keyed by the enterprise (USCC) and the
 * data version of what was scored. Bounded in size, entries expire a fixed time after they were
 * computed (default {@value #DEFAULT_EXPIRY_HOURS} hours: "scores refresh within hours of new data"),
 * and {@link #invalidate(Uscc)} drops every entry of an enterprise at once when new source data
 * arrives. Thread-safe; concurrent requests for the same key compute once.
 *
 * <p>The default data version of an application ({@link #dataVersion(LoanApplication)}) is the
 * provenance (source, source system, as-of time) of every source present plus the enterprise record,
 * the product, the amount and the term: a new tax filing or court record, or a different request,
 * is a different key. The application time is deliberately not part of it, so time-dependent
 * features (firm age, 36-month windows) may lag by at most the expiry. A caller that versions its
 * data itself passes its own version string.
 *
 * <pre>{@code
 * CachingScorer cache = CachingScorer.builder().maximumSize(200_000).expireAfterWrite(Duration.ofHours(4))
 *     .build(app -> scorer.score(extractor.extract(app), app.enterprise().industry()));
 * ScoreResult r = cache.score(application);
 * cache.invalidate(application.enterprise().uscc());   // new tax data arrived
 * }</pre>
 */
public final class CachingScorer {

    /** Default expiry in hours. */
    public static final int DEFAULT_EXPIRY_HOURS = 4;
    /** Default maximum number of cached results. */
    public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

    /**
     * Cache statistics.
     *
     * @param hits          lookups answered from the cache
     * @param misses        lookups that computed a score
     * @param evictions     entries evicted for size or expiry
     * @param size          approximate number of entries now
     */
    public record Stats(long hits, long misses, long evictions, long size) {
        /** Hits over lookups, 1 when there were none. */
        public double hitRate() {
            long n = hits + misses;
            return n == 0 ? 1.0 : (double) hits / n;
        }
    }

    private record Key(Uscc uscc, Object version) {
    }

    private record SourceStamp(DataSource source, String system, Instant asOf) {
    }

    private record ApplicationVersion(List<SourceStamp> sources, Enterprise enterprise, Product product,
                                      BigDecimal amount, int termMonths) {
    }

    private final Cache<Key, ScoreResult> cache;
    private final Function<LoanApplication, ScoreResult> scorer;

    private CachingScorer(Builder b, Function<LoanApplication, ScoreResult> scorer) {
        Caffeine<Object, Object> c = Caffeine.newBuilder()
                .maximumSize(b.maximumSize)
                .expireAfterWrite(b.expireAfterWrite)
                .recordStats();
        if (b.ticker != null) {
            c.ticker(b.ticker);
            c.executor(Runnable::run);
        }
        this.cache = c.build();
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The data version {@link #score(LoanApplication)} keys on (a value with exact equality). */
    public static Object dataVersion(LoanApplication app) {
        List<SourceRecord> present = app.sources().present();
        List<SourceStamp> stamps = new ArrayList<>(present.size());
        for (SourceRecord r : present) {
            stamps.add(new SourceStamp(r.source(), r.provenance().sourceSystem(), r.provenance().asOf()));
        }
        return new ApplicationVersion(List.copyOf(stamps), app.enterprise(), app.product(),
                app.amount().stripTrailingZeros(), app.termMonths());
    }

    /** The score of an application, from the cache when its enterprise and data version were scored. */
    public ScoreResult score(LoanApplication app) {
        return cache.get(new Key(app.enterprise().uscc(), dataVersion(app)), k -> scorer.apply(app));
    }

    /**
     * The score of an application under a caller-supplied data version.
     *
     * @param dataVersion the caller's version of the enterprise's data, e.g. a sequence number or hash
     */
    public ScoreResult score(LoanApplication app, String dataVersion) {
        Objects.requireNonNull(dataVersion, "dataVersion");
        return cache.get(new Key(app.enterprise().uscc(), dataVersion), k -> scorer.apply(app));
    }

    /**
     * Drops every cached result of an enterprise (call when new source data for it arrives). Runs in
     * time proportional to the cache size.
     *
     * @return how many entries were dropped
     */
    public int invalidate(Uscc uscc) {
        Objects.requireNonNull(uscc, "uscc");
        int[] n = {0};
        cache.asMap().keySet().removeIf(k -> {
            boolean hit = k.uscc().equals(uscc);
            if (hit) {
                n[0]++;
            }
            return hit;
        });
        return n[0];
    }

    /** Drops everything (e.g. after a model change). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** Hit, miss and eviction counts and the current size. */
    public Stats stats() {
        com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.stats();
        return new Stats(s.hitCount(), s.missCount(), s.evictionCount(), cache.estimatedSize());
    }

    /** Performs pending maintenance (expiry, eviction) now; for tests and monitoring. */
    public void cleanUp() {
        cache.cleanUp();
    }

    /** Configures a {@link CachingScorer}. */
    public static final class Builder {
        private long maximumSize = DEFAULT_MAXIMUM_SIZE;
        private Duration expireAfterWrite = Duration.ofHours(DEFAULT_EXPIRY_HOURS);
        private Ticker ticker;

        private Builder() {
        }

        /**
         * Maximum number of cached results.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maximumSize(long n) {
            if (n <= 0) {
                throw new IllegalArgumentException("maximumSize must be > 0, got " + n);
            }
            maximumSize = n;
            return this;
        }

        /**
         * Time after which a computed score is recomputed.
         *
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder expireAfterWrite(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("expireAfterWrite must be positive, got " + d);
            }
            expireAfterWrite = d;
            return this;
        }

        /** A time source in nanoseconds (tests); maintenance then runs on the calling thread. */
        public Builder ticker(java.util.function.LongSupplier nanos) {
            Objects.requireNonNull(nanos, "nanos");
            ticker = nanos::getAsLong;
            return this;
        }

        /** Builds the cache in front of {@code scorer}. */
        public CachingScorer build(Function<LoanApplication, ScoreResult> scorer) {
            return new CachingScorer(this, scorer);
        }
    }
}
