package org.creditkit.models.scorecard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.creditkit.core.score.Scaling;
import org.creditkit.models.binning.Bin;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;
import org.creditkit.models.data.FeatureAlignment;

/**
 * A trained WoE scorecard: per feature its bins, WoE, coefficient and points, plus the intercept
 * and scaling. The log-odds of default is {@code intercept + sum(coefficient * WoE)}; the points of
 * a bin are {@code -(WoE * coefficient + intercept / n) * factor + offset / n}, so the points of the
 * bins a case falls in add up to its score.
 *
 * @param features the scorecard features in order
 * @param intercept the logistic intercept
 * @param scaling the score scaling
 * @param notes what training decided (dropped features, sign fixes)
 */
public record TrainedScorecard(List<ScorecardFeature> features, double intercept, Scaling scaling, List<String> notes) {

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if there is no feature or the intercept is not finite
     */
    public TrainedScorecard {
        features = List.copyOf(features);
        Objects.requireNonNull(scaling, "scaling");
        notes = List.copyOf(notes);
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("The scorecard intercept must be finite, got " + intercept);
        }
    }

    /**
     * The features the scorecard reads, for {@link FeatureAlignment}.
     *
     * @return the features in order
     */
    public List<Feature> inputFeatures() {
        return features.stream().map(f -> f.binning().feature()).toList();
    }

    /**
     * Log-odds of default for values aligned with {@link #inputFeatures()}.
     *
     * @param values one value (or level code, or {@code NaN}) per feature
     * @return {@code ln(PD/(1-PD))}
     */
    public double logOdds(double[] values) {
        double z = intercept;
        for (int i = 0; i < features.size(); i++) {
            ScorecardFeature f = features.get(i);
            z += f.coefficient() * f.binning().woe(values[i]);
        }
        return z;
    }

    /**
     * Log-odds of default for every row of a dataset.
     *
     * @param data the rows, with the scorecard's features (by name)
     * @return log-odds per row
     */
    public double[] logOdds(Dataset data) {
        double[][] cols = FeatureAlignment.columns(data, inputFeatures());
        double[] out = new double[data.rows()];
        double[] row = new double[cols.length];
        for (int r = 0; r < out.length; r++) {
            for (int i = 0; i < cols.length; i++) {
                row[i] = cols[i][r];
            }
            out[r] = logOdds(row);
        }
        return out;
    }

    /**
     * The direction of risk of every feature the scorecard classes monotonically: {@code +1} when
     * the WoE of its value bins falls as the value rises (higher values riskier), {@code -1} when it
     * rises; a monotonic feature left with one value bin has no direction and is absent. These are
     * the constraints {@code credit train --model gbm --monotone auto} gives the GBM.
     *
     * @return per feature name -1 or +1, in scorecard order
     */
    public Map<String, Integer> monotoneDirections() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ScorecardFeature f : features) {
            if (!f.binning().monotonic()) {
                continue;
            }
            List<Bin> values = f.binning().bins().stream().filter(b -> !b.missing()).toList();
            if (values.size() < 2) {
                continue;
            }
            double first = values.get(0).woe();
            double last = values.get(values.size() - 1).woe();
            if (first != last) {
                out.put(f.name(), last < first ? 1 : -1);
            }
        }
        return out;
    }

    /**
     * The score of values aligned with {@link #inputFeatures()}: the sum of the points of their bins.
     *
     * @param values one value per feature
     * @return the score
     */
    public double score(double[] values) {
        double s = 0;
        for (int i = 0; i < features.size(); i++) {
            ScorecardFeature f = features.get(i);
            s += f.points().get(f.binning().binIndex(values[i]));
        }
        return s;
    }
}
