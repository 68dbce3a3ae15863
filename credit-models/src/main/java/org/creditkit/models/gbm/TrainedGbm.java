package org.creditkit.models.gbm;

import java.util.List;
import java.util.Objects;

import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;
import org.creditkit.models.data.FeatureAlignment;

/**
 * A trained gradient-boosting model in exportable form: how each feature is encoded and the flat
 * trees.
 *
 * @param encodings per input feature its encoding, aligned with {@code trees.featureNames()}
 * @param trees the flat trees
 * @param importance per input feature the summed split gain of its splits
 * @param options the settings it was trained with
 */
public record TrainedGbm(List<FeatureEncoding> encodings, FlatTrees trees, List<Double> importance,
        GbmOptions options) {

    /** Checks and copies. */
    public TrainedGbm {
        encodings = List.copyOf(encodings);
        importance = List.copyOf(importance);
        Objects.requireNonNull(trees, "trees");
        Objects.requireNonNull(options, "options");
        if (encodings.size() != trees.featureNames().size()) {
            throw new IllegalArgumentException(encodings.size() + " encodings for " + trees.featureNames().size()
                    + " tree features");
        }
    }

    /**
     * The features the model reads, for {@link FeatureAlignment}.
     *
     * @return the features in order
     */
    public List<Feature> inputFeatures() {
        return encodings.stream().map(FeatureEncoding::feature).toList();
    }

    /**
     * Log-odds of default for every row.
     *
     * @param data rows with the model's features (by name)
     * @return log-odds per row
     */
    public double[] logOdds(Dataset data) {
        double[][] cols = FeatureAlignment.columns(data, inputFeatures());
        double[] out = new double[data.rows()];
        double[] x = new double[cols.length];
        for (int r = 0; r < out.length; r++) {
            for (int i = 0; i < cols.length; i++) {
                x[i] = encodings.get(i).encode(cols[i][r]);
            }
            out[r] = trees.logOdds(x);
        }
        return out;
    }
}
