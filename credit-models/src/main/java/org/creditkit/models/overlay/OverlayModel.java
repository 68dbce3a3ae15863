package org.creditkit.models.overlay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;
import org.creditkit.models.data.FeatureAlignment;

/**
 * The set of industry overlays of a model, with notes on industries left without one.
 *
 * @param overlays the overlays, in order of industry name
 * @param notes one line per industry that fell back to the base and why
 */
public record OverlayModel(List<IndustryOverlay> overlays, List<String> notes) {

    /** Copies. */
    public OverlayModel {
        overlays = List.copyOf(overlays);
        notes = List.copyOf(notes);
    }

    /**
     * No overlays.
     *
     * @return the empty model
     */
    public static OverlayModel none() {
        return new OverlayModel(List.of(), List.of());
    }

    /**
     * The overlay adjustment of every row (0 where no overlay applies).
     *
     * @param data the rows with their industry groups
     * @return adjustment per row, to add to the base log-odds
     */
    public double[] adjustments(Dataset data) {
        double[] out = new double[data.rows()];
        if (!data.hasIndustry() || overlays.isEmpty()) {
            return out;
        }
        Map<String, IndustryOverlay> byName = new HashMap<>();
        for (IndustryOverlay o : overlays) {
            byName.put(o.industry(), o);
        }
        Map<String, double[][]> columns = new HashMap<>();
        for (int r = 0; r < out.length; r++) {
            int code = data.industry(r);
            if (code == Dataset.NO_INDUSTRY) {
                continue;
            }
            IndustryOverlay o = byName.get(data.industryLevels().get(code));
            if (o == null) {
                continue;
            }
            double a = o.shift();
            if (!o.features().isEmpty()) {
                double[][] cols = columns.computeIfAbsent(o.industry(), k -> FeatureAlignment.columns(data,
                        o.features().stream().map(fb -> fb.feature()).toList()));
                for (int j = 0; j < cols.length; j++) {
                    a += o.coefficients().get(j) * o.features().get(j).woe(cols[j][r]);
                }
            }
            out[r] = a;
        }
        return out;
    }

    /**
     * Every feature some overlay reads.
     *
     * @return distinct features in first-use order
     */
    public List<Feature> inputFeatures() {
        return overlays.stream().flatMap(o -> o.features().stream()).map(fb -> fb.feature()).distinct().toList();
    }
}
