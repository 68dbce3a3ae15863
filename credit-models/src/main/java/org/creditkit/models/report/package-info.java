/**
 * The self-contained HTML model report written by {@code --report DIR}: metrics with confidence
 * intervals, cross-validation folds, ROC and KS curves, calibration plot and table, score
 * distribution by outcome, WoE per feature (or GBM importance), per-industry and per-grade tables
 * and training notes, all inline (SVG charts, no scripts, no external resources).
 */
package org.creditkit.models.report;
