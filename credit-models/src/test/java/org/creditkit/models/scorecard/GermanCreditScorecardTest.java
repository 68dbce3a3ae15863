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

    @Test
    void crossValidation_fiveFolds_meanAucAtLeast077() {
        LoadResult loaded = GermanCredit.load();
        Dataset data = loaded.dataset();
        assertThat(data.rows()).isEqualTo(1000);
        assertThat(data.bads()).isEqualTo(300);
        CvResult cv = CrossValidation.run(data, 5, 20261121L,
                train -> ScorecardTrainer.fit(train, ScorecardOptions.defaults(), Progress.none())::logOdds,
                Progress.none());
        System.out.printf("German Credit 5-fold CV: mean AUC %.4f (sd %.4f), pooled AUC %.4f, KS %.4f%n",
                cv.meanAuc(), cv.sdAuc(), cv.pooled().auc(), cv.meanKs());
        assertThat(cv.meanAuc()).isGreaterThanOrEqualTo(0.77);
    }
}
