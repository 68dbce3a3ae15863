/**
 * Model evaluation: discrimination (AUC with a Hanley-McNeil confidence interval, Gini, KS),
 * accuracy (Brier, log loss), calibration and lift by decile, per-group and per-grade tables,
 * seeded stratified k-fold cross-validation, and population stability (PSI, per-feature CSI with
 * the usual bands).
 */
package org.creditkit.models.eval;
