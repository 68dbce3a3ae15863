/**
 * The trained model as training holds it in memory: a scorecard or GBM with its overlays,
 * calibration shift and training metadata ({@link org.creditkit.models.store.TrainedModel}), with
 * the training-only state (bins with counts and WoE, level encodings, importance, credibility) that
 * the core types do not carry. It is never written as a file of its own:
 * {@link org.creditkit.models.export.BundleExport} turns it into the core model bundle, which is the
 * one model format.
 */
package org.creditkit.models.store;
