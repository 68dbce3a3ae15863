/**
 * Data-quality findings that are not errors: cross-source inconsistency, abnormal month-over-month
 * fluctuation, stale sources, missing key sources and timestamp anomalies, raised as
 * {@link org.creditkit.core.quality.DataQualityFlag flags} with their evidence by
 * {@link org.creditkit.core.quality.DataQualityChecker} for the decision rules to use. Errors (data
 * that cannot be true) are rejected earlier by {@code org.creditkit.core.input}.
 */
package org.creditkit.core.quality;
