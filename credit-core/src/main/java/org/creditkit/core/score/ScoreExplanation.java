package org.creditkit.core.score;

import java.util.List;
import java.util.Objects;

/**
 * A score with its full per-feature breakdown.
 *
 * @param result       the score
 * @param baseBias     the base model's bias (intercept) in log-odds
 * @param industryBias the overlay's bias (intercept shift) in log-odds, 0 without overlay
 * @param features     one entry per feature either model reads, in catalogue order
 */
public record ScoreExplanation(ScoreResult result, double baseBias, double industryBias,
                               List<FeatureExplanation> features) {

    /** Copies the list. */
    public ScoreExplanation {
        Objects.requireNonNull(result, "result");
        features = List.copyOf(features);
    }
}
