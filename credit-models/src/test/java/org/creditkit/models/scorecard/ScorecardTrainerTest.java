package org.creditkit.models.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.creditkit.core.score.Scaling;
import org.creditkit.models.GermanCredit;
import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.FeatureAlignment;
import org.junit.jupiter.api.Test;

class ScorecardTrainerTest {

    @Test
    void points_sumToTheScaledLogOddsForEveryRow() {
        Dataset d = GermanCredit.load().dataset();
        TrainedScorecard card = ScorecardTrainer.fit(d, ScorecardOptions.defaults(), Progress.none());
        double[][] cols = FeatureAlignment.columns(d, card.inputFeatures());
        double[] logOdds = card.logOdds(d);
        for (int r = 0; r < d.rows(); r++) {
            double[] row = new double[cols.length];
            for (int i = 0; i < cols.length; i++) {
                row[i] = cols[i][r];
            }
            assertThat(card.score(row)).isCloseTo(card.scaling().score(logOdds[r]), within(1e-9));
        }
    }

    @Test
    void coefficients_areAllNegativeOnWoe() {
        TrainedScorecard card = ScorecardTrainer.fit(GermanCredit.load().dataset(), ScorecardOptions.defaults(),
                Progress.none());
        assertThat(card.features()).isNotEmpty().allSatisfy(f -> assertThat(f.coefficient()).isLessThanOrEqualTo(0));
    }

    @Test
    void fit_sameData_givesIdenticalScorecard() {
        Dataset d = GermanCredit.load().dataset();
        TrainedScorecard a = ScorecardTrainer.fit(d, ScorecardOptions.defaults(), Progress.none());
        TrainedScorecard b = ScorecardTrainer.fit(d, ScorecardOptions.defaults(), Progress.none());
        assertThat(a.intercept()).isEqualTo(b.intercept());
        assertThat(a.features()).extracting(ScorecardFeature::points)
                .containsExactlyElementsOf(b.features().stream().map(ScorecardFeature::points).toList());
    }

    @Test
    void scaling_pdoPointsDoubleTheOdds() {
        Scaling s = ScorecardOptions.defaultScaling();
        assertThat(s.score(-Math.log(50))).isCloseTo(600, within(1e-9));
        assertThat(s.score(-Math.log(100))).isCloseTo(620, within(1e-9));
        assertThat(s.logOdds(s.score(0.3))).isCloseTo(0.3, within(1e-12));
    }
}
