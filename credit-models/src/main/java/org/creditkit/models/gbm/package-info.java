/**
 * Gradient boosting and its exact flat-array form.
 *
 * <p>{@link org.creditkit.models.gbm.GbmTrainer#fit} encodes the features (categorical levels as
 * their bad-rate rank, missing values kept as missing) and boosts histogram trees: 255 quantile
 * bins per feature plus a bin for missing values whose direction is learnt at every split,
 * leaf-wise growth, Newton leaf values with an L2 penalty, and early stopping on a seeded validation
 * part ({@link org.creditkit.models.gbm.GbmOptions}). The trees are laid out as
 * {@link org.creditkit.models.gbm.FlatTrees}: primitive arrays of feature, threshold, children, leaf
 * values and missing direction, which reproduce the trained margins bit for bit. That flat form is
 * what is exported to the core {@code TreeEnsemble}.
 *
 * <p>{@link org.creditkit.models.gbm.GbmTrainer#fitWithSmile} fits Smile's
 * {@code GradientTreeBoost} instead (missing values as a sentinel above every training value) and
 * copies its trees into the same flat form; it is kept as the reference the export is checked
 * against and for the export benchmark.
 */
package org.creditkit.models.gbm;
