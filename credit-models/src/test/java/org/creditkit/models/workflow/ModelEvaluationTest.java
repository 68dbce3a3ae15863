package org.creditkit.models.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.creditkit.models.eval.Evaluation;
import org.junit.jupiter.api.Test;

class ModelEvaluationTest {

    /** PDs and outcomes drawn at those PDs, or at one minus them when {@code inverted}. */
    private static ModelEvaluation evaluation(boolean inverted) {
        SplittableRandom r = new SplittableRandom(7);
        int n = 2000;
        double[] pd = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            pd[i] = 0.02 + 0.3 * r.nextDouble();
            boolean bad = r.nextDouble() < pd[i];
            y[i] = bad != inverted ? 1 : 0;
        }
        return new ModelEvaluation("later.csv", Evaluation.metrics(pd, y), Optional.empty(), List.of(), List.of(),
                List.of(), List.of(), pd, pd, y, Optional.empty());
    }

    @Test
    void requireRiskRankedForward_invertedLabels_areRefusedWithTheAucAndTheHint() {
        ModelEvaluation ev = evaluation(true);

        assertThatThrownBy(() -> ev.requireRiskRankedForward("--bad good"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("later.csv: AUC 0.")
                .hasMessageContaining("is below 0.5 with 95% confidence")
                .hasMessageContaining("rows counted as defaults (--bad good): " + ev.metrics().bads() + " of 2000")
                .hasMessageContaining("the labels are probably inverted");
    }

    @Test
    void requireRiskRankedForward_labelsOfTheRightPolarity_passUnchanged() {
        ModelEvaluation ev = evaluation(false);

        assertThat(ev.requireRiskRankedForward("--bad bad")).isSameAs(ev);
    }
}
