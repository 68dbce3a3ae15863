package org.creditkit.models.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.creditkit.models.ModelException;

/**
 * Lines up a dataset's columns with the features a model was trained on: by name, and for
 * categorical features by level name (a file read later may list levels in another order). Levels
 * the model has never seen become missing ({@code NaN}).
 */
public final class FeatureAlignment {

    private FeatureAlignment() {
    }

    /**
     * Returns one column per trained feature, in the trained order, with categorical codes
     * translated to the trained levels.
     *
     * @param data the data to score
     * @param trained the features the model expects
     * @return columns aligned to {@code trained}
     * @throws ModelException if a feature is absent from the data or has another kind
     */
    public static double[][] columns(Dataset data, List<Feature> trained) {
        double[][] out = new double[trained.size()][];
        for (int i = 0; i < trained.size(); i++) {
            Feature want = trained.get(i);
            int f = data.indexOf(want.name()).orElseThrow(() -> new ModelException("The model needs feature ("
                    + want.name() + ") which the data does not have; data features: "
                    + data.features().stream().map(Feature::name).toList()));
            Feature have = data.features().get(f);
            if (have.kind() != want.kind()) {
                throw new ModelException("Feature (" + want.name() + ") is " + have.kind() + " in the data but "
                        + want.kind() + " in the model" + (want.isCategorical() ? "; pass --categorical " + want.name() : ""));
            }
            double[] col = data.column(f);
            if (want.isCategorical() && !have.levels().equals(want.levels())) {
                Map<String, Integer> codes = new HashMap<>();
                for (int l = 0; l < want.levels().size(); l++) {
                    codes.put(want.levels().get(l), l);
                }
                double[] remap = new double[have.levels().size()];
                for (int l = 0; l < remap.length; l++) {
                    Integer c = codes.get(have.levels().get(l));
                    remap[l] = c == null ? Double.NaN : c;
                }
                for (int r = 0; r < col.length; r++) {
                    if (!Double.isNaN(col[r])) {
                        col[r] = remap[(int) col[r]];
                    }
                }
            }
            out[i] = col;
        }
        return out;
    }
}
