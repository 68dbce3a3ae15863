package org.creditkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScalingTest {

    private final Scaling scaling = Scaling.of(600, 50, 40);

    @Test
    void score_atBaseOdds_isBaseScore() {
        assertThat(scaling.score(Math.log(1.0 / 50))).isCloseTo(600, within(1e-9));
    }

    @Test
    void score_plusPdoPoints_doublesGoodBadOdds_property() {
        Random rnd = new Random(42);
        for (int i = 0; i < 1000; i++) {
            double lo = rnd.nextDouble() * 20 - 10;
            double s = scaling.score(lo);
            double lo2 = scaling.logOdds(s + scaling.pdo());
            double odds = Math.exp(-lo);
            double odds2 = Math.exp(-lo2);
            assertThat(odds2 / odds).isCloseTo(2.0, within(1e-9));
        }
    }

    @Test
    void score_isDecreasingInRisk() {
        assertThat(scaling.score(-3)).isGreaterThan(scaling.score(-2));
        assertThat(Scaling.pd(-3)).isLessThan(Scaling.pd(-2));
    }

    @Test
    void pd_andLogOddsOfPd_areInverse() {
        for (double pd : new double[] {1e-6, 0.01, 0.2, 0.5, 0.93}) {
            assertThat(Scaling.pd(Scaling.logOddsOfPd(pd))).isCloseTo(pd, within(1e-12));
        }
        assertThat(Scaling.pd(0)).isEqualTo(0.5);
    }

    @Test
    void logOdds_invertsScore() {
        assertThat(scaling.logOdds(scaling.score(-2.7))).isCloseTo(-2.7, within(1e-12));
    }

    @Test
    void factor_isPdoOverLn2_andPointsScaleLogOdds() {
        assertThat(scaling.factor()).isCloseTo(40 / Math.log(2), within(1e-12));
        assertThat(scaling.points(Math.log(2))).isCloseTo(40, within(1e-9));
    }

    @Test
    void of_nonPositivePdoOrOdds_isRejected() {
        assertThatThrownBy(() -> Scaling.of(600, 0, 40)).hasMessageContaining("baseOdds > 0");
        assertThatThrownBy(() -> Scaling.of(600, 50, -1)).hasMessageContaining("pdo > 0");
        assertThatThrownBy(() -> Scaling.of(Double.NaN, 50, 40)).isInstanceOf(IllegalArgumentException.class);
    }
}
