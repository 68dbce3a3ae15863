package org.creditkit.models.gbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.creditkit.models.Progress;
import org.junit.jupiter.api.Test;

class HistogramBoostingTest {

    /** x: numeric, 15% missing and then risky; c: 5 ranked levels; z: numeric without missing values. */
    private static double[][] columns(int n, Random rnd, int[] y) {
        double[] x = new double[n];
        double[] c = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            c[i] = rnd.nextInt(5);
            z[i] = Math.round(rnd.nextDouble() * 1000) / 10.0;
            double logit = -2 + x[i] + (c[i] == 3 ? 1 : 0) + (z[i] > 70 ? 0.7 : 0);
            if (rnd.nextDouble() < 0.15) {
                x[i] = Double.NaN;
                logit = 0.5;
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return new double[][] {x, c, z};
    }

    private static double[] row(double[][] cols, int r) {
        return new double[] {cols[0][r], cols[1][r], cols[2][r]};
    }

    @Test
    void flatTrees_reproduceTheTrainedMarginsBitForBit_withMissingValuesSamplingAndEarlyStopping() {
        int n = 3000;
        int[] y = new int[n];
        double[][] cols = columns(n, new Random(4), y);
        GbmOptions o = new GbmOptions(300, 6, 12, 10, 0.1, 0.8, 1, 0.2, 10, 5);
        HistogramBoosting.Result fit = HistogramBoosting.fit(cols, y, List.of("x", "c", "z"), o, Progress.none());
        assertThat(fit.validationRows()).isEqualTo(600);
        assertThat(fit.trees().trees()).isBetween(2, 299);
        boolean[] missingLeft = fit.trees().missingToTrue();
        int[] feature = fit.trees().feature();
        assertThat(IntStream.range(0, feature.length).anyMatch(i -> feature[i] == 0 && missingLeft[i]))
                .as("some split on x sends its missing values left").isTrue();
        for (int r = 0; r < n; r++) {
            assertThat(fit.trees().margin(row(cols, r))).as("row %d", r).isEqualTo(fit.margins()[r]);
        }
    }

    @Test
    void missingValues_areScoredAtTheirOwnRisk() {
        int n = 6000;
        int[] y = new int[n];
        double[][] cols = columns(n, new Random(8), y);
        HistogramBoosting.Result fit = HistogramBoosting.fit(cols, y, List.of("x", "c", "z"),
                GbmOptions.defaults(1), Progress.none());
        double observed = 0;
        double predicted = 0;
        int missing = 0;
        for (int r = 0; r < n; r++) {
            if (Double.isNaN(cols[0][r])) {
                missing++;
                observed += y[r];
                predicted += fit.trees().pd(row(cols, r));
            }
        }
        // true rate of a missing x: 1 / (1 + e^-0.5) = 0.62, against 0.17 overall
        assertThat(predicted / missing).isCloseTo(observed / missing, within(0.03));
        assertThat(observed / missing).isCloseTo(0.62, within(0.04));
    }

    @Test
    void thresholds_fewDistinctValues_oneBinEach_atMidpoints() {
        double[] v = {3, 1, 2, Double.NaN, 2, 1, 0};
        assertThat(HistogramBoosting.thresholds(v, 255)).containsExactly(0.5, 1.5, 2.5);
        double[] t = HistogramBoosting.thresholds(v, 255);
        assertThat(HistogramBoosting.code(t, 0)).isZero();
        assertThat(HistogramBoosting.code(t, 1.5)).as("a value at a threshold is below it").isEqualTo(1);
        assertThat(HistogramBoosting.code(t, 3)).isEqualTo(3);
        assertThat(HistogramBoosting.code(t, Double.NaN)).as("missing has its own bin").isEqualTo(4);
    }

    @Test
    void thresholds_manyValues_255QuantileBinsOfNearlyEqualCounts() {
        Random rnd = new Random(2);
        double[] v = new double[51_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(3 * rnd.nextGaussian());
        }
        double[] t = HistogramBoosting.thresholds(v, 255);
        assertThat(t).hasSize(254);
        int[] counts = new int[255];
        for (double d : v) {
            counts[HistogramBoosting.code(t, d)]++;
        }
        assertThat(IntStream.of(counts).min().orElseThrow()).isGreaterThanOrEqualTo(190);
        assertThat(IntStream.of(counts).max().orElseThrow()).isLessThanOrEqualTo(210);
    }

    @Test
    void thresholds_heavyValue_isNeverSplit() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 600 ? 0 : i;
        }
        double[] t = HistogramBoosting.thresholds(v, 10);
        assertThat(t.length).isLessThanOrEqualTo(9);
        assertThat(HistogramBoosting.code(t, 0)).isZero();
        assertThat(HistogramBoosting.code(t, 600)).as("every zero in bin 0, the next value above").isEqualTo(1);
    }

    @Test
    void earlyStopping_targetIsNoise_stopsLongBeforeTheLimit() {
        int n = 4000;
        Random rnd = new Random(6);
        int[] y = new int[n];
        double[][] cols = new double[2][n];
        for (int i = 0; i < n; i++) {
            cols[0][i] = rnd.nextGaussian();
            cols[1][i] = rnd.nextGaussian();
            y[i] = rnd.nextDouble() < 0.2 ? 1 : 0;
        }
        GbmOptions o = new GbmOptions(500, 8, 15, 20, 0.05, 1, 1, 0.1, 10, 3);
        HistogramBoosting.Result fit = HistogramBoosting.fit(cols, y, List.of("a", "b"), o, Progress.none());
        assertThat(fit.trees().trees()).isLessThan(40);
    }

    @Test
    void sameSeed_sameTrees_otherSeed_otherTrees() {
        int n = 2000;
        int[] y = new int[n];
        double[][] cols = columns(n, new Random(9), y);
        GbmOptions o = new GbmOptions(60, 6, 12, 10, 0.1, 0.7, 1, 0.1, 10, 5);
        FlatTrees a = HistogramBoosting.fit(cols, y, List.of("x", "c", "z"), o, Progress.none()).trees();
        FlatTrees b = HistogramBoosting.fit(cols, y, List.of("x", "c", "z"), o, Progress.none()).trees();
        FlatTrees c = HistogramBoosting.fit(cols, y, List.of("x", "c", "z"),
                new GbmOptions(60, 6, 12, 10, 0.1, 0.7, 1, 0.1, 10, 6), Progress.none()).trees();
        assertThat(a).isEqualTo(b);
        assertThat(a.leaf()).isNotEqualTo(c.leaf());
    }

    @Test
    void leafWiseGrowth_respectsLeavesDepthAndLeafSize() {
        int n = 5000;
        int[] y = new int[n];
        double[][] cols = columns(n, new Random(12), y);
        GbmOptions o = new GbmOptions(20, 3, 6, 100, 0.1, 1, 0, 0, 1, 1);
        FlatTrees t = HistogramBoosting.fit(cols, y, List.of("x", "c", "z"), o, Progress.none()).trees();
        int[] roots = t.roots();
        int[] feature = t.feature();
        for (int k = 0; k < roots.length; k++) {
            int end = k + 1 < roots.length ? roots[k + 1] : feature.length;
            long leaves = IntStream.range(roots[k], end).filter(i -> feature[i] < 0).count();
            assertThat(leaves).as("tree %d", k).isBetween(2L, 6L);
            assertThat(depth(t, roots[k])).isLessThanOrEqualTo(3);
        }
    }

    private static int depth(FlatTrees t, int node) {
        return t.feature()[node] < 0 ? 0 : 1 + Math.max(depth(t, t.trueChild()[node]), depth(t, t.falseChild()[node]));
    }
}
