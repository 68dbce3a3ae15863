package org.creditkit.rules;

/** Data-quality findings about the application's source data; any of them sends the default policy to manual review. */
public enum DataQualityFlag {
    /** The same quantity from two sources differs by more than 8% (e.g. tax-declared vs statement revenue). */
    CROSS_SOURCE_INCONSISTENCY,
    /** A key monthly series swings beyond ±15% month over month. */
    ABNORMAL_FLUCTUATION,
    /** A source is older than its freshness limit. */
    STALE_SOURCE,
    /** A key source (e.g. tax) is missing. */
    MISSING_KEY_SOURCE,
    /** Source timestamps are off by more than 3 hours or otherwise inconsistent. */
    TIMESTAMP_ANOMALY
}
