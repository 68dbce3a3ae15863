/**
 * Training data: a columnar {@link org.creditkit.models.data.Dataset} (numeric columns as
 * {@code double} with {@code NaN} for missing, categorical columns as level codes, a 0/1 target,
 * an optional industry grouping and an optional true-PD column) and the readers that build it from
 * CSV (RFC 4180) and ARFF files under a {@link org.creditkit.models.data.ColumnMapping}.
 *
 * <p>Rows that cannot be used are never dropped silently: each is reported with its line number in
 * the {@link org.creditkit.models.data.LoadResult}, and loading fails only when their share exceeds
 * the configured limit.
 */
package org.creditkit.models.data;
