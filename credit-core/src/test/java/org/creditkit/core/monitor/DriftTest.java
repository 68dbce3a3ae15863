package org.creditkit.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DriftTest {

    private static double[] normal(int n, double mean, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            double v = r.nextDouble();
            out[i] = mean + Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
        }
        return out;
    }

    @Test
    void sameDistribution_isNotFlagged() {
        Drift d = Drift.of("x", normal(20_000, 0, 1), normal(20_000, 0, 2));
        assertThat(d.psi()).isLessThan(0.01);
        assertThat(d.flagged()).isFalse();
    }

    @Test
    void halfSigmaShiftOnLargeSamples_isFlagged() {
        Drift d = Drift.of("x", normal(20_000, 0, 1), normal(20_000, 0.5, 2));
        assertThat(d.psi()).isGreaterThan(0.1);
        assertThat(d.pValue()).isLessThan(1e-6);
        assertThat(d.flagged()).isTrue();
    }

    @Test
    void materialPsiOnTinySamples_isNotSignificant() {
        Drift d = Drift.of("x", normal(30, 0, 3), normal(30, 0, 4));
        assertThat(d.pValue()).isGreaterThan(Drift.ALPHA);
        assertThat(d.flagged()).isFalse();
    }

    @Test
    void missingValues_haveTheirOwnBin() {
        double[] expected = normal(5_000, 0, 5);
        double[] actual = normal(5_000, 0, 6);
        for (int i = 0; i < 2_000; i++) {
            actual[i] = Double.NaN;
        }
        assertThat(Drift.of("x", expected, actual).flagged()).isTrue();
    }

    @Test
    void chiSquareTail_matchesKnownValues() {
        // scipy.stats.chi2.sf(3.84, 1) = 0.05004; chi2.sf(18.307, 10) = 0.05000; chi2.sf(30, 9) = 0.000438
        assertThat(Drift.ChiSquare.survival(3.84, 1)).isCloseTo(0.05004, within(1e-4));
        assertThat(Drift.ChiSquare.survival(18.307, 10)).isCloseTo(0.05, within(1e-4));
        assertThat(Drift.ChiSquare.survival(30, 9)).isCloseTo(0.000438, within(1e-5));
    }
}
