package org.creditkit.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelVerdictTest {

    /** Ten PD levels of 2,000 rows, outcomes drawn at the PD, except one level drawn at {@code offRate}. */
    private static Object[] sample(int offLevel, double offRate) {
        SplittableRandom r = new SplittableRandom(3);
        int n = 20_000;
        double[] pd = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int level = i / 2000;
            pd[i] = 0.005 + 0.011 * level * level / 9.0 + 0.0001 * (i % 7);
            double rate = level == offLevel ? offRate : pd[i];
            y[i] = r.nextDouble() < rate ? 1 : 0;
        }
        return new Object[] {pd, y};
    }

    private static ModelVerdict verdictOf(Object[] s) {
        return ModelVerdict.of((double[]) s[0], (int[]) s[1], "test", List.of(), List.of());
    }

    private static ModelVerdict.Check check(ModelVerdict v, String name) {
        return v.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void calibratedModel_hasNoRedCalibrationLight() {
        ModelVerdict v = verdictOf(sample(-1, 0));
        assertThat(check(v, "calibration by decile").light()).isNotEqualTo(ModelVerdict.Light.RED);
        assertThat(check(v, "calibration in the large").light()).isEqualTo(ModelVerdict.Light.GREEN);
    }

    @Test
    void aDecileObservedFarBelowItsPrediction_isRedAndNamed() {
        // the case: a decile observed at 0.20% against 1.03% predicted went unflagged
        ModelVerdict v = verdictOf(sample(7, 0.002));
        ModelVerdict.Check c = check(v, "calibration by decile");
        assertThat(c.light()).isEqualTo(ModelVerdict.Light.RED);
        assertThat(c.evidence()).contains("observed 0.").contains("against predicted");
        assertThat(v.overall()).isEqualTo(ModelVerdict.Light.RED);
    }

    @Test
    void delong_aucEqualsTheRankAucAndItsVarianceShrinksWithTheSample() {
        Object[] small = sample(-1, 0);
        double[] pd = (double[]) small[0];
        int[] y = (int[]) small[1];
        double[] d = ModelVerdict.delong(pd, y);
        assertThat(d[0]).isCloseTo(Evaluation.auc(pd, y), within(1e-12));
        double[] half = ModelVerdict.delong(java.util.Arrays.copyOf(pd, 10_000), java.util.Arrays.copyOf(y, 10_000));
        assertThat(d[1]).isPositive();
        // a perfectly separating score has AUC 1 and variance 0
        double[] perfect = ModelVerdict.delong(new double[] {0.1, 0.2, 0.3, 0.8, 0.9}, new int[] {0, 0, 0, 1, 1});
        assertThat(perfect[0]).isEqualTo(1.0);
        assertThat(perfect[1]).isZero();
        assertThat(half[0]).isBetween(0.0, 1.0);
    }

    @Test
    void delong_matchesTheHandComputedExample() {
        double[] d = ModelVerdict.delong(new double[] {0.8, 0.4, 0.6, 0.2, 0.4}, new int[] {1, 1, 0, 0, 0});
        // bads 0.8, 0.4; goods 0.6, 0.2, 0.4: AUC = (3 + 1.5) / 6 = 0.75; V10 (per bad, share of goods
        // outranked, ties half) = {1.0, 0.5}; V01 (per good, share of bads above it) = {0.5, 1.0, 0.75}
        assertThat(d[0]).isCloseTo(0.75, within(1e-12));
        double s10 = ((1.0 - 0.75) * (1.0 - 0.75) + (0.5 - 0.75) * (0.5 - 0.75)) / 1;
        double s01 = ((0.5 - 0.75) * (0.5 - 0.75) + (1.0 - 0.75) * (1.0 - 0.75) + (0.75 - 0.75) * (0.75 - 0.75)) / 2;
        assertThat(d[1]).isCloseTo(s10 / 2 + s01 / 3, within(1e-12));
    }

    @Test
    void distributionFunctions_matchTables() {
        assertThat(ModelVerdict.chiSquareUpper(3.841459, 1)).isCloseTo(0.05, within(1e-5));
        assertThat(ModelVerdict.chiSquareUpper(15.507313, 8)).isCloseTo(0.05, within(1e-5));
        assertThat(ModelVerdict.chiSquareUpper(2.0, 8)).isCloseTo(0.9810118, within(1e-5));
        assertThat(ModelVerdict.binomialTwoSided(2, 10, 0.5)).isCloseTo(0.109375, within(1e-9));
        assertThat(ModelVerdict.normalUpper(1.959964)).isCloseTo(0.025, within(1e-6));
    }

    @Test
    void stability_sampleShiftedTowardsRiskierPds_isRedAndNamesTheBin_theSameSampleIsGreen() {
        double[] training = (double[]) sample(-1, 0)[0];
        Stability.Reference development = Stability.Reference.of("PD", training, 10);
        assertThat(development.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(training.length);
        double[] later = training.clone();
        for (int i = 0; i < later.length; i++) {
            later[i] = Math.min(0.99, later[i] * 3); // a riskier population
        }
        Object[] s = sample(-1, 0);
        ModelVerdict shifted = ModelVerdict.of(later, (int[]) s[1], "later", List.of(), List.of(),
                java.util.Optional.of(development.psi(later)));
        ModelVerdict.Check c = check(shifted, "stability (PSI vs training sample)");
        assertThat(c.light()).isEqualTo(ModelVerdict.Light.RED);
        assertThat(c.evidence()).contains("largest shift in [");
        assertThat(shifted.overall()).isEqualTo(ModelVerdict.Light.RED);
        ModelVerdict same = ModelVerdict.of(training, (int[]) s[1], "training", List.of(), List.of(),
                java.util.Optional.of(development.psi(training)));
        assertThat(check(same, "stability (PSI vs training sample)").light()).isEqualTo(ModelVerdict.Light.GREEN);
        assertThat(development.psi(training).index()).isZero();
    }

    @Test
    void stabilityReference_refusesCountsThatDoNotMatchTheCuts() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Stability.Reference("PD", List.of(0.1, 0.2),
                List.of(5L, 5L))).hasMessageContaining("2 cuts need 3 counts, got 2");
    }
}
