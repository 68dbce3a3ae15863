package org.creditkit.models.eval;

/**
 * One decile of a lift table (deciles by predicted PD, 1 = highest PD, the riskiest tenth).
 *
 * @param decile 1..10
 * @param rows cases in the decile
 * @param bads defaults in the decile
 * @param badRate default rate in the decile
 * @param cumulativeBadShare share of all defaults caught in deciles 1..this
 * @param lift the decile's default rate over the overall rate
 */
public record LiftRow(int decile, int rows, int bads, double badRate, double cumulativeBadShare, double lift) {
}
