package org.creditkit.models.workflow;

import java.util.Objects;
import java.util.OptionalDouble;

import org.creditkit.models.gbm.GbmOptions;
import org.creditkit.models.overlay.OverlayOptions;
import org.creditkit.models.scorecard.ScorecardOptions;

/**
 * What to train.
 *
 * @param kind the base model family
 * @param scorecard scorecard settings (used when {@code kind} is SCORECARD)
 * @param gbm GBM settings (used when {@code kind} is GBM)
 * @param overlays whether to fit industry overlays
 * @param overlayOptions overlay settings
 * @param cvFolds folds of cross-validation, 0 for none
 * @param seed seed of the folds (the GBM has its own in {@code gbm})
 * @param targetRate when present, the mean PD the final model is calibrated to
 * @param monotoneFromScorecard for a GBM: constrain it to be monotonic in the features the
 *        scorecard (trained with {@code scorecard} on the same rows: inside every fold when
 *        cross-validating) classes monotonically, in their direction
 *        ({@link org.creditkit.models.scorecard.TrainedScorecard#monotoneDirections()}); the
 *        directions set in {@code gbm} win
 */
public record TrainRequest(ModelKind kind, ScorecardOptions scorecard, GbmOptions gbm, boolean overlays,
        OverlayOptions overlayOptions, int cvFolds, long seed, OptionalDouble targetRate,
        boolean monotoneFromScorecard) {

    /**
     * Checks.
     *
     * @throws IllegalArgumentException for a fold count of 1 or below 0
     */
    public TrainRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(gbm, "gbm");
        Objects.requireNonNull(overlayOptions, "overlayOptions");
        Objects.requireNonNull(targetRate, "targetRate");
        if (cvFolds < 0 || cvFolds == 1) {
            throw new IllegalArgumentException("--cv must be 0 (none) or at least 2, got " + cvFolds);
        }
    }

    /**
     * A request without monotone constraints taken from the scorecard.
     *
     * @param kind the base model family
     * @param scorecard scorecard settings
     * @param gbm GBM settings
     * @param overlays whether to fit industry overlays
     * @param overlayOptions overlay settings
     * @param cvFolds folds of cross-validation, 0 for none
     * @param seed seed of the folds
     * @param targetRate when present, the mean PD the final model is calibrated to
     * @throws IllegalArgumentException for a fold count of 1 or below 0
     */
    public TrainRequest(ModelKind kind, ScorecardOptions scorecard, GbmOptions gbm, boolean overlays,
            OverlayOptions overlayOptions, int cvFolds, long seed, OptionalDouble targetRate) {
        this(kind, scorecard, gbm, overlays, overlayOptions, cvFolds, seed, targetRate, false);
    }

    /**
     * A default scorecard without overlays or cross-validation.
     *
     * @param seed the seed
     * @return the request
     */
    public static TrainRequest scorecard(long seed) {
        return new TrainRequest(ModelKind.SCORECARD, ScorecardOptions.defaults(), GbmOptions.defaults(seed), false,
                OverlayOptions.defaults(), 0, seed, OptionalDouble.empty());
    }
}
