package org.creditkit.core.score.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.spi.ScoringModel;

/**
 * Gradient-boosted regression trees in flat primitive arrays:
 * {@code logOdds = scale * (intercept + shrinkage * Σ_t tree_t(x))}.
 *
 * <p>At a split node on feature {@code f} with threshold {@code t}: an ordinal split sends
 * {@code x <= t} left and a nominal split sends {@code x == t} left; everything else goes right,
 * except a missing value (NaN), which goes left exactly when the node's {@code missingLeft} flag is
 * set. This is Smile 3.1.1's {@code OrdinalNode}/{@code NominalNode} rule (NaN fails both tests, so
 * Smile sends it right: export with {@code missingLeft = false}), and a Smile
 * {@code GradientTreeBoost} binary classifier, whose probability is
 * {@code 1 / (1 + exp(-2 (b + shrinkage Σ tree)))}, exports exactly with {@code intercept = b},
 * its shrinkage, and {@code scale = 2} (or {@code -2} when class 0 is the default class).
 *
 * <p>Per-feature contributions follow Saabas' path attribution: walking the decision path, each
 * split adds {@code value(child) - value(node)} to its feature, so contributions plus
 * {@link #bias()} (the root values) sum to the log-odds. Internal node values are the node's mean
 * response; when a builder leaves one out it is the unweighted mean of its children.
 *
 * <p>Each node may record its <em>cover</em>: the number (or weight) of training rows that reach it
 * ({@link #withCovers} routes a population through the trees; the trainers of credit-models record
 * it). With covers, each feature's neutral (population-average) contribution is known exactly and
 * precomputed here: Saabas' attribution averaged over the training rows is
 * {@code Σ over splits n on f, children c of n: scale · shrinkage · (cover(c) / cover(root)) · (value(c) - value(n))},
 * since a row takes the step from {@code n} to {@code c} with probability {@code cover(c) / cover(root)}.
 * Reasons are then measured against it ({@link #neutral}). Covers must be given for every node or none,
 * be non-negative, add up (a split's cover is the sum of its children's) and agree at the roots (every
 * tree saw the same rows).
 *
 * <pre>{@code
 * TreeEnsemble gbm = TreeEnsemble.builder(catalogue).intercept(-1.2).shrinkage(0.05).scale(2)
 *     .tree(List.of(Node.split(catalogue.indexOf("debt_to_asset"), 0.7, 1, 2, false),
 *                   Node.leaf(-0.1), Node.leaf(0.4)))
 *     .build();
 * }</pre>
 */
public final class TreeEnsemble implements ScoringModel {

    /** Type name in bundles. */
    public static final String TYPE = "tree-ensemble";

    /**
     * One node of a tree; children are indices into the same tree's node list, root at 0.
     *
     * @param feature     catalogue position of the split feature, -1 for a leaf
     * @param threshold   split value (0 for a leaf)
     * @param left        left child index, -1 for a leaf
     * @param right       right child index, -1 for a leaf
     * @param value       leaf output, or the node's mean response for a split (NaN: derive from children)
     * @param missingLeft whether a missing value goes left
     * @param nominal     whether the split is {@code x == threshold} instead of {@code x <= threshold}
     * @param cover       number or weight of training rows reaching the node, NaN when not recorded
     */
    public record Node(int feature, double threshold, int left, int right, double value, boolean missingLeft,
                       boolean nominal, double cover) {

        /**
         * A node without a recorded cover (the constructor before covers existed).
         *
         * @param feature     catalogue position of the split feature, -1 for a leaf
         * @param threshold   split value (0 for a leaf)
         * @param left        left child index, -1 for a leaf
         * @param right       right child index, -1 for a leaf
         * @param value       leaf output, or the node's mean response for a split (NaN: derive from children)
         * @param missingLeft whether a missing value goes left
         * @param nominal     whether the split is {@code x == threshold} instead of {@code x <= threshold}
         */
        public Node(int feature, double threshold, int left, int right, double value, boolean missingLeft,
                    boolean nominal) {
            this(feature, threshold, left, right, value, missingLeft, nominal, Double.NaN);
        }

        /** A leaf with an output. */
        public static Node leaf(double value) {
            return new Node(-1, 0, -1, -1, value, false, false);
        }

        /** An ordinal split {@code x <= threshold -> left}, internal value derived from its children. */
        public static Node split(int feature, double threshold, int left, int right, boolean missingLeft) {
            return new Node(feature, threshold, left, right, Double.NaN, missingLeft, false);
        }

        /** Whether this node is a leaf. */
        public boolean isLeaf() {
            return feature < 0;
        }

        /** Whether the node records its training cover. */
        public boolean hasCover() {
            return !Double.isNaN(cover);
        }

        /**
         * The same node with a training cover.
         *
         * @param rows number or weight of training rows reaching the node
         * @return a new node
         */
        public Node withCover(double rows) {
            return new Node(feature, threshold, left, right, value, missingLeft, nominal, rows);
        }
    }

