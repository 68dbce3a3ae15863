package org.creditkit.models.eval;

/**
 * One decile of a calibration table (deciles by predicted PD, 1 = lowest PD).
 *
 * @param decile 1..10
 * @param rows cases in the decile
 * @param bads defaults in the decile
 * @param meanPd mean predicted PD
 * @param observedRate observed default rate
 */
public record CalibrationRow(int decile, int rows, int bads, double meanPd, double observedRate) {
}
