package org.creditkit.models.gbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import org.creditkit.models.GermanCredit;
import org.creditkit.models.ModelException;
import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;
import org.creditkit.models.overlay.OverlayOptions;
import org.creditkit.models.scorecard.ScorecardOptions;
import org.creditkit.models.workflow.ModelKind;
import org.creditkit.models.workflow.TrainOutcome;
import org.creditkit.models.workflow.TrainRequest;
import org.creditkit.models.workflow.Training;
import org.junit.jupiter.api.Test;

class MonotoneConstraintTest {

    /** x in [0, 10] with a risk that rises overall but waves (sin), z linear, c a category. */
    private static Dataset wavy(int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        double[] z = new double[n];
        double[] c = new double[n];
        int[] y = new int[n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 10;
            z[i] = rnd.nextGaussian();
            c[i] = rnd.nextInt(3);
            double logit = -1.5 + 0.2 * x[i] + 1.2 * Math.sin(1.5 * x[i]) + 0.8 * z[i] + (c[i] == 1 ? 0.5 : 0);
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            lines[i] = i + 1;
        }
        return Dataset.of(List.of(Feature.numeric("x"), Feature.numeric("z"), Feature.categorical("c",
                List.of("a", "b", "d"))), new double[][] {x, z, c}, y, lines, List.of(), new int[0], new double[0]);
    }

    private static double logOdds(TrainedGbm gbm, double x, double z, int c) {
        return gbm.trees().logOdds(new double[] {x, z, gbm.encodings().get(2).encode(c)});
    }

    /** The largest fall of the log-odds as x rises over a grid, at several z and every c. */
    private static double largestFall(TrainedGbm gbm) {
        double worst = 0;
        for (double z = -2; z <= 2; z += 0.5) {
            for (int c = 0; c < 3; c++) {
                double previous = Double.NEGATIVE_INFINITY;
                for (double x = 0; x <= 10; x += 0.02) {
                    double v = logOdds(gbm, x, z, c);
                    worst = Math.max(worst, previous - v);
                    previous = v;
                }
            }
        }
        return worst;
    }

    @Test
    void increasingConstraint_predictionsNeverFallAlongTheFeature_unconstrainedOnesDo() {
        Dataset d = wavy(6000, 1);
        GbmOptions free = GbmOptions.forRows(d.rows(), 3);
        TrainedGbm unconstrained = GbmTrainer.fit(d, free, Progress.none());
        TrainedGbm constrained = GbmTrainer.fit(d, free.withMonotone(Map.of("x", 1)), Progress.none());
        assertThat(largestFall(unconstrained)).as("the free model follows the waves").isGreaterThan(0.1);
        assertThat(largestFall(constrained)).isZero();
    }

    @Test
    void decreasingConstraint_predictionsNeverRiseAlongTheFeature() {
        Dataset d = wavy(6000, 2);
        TrainedGbm constrained = GbmTrainer.fit(d, GbmOptions.forRows(d.rows(), 3).withMonotone(Map.of("x", -1)),
                Progress.none());
        double worstRise = 0;
        for (double z = -2; z <= 2; z += 0.5) {
            double previous = Double.POSITIVE_INFINITY;
            for (double x = 0; x <= 10; x += 0.02) {
                double v = logOdds(constrained, x, z, 0);
                worstRise = Math.max(worstRise, v - previous);
                previous = v;
            }
        }
        assertThat(worstRise).isZero();
    }

    @Test
    void constraintOnAMissingOrCategoricalFeature_isRefusedNamingIt() {
        Dataset d = wavy(500, 3);
        assertThatThrownBy(() -> GbmTrainer.fit(d, GbmOptions.forRows(500, 1).withMonotone(Map.of("c", 1, "age", -1)),
                Progress.none())).isInstanceOf(ModelException.class)
                .hasMessageContaining("age is not a feature of the data")
                .hasMessageContaining("c is categorical")
                .hasMessageContaining("They apply to numeric features: x, z");
        assertThatThrownBy(() -> GbmOptions.defaults(1).withMonotone(Map.of("x", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("monotone direction of x must be -1, 0 or +1, got 2");
        assertThatThrownBy(() -> GbmTrainer.fitWithSmile(d, GbmOptions.forRows(500, 1).withMonotone(Map.of("x", 1)),
                Progress.none())).isInstanceOf(ModelException.class).hasMessageContaining("no monotone constraints");
    }

    @Test
    void monotoneFromScorecard_germanCredit_takesTheDirectionsOfTheScorecardsMonotonicFeatures() {
        Dataset d = GermanCredit.load().dataset();
        TrainRequest request = new TrainRequest(ModelKind.GBM, ScorecardOptions.defaults(),
                GbmOptions.forRows(d.rows(), 42).withTrees(40).withMonotone(Map.of("age", 0)), false,
                OverlayOptions.defaults(), 0, 42, OptionalDouble.empty(), true);
        TrainOutcome out = Training.run(d, request, Map.of(), Progress.none());
        Map<String, Integer> used = out.model().gbm().orElseThrow().options().monotone();
        // a longer loan and a larger amount are riskier; the explicit 0 on age wins over the scorecard
        assertThat(used).containsEntry("duration", 1).containsEntry("credit_amount", 1).containsEntry("age", 0);
        assertThat(out.notes()).anyMatch(n -> n.startsWith("GBM monotone constraints (--monotone auto")
                && n.contains("duration +1"));
    }
}