    /** Relative tolerance on a split's cover against the sum of its children's, and on equal root covers. */
    static final double COVER_TOLERANCE = 1e-9;

    private final FeatureCatalogue catalogue;
    private final double intercept;
    private final double shrinkage;
    private final double scale;
    private final List<List<Node>> trees;

    private final int[] roots;
    /** Levels below the root of each tree's deepest leaf. */
    private final int[] depth;
    /** Per group of four consecutive trees walked together: the deepest of the four. */
    private final int[] groupDepth;
    /**
     * Two longs per node, nodes of a tree in breadth-first order with siblings adjacent (right child =
     * left child + 1): {@code [2n]} the threshold as raw double bits, {@code [2n+1]}
     * {@code left << 32 | slot << 8 | kind} where {@code slot = 2 * feature + (missing goes left ? 1 :
     * 0)} (kind bit 0: missing goes left, bit 1: nominal). A node and its sibling share a cache line,
     * and one walk step is one load pair. A leaf is a self-loop (left = itself, threshold +Infinity), so
     * a walk takes a fixed number of steps (the tree's depth) and four trees are walked in lock-step,
     * their independent load chains overlapping; leaf values are read from {@code val}.
     *
     * <p>Missing values leave the inner loop: each walk first copies the vector into a per-thread
     * scratch array where slot {@code 2f} holds the value with NaN as +Infinity and slot {@code 2f+1}
     * with NaN as -Infinity. Thresholds are finite, so an ordinal test {@code v <= t} on the node's
     * slot sends a missing value right (+Infinity) or left (-Infinity) as flagged, without a NaN test.
     */
    private final long[] packed;
    private final double[] val; // every node's value, for path attribution
    private final ThreadLocal<double[]> scratch;
    /** The rank-based complete-tree layout for {@link #logOdds}; empty: the node walk answers. */
    private final Optional<BinnedForest> binned;

    private final int[] featuresSorted;
    private final double scaleShrink;
    private final double bias;
    /** By catalogue position: the neutral contribution; empty when the trees record no covers. */
    private final Optional<double[]> neutral;

