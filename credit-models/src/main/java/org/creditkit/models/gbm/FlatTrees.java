package org.creditkit.models.gbm;

import java.util.List;
import java.util.Objects;

/**
 * A binary-logit tree ensemble in flat primitive arrays, with Smile's semantics: node {@code i} is
 * a leaf when {@code feature[i] < 0} (value {@code leaf[i]}); otherwise a case goes to
 * {@code trueChild[i]} when {@code x[feature[i]] <= threshold[i]} and to {@code falseChild[i]}
 * otherwise; a missing value ({@code NaN}) goes to the true child only where
 * {@code missingToTrue[i]} is set (never for trees copied from Smile, where {@code NaN <= t} is
 * false). The margin is {@code f = intercept + shrinkage * sum(tree outputs)}, the log-odds of
 * default {@code 2f}, and the PD {@code 1 - 1/(1 + exp(2f))}, computed in the same order as Smile.
 *
 * @param featureNames the input features, indexed by {@code feature[i]}
 * @param roots the root node of each tree
 * @param feature per node the feature index, or -1 for a leaf
 * @param threshold per node the split value (unused for leaves)
 * @param trueChild per node the child for {@code x <= threshold}
 * @param falseChild per node the child otherwise
 * @param missingToTrue per node whether a missing value takes the true child
 * @param leaf per node the leaf output (unused for internal nodes)
 * @param intercept Smile's {@code b}
 * @param shrinkage the learning rate
 * @param cover per node the number of training rows reaching it ({@link #withCovers}), or empty when not
 *        counted
 */
