package org.creditkit.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.creditkit.core.score.GradeBands;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    /** Naive pairwise AUC: the reference the rank formula must match. */
    private static double naiveAuc(double[] p, int[] y) {
        double num = 0;
        long pairs = 0;
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    num += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                }
            }
        }
        return num / pairs;
    }

    @Test
    void auc_withTies_matchesPairwiseDefinition() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + rnd.nextInt(50);
            double[] p = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = Math.round(rnd.nextDouble() * 10) / 10.0;
                y[i] = rnd.nextDouble() < 0.2 + 0.5 * p[i] ? 1 : 0;
            }
            y[0] = 1;
            y[1] = 0;
            assertThat(Evaluation.auc(p, y)).isCloseTo(naiveAuc(p, y), within(1e-12));
        }
    }

    @Test
    void metrics_smallExample_hasKnownValues() {
        double[] p = {0.1, 0.2, 0.3, 0.4, 0.8, 0.9};
        int[] y = {0, 0, 1, 0, 1, 1};
        Metrics m = Evaluation.metrics(p, y);
        assertThat(m.auc()).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(m.gini()).isCloseTo(7.0 / 9, within(1e-12));
        assertThat(m.ks()).isCloseTo(2.0 / 3, within(1e-12));
        double brier = (0.01 + 0.04 + 0.49 + 0.16 + 0.04 + 0.01) / 6;
        assertThat(m.brier()).isCloseTo(brier, within(1e-12));
        double ll = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.3) + Math.log(0.6) + Math.log(0.8) + Math.log(0.9)) / 6;
        assertThat(m.logLoss()).isCloseTo(ll, within(1e-12));
        assertThat(m.aucLower()).isLessThan(m.auc());
        assertThat(m.aucUpper()).isGreaterThan(m.auc()).isLessThanOrEqualTo(1.0);
        assertThat(m.rows()).isEqualTo(6);
        assertThat(m.bads()).isEqualTo(3);
    }

    @Test
    void calibrationAndLift_coverAllRowsAndBads() {
        Random rnd = new Random(3);
        int n = 1003;
        double[] p = new double[n];
        int[] y = new int[n];
        int bads = 0;
        for (int i = 0; i < n; i++) {
            p[i] = rnd.nextDouble() * 0.4;
            y[i] = rnd.nextDouble() < p[i] ? 1 : 0;
            bads += y[i];
        }
        List<CalibrationRow> cal = Evaluation.calibration(p, y);
        assertThat(cal).hasSize(10);
        assertThat(cal.stream().mapToInt(CalibrationRow::rows).sum()).isEqualTo(n);
        assertThat(cal.stream().mapToInt(CalibrationRow::bads).sum()).isEqualTo(bads);
        assertThat(cal.get(0).meanPd()).isLessThan(cal.get(9).meanPd());
        List<LiftRow> lift = Evaluation.lift(p, y);
        assertThat(lift.get(9).cumulativeBadShare()).isCloseTo(1.0, within(1e-12));
        assertThat(lift.get(0).lift()).isGreaterThan(1.0);
    }

    @Test
    void byGrade_ordersGradesBestFirst() {
        double[] p = {0.001, 0.5, 0.03, 0.001};
        int[] y = {0, 1, 0, 0};
        double[] score = {700, 500, 600, 700};
        GradeBands bands = GradeBands.byPd(List.of(GradeBands.Band.of("AAA", 0.005), GradeBands.Band.of("A", 0.02),
                GradeBands.Band.of("BBB", 0.04), GradeBands.Band.of("D", 1.0)));
        List<GroupRow> rows = Evaluation.byGrade(p, score, y, bands);
        assertThat(rows).extracting(GroupRow::group).containsExactly("AAA", "BBB", "D");
        assertThat(rows.get(0).rows()).isEqualTo(2);
        assertThat(rows.get(0).auc()).isNaN();
    }

    @Test
    void stratifiedFolds_sameSeedSameFoldsAndBalancedBadRates() {
        int[] y = new int[1000];
        for (int i = 0; i < 300; i++) {
            y[i * 3] = 1;
        }
        int[] a = CrossValidation.stratifiedFolds(y, 5, 11);
        int[] b = CrossValidation.stratifiedFolds(y, 5, 11);
        int[] c = CrossValidation.stratifiedFolds(y, 5, 12);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        for (int f = 0; f < 5; f++) {
            int rows = 0;
            int bads = 0;
            for (int i = 0; i < y.length; i++) {
                if (a[i] == f) {
                    rows++;
                    bads += y[i];
                }
            }
            assertThat(rows).isEqualTo(200);
            assertThat(bads).isEqualTo(60);
        }
    }

    @Test
    void psi_sameDistribution_isStableAndShiftedIsShift() {
        Random rnd = new Random(5);
        double[] e = new double[20000];
        double[] same = new double[20000];
        double[] shifted = new double[20000];
        for (int i = 0; i < e.length; i++) {
            e[i] = rnd.nextGaussian();
            same[i] = rnd.nextGaussian();
            shifted[i] = rnd.nextGaussian() + 1.0;
        }
        Stability.Result s = Stability.psi("score", e, same, 10);
        assertThat(s.index()).isLessThan(0.01);
        assertThat(s.band()).isEqualTo(Stability.Band.STABLE);
        assertThat(s.bins()).hasSize(10);
        Stability.Result t = Stability.psi("score", e, shifted, 10);
        assertThat(t.band()).isEqualTo(Stability.Band.SHIFT);
        assertThat(t.index()).isCloseTo(t.bins().stream().mapToDouble(Stability.BinShift::contribution).sum(),
                within(1e-12));
        assertThat(Stability.Band.of(0.1)).isEqualTo(Stability.Band.MODERATE);
        assertThat(Stability.Band.of(0.25)).isEqualTo(Stability.Band.MODERATE);
        assertThat(Stability.Band.of(0.2501)).isEqualTo(Stability.Band.SHIFT);
    }
}
