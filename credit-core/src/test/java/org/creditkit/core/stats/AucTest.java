package org.creditkit.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AucTest {

    @Test
    void hanleyMcNeil_matchesThePapersWorkedValue_andIsZeroAtTheBounds() {
        // by hand: Q1 = 0.9 / 1.1, Q2 = 1.62 / 1.9, SE = sqrt((0.09 + 49 (Q1 - 0.81) + 49 (Q2 - 0.81)) / 2500)
        assertThat(Auc.hanleyMcNeilStandardError(0.90, 50, 50)).isCloseTo(0.0321239, within(1e-7));
        assertThat(Auc.hanleyMcNeilStandardError(1.0, 30, 70)).isZero();
        assertThat(Auc.hanleyMcNeilStandardError(0.0, 30, 70)).isZero();
    }
}
