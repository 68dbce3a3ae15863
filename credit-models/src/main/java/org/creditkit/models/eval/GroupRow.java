package org.creditkit.models.eval;

/**
 * Metrics within one group (an industry or a grade).
 *
 * @param group the group name
 * @param rows cases
 * @param bads defaults
 * @param observedRate observed default rate
 * @param meanPd mean predicted PD
 * @param auc AUC within the group, {@code NaN} when it holds only one outcome
 */
public record GroupRow(String group, int rows, int bads, double observedRate, double meanPd, double auc) {
}
