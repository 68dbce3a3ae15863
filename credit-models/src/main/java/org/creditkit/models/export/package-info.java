/**
 * Export of trained models to the core runtime: a {@link org.creditkit.models.store.TrainedModel}
 * becomes a core {@code ModelBundle} whose base is a core {@code Scorecard} (bins valued
 * coefficient &times; WoE) or {@code TreeEnsemble} (Smile's trees with {@code scale = 2}) and whose
 * industry overlays are keyed by GB/T 4754 codes. Data from the standard SME catalogue keeps that
 * catalogue; a CSV/ARFF table gets its own inline catalogue, and
 * {@link org.creditkit.models.export.BundleExport#vectors} lays its rows out as core feature
 * vectors. The runtime never sees Smile.
 */
package org.creditkit.models.export;
