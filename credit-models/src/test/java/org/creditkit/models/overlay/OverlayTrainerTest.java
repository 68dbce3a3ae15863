package org.creditkit.models.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;
import org.creditkit.models.eval.Calibration;
import org.creditkit.models.eval.Evaluation;
import org.junit.jupiter.api.Test;

class OverlayTrainerTest {

    /** Base risk -2 + x; industry k adds shift[k]; rows per industry as given. */
    private static Dataset data(long seed, int[] sizes, double[] shift, double[] baseOut) {
        Random rnd = new Random(seed);
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        double[] x = new double[n];
        int[] y = new int[n];
        int[] ind = new int[n];
        long[] lines = new long[n];
        List<String> names = new ArrayList<>();
        int r = 0;
        for (int k = 0; k < sizes.length; k++) {
            names.add("I" + k);
            for (int i = 0; i < sizes[k]; i++, r++) {
                x[r] = rnd.nextGaussian();
                double z = -2 + x[r] + shift[k];
                y[r] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
                ind[r] = k;
                lines[r] = r + 2;
                if (baseOut != null) {
                    baseOut[r] = -2 + x[r];
                }
            }
        }
        return Dataset.of(List.of(Feature.numeric("x")), new double[][] {x}, y, lines, names, ind, new double[0]);
    }

    private static int[] sizes(int... s) {
        return s;
    }

    @Test
    void fit_largeIndustries_recoverTheirShiftsAndSmallOnesAreShrunk() {
        int[] sizes = sizes(20000, 20000, 600);
        double[] shift = {0.8, -0.5, 0.8};
        double[] base = new double[40600];
        Dataset d = data(1, sizes, shift, base);
        OverlayModel m = OverlayTrainer.fit(d, base, OverlayOptions.defaults().withK0(500));
        assertThat(m.overlays()).extracting(IndustryOverlay::industry).containsExactly("I0", "I1", "I2");
        IndustryOverlay big = m.overlays().get(0);
        IndustryOverlay small = m.overlays().get(2);
        assertThat(big.rawShift()).isCloseTo(0.8, within(0.08));
        assertThat(big.credibility()).isCloseTo(20000.0 / 20500, within(1e-12));
        assertThat(m.overlays().get(1).shift()).isCloseTo(-0.5 * 20000 / 20500, within(0.1));
        assertThat(small.credibility()).isCloseTo(600.0 / 1100, within(1e-12));
        assertThat(small.shift()).isCloseTo(small.rawShift() * 600 / 1100, within(1e-12));
    }

    @Test
    void fit_industryWithTooFewDefaults_getsNoOverlayAndANote() {
        int[] sizes = sizes(5000, 100);
        double[] base = new double[5100];
        Dataset d = data(2, sizes, new double[] {0, 0}, base);
        OverlayModel m = OverlayTrainer.fit(d, base, OverlayOptions.defaults());
        assertThat(m.overlays()).extracting(IndustryOverlay::industry).containsExactly("I0");
        assertThat(m.notes()).anyMatch(n -> n.contains("industry I1") && n.contains("no overlay, base only"));
        double[] adj = m.adjustments(d);
        assertThat(adj[5050]).isZero();
    }

    @Test
    void pooledOverlays_beatIndependentFitsOnSmallIndustries() {
        // Twenty small industries with modest true shifts: pooling should predict a holdout better.
        int k = 20;
        int[] sizes = new int[k];
        double[] shift = new double[k];
        Random rnd = new Random(9);
        for (int i = 0; i < k; i++) {
            sizes[i] = 400;
            shift[i] = rnd.nextGaussian() * 0.25;
        }
        double[] baseTrain = new double[400 * k];
        double[] baseTest = new double[400 * k];
        Dataset train = data(10, sizes, shift, baseTrain);
        Dataset test = data(11, sizes, shift, baseTest);
        OverlayOptions few = OverlayOptions.defaults().withMinBads(5);
        double pooled = logLoss(test, baseTest, OverlayTrainer.fit(train, baseTrain, few));
        double independent = logLoss(test, baseTest, OverlayTrainer.fit(train, baseTrain, few.withK0(0)));
        assertThat(pooled).isLessThan(independent);
        assertThat(OverlayTrainer.fit(train, baseTrain, few).notes()).anyMatch(n -> n.contains("empirical Bayes from 20 industries"));
    }

    @Test
    void basePlusOverlays_beatBaseAloneOnHoldoutAucAndPerIndustryCalibration() {
        // The base model is trained on pooled data and cannot see industry; overlays learn the shifts.
        int[] sizes = sizes(6000, 3000, 1500, 800);
        double[] shift = {-0.6, 0.0, 0.5, 0.9};
        double[] baseTrain = new double[11300];
        double[] baseTest = new double[11300];
        Dataset train = data(21, sizes, shift, baseTrain);
        Dataset test = data(22, sizes, shift, baseTest);
        // Base = the pooled model: the x effect plus the pooled intercept (calibrated to the overall rate).
        double pooled = Calibration.interceptShift(baseTrain, train.bads() / (double) train.rows());
        for (int i = 0; i < baseTrain.length; i++) {
            baseTrain[i] += pooled;
            baseTest[i] += pooled;
        }
        OverlayModel m = OverlayTrainer.fit(train, baseTrain, OverlayOptions.defaults());
        double[] adj = m.adjustments(test);
        double[] pdBase = new double[test.rows()];
        double[] pdFull = new double[test.rows()];
        for (int i = 0; i < pdBase.length; i++) {
            pdBase[i] = Evaluation.pd(baseTest[i]);
            pdFull[i] = Evaluation.pd(baseTest[i] + adj[i]);
        }
        int[] y = test.targets();
        assertThat(Evaluation.auc(pdFull, y)).isGreaterThan(Evaluation.auc(pdBase, y));
        String[] g = new String[test.rows()];
        for (int i = 0; i < g.length; i++) {
            g[i] = test.industryLevels().get(test.industry(i));
        }
        double gapBase = worstCalibrationGap(Evaluation.byGroup(pdBase, y, g));
        double gapFull = worstCalibrationGap(Evaluation.byGroup(pdFull, y, g));
        assertThat(gapFull).isLessThan(gapBase / 2);
    }

