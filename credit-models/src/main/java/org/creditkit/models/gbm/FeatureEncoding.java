package org.creditkit.models.gbm;

import java.util.List;
import java.util.Objects;

import org.creditkit.models.data.Feature;

/**
 * How one feature is given to the trees. Numeric values pass through. A categorical level becomes
 * the rank of its training bad rate ({@code levelValue[code]}), which lets threshold splits group
 * levels sensibly (Fisher's ordering for a binary target); levels unseen in training get
 * {@code NaN}. The histogram trainer keeps missing values as {@code NaN} and learns their branch at
 * every split. For Smile ({@link GbmTrainer#fitWithSmile}) a missing value is replaced by
 * {@code sentinel}, a number above every training value, so Smile sends it to the false
 * ("greater") child at every split; at scoring time {@code NaN} takes the same branch, so both give
 * identical results.
 *
 * @param feature the source feature
 * @param levelValue per level code its numeric value (categorical only, else empty)
 * @param sentinel the training stand-in for a missing value
 */
public record FeatureEncoding(Feature feature, List<Double> levelValue, double sentinel) {

    /** Checks and copies. */
    public FeatureEncoding {
        Objects.requireNonNull(feature, "feature");
        levelValue = List.copyOf(levelValue);
        if (!Double.isFinite(sentinel)) {
            throw new IllegalArgumentException("Sentinel of feature (" + feature.name() + ") must be finite");
        }
        if (feature.isCategorical() && levelValue.size() != feature.levels().size()) {
            throw new IllegalArgumentException("Feature (" + feature.name() + ") needs a value per level");
        }
    }

    /**
     * The value the trees see at scoring time.
     *
     * @param raw a number, a level code, or {@code NaN}
     * @return the encoded value, {@code NaN} when missing or an unseen level
     */
    public double encode(double raw) {
        if (Double.isNaN(raw) || !feature.isCategorical()) {
            return raw;
        }
        int code = (int) raw;
        return code >= 0 && code < levelValue.size() ? levelValue.get(code) : Double.NaN;
    }

    /**
     * The value Smile sees in training: as {@link #encode(double)} with missing as the sentinel.
     *
     * @param raw a number, a level code, or {@code NaN}
     * @return the encoded value, never {@code NaN}
     */
    public double encodeForTraining(double raw) {
        double v = encode(raw);
        return Double.isNaN(v) ? sentinel : v;
    }
}
