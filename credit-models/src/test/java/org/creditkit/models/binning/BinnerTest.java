package org.creditkit.models.binning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.creditkit.models.GermanCredit;
import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;
import org.junit.jupiter.api.Test;

class BinnerTest {

    /** x uniform on [0,100), risk rising with x but with a bump; z pure noise; some x missing. */
    private static Dataset synthetic(int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        double[] z = new double[n];
        int[] y = new int[n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.floor(rnd.nextDouble() * 100);
            z[i] = rnd.nextGaussian();
            double logit = -2 + 0.03 * x[i] + (x[i] > 40 && x[i] < 50 ? -0.8 : 0);
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            if (i % 20 == 0) {
                x[i] = Double.NaN;
                y[i] = rnd.nextDouble() < 0.6 ? 1 : 0;
            }
            lines[i] = i + 2;
        }
        return Dataset.of(List.of(Feature.numeric("x"), Feature.numeric("z")), new double[][] {x, z}, y, lines,
                List.of(), new int[0], new double[0]);
    }

    @Test
    void fit_noiseFeature_isDroppedWithNote() {
        BinningResult r = Binner.fit(synthetic(5000, 1), BinningOptions.defaults(), Progress.none());
        assertThat(r.kept()).extracting(FeatureBinning::name).containsExactly("x");
        assertThat(r.dropped()).extracting(FeatureBinning::name).containsExactly("z");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("dropped (z): IV"));
    }

    @Test
    void fit_everyValueBin_holdsAtLeastTheMinimumShare() {
        Dataset d = synthetic(5000, 2);
        BinningOptions o = BinningOptions.defaults().withMaxBins(8).withMinBinShare(0.08);
        FeatureBinning fb = Binner.fitFeature(d, 0, o, new ArrayList<>());
        int present = fb.bins().stream().filter(b -> !b.missing()).mapToInt(Bin::count).sum();
        assertThat(fb.bins().stream().filter(b -> !b.missing()))
                .allSatisfy(b -> assertThat(b.count()).isGreaterThanOrEqualTo((int) Math.ceil(0.08 * present)));
        assertThat(fb.bins().size() - 1).isBetween(2, 8);
    }

    @Test
    void fit_monotonicFeature_hasMonotonicWoe() {
        Dataset d = synthetic(20000, 3);
        BinningOptions o = BinningOptions.defaults().withMaxBins(8).withMonotonic(Set.of("x"), false);
        FeatureBinning fb = Binner.fitFeature(d, 0, o, new ArrayList<>());
        List<Double> woe = fb.bins().stream().filter(b -> !b.missing()).map(Bin::woe).toList();
        assertThat(fb.monotonic()).isTrue();
        for (int i = 1; i < woe.size(); i++) {
            assertThat(woe.get(i)).as("WoE falls as risk rises with x").isLessThanOrEqualTo(woe.get(i - 1));
        }
    }

    @Test
    void binIndex_valueOnCut_goesToUpperBinAndNaNToMissing() {
        FeatureBinning fb = Binner.fitFeature(synthetic(5000, 4), 0, BinningOptions.defaults(), new ArrayList<>());
        double[] cuts = fb.cuts();
        assertThat(cuts).isNotEmpty();
        assertThat(fb.binIndex(cuts[0])).isEqualTo(1);
        assertThat(fb.binIndex(Math.nextDown(cuts[0]))).isEqualTo(0);
        assertThat(fb.binIndex(Double.NaN)).isEqualTo(fb.missingBin());
        assertThat(fb.bins().get(fb.missingBin()).count()).isEqualTo(250);
    }

    @Test
    void woeAndIv_matchTheirDefinitionOnCounts() {
        Dataset d = synthetic(5000, 5);
        FeatureBinning fb = Binner.fitFeature(d, 0, BinningOptions.defaults(), new ArrayList<>());
        double goods = d.rows() - d.bads();
        double bads = d.bads();
        double iv = 0;
        for (Bin b : fb.bins()) {
            double expected = Math.log(((b.goods() + 0.5) / goods) / ((b.bads() + 0.5) / bads));
            assertThat(b.woe()).isCloseTo(expected, within(1e-12));
            iv += (b.goods() / goods - b.bads() / bads) * b.woe();
        }
        assertThat(fb.iv()).isCloseTo(iv, within(1e-12));
        assertThat(fb.bins().stream().mapToInt(Bin::count).sum()).isEqualTo(d.rows());
    }

    @Test
    void categorical_germanCheckingStatus_groupsLevelsAndKeepsStrongIv() {
        Dataset d = GermanCredit.load().dataset();
        int f = d.indexOf("checking_status").orElseThrow();
        List<String> notes = new ArrayList<>();
        FeatureBinning fb = Binner.fitFeature(d, f, BinningOptions.defaults(), notes);
        // Published IV of checking status on German Credit is about 0.67.
        assertThat(fb.iv()).isBetween(0.55, 0.75);
        assertThat(fb.bins().stream().filter(b -> !b.missing()).flatMap(b -> b.categories().stream()))
                .containsExactlyInAnyOrder("<0", "0<=X<200", ">=200", "no checking");
        assertThat(notes).anyMatch(n -> n.contains("no missing values in training"));
    }

    @Test
    void fineCuts_fewDistinctValues_cutsAtEachValueSoARareValueKeepsItsClass() {
        double[] sorted = new double[1000];
        sorted[990] = 1;       // 99% zeros, then 0.6% ones and 0.4% twos: quantiles alone would see only 0
        for (int i = 990; i < 996; i++) {
            sorted[i] = 1;
        }
        for (int i = 996; i < 1000; i++) {
            sorted[i] = 2;
        }
        assertThat(Binner.fineCuts(sorted, 50)).containsExactly(1.0, 2.0);
    }

    @Test
    void fineCuts_manyDistinctValues_usesQuantiles() {
        double[] sorted = new double[1000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        assertThat(Binner.fineCuts(sorted, 10)).containsExactly(100, 200, 300, 400, 500, 600, 700, 800, 900);
    }
}
