/**
 * The feature (indicator) catalogue with lineage, the {@link org.creditkit.core.feature.FeatureVector}
 * that models score, and the extractor that turns an application into one. Missing data is an
 * explicit state per feature, never a silent zero.
 */
package org.creditkit.core.feature;