    private TreeEnsemble(FeatureCatalogue catalogue, double intercept, double shrinkage, double scale,
                         List<List<Node>> trees) {
        this.catalogue = catalogue;
        this.intercept = intercept;
        this.shrinkage = shrinkage;
        this.scale = scale;
        List<List<Node>> filled = new ArrayList<>(trees.size());
        for (List<Node> t : trees) {
            filled.add(fillValues(t));
        }
        this.trees = List.copyOf(filled);
        int total = this.trees.stream().mapToInt(List::size).sum();
        roots = new int[this.trees.size()];
        depth = new int[this.trees.size()];
        packed = new long[2 * total];
        val = new double[total];
        TreeSet<Integer> used = new TreeSet<>();
        int base = 0;
        double rootSum = 0;
        for (int t = 0; t < this.trees.size(); t++) {
            List<Node> nodes = this.trees.get(t);
            roots[t] = base;
            // breadth-first renumbering; validation guarantees every node is reached exactly once
            int[] pos = new int[nodes.size()];
            int[] queue = new int[nodes.size()];
            int[] level = new int[nodes.size()];
            int head = 0;
            int tail = 0;
            queue[tail++] = 0;
            pos[0] = base;
            int next = base + 1;
            while (head < tail) {
                int i = queue[head++];
                Node n = nodes.get(i);
                int k = pos[i];
                val[k] = n.value();
                if (n.isLeaf()) {
                    packed[2 * k] = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
                    packed[2 * k + 1] = (long) k << 32;
                    depth[t] = Math.max(depth[t], level[i]);
                    continue;
                }
                pos[n.left()] = next;
                pos[n.right()] = next + 1;
                level[n.left()] = level[i] + 1;
                level[n.right()] = level[i] + 1;
                queue[tail++] = n.left();
                queue[tail++] = n.right();
                int kind = (n.missingLeft() ? 1 : 0) | (n.nominal() ? 2 : 0);
                packed[2 * k] = Double.doubleToRawLongBits(n.threshold());
                long slot = 2L * n.feature() + (n.missingLeft() ? 1 : 0);
                packed[2 * k + 1] = ((long) next << 32) | (slot << 8) | kind;
                next += 2;
                used.add(n.feature());
            }
            rootSum += nodes.get(0).value();
            base += nodes.size();
        }
        groupDepth = new int[roots.length / 4];
        for (int g = 0; g < groupDepth.length; g++) {
            groupDepth[g] = Math.max(Math.max(depth[4 * g], depth[4 * g + 1]),
                    Math.max(depth[4 * g + 2], depth[4 * g + 3]));
        }
        int width = 2 * catalogue.size();
        scratch = ThreadLocal.withInitial(() -> new double[width]);
        binned = BinnedForest.of(packed, val, roots, depth, catalogue.size());
        featuresSorted = used.stream().mapToInt(Integer::intValue).toArray();
        scaleShrink = scale * shrinkage;
        bias = scale * (intercept + shrinkage * rootSum);
        neutral = neutralContributions(this.trees, catalogue.size(), scaleShrink);
    }

    /**
     * Saabas' attribution averaged over the training rows the covers count (see the class comment);
     * empty without covers.
     */
    private static Optional<double[]> neutralContributions(List<List<Node>> trees, int features, double k) {
        if (trees.isEmpty() || !trees.get(0).get(0).hasCover()) {
            return Optional.empty();
        }
        double[] out = new double[features];
        for (List<Node> nodes : trees) {
            double root = nodes.get(0).cover();
            for (Node n : nodes) {
                if (n.isLeaf()) {
                    continue;
                }
                Node l = nodes.get(n.left());
                Node r = nodes.get(n.right());
                out[n.feature()] += k * (l.cover() / root * (l.value() - n.value())
                        + r.cover() / root * (r.value() - n.value()));
            }
        }
        return Optional.of(out);
    }

    /** Internal values left NaN are derived bottom-up as the mean of the two children. */
    private static List<Node> fillValues(List<Node> nodes) {
        Node[] out = nodes.toArray(new Node[0]);
        boolean[] done = new boolean[out.length];
        for (int i = 0; i < out.length; i++) {
            fill(out, done, i);
        }
        return List.of(out);
    }

    private static double fill(Node[] nodes, boolean[] done, int i) {
        Node n = nodes[i];
        if (done[i] || n.isLeaf() || !Double.isNaN(n.value())) {
            done[i] = true;
            return n.value();
        }
        double v = 0.5 * (fill(nodes, done, n.left()) + fill(nodes, done, n.right()));
        nodes[i] = new Node(n.feature(), n.threshold(), n.left(), n.right(), v, n.missingLeft(), n.nominal(),
                n.cover());
        done[i] = true;
        return v;
    }

