package org.creditkit.models.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
     * Says, per categorical feature, how many rows of {@code data} hold a value the model was never
     * trained on: {@link #columns} scores them as missing, so a re-coded or re-cased category
     * ({@code Male Single} for {@code male single}) would otherwise move every such row to the missing
     * bin without a word. Each message names the column, the count, the unknown values (most frequent
     * first, at most five), a known value differing only in case, and the values the model knows.
     *
     * @param data the data to score
     * @param trained the features the model expects
     * @return one message per feature with unknown values, in the trained order; empty when none
     */
    public static List<String> unknownLevels(Dataset data, List<Feature> trained) {
        List<String> messages = new ArrayList<>();
        for (Feature want : trained) {
            Optional<Integer> f = data.indexOf(want.name());
            if (!want.isCategorical() || f.isEmpty() || !data.features().get(f.get()).isCategorical()) {
                continue;
            }
            List<String> have = data.features().get(f.get()).levels();
            long[] counts = new long[have.size()];
            for (int r = 0; r < data.rows(); r++) {
                double v = data.value(f.get(), r);
                if (!Double.isNaN(v)) {
                    counts[(int) v]++;
                }
            }
            Set<String> known = new HashSet<>(want.levels());
            Map<String, String> byCase = new HashMap<>();
            want.levels().forEach(l -> byCase.putIfAbsent(l.toLowerCase(Locale.ROOT), l));
            List<Integer> unknown = new ArrayList<>();
            long rows = 0;
            for (int l = 0; l < counts.length; l++) {
                if (counts[l] > 0 && !known.contains(have.get(l))) {
                    unknown.add(l);
                    rows += counts[l];
                }
            }
            if (unknown.isEmpty()) {
                continue;
            }
            unknown.sort(Comparator.comparingLong((Integer l) -> -counts[l]).thenComparing(have::get));
            List<String> shown = new ArrayList<>();
            for (int l : unknown.subList(0, Math.min(5, unknown.size()))) {
                String value = have.get(l);
                String twin = byCase.get(value.toLowerCase(Locale.ROOT));
                shown.add("'" + value + "' " + counts[l] + (twin == null ? "" : " (the model knows '" + twin
                        + "': values match exactly, case included)"));
            }
            messages.add(String.format(Locale.ROOT, "column (%s): %d of %d rows hold a value the model was not trained"
                    + " on: %s%s; they are scored as missing. The model knows %s", want.name(), rows, data.rows(),
                    String.join(", ", shown), unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : "",
                    want.levels()));
        }
        return messages;
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