public record FlatTrees(List<String> featureNames, int[] roots, int[] feature, double[] threshold, int[] trueChild,
        int[] falseChild, boolean[] missingToTrue, double[] leaf, double intercept, double shrinkage, double[] cover) {

    /**
     * Trees without covers (the constructor before covers existed).
     *
     * @param featureNames the input features, indexed by {@code feature[i]}
     * @param roots the root node of each tree
     * @param feature per node the feature index, or -1 for a leaf
     * @param threshold per node the split value (unused for leaves)
     * @param trueChild per node the child for {@code x <= threshold}
     * @param falseChild per node the child otherwise
     * @param missingToTrue per node whether a missing value takes the true child
     * @param leaf per node the leaf output (unused for internal nodes)
     * @param intercept Smile's {@code b}
     * @param shrinkage the learning rate
     * @throws IllegalArgumentException if the arrays do not describe valid trees
     */
    public FlatTrees(List<String> featureNames, int[] roots, int[] feature, double[] threshold, int[] trueChild,
            int[] falseChild, boolean[] missingToTrue, double[] leaf, double intercept, double shrinkage) {
        this(featureNames, roots, feature, threshold, trueChild, falseChild, missingToTrue, leaf, intercept, shrinkage,
                new double[0]);
    }

    /**
     * Checks the shape: equal array lengths, children within range, covers absent or one per node and
     * non-negative.
     *
     * @throws IllegalArgumentException if the arrays do not describe valid trees
     */
    public FlatTrees {
        featureNames = List.copyOf(featureNames);
        Objects.requireNonNull(roots, "roots");
        int n = feature.length;
        if (threshold.length != n || trueChild.length != n || falseChild.length != n || missingToTrue.length != n
                || leaf.length != n) {
            throw new IllegalArgumentException("Flat tree arrays must have equal lengths, feature has " + n);
        }
        for (int i = 0; i < n; i++) {
            if (feature[i] >= featureNames.size()) {
                throw new IllegalArgumentException("Node " + i + " uses feature " + feature[i] + " of "
                        + featureNames.size());
            }
            if (feature[i] >= 0 && (trueChild[i] <= i || falseChild[i] <= i || trueChild[i] >= n
                    || falseChild[i] >= n)) {
                throw new IllegalArgumentException("Node " + i + " has children " + trueChild[i] + ", " + falseChild[i]
                        + "; children must come after their parent and within " + n + " nodes");
            }
        }
        for (int r : roots) {
            if (r < 0 || r >= n) {
                throw new IllegalArgumentException("Root " + r + " is outside " + n + " nodes");
            }
        }
        if (cover.length != 0 && cover.length != n) {
            throw new IllegalArgumentException(cover.length + " covers for " + n + " nodes; give one per node or none");
        }
        for (int i = 0; i < cover.length; i++) {
            if (!(cover[i] >= 0) || Double.isInfinite(cover[i])) {
                throw new IllegalArgumentException("Node " + i + " has cover " + cover[i] + "; a cover is a finite count >= 0");
            }
        }
        cover = cover.clone();
        roots = roots.clone();
        feature = feature.clone();
        threshold = threshold.clone();
        trueChild = trueChild.clone();
        falseChild = falseChild.clone();
        missingToTrue = missingToTrue.clone();
        leaf = leaf.clone();
    }

    /**
     * The root node of each tree.
     *
     * @return a copy
     */
    @Override
    public int[] roots() {
        return roots.clone();
    }

    /**
     * Per node the feature index, -1 for a leaf.
     *
     * @return a copy
     */
    @Override
    public int[] feature() {
        return feature.clone();
    }

    /**
     * Per node the split value.
     *
     * @return a copy
     */
    @Override
    public double[] threshold() {
        return threshold.clone();
    }

    /**
     * Per node the child for {@code x <= threshold}.
     *
     * @return a copy
     */
    @Override
    public int[] trueChild() {
        return trueChild.clone();
    }

    /**
     * Per node the other child.
     *
     * @return a copy
     */
    @Override
    public int[] falseChild() {
        return falseChild.clone();
    }

    /**
     * Per node whether a missing value takes the true child.
     *
     * @return a copy
     */
    @Override
    public boolean[] missingToTrue() {
        return missingToTrue.clone();
    }

    /**
     * Per node the leaf output.
     *
     * @return a copy
     */
    @Override
    public double[] leaf() {
        return leaf.clone();
    }

    /**
     * Per node the number of training rows reaching it; empty when not counted.
     *
     * @return a copy
     */
    @Override
    public double[] cover() {
        return cover.clone();
    }

    /**
     * Whether the covers were counted.
     *
     * @return true when {@link #cover()} has one entry per node
     */
    public boolean hasCovers() {
        return cover.length != 0;
    }

    /**
     * The same trees with each node's cover: the number of {@code columns}' rows that reach it, each row
     * routed through every tree as {@link #treeOutput} routes it (missing values as the node sends them).
     * The trainers call this with all their training rows, so that the exported ensemble knows each
     * feature's population-average contribution.
     *
     * @param columns per feature (aligned with {@link #featureNames()}) the encoded values of every row,
     *        {@code NaN} for missing
     * @return a copy with covers
     * @throws IllegalArgumentException if the columns do not match the features or hold no rows
     */
    public FlatTrees withCovers(double[][] columns) {
        if (columns.length != featureNames.size()) {
            throw new IllegalArgumentException(columns.length + " columns for " + featureNames.size() + " features");
        }
        int rows = columns.length == 0 ? 0 : columns[0].length;
        if (rows == 0) {
            throw new IllegalArgumentException("covers need at least one training row");
        }
        double[] count = new double[feature.length];
        for (int r = 0; r < rows; r++) {
            for (int root : roots) {
                int node = root;
                count[node]++;
                while (feature[node] >= 0) {
                    double v = columns[feature[node]][r];
                    boolean goTrue = Double.isNaN(v) ? missingToTrue[node] : v <= threshold[node];
                    node = goTrue ? trueChild[node] : falseChild[node];
                    count[node]++;
                }
            }
        }
        return new FlatTrees(featureNames, roots, feature, threshold, trueChild, falseChild, missingToTrue, leaf,
                intercept, shrinkage, count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlatTrees t && featureNames.equals(t.featureNames) && java.util.Arrays.equals(roots, t.roots)
                && java.util.Arrays.equals(feature, t.feature) && java.util.Arrays.equals(threshold, t.threshold)
                && java.util.Arrays.equals(trueChild, t.trueChild) && java.util.Arrays.equals(falseChild, t.falseChild)
                && java.util.Arrays.equals(missingToTrue, t.missingToTrue) && java.util.Arrays.equals(leaf, t.leaf)
                && Double.compare(intercept, t.intercept) == 0 && Double.compare(shrinkage, t.shrinkage) == 0
                && java.util.Arrays.equals(cover, t.cover);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(featureNames, java.util.Arrays.hashCode(leaf), intercept, shrinkage);
    }

    @Override
    public String toString() {
        return "FlatTrees[" + roots.length + " trees, " + feature.length + " nodes, intercept=" + intercept
                + ", shrinkage=" + shrinkage + "]";
    }

    /**
     * Number of trees.
     *
     * @return the tree count
     */
    public int trees() {
        return roots.length;
    }

    /**
     * The output of one tree.
     *
     * @param tree tree index
     * @param x feature values aligned with {@link #featureNames()}, {@code NaN} for missing
     * @return the leaf value reached
     */
    public double treeOutput(int tree, double[] x) {
        int node = roots[tree];
        while (feature[node] >= 0) {
            double v = x[feature[node]];
            boolean goTrue = Double.isNaN(v) ? missingToTrue[node] : v <= threshold[node];
            node = goTrue ? trueChild[node] : falseChild[node];
        }
        return leaf[node];
    }

    /**
     * Smile's margin {@code f = b + shrinkage * sum(trees)}.
     *
     * @param x feature values
     * @return the margin (half the log-odds of default)
     */
    public double margin(double[] x) {
        double f = intercept;
        for (int t = 0; t < roots.length; t++) {
            f += shrinkage * treeOutput(t, x);
        }
        return f;
    }

    /**
     * Log-odds of default.
     *
     * @param x feature values
     * @return {@code 2 * margin}
     */
    public double logOdds(double[] x) {
        return 2 * margin(x);
    }

    /**
     * PD exactly as Smile computes its class-1 posterior.
     *
     * @param x feature values
     * @return {@code 1 - 1 / (1 + exp(2 f))}
     */
    public double pd(double[] x) {
        return 1 - 1 / (1 + Math.exp(2 * margin(x)));
    }
}
