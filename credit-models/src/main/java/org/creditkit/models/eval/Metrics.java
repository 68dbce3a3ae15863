package org.creditkit.models.eval;

/**
 * Headline metrics of predicted PDs against 0/1 outcomes (1 = default).
 *
 * @param rows number of cases
 * @param bads number of defaults
 * @param auc area under the ROC curve (probability a random bad has a higher PD than a random
 *        good, ties counting half)
 * @param aucLower lower end of the 95% confidence interval (Hanley and McNeil 1982)
 * @param aucUpper upper end of the 95% confidence interval
 * @param gini {@code 2 * auc - 1}
 * @param ks Kolmogorov-Smirnov statistic: the largest gap between the cumulative PD distributions
 *        of bads and goods
 * @param brier mean squared error of the PD
 * @param logLoss mean negative log-likelihood (PDs clipped to [1e-15, 1-1e-15])
 * @param meanPd mean predicted PD
 * @param observedRate bads / rows
 */
public record Metrics(int rows, int bads, double auc, double aucLower, double aucUpper, double gini, double ks,
        double brier, double logLoss, double meanPd, double observedRate) {
}
