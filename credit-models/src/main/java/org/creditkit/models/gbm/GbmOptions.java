package org.creditkit.models.gbm;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Settings of gradient boosting.
 *
 * <p>{@link GbmTrainer#fit} boosts histogram trees ({@code HistogramBoosting}): {@code trees} is
 * the most it grows, fewer when early stopping on the validation part ends it; each tree is grown
 * leaf-wise up to {@code maxNodes} leaves and {@code maxDepth} levels. {@link GbmTrainer#fitWithSmile}
 * passes trees, depth, nodes, node size, shrinkage and subsample to Smile's
 * {@code GradientTreeBoost} and refuses monotone constraints (Smile has none).
 *
 * @param trees most trees, at least 1
 * @param maxDepth the deepest a tree may grow, at least 2
 * @param maxNodes the most leaves per tree, at least 2
 * @param nodeSize the fewest rows in a leaf, at least 1
 * @param shrinkage learning rate in (0, 1]
 * @param subsample share of rows sampled for each tree in (0, 1]
 * @param l2 L2 penalty on the leaf values (added to the hessian sum), at least 0
 * @param validationShare share of the rows held out (stratified) for early stopping, in [0, 0.5];
 *        0 grows all {@code trees}
 * @param patience trees without a better validation log loss before boosting stops, at least 1
 * @param seed seed of the validation part and of the row sampling
 * @param monotone per numeric feature name the direction the predicted risk must follow as the
 *        value rises: {@code +1} never falls, {@code -1} never rises, {@code 0} (or absent) free;
 *        a split on a constrained feature is rejected when its children's values go the other way,
 *        and the children's values are bounded by their midpoint below them (LightGBM's and
 *        scikit-learn's method), so the whole ensemble is monotonic in that feature
 */
public record GbmOptions(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample,
        double l2, double validationShare, int patience, long seed, Map<String, Integer> monotone) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException on a value outside its range
     */
    public GbmOptions {
        java.util.List<String> bad = new java.util.ArrayList<>();
        atLeast(bad, "trees", trees, 1);
        atLeast(bad, "maxDepth", maxDepth, 2);
        atLeast(bad, "maxNodes (most leaves)", maxNodes, 2);
        atLeast(bad, "nodeSize (fewest rows in a leaf)", nodeSize, 1);
        atLeast(bad, "patience", patience, 1);
        if (!(shrinkage > 0 && shrinkage <= 1)) {
            bad.add("shrinkage must be in (0, 1], got " + shrinkage);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            bad.add("subsample must be in (0, 1], got " + subsample);
        }
        if (!(l2 >= 0 && l2 < Double.POSITIVE_INFINITY)) {
            bad.add("l2 must be finite and >= 0, got " + l2);
        }
        if (!(validationShare >= 0 && validationShare <= 0.5)) {
            bad.add("validationShare must be in [0, 0.5], got " + validationShare);
        }
        Objects.requireNonNull(monotone, "monotone");
        monotone = Collections.unmodifiableMap(new TreeMap<>(monotone));
        monotone.forEach((name, direction) -> {
            if (direction == null || direction < -1 || direction > 1) {
                bad.add("monotone direction of " + name + " must be -1, 0 or +1, got " + direction);
            }
        });
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("GBM settings out of range: " + String.join("; ", bad));
        }
    }

    /**
     * Settings without monotone constraints.
     *
     * @param trees most trees, at least 1
     * @param maxDepth the deepest a tree may grow, at least 2
     * @param maxNodes the most leaves per tree, at least 2
     * @param nodeSize the fewest rows in a leaf, at least 1
     * @param shrinkage learning rate in (0, 1]
     * @param subsample share of rows sampled for each tree in (0, 1]
     * @param l2 L2 penalty on the leaf values, at least 0
     * @param validationShare share of the rows held out for early stopping, in [0, 0.5]
     * @param patience trees without a better validation log loss before boosting stops, at least 1
     * @param seed seed of the validation part and of the row sampling
     * @throws IllegalArgumentException on a value outside its range
     */
    public GbmOptions(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample,
            double l2, double validationShare, int patience, long seed) {
        this(trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample, l2, validationShare, patience, seed, Map.of());
    }

    private static void atLeast(java.util.List<String> bad, String name, int value, int min) {
        if (value < min) {
            bad.add(name + " must be >= " + min + ", got " + value);
        }
    }

    /**
     * Settings for Smile's trainer (no L2 penalty, no early stopping).
     *
     * @param trees trees
     * @param maxDepth depth limit
     * @param maxNodes most leaves
     * @param nodeSize fewest rows in a leaf
     * @param shrinkage learning rate
     * @param subsample row share per tree
     * @param seed seed
     * @return the settings
     */
    public static GbmOptions smile(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage,
            double subsample, long seed) {
        return new GbmOptions(trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample, 0, 0, 1, seed);
    }

    /** Rows from which the defaults stop early on a validation part (scikit-learn's "auto" uses 10,000 too). */
    public static final int EARLY_STOPPING_ROWS = 10_000;

    /**
     * The defaults for large data, measured in docs/training.md: at most 500 trees of at most 8
     * leaves and depth 8, leaves of at least 20 rows, shrinkage 0.05, every row, L2 1, early
     * stopping after 30 trees without a better log loss on a 10% validation part.
     *
     * @param seed the seed
     * @return the defaults
     */
    public static GbmOptions defaults(long seed) {
        return new GbmOptions(500, 8, 8, 20, 0.05, 1, 1, 0.1, 30, seed);
    }

    /**
     * The defaults for a number of training rows: {@link #defaults(long)} from
     * {@value #EARLY_STOPPING_ROWS} rows; below, where a validation part would be too small to stop
     * on reliably, 200 trees without early stopping and leaves of at least 10 rows.
     *
     * @param rows training rows
     * @param seed the seed
     * @return the defaults
     */
    public static GbmOptions forRows(int rows, long seed) {
        return rows >= EARLY_STOPPING_ROWS ? defaults(seed) : new GbmOptions(200, 8, 8, 10, 0.05, 1, 1, 0, 30, seed);
    }

    /**
     * Returns a copy with another number of trees.
     *
     * @param n trees
     * @return the copy
     */
    public GbmOptions withTrees(int n) {
        return new GbmOptions(n, maxDepth, maxNodes, nodeSize, shrinkage, subsample, l2, validationShare, patience,
                seed, monotone);
    }

    /**
     * Returns a copy with other monotone constraints.
     *
     * @param directions per numeric feature name {@code -1}, {@code 0} or {@code +1}
     * @return the copy
     * @throws IllegalArgumentException on a direction other than -1, 0 or +1
     */
    public GbmOptions withMonotone(Map<String, Integer> directions) {
        return new GbmOptions(trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample, l2, validationShare, patience,
                seed, directions);
    }
}
