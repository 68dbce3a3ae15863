/**
 * Offline model workbench: the shared pieces of training and evaluation.
 *
 * <p>Sub-packages: {@code data} (columnar datasets and CSV/ARFF readers), {@code binning}
 * (supervised binning, weight of evidence, information value), {@code scorecard} (logistic
 * scorecards on WoE), {@code gbm} (gradient boosting with Smile and its flat-array form),
 * {@code overlay} (industry overlays with credibility shrinkage), {@code eval} (discrimination,
 * calibration, stability, cross-validation) and {@code report} (the HTML model report). Nothing
 * here is on the runtime scoring path: trained models are exported to the core bundle format.
 */
package org.creditkit.models;
