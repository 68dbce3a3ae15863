/**
 * Gradient boosting with Smile's {@code GradientTreeBoost} and its exact flat-array form.
 *
 * <p>{@link org.creditkit.models.gbm.GbmTrainer} encodes the features (categorical levels as their
 * bad-rate rank, missing values as a sentinel above every training value so that they always take
 * the "greater than" branch), fits Smile, and copies every tree into
 * {@link org.creditkit.models.gbm.FlatTrees}: primitive arrays of feature, threshold, children,
 * leaf values and missing direction, which evaluate to Smile's probability exactly. That flat form
 * is what is exported to the core {@code TreeEnsemble}.
 */
package org.creditkit.models.gbm;
