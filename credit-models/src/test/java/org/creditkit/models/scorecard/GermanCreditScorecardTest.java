package org.creditkit.models.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import org.creditkit.models.GermanCredit;
import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.LoadResult;
import org.creditkit.models.eval.CrossValidation;
import org.creditkit.models.eval.CvResult;
import org.junit.jupiter.api.Test;

class GermanCreditScorecardTest {

    /**
     * The bar (5-fold CV AUC at least 0.79) on the folds of {@code credit train --cv 5}
     * (seed 42) with the default settings: measured 0.7917 with monotonic classing of the numeric
     * features in up to 8 bins of 3% (0.7880 with the earlier 4 free bins of 5%). Binning and
     * regression are refitted inside every training part.
     */
    @Test
    void crossValidation_fiveFoldsOfTheTrainCommand_meanAucAtLeast079() {
        CvResult cv = cv(42L);
        assertThat(cv.meanAuc()).isGreaterThanOrEqualTo(0.79);
    }

    /** Another fold seed: measured 0.7848 (0.7804 with the earlier defaults). */
    @Test
    void crossValidation_fiveFoldsOtherSeed_meanAucAtLeast078() {
        CvResult cv = cv(20261121L);
        assertThat(cv.meanAuc()).isGreaterThanOrEqualTo(0.78);
    }

    private static CvResult cv(long seed) {
        LoadResult loaded = GermanCredit.load();
        Dataset data = loaded.dataset();
        assertThat(data.rows()).isEqualTo(1000);
        assertThat(data.bads()).isEqualTo(300);
        CvResult cv = CrossValidation.run(data, 5, seed,
                train -> ScorecardTrainer.fit(train, ScorecardOptions.defaults(), Progress.none())::logOdds,
                Progress.none());
        System.out.printf("German Credit 5-fold CV (seed %d): mean AUC %.4f (sd %.4f), pooled AUC %.4f, KS %.4f%n",
                seed, cv.meanAuc(), cv.sdAuc(), cv.pooled().auc(), cv.meanKs());
        return cv;
    }
}
