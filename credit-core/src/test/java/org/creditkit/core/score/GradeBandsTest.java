package org.creditkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradeBandsTest {

    private final GradeBands byScore = GradeBands.byScore(List.of(GradeBands.Band.of("A", 700),
            GradeBands.Band.of("B", 600), GradeBands.Band.of("C", Double.NEGATIVE_INFINITY)));

    @Test
    void grade_byScore_cutoffIsInclusive() {
        assertThat(byScore.grade(700, 0.5).code()).isEqualTo("A");
        assertThat(byScore.grade(699.999, 0.5).code()).isEqualTo("B");
        assertThat(byScore.grade(600, 0.5).code()).isEqualTo("B");
        assertThat(byScore.grade(-1e9, 0.5).code()).isEqualTo("C");
        assertThat(byScore.grade(700, 0.5).rank()).isZero();
        assertThat(byScore.grade(700, 0.5).betterThan(byScore.grade(0, 0.5))).isTrue();
    }

    @Test
    void grade_byPd_cutoffIsInclusive() {
        GradeBands byPd = GradeBands.byPd(List.of(GradeBands.Band.of("AAA", 0.001), GradeBands.Band.of("BB", 0.05),
                GradeBands.Band.of("D", 1)));
        assertThat(byPd.grade(0, 0.001).code()).isEqualTo("AAA");
        assertThat(byPd.grade(0, 0.0011).code()).isEqualTo("BB");
        assertThat(byPd.grade(0, 0.9).code()).isEqualTo("D");
    }

    @Test
    void byScore_nonDescendingOrOpenLastBand_isRejectedWithEveryProblem() {
        assertThatThrownBy(() -> GradeBands.byScore(List.of(GradeBands.Band.of("A", 600), GradeBands.Band.of("B", 650),
                GradeBands.Band.of("C", 500))))
                .hasMessageContaining("band 1 (B): score cutoff 650.0 must be below the previous band's 600.0")
                .hasMessageContaining("the last band must have cutoff -inf");
    }

    @Test
    void byPd_duplicateGradeOrBadCode_isRejected() {
        assertThatThrownBy(() -> GradeBands.byPd(List.of(GradeBands.Band.of("a", 0.1), GradeBands.Band.of("a", 1))))
                .hasMessageContaining("must be 1-8 characters")
                .hasMessageContaining("appears twice");
    }
}
