package org.creditkit.models.gbm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.creditkit.models.ModelException;
import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;

import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * Trains gradient boosting on a dataset into a {@link TrainedGbm}: our histogram boosting
 * ({@link #fit}), or Smile's {@code GradientTreeBoost} copied into flat trees ({@link #fitWithSmile},
 * kept as the reference the export is checked against).
 *
 * <p>Determinism: the histogram trainer is single-threaded and draws its validation part and row
 * samples from generators seeded with {@link GbmOptions#seed()}. Smile draws its row samples from a per-thread generator; it is seeded with
 * {@link GbmOptions#seed()} immediately before fitting, so the same data and options give the same
 * trees.
 *
 * <p>Both record each node's cover: every training row (the validation part included) routed through
 * the finished trees ({@link FlatTrees#withCovers}), so the exported ensemble knows each feature's
 * population-average contribution and measures reasons against it.
 */
public final class GbmTrainer {

    /** The response column name in the frame given to Smile. */
    static final String RESPONSE = "__default__";

    /**
     * A fit with the Smile model and frame kept, for checks against Smile.
     *
     * @param model the exportable model
     * @param smile Smile's model
     * @param frame the training frame Smile saw (missing values as sentinels)
     */
    public record Fit(TrainedGbm model, GradientTreeBoost smile, DataFrame frame) {
    }

    private GbmTrainer() {
    }

    /**
     * Trains histogram gradient boosting ({@code HistogramBoosting}) and exports it.
     *
     * @param data training rows
     * @param options settings
     * @param progress progress reporter (one step per tree)
     * @return the exportable model
     * @throws ModelException if the data has one outcome only, or a monotone constraint names a
     *         feature the data does not have or a categorical one
     */
    public static TrainedGbm fit(Dataset data, GbmOptions options, Progress progress) {
        requireBothOutcomes(data);
        int[] direction = directions(data, options.monotone());
        List<FeatureEncoding> encodings = encodings(data);
        double[][] x = encoded(data, encodings);
        List<String> names = encodings.stream().map(e -> e.feature().name()).toList();
        HistogramBoosting.Result fit = HistogramBoosting.fit(x, data.targets(), names, direction, options, progress);
        List<Double> importance = Arrays.stream(fit.importance()).boxed().toList();
        return new TrainedGbm(encodings, fit.trees().withCovers(x), importance, options);
    }

    /** Per feature the encoded value of every row, NaN for missing: what the exported ensemble reads. */
    private static double[][] encoded(Dataset data, List<FeatureEncoding> encodings) {
        double[][] x = new double[encodings.size()][data.rows()];
        for (int f = 0; f < x.length; f++) {
            FeatureEncoding e = encodings.get(f);
            for (int r = 0; r < data.rows(); r++) {
                x[f][r] = e.encode(data.value(f, r));
            }
        }
        return x;
    }

    /** Per feature of the data its constraint; refuses a name that is not a numeric feature. */
    static int[] directions(Dataset data, Map<String, Integer> monotone) {
        int[] out = new int[data.features().size()];
        List<String> problems = new ArrayList<>();
        monotone.forEach((name, d) -> {
            Optional<Integer> f = data.indexOf(name);
            if (f.isEmpty()) {
                problems.add(name + " is not a feature of the data");
            } else if (data.features().get(f.get()).isCategorical()) {
                if (d != 0) {
                    problems.add(name + " is categorical (its levels have no order to follow)");
                }
            } else {
                out[f.get()] = d;
            }
        });
        if (!problems.isEmpty()) {
            List<String> numeric = data.features().stream().filter(x -> !x.isCategorical()).map(Feature::name).toList();
            throw new ModelException("GBM monotone constraints refused: " + String.join("; ", problems)
                    + ". They apply to numeric features: " + String.join(", ", numeric));
        }
        return out;
    }

    private static void requireBothOutcomes(Dataset data) {
        if (data.bads() == 0 || data.bads() == data.rows()) {
            throw new ModelException("Cannot train GBM: " + data.bads() + " bads in " + data.rows()
                    + " rows; both outcomes are needed");
        }
    }

    /**
     * Trains, exports, and keeps Smile's model and frame.
     *
     * @param data training rows
     * @param options settings
     * @param progress progress reporter
     * @return the fit
     * @throws ModelException if the data has one outcome only or monotone constraints are set
     */
    public static Fit fitWithSmile(Dataset data, GbmOptions options, Progress progress) {
        requireBothOutcomes(data);
        if (options.monotone().values().stream().anyMatch(d -> d != 0)) {
            throw new ModelException("Smile's GradientTreeBoost has no monotone constraints; train with GbmTrainer.fit"
                    + " or without GbmOptions.monotone, got " + options.monotone());
        }
        List<FeatureEncoding> encodings = encodings(data);
        int nf = encodings.size();
        BaseVector<?, ?, ?>[] vectors = new BaseVector<?, ?, ?>[nf + 1];
        List<String> names = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
            FeatureEncoding e = encodings.get(f);
            double[] col = new double[data.rows()];
            for (int r = 0; r < col.length; r++) {
                col[r] = e.encodeForTraining(data.value(f, r));
            }
            vectors[f] = DoubleVector.of(e.feature().name(), col);
            names.add(e.feature().name());
        }
        vectors[nf] = IntVector.of(RESPONSE, data.targets());
        DataFrame frame = DataFrame.of(vectors);
        progress.step("boosting", 0, 1);
        MathEx.setSeed(options.seed());
        GradientTreeBoost smile = GradientTreeBoost.fit(Formula.lhs(RESPONSE), frame, options.trees(),
                options.maxDepth(), options.maxNodes(), options.nodeSize(), options.shrinkage(), options.subsample());
        progress.step("boosting", 1, 1);
        // covers from the rows as the core routes them (missing as NaN), which Smile's sentinels mirror
        FlatTrees trees = SmileTrees.flatten(smile, names, options.shrinkage()).withCovers(encoded(data, encodings));
        double[] imp = smile.importance();
        List<Double> importance = Arrays.stream(imp).boxed().toList();
        return new Fit(new TrainedGbm(encodings, trees, importance, options), smile, frame);
    }

    /** Per feature: categorical levels ranked by smoothed bad rate; sentinel above the largest value. */
    static List<FeatureEncoding> encodings(Dataset data) {
        List<FeatureEncoding> out = new ArrayList<>();
        for (int f = 0; f < data.features().size(); f++) {
            Feature feature = data.features().get(f);
            if (feature.isCategorical()) {
                int levels = feature.levels().size();
                double[] g = new double[levels];
                double[] b = new double[levels];
                for (int r = 0; r < data.rows(); r++) {
                    double v = data.value(f, r);
                    if (!Double.isNaN(v)) {
                        if (data.target(r) == 1) {
                            b[(int) v]++;
                        } else {
                            g[(int) v]++;
                        }
                    }
                }
                Integer[] order = new Integer[levels];
                for (int l = 0; l < levels; l++) {
                    order[l] = l;
                }
                Arrays.sort(order, (x, y) -> {
                    int c = Double.compare((b[x] + 0.5) / (g[x] + b[x] + 1), (b[y] + 0.5) / (g[y] + b[y] + 1));
                    return c != 0 ? c : Integer.compare(x, y);
                });
                List<Double> value = new ArrayList<>(java.util.Collections.nCopies(levels, Double.NaN));
                int rank = 0;
                for (Integer l : order) {
                    if (g[l] + b[l] > 0) {
                        value.set(l, (double) rank++);
                    }
                }
                out.add(new FeatureEncoding(feature, value, rank));
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < data.rows(); r++) {
                    double v = data.value(f, r);
                    if (v > max) {
                        max = v;
                    }
                }
                double sentinel = max == Double.NEGATIVE_INFINITY ? 0 : max + Math.max(1, Math.abs(max));
                out.add(new FeatureEncoding(feature, List.of(), sentinel));
            }
        }
        return out;
    }
}
