package org.creditkit.models.overlay;

import java.util.List;
import java.util.Objects;

import org.creditkit.models.binning.FeatureBinning;

/**
 * The overlay of one industry group: {@code adjustment = shift + sum(coefficient_j * WoE_j)}, added
 * to the base log-odds. All parameters are already shrunk toward 0 (the base) by their credibility.
 *
 * @param industry the industry group (e.g. {@code C} or {@code 39})
 * @param rows training rows of the industry
 * @param bads training defaults of the industry
 * @param credibility the credibility of the shift: {@code tau^2 / (tau^2 + v)} with the empirical-Bayes
 *        prior variance {@code tau^2} and the shift's sampling variance {@code v}, or
 *        {@code n / (n + k0)} with a fixed {@code k0}
 * @param rawShift the unshrunk intercept shift
 * @param shift the applied intercept shift
 * @param features the industry's own features: a numeric one cut at quantiles of the industry's
 *        values, each bin's value (its {@code woe}) the bin's standardized mean, so the coefficient
 *        is per standard deviation; a categorical one with the WoE of its bins on all rows
 * @param coefficients applied coefficient per own feature
 */
public record IndustryOverlay(String industry, int rows, int bads, double credibility, double rawShift, double shift,
        List<FeatureBinning> features, List<Double> coefficients) {

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if features and coefficients differ in number
     */
    public IndustryOverlay {
        Objects.requireNonNull(industry, "industry");
        features = List.copyOf(features);
        coefficients = List.copyOf(coefficients);
        if (features.size() != coefficients.size()) {
            throw new IllegalArgumentException("Overlay " + industry + " has " + features.size() + " features and "
                    + coefficients.size() + " coefficients");
        }
    }
}
