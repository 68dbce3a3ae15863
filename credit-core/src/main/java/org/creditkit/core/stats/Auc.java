package org.creditkit.core.stats;

/** The AUC's sampling error: one formula for the fairness audit's direction check and model evaluation. */
public final class Auc {

    private Auc() {
    }

    /**
     * The standard error of an AUC after Hanley and McNeil (1982), "The meaning and use of the area under a
     * receiver operating characteristic (ROC) curve", Radiology 143: with {@code Q1 = A / (2 - A)} and
     * {@code Q2 = 2A² / (1 + A)}, {@code SE² = (A(1 - A) + (nb - 1)(Q1 - A²) + (ng - 1)(Q2 - A²)) / (nb ng)};
     * a variance rounded below zero counts as zero.
     *
     * @param auc  the AUC, in [0, 1]
     * @param bad  the number of defaulted (positive) records, at least 1
     * @param good the number of repaid (negative) records, at least 1
     * @return the standard error, at least 0
     */
    public static double hanleyMcNeilStandardError(double auc, long bad, long good) {
        double q1 = auc / (2 - auc);
        double q2 = 2 * auc * auc / (1 + auc);
        double var = (auc * (1 - auc) + (bad - 1) * (q1 - auc * auc) + (good - 1) * (q2 - auc * auc))
                / ((double) bad * good);
        return Math.sqrt(Math.max(var, 0));
    }
}