    /** A builder against a catalogue. */
    public static Builder builder(FeatureCatalogue catalogue) {
        return new Builder(catalogue);
    }

    /**
     * An ensemble from its parts.
     *
     * @throws IllegalArgumentException listing every structural problem (see {@link #validate})
     */
    public static TreeEnsemble of(FeatureCatalogue catalogue, double intercept, double shrinkage, double scale,
                                  List<List<Node>> trees) {
        List<String> problems = new ArrayList<>();
        validate(catalogue, intercept, shrinkage, scale, trees, t -> "tree " + t, "ensemble",
                (w, m) -> problems.add(w + ": " + m));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid tree ensemble: " + String.join("; ", problems));
        }
        return new TreeEnsemble(catalogue, intercept, shrinkage, scale, trees);
    }

    static TreeEnsemble validated(FeatureCatalogue catalogue, double intercept, double shrinkage, double scale,
                                  List<List<Node>> trees) {
        return new TreeEnsemble(catalogue, intercept, shrinkage, scale, trees);
    }

    /**
     * Checks every structural rule: finite intercept and shrinkage, finite non-zero scale, at least one
     * tree, each tree non-empty with children inside the tree, leaves without children, splits on known
     * features with finite thresholds, finite (or, for splits, derivable) values, and every node reached
     * exactly once from the root (no cycle, no shared or orphan node).
     */
    static void validate(FeatureCatalogue catalogue, double intercept, double shrinkage, double scale,
                         List<List<Node>> trees, IntFunction<String> where, String top,
                         BiConsumer<String, String> report) {
        if (!Double.isFinite(intercept)) {
            report.accept(top + ".intercept", "must be finite, got " + intercept);
        }
        if (!Double.isFinite(shrinkage) || shrinkage <= 0) {
            report.accept(top + ".shrinkage", "must be finite and > 0, got " + shrinkage);
        }
        if (!Double.isFinite(scale) || scale == 0) {
            report.accept(top + ".scale", "must be finite and non-zero (Smile binary logit: 2), got " + scale);
        }
        if (trees.isEmpty()) {
            report.accept(top + ".trees", "an ensemble needs at least one tree");
        }
        boolean[] sound = new boolean[trees.size()];
        for (int t = 0; t < trees.size(); t++) {
            List<Node> nodes = trees.get(t);
            String tw = where.apply(t);
            if (nodes.isEmpty()) {
                report.accept(tw, "tree " + t + " has no nodes");
                continue;
            }
            int n = nodes.size();
            boolean structureOk = true;
            for (int i = 0; i < n; i++) {
                Node node = nodes.get(i);
                String nw = tw + ".nodes[" + i + "]";
                if (node.isLeaf()) {
                    if (node.feature() != -1 || node.left() != -1 || node.right() != -1) {
                        report.accept(nw, "tree " + t + " node " + i + ": a leaf has feature, left and right -1, got "
                                + node.feature() + ", " + node.left() + ", " + node.right());
                        structureOk = false;
                    }
                    if (!Double.isFinite(node.value())) {
                        report.accept(nw + ".value", "tree " + t + " leaf " + i + ": value must be finite, got "
                                + node.value());
                    }
                    continue;
                }
                if (node.feature() >= catalogue.size()) {
                    report.accept(nw + ".feature", "tree " + t + " node " + i + ": feature index " + node.feature()
                            + " is outside catalogue " + catalogue.version() + " (0.." + (catalogue.size() - 1) + ")");
                }
                if (!Double.isFinite(node.threshold())) {
                    report.accept(nw + ".threshold", "tree " + t + " node " + i + ": threshold must be finite, got "
                            + node.threshold());
                }
                if (Double.isInfinite(node.value())) {
                    report.accept(nw + ".value", "tree " + t + " node " + i + ": value must be finite, got "
                            + node.value());
                }
                for (int c : new int[] {node.left(), node.right()}) {
                    if (c < 0 || c >= n) {
                        report.accept(nw + (c == node.left() ? ".left" : ".right"), "tree " + t + " node " + i
                                + ": child index " + c + " is outside the tree (0.." + (n - 1) + ")");
                        structureOk = false;
                    } else if (c == i) {
                        report.accept(nw, "tree " + t + " node " + i + " is its own child: cycle");
                        structureOk = false;
                    }
                }
            }
            if (structureOk) {
                sound[t] = checkReachability(nodes, t, tw, report);
            }
        }
        checkCovers(trees, sound, where, report);
    }

    /**
     * Covers: every node or none; each finite and non-negative; each split's the sum of its children's;
     * roots positive and equal (every tree counts the same training rows). Sums are checked on trees
     * whose structure is sound.
     */
    private static void checkCovers(List<List<Node>> trees, boolean[] sound, IntFunction<String> where,
                                    BiConsumer<String, String> report) {
        int total = 0;
        int covered = 0;
        String firstBare = null;
        for (int t = 0; t < trees.size(); t++) {
            List<Node> nodes = trees.get(t);
            for (int i = 0; i < nodes.size(); i++) {
                total++;
                if (nodes.get(i).hasCover()) {
                    covered++;
                } else if (firstBare == null) {
                    firstBare = where.apply(t) + ".nodes[" + i + "].cover";
                }
            }
        }
        if (covered == 0) {
            return;
        }
        if (covered < total) {
            report.accept(firstBare, "is missing, but " + covered + " of the ensemble's " + total
                    + " nodes record a cover; give every node its training cover (rows reaching it) or none"
                    + " (the neutral contributions reasons are measured against need all of them)");
            return;
        }
        double root0 = Double.NaN;
        for (int t = 0; t < trees.size(); t++) {
            List<Node> nodes = trees.get(t);
            String tw = where.apply(t);
            boolean ranged = true;
            for (int i = 0; i < nodes.size(); i++) {
                double c = nodes.get(i).cover();
                if (!Double.isFinite(c) || c < 0) {
                    report.accept(tw + ".nodes[" + i + "].cover", "tree " + t + " node " + i
                            + ": a cover (training rows reaching the node) must be finite and >= 0, got " + c);
                    ranged = false;
                }
            }
            if (!ranged || !sound[t]) {
                continue;
            }
            double root = nodes.get(0).cover();
            if (root <= 0) {
                report.accept(tw + ".nodes[0].cover", "tree " + t + ": the root's cover must be > 0 (the training"
                        + " rows the tree was grown on), got " + root);
            } else if (Double.isNaN(root0)) {
                root0 = root;
            } else if (Math.abs(root - root0) > COVER_TOLERANCE * Math.max(root, root0)) {
                report.accept(tw + ".nodes[0].cover", "tree " + t + ": root cover " + root + " differs from the first"
                        + " tree's " + root0 + "; every tree must count the same training rows");
            }
            for (int i = 0; i < nodes.size(); i++) {
                Node n = nodes.get(i);
                if (n.isLeaf()) {
                    continue;
                }
                double l = nodes.get(n.left()).cover();
                double r = nodes.get(n.right()).cover();
                if (Math.abs(l + r - n.cover()) > COVER_TOLERANCE * Math.max(1, n.cover())) {
                    report.accept(tw + ".nodes[" + i + "].cover", "tree " + t + " node " + i + ": cover " + n.cover()
                            + " is not the sum of its children's covers (" + l + " + " + r + " = " + (l + r)
                            + "); every row reaching a split goes to one of its two children");
                }
            }
        }
    }

    /** Whether every node is reached exactly once from the root; reports each violation. */
    private static boolean checkReachability(List<Node> nodes, int t, String tw, BiConsumer<String, String> report) {
        int n = nodes.size();
        byte[] state = new byte[n]; // 0 unseen, 1 on the current path, 2 finished
        int[] stack = new int[n + 1];
        int[] next = new int[n + 1]; // 0: go left, 1: go right, 2: done
        int sp = 0;
        stack[0] = 0;
        state[0] = 1;
        boolean ok = true;
        while (sp >= 0 && ok) {
            int i = stack[sp];
            Node node = nodes.get(i);
            if (node.isLeaf() || next[sp] == 2) {
                state[i] = 2;
                sp--;
                continue;
            }
            int c = next[sp] == 0 ? node.left() : node.right();
            next[sp]++;
            if (state[c] == 1) {
                report.accept(tw + ".nodes[" + i + "]", "tree " + t + " node " + i + " points back to node " + c
                        + " on its own path from the root: cycle");
                ok = false;
            } else if (state[c] == 2) {
                report.accept(tw + ".nodes[" + i + "]", "tree " + t + " node " + i + " shares child " + c
                        + " with another node; each node must have exactly one parent");
                ok = false;
            } else {
                sp++;
                stack[sp] = c;
                next[sp] = 0;
                state[c] = 1;
            }
        }
        if (ok) {
            for (int i = 0; i < n; i++) {
                if (state[i] == 0) {
                    report.accept(tw + ".nodes[" + i + "]", "tree " + t + " node " + i
                            + " is not reachable from the root (node 0)");
                    ok = false;
                }
            }
        }
        return ok;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public FeatureCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public int[] features() {
        return featuresSorted.clone();
    }

    /** Intercept {@code b}. */
    public double intercept() {
        return intercept;
    }

    /** Shrinkage (learning rate). */
    public double shrinkage() {
        return shrinkage;
    }

    /** Scale from the boosted sum to log-odds (Smile binary logit: 2). */
    public double scale() {
        return scale;
    }

    /** The trees with every internal value filled in. */
    public List<List<Node>> trees() {
        return trees;
    }

    /** Number of trees. */
    public int size() {
        return roots.length;
    }

    /** The rank-based layout {@link #logOdds} uses, empty when the node walk answers (for tests). */
    Optional<BinnedForest> binned() {
        return binned;
    }

    @Override
    public double logOdds(FeatureVector x) {
        checkLayout(x);
        if (binned.isPresent()) {
            return scale * (intercept + shrinkage * binned.get().sum(x));
        }
        return walkLogOdds(fill(x, scratch.get()));
    }

    /** Log-odds by the node walk, four trees in lock-step. */
    private double walkLogOdds(double[] xs) {
        final long[] p = packed;
        final double[] val = this.val;
        final int[] roots = this.roots;
        double sum = 0;
        int t = 0;
        for (int g = 0; g < groupDepth.length; g++, t += 4) {
            int n0 = roots[t];
            int n1 = roots[t + 1];
            int n2 = roots[t + 2];
            int n3 = roots[t + 3];
            for (int d = groupDepth[g]; d > 0; d--) {
                n0 = step(p, xs, n0);
                n1 = step(p, xs, n1);
                n2 = step(p, xs, n2);
                n3 = step(p, xs, n3);
            }
            sum += val[n0];
            sum += val[n1];
            sum += val[n2];
            sum += val[n3];
        }
        for (; t < roots.length; t++) {
            int n = roots[t];
            for (int d = depth[t]; d > 0; d--) {
                n = step(p, xs, n);
            }
            sum += val[n];
        }
        return scale * (intercept + shrinkage * sum);
    }

    @Override
    public double contributions(FeatureVector x, double[] out) {
        checkLayout(x);
        final double[] xs = fill(x, scratch.get());
        final long[] p = packed;
        final double[] val = this.val;
        final int[] roots = this.roots;
        final double k = scaleShrink;
        double sum = 0;
        int t = 0;
        for (int g = 0; g < groupDepth.length; g++, t += 4) {
            int n0 = roots[t];
            int n1 = roots[t + 1];
            int n2 = roots[t + 2];
            int n3 = roots[t + 3];
            double v0 = val[n0];
            double v1 = val[n1];
            double v2 = val[n2];
            double v3 = val[n3];
            for (int d = groupDepth[g]; d > 0; d--) {
                // a leaf steps to itself and adds k * 0 to slot 0's feature
                int c0 = step(p, xs, n0);
                int c1 = step(p, xs, n1);
                int c2 = step(p, xs, n2);
                int c3 = step(p, xs, n3);
                double w0 = val[c0];
                double w1 = val[c1];
                double w2 = val[c2];
                double w3 = val[c3];
                out[feature(p, n0)] += k * (w0 - v0);
                out[feature(p, n1)] += k * (w1 - v1);
                out[feature(p, n2)] += k * (w2 - v2);
                out[feature(p, n3)] += k * (w3 - v3);
                n0 = c0;
                n1 = c1;
                n2 = c2;
                n3 = c3;
                v0 = w0;
                v1 = w1;
                v2 = w2;
                v3 = w3;
            }
            sum += v0;
            sum += v1;
            sum += v2;
            sum += v3;
        }
        for (; t < roots.length; t++) {
            int n = roots[t];
            double v = val[n];
            for (int d = depth[t]; d > 0; d--) {
                int c = step(p, xs, n);
                double w = val[c];
                out[feature(p, n)] += k * (w - v);
                n = c;
                v = w;
            }
            sum += v;
        }
        return scale * (intercept + shrinkage * sum);
    }

    /** One step down from node {@code n} (a leaf steps to itself). */
    private static int step(long[] p, double[] xs, int n) {
        long m = p[2 * n + 1];
        double v = xs[(int) m >>> 8];
        double t = Double.longBitsToDouble(p[2 * n]);
        int go = ((int) m & 2) == 0 ? (v <= t ? 0 : 1) : nominalRight(v, t, (int) m);
        return (int) (m >>> 32) + go;
    }

    /** Catalogue position of node {@code n}'s split feature (0 for a leaf). */
    private static int feature(long[] p, int n) {
        return ((int) p[2 * n + 1] >>> 8) >>> 1;
    }

    /** The per-thread scratch copy: slot 2f = value or +Infinity when missing, 2f+1 = value or -Infinity. */
    private static double[] fill(FeatureVector x, double[] xs) {
        for (int f = 0, n = x.size(); f < n; f++) {
            double v = x.value(f);
            boolean nan = v != v;
            xs[2 * f] = nan ? Double.POSITIVE_INFINITY : v;
            xs[2 * f + 1] = nan ? Double.NEGATIVE_INFINITY : v;
        }
        return xs;
    }

    /**
     * A nominal split: {@code x == t} goes left; a missing value (an infinity in the scratch copy, as
     * real values are finite) goes left only when flagged.
     */
    private static int nominalRight(double v, double t, int kind) {
        if (Double.isInfinite(v)) {
            return (kind & 1) != 0 ? 0 : 1;
        }
        return v == t ? 0 : 1;
    }

    @Override
    public double bias() {
        return bias;
    }

    /**
     * Path attributions are measured relative to zero: without covers, a feature costs points only when it
     * raises risk.
     */
    @Override
    public double favourable(int featureIndex) {
        return 0;
    }

    /**
     * The feature's path attribution averaged over the training rows the covers count (precomputed at
     * construction; 0 for a feature no split reads); empty when the trees record no covers.
     */
    @Override
    public OptionalDouble neutral(int featureIndex) {
        return neutral.isPresent() ? OptionalDouble.of(neutral.get()[featureIndex]) : OptionalDouble.empty();
    }

    /** Whether every node records its training cover (then {@link #neutral} is known). */
    public boolean hasCovers() {
        return neutral.isPresent();
    }

    /**
     * The same ensemble with each node's cover counted by routing {@code population} (the training rows)
     * through the trees, one per row, missing values as the nodes send them.
     *
     * @param population the rows, laid out against this ensemble's catalogue
     * @return a new ensemble whose {@link #neutral} contributions are the population averages
     * @throws IllegalArgumentException if the population is empty or a row is laid out against another
     *                                  catalogue
     */
    public TreeEnsemble withCovers(Collection<FeatureVector> population) {
        if (population.isEmpty()) {
            throw new IllegalArgumentException("covers need at least one row of the training population");
        }
        List<List<Node>> out = new ArrayList<>(trees.size());
        for (List<Node> nodes : trees) {
            double[] count = new double[nodes.size()];
            for (FeatureVector x : population) {
                checkLayout(x);
                int i = 0;
                count[0]++;
                while (!nodes.get(i).isLeaf()) {
                    Node n = nodes.get(i);
                    double v = x.value(n.feature());
                    boolean left = Double.isNaN(v) ? n.missingLeft() : n.nominal() ? v == n.threshold() : v <= n.threshold();
                    i = left ? n.left() : n.right();
                    count[i]++;
                }
            }
            List<Node> covered = new ArrayList<>(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                covered.add(nodes.get(i).withCover(count[i]));
            }
            out.add(covered);
        }
        return new TreeEnsemble(catalogue, intercept, shrinkage, scale, out);
    }

    @Override
    public boolean finiteByConstruction() {
        return true;
    }

    private void checkLayout(FeatureVector x) {
        if (x.catalogue() != catalogue) {
            FeatureCatalogue c = x.catalogue();
            if (!c.version().equals(catalogue.version()) || c.size() != catalogue.size()) {
                throw new IllegalArgumentException("feature vector is laid out against catalogue " + c.version()
                        + " but the tree ensemble against " + catalogue.version());
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeEnsemble e && catalogue.version().equals(e.catalogue.version())
                && Double.compare(intercept, e.intercept) == 0 && Double.compare(shrinkage, e.shrinkage) == 0
                && Double.compare(scale, e.scale) == 0 && trees.equals(e.trees);
    }

    @Override
    public int hashCode() {
        return Objects.hash(catalogue.version(), intercept, shrinkage, scale, trees);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TreeEnsemble[%s, %d trees, %d nodes, b=%s, shrinkage=%s, scale=%s]",
                catalogue.version(), roots.length, val.length, intercept, shrinkage, scale);
    }

    /** Builds an ensemble tree by tree; {@link #build} validates everything. */
    public static final class Builder {
        private final FeatureCatalogue catalogue;
        private double intercept;
        private double shrinkage = 1;
        private double scale = 1;
        private final List<List<Node>> trees = new ArrayList<>();

        private Builder(FeatureCatalogue catalogue) {
            this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        }

        /** Sets {@code b}, default 0. */
        public Builder intercept(double v) {
            intercept = v;
            return this;
        }

        /** Sets the shrinkage, default 1. */
        public Builder shrinkage(double v) {
            shrinkage = v;
            return this;
        }

        /** Sets the scale, default 1 (Smile binary logit: 2). */
        public Builder scale(double v) {
            scale = v;
            return this;
        }

        /** Adds a tree (root at index 0). */
        public Builder tree(List<Node> nodes) {
            trees.add(List.copyOf(nodes));
            return this;
        }

        /**
         * Catalogue position of a feature id, for building split nodes.
         *
         * @throws IllegalArgumentException if the catalogue has no such feature
         */
        public int feature(String id) {
            int i = catalogue.indexOf(id);
            if (i < 0) {
                throw new IllegalArgumentException("catalogue " + catalogue.version() + " has no feature '" + id + "'");
            }
            return i;
        }

        /**
         * Builds the ensemble.
         *
         * @throws IllegalArgumentException listing every structural problem
         */
        public TreeEnsemble build() {
            return TreeEnsemble.of(catalogue, intercept, shrinkage, scale, trees);
        }
    }
}
