package org.creditkit.models.scorecard;

import java.util.List;
import java.util.Objects;

import org.creditkit.models.binning.FeatureBinning;

/**
 * One feature of a trained scorecard.
 *
 * @param binning the bins with their WoE (missing bin last)
 * @param coefficient the logistic coefficient of the feature's WoE (negative for a sound feature,
 *        because a higher WoE means lower risk)
 * @param points points per bin, same order as {@code binning.bins()}
 */
public record ScorecardFeature(FeatureBinning binning, double coefficient, List<Double> points) {

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if the number of points does not match the bins
     */
    public ScorecardFeature {
        Objects.requireNonNull(binning, "binning");
        points = List.copyOf(points);
        if (points.size() != binning.bins().size()) {
            throw new IllegalArgumentException("Feature (" + binning.name() + ") has " + points.size() + " points for "
                    + binning.bins().size() + " bins");
        }
    }

    /**
     * The feature name.
     *
     * @return the name
     */
    public String name() {
        return binning.name();
    }
}
