package org.creditkit.models.eval;

import java.util.List;

/**
 * The result of k-fold cross-validation.
 *
 * @param k folds
 * @param seed the fold seed
 * @param folds metrics on each held-out fold
 * @param meanAuc mean fold AUC
 * @param sdAuc standard deviation of the fold AUCs
 * @param meanGini mean fold Gini
 * @param meanKs mean fold KS
 * @param meanBrier mean fold Brier score
 * @param meanLogLoss mean fold log loss
 * @param pooled metrics of all out-of-fold predictions together
 * @param outOfFoldLogOdds per row the log-odds predicted by the model that did not see it
 */
public record CvResult(int k, long seed, List<Metrics> folds, double meanAuc, double sdAuc, double meanGini,
        double meanKs, double meanBrier, double meanLogLoss, Metrics pooled, double[] outOfFoldLogOdds) {

    /** Copies. */
    public CvResult {
        folds = List.copyOf(folds);
        outOfFoldLogOdds = outOfFoldLogOdds.clone();
    }

    /**
     * Per row the out-of-fold log-odds.
     *
     * @return a copy
     */
    @Override
    public double[] outOfFoldLogOdds() {
        return outOfFoldLogOdds.clone();
    }
}
