package org.creditkit.core.quality;

/**
 * A data-quality concern about an application's data that is not an error: the application is
 * still read and scored, but rules may refer it to a person or discount the doubtful source.
 */
public enum DataQualityFlag {
    /** Two sources disagree by more than the tolerated relative difference (default 8%). */
    CROSS_SOURCE_INCONSISTENCY,
    /** Repeated month-over-month swings beyond the tolerated change (default ±15%) in a key series. */
    ABNORMAL_FLUCTUATION,
    /** A source is older than its maximum age at the application time, or its series ends too early. */
    STALE_SOURCE,
    /** A source the decision relies on (by default tax and financial statements) is absent or empty. */
    MISSING_KEY_SOURCE,
    /** A timestamp is implausible: a source dated more than the tolerated skew (default 3 h) after the application, or data dated after its own as-of time. */
    TIMESTAMP_ANOMALY,
    /**
     * The enterprise's region code is no longer in the current GB/T 2260 list: it was valid at the
     * application time, or retired around it (the strict reader refuses one retired before it). Zone
     * and province still follow from the code; the finding names the year it was retired (or the
     * window of years) and its successors in the current list.
     */
    RETIRED_REGION_CODE;

    /**
     * An immutable set of the given flags, equal to any set of the same flags. There are 64 combinations;
     * each is one shared instance whose text ({@code toString}, e.g. {@code [STALE_SOURCE, TIMESTAMP_ANOMALY]},
     * as an {@link java.util.EnumSet} writes it) and hash code are computed once, where a copied set would
     * be allocated per application and written per reason text that names it.
     *
     * @param flags the flags
     * @return the shared set of those flags ({@link java.util.Set#of()} when none)
     * @throws NullPointerException if {@code flags} is or contains null
     */
    public static java.util.Set<DataQualityFlag> setOf(java.util.Collection<DataQualityFlag> flags) {
        return SharedFlagSet.of(flags);
    }
}
