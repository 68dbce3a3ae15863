/**
 * The workbench's own model file: a trained scorecard or GBM with its overlays, calibration and
 * training metadata as canonical JSON with a SHA-256 checksum, so that {@code credit evaluate} and
 * {@code credit psi} can use what {@code credit train} produced. Exports to the core model bundle
 * build on {@link org.creditkit.models.store.TrainedModel}.
 */
package org.creditkit.models.store;
