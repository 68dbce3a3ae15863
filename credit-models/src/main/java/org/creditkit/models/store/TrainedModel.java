package org.creditkit.models.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;
import org.creditkit.models.gbm.TrainedGbm;
import org.creditkit.models.overlay.OverlayModel;
import org.creditkit.models.scorecard.TrainedScorecard;

/**
 * A complete trained model: a base (scorecard or GBM), optional industry overlays, an intercept
 * shift from calibration, and metadata (data file, options, seed, metrics). Its log-odds are
 * {@code base(x) + overlay_industry(x) + calibrationShift}.
 *
 * @param scorecard the base scorecard, when the base is a scorecard
 * @param gbm the base GBM, when the base is a GBM
 * @param overlays the industry overlays (possibly none)
 * @param calibrationShift the intercept shift added after calibration (0 for none)
 * @param metadata sorted key/value facts about training
 */
public record TrainedModel(Optional<TrainedScorecard> scorecard, Optional<TrainedGbm> gbm, OverlayModel overlays,
        double calibrationShift, Map<String, String> metadata) {

    /**
     * Checks that exactly one base is present and copies.
     *
     * @throws IllegalArgumentException if both or neither base is present, or the shift is not finite
     */
    public TrainedModel {
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(gbm, "gbm");
        Objects.requireNonNull(overlays, "overlays");
        metadata = Map.copyOf(new TreeMap<>(metadata));
        if (scorecard.isPresent() == gbm.isPresent()) {
            throw new IllegalArgumentException("A trained model has exactly one base (scorecard or gbm)");
        }
        if (!Double.isFinite(calibrationShift)) {
            throw new IllegalArgumentException("Calibration shift must be finite, got " + calibrationShift);
        }
    }

    /**
     * A scorecard model.
     *
     * @param card the scorecard
     * @param overlays overlays
     * @param shift calibration shift
     * @param metadata training facts
     * @return the model
     */
    public static TrainedModel of(TrainedScorecard card, OverlayModel overlays, double shift,
            Map<String, String> metadata) {
        return new TrainedModel(Optional.of(card), Optional.empty(), overlays, shift, metadata);
    }

    /**
     * A GBM model.
     *
     * @param gbm the GBM
     * @param overlays overlays
     * @param shift calibration shift
     * @param metadata training facts
     * @return the model
     */
    public static TrainedModel of(TrainedGbm gbm, OverlayModel overlays, double shift, Map<String, String> metadata) {
        return new TrainedModel(Optional.empty(), Optional.of(gbm), overlays, shift, metadata);
    }

    /**
     * {@code "scorecard"} or {@code "gbm"}.
     *
     * @return the base kind
     */
    public String kind() {
        return scorecard.isPresent() ? "scorecard" : "gbm";
    }

    /**
     * The base model's log-odds per row.
     *
     * @param data rows with the model's features
     * @return base log-odds
     */
    public double[] baseLogOdds(Dataset data) {
        return scorecard.isPresent() ? scorecard.get().logOdds(data) : gbm.orElseThrow().logOdds(data);
    }

    /**
     * Full log-odds per row: base plus overlay plus calibration shift.
     *
     * @param data rows with the model's features and, for overlays, the industry column
     * @return log-odds
     */
    public double[] logOdds(Dataset data) {
        double[] z = baseLogOdds(data);
        double[] adj = overlays.adjustments(data);
        for (int i = 0; i < z.length; i++) {
            z[i] += adj[i] + calibrationShift;
        }
        return z;
    }

    /**
     * Every feature the model reads (base first, then overlay features).
     *
     * @return distinct features
     */
    public List<Feature> inputFeatures() {
        List<Feature> out = new ArrayList<>(scorecard.isPresent() ? scorecard.get().inputFeatures()
                : gbm.orElseThrow().inputFeatures());
        for (Feature f : overlays.inputFeatures()) {
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