    private static double worstCalibrationGap(List<org.creditkit.models.eval.GroupRow> rows) {
        return rows.stream().mapToDouble(r -> Math.abs(r.observedRate() - r.meanPd())).max().orElseThrow();
    }

    private static double logLoss(Dataset d, double[] base, OverlayModel m) {
        double[] adj = m.adjustments(d);
        double[] pd = new double[d.rows()];
        for (int i = 0; i < pd.length; i++) {
            pd[i] = Evaluation.pd(base[i] + adj[i]);
        }
        return Evaluation.metrics(pd, d.targets()).logLoss();
    }

    /**
     * Six industries of 4,000 rows; truth {@code -2 + x + shift[k] + slope[k] * z}; the base given
     * to the overlays is {@code -2 + x} (it knows neither the industry nor z). Returns per row the
     * true industry effect {@code shift[k] + slope[k] * z} in {@code effect}.
     */
    private static Dataset withSlopes(long seed, double[] shift, double[] slope, double[] base, double[] effect) {
        Random rnd = new Random(seed);
        int per = 4000;
        int n = per * shift.length;
        double[] x = new double[n];
        double[] z = new double[n];
        int[] y = new int[n];
        int[] ind = new int[n];
        long[] lines = new long[n];
        List<String> names = new ArrayList<>();
        for (int k = 0, r = 0; k < shift.length; k++) {
            names.add("I" + k);
            for (int i = 0; i < per; i++, r++) {
                x[r] = rnd.nextGaussian();
                z[r] = rnd.nextGaussian();
                effect[r] = shift[k] + slope[k] * z[r];
                base[r] = -2 + x[r];
                y[r] = rnd.nextDouble() < 1 / (1 + Math.exp(-(base[r] + effect[r]))) ? 1 : 0;
                ind[r] = k;
                lines[r] = r + 2;
            }
        }
        return Dataset.of(List.of(Feature.numeric("x"), Feature.numeric("z")), new double[][] {x, z}, y, lines, names,
                ind, new double[0]);
    }

    private static double rms(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }

    @Test
    void fit_truthWithIndustryShiftsAndSlopes_overlaysRecoverThem() {
        double[] shift = {0.6, -0.6, 0.4, -0.4, 0, 0};
        double[] slope = {0.8, 0, -0.5, 0, 0, 0};
        double[] base = new double[24000];
        double[] effect = new double[24000];
        Dataset d = withSlopes(31, shift, slope, base, effect);
        OverlayModel m = OverlayTrainer.fit(d, base, OverlayOptions.defaults().withOwnFeatures(List.of("z")));
        double[] adj = m.adjustments(d);
        // the overlays explain most of the industry effect (what is left is mostly the binning of z)
        assertThat(rms(adj, effect)).isLessThan(0.5 * rms(new double[adj.length], effect));
        assertThat(m.overlays().get(0).credibility()).isGreaterThan(0.9);
        assertThat(m.overlays().get(0).shift()).isCloseTo(0.6, within(0.2));
        assertThat(m.overlays().get(1).shift()).isCloseTo(-0.6, within(0.2));
        // the slope on z is learnt where it exists, with its sign, and stays small where it does not
        assertThat(m.overlays().get(0).coefficients().get(0)).isGreaterThan(0.5);
        assertThat(m.overlays().get(2).coefficients().get(0)).isLessThan(-0.3);
        assertThat(Math.abs(m.overlays().get(4).coefficients().get(0)))
                .isLessThan(Math.abs(m.overlays().get(0).coefficients().get(0)) / 3);
    }

    @Test
    void fit_truthWithoutIndustryEffects_overlaysStayNearZero() {
        double[] none = new double[6];
        double[] base = new double[24000];
        double[] effect = new double[24000];
        Dataset d = withSlopes(32, none, none, base, effect);
        OverlayModel m = OverlayTrainer.fit(d, base, OverlayOptions.defaults().withOwnFeatures(List.of("z")));
        assertThat(m.overlays()).hasSize(6);
        for (double a : m.adjustments(d)) {
            assertThat(Math.abs(a)).isLessThan(0.1);
        }
    }

    @Test
    void fit_sameInputs_identicalOverlays() {
        double[] base = new double[6000];
        Dataset d = data(3, sizes(3000, 3000), new double[] {0.3, -0.3}, base);
        OverlayOptions o = OverlayOptions.defaults().withOwnFeatures(List.of("x"));
        assertThat(OverlayTrainer.fit(d, base, o).overlays()).isEqualTo(OverlayTrainer.fit(d, base, o).overlays());
    }

    @Test
    void calibration_shiftMakesMeanPdEqualTheTarget() {
        double[] z = new double[1000];
        Random rnd = new Random(4);
        for (int i = 0; i < z.length; i++) {
            z[i] = -3 + rnd.nextGaussian();
        }
        double s = Calibration.interceptShift(z, 0.08);
        double mean = 0;
        for (double v : z) {
            mean += Evaluation.pd(v + s);
        }
        assertThat(mean / z.length).isCloseTo(0.08, within(1e-10));
    }
}
