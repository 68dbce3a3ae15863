package org.creditkit.models.gbm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

import org.creditkit.models.Progress;

/**
 * Histogram-based gradient boosting of the binary log loss, as LightGBM (Ke et al., NeurIPS 2017)
 * and scikit-learn's {@code HistGradientBoostingClassifier} do it:
 *
 * <ul>
 *   <li>each feature is cut into at most 255 bins at quantiles of its training values (every
 *   distinct value its own bin when there are fewer), split thresholds at the midpoints between
 *   adjacent bins; a missing value has a bin of its own;</li>
 *   <li>a tree is grown leaf-wise (best-first: the leaf whose split gains most is split next) up to
 *   {@code maxNodes} leaves and {@code maxDepth} levels, every leaf keeping at least
 *   {@code nodeSize} rows; the gain and the leaf values are Newton steps of the log loss with an L2
 *   penalty {@code l2} on the leaf values: gain {@code G_L²/(H_L+λ) + G_R²/(H_R+λ) - G²/(H+λ)},
 *   leaf {@code -G/(H+λ)};</li>
 *   <li>at every split both directions of the missing values are tried and the better one is kept
 *   (a node without missing values sends them to its larger child);</li>
 *   <li>one child's histogram is built from its rows, the other's is the parent's minus it;</li>
 *   <li>monotone constraints ({@link GbmOptions#monotone()}), as LightGBM's basic method and
 *   scikit-learn do them: every node carries bounds on its value (the root none); a node's and its
 *   candidate children's values are Newton steps clipped to those bounds, and the gain is computed
 *   with the clipped values; a split on a constrained feature whose lower-value child would get
 *   the larger value against an increasing constraint (or the smaller against a decreasing one)
 *   is rejected; after such a split the midpoint of the two children's values becomes the upper
 *   bound of one side and the lower bound of the other, so every value below the node keeps the
 *   order and each tree, hence the sum, is monotonic in the feature (missing values, which have
 *   no place in the order, are free);</li>
 *   <li>with a validation share, that stratified, seeded part of the rows is held out and the
 *   boosting stops when its log loss has not improved for {@code patience} trees; the trees after
 *   the best one are dropped.</li>
 * </ul>
 *
 * <p>The result is laid out as {@link FlatTrees} with Smile's margin convention (log-odds
 * {@code 2f}): intercept half the base log-odds, leaves half the Newton values. The training
 * margins are accumulated in the same order as {@link FlatTrees#margin}, and a row's bin is below a
 * threshold exactly when its value is, so the flat trees reproduce the trained margins bit for bit.
 */
final class HistogramBoosting {

    /** Most bins of the values of one feature (the missing bin is one more). */
    static final int MAX_BINS = 255;
    /** Smallest hessian sum a child may have. */
    private static final double MIN_HESSIAN = 1e-3;
    /** Threshold of a split that separates only the missing values: the largest a bundle accepts. */
    static final double EXTREME = 1e15;
    /** Bads needed in the validation part for early stopping. */
    static final int MIN_VALIDATION_BADS = 10;

    /**
     * The result.
     *
     * @param trees the trees up to the best validation log loss
     * @param importance per feature the summed split gain
     * @param validationRows rows held out for early stopping (0: none)
     * @param validationLogLoss their log loss at the kept trees ({@code NaN} without)
     * @param margins per row the margin the training computed with the kept trees (for checks)
     */
    record Result(FlatTrees trees, double[] importance, int validationRows, double validationLogLoss,
            double[] margins) {
    }

    private final double[][] thresholds;
    private final int[] bins; // non-missing bins per feature; the missing bin is bins[f]
    private final byte[][] codes;
    private final int[] offset; // first histogram cell of each feature
    private final int cells;
    private final int[] y;
    private final GbmOptions o;
    private final int[] direction; // per feature -1, 0 or +1

    private HistogramBoosting(double[][] x, int[] y, int[] direction, GbmOptions options) {
        int nf = x.length;
        this.y = y;
        this.o = options;
        this.direction = direction.clone();
        thresholds = new double[nf][];
        bins = new int[nf];
        codes = new byte[nf][];
        offset = new int[nf];
        int c = 0;
        for (int f = 0; f < nf; f++) {
            thresholds[f] = thresholds(x[f], MAX_BINS);
            bins[f] = thresholds[f].length + 1;
            codes[f] = new byte[y.length];
            for (int r = 0; r < y.length; r++) {
                codes[f][r] = (byte) code(thresholds[f], x[f][r]);
            }
            offset[f] = c;
            c += bins[f] + 1;
        }
        cells = c;
    }

    /**
     * Boosts.
     *
     * @param x per feature the encoded values of every row ({@code NaN} missing)
     * @param y per row 1 for a default
     * @param names feature names for the flat trees
     * @param options settings
     * @param progress one step per tree
     * @return the trees
     */
    static Result fit(double[][] x, int[] y, List<String> names, GbmOptions options, Progress progress) {
        return fit(x, y, names, new int[x.length], options, progress);
    }

    /**
     * Boosts under monotone constraints.
     *
     * @param x per feature the encoded values of every row ({@code NaN} missing)
     * @param y per row 1 for a default
     * @param names feature names for the flat trees
     * @param direction per feature its monotone constraint: -1, 0 (none) or +1
     * @param options settings
     * @param progress one step per tree
     * @return the trees
     */
    static Result fit(double[][] x, int[] y, List<String> names, int[] direction, GbmOptions options,
            Progress progress) {
        return new HistogramBoosting(x, y, direction, options).boost(names, progress);
    }

    /**
     * Split thresholds of one feature: midpoints between adjacent distinct values, at most
     * {@code maxBins - 1} of them, placed where the cumulative count crosses the quantiles
     * {@code k / maxBins}.
     */
    static double[] thresholds(double[] values, int maxBins) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        int n = v.length;
        List<Double> cuts = new ArrayList<>();
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || v[i] != v[i - 1]) {
                distinct++;
            }
        }
        int next = 1; // next quantile k of k * n / maxBins
        for (int i = 0; i < n - 1; i++) {
            if (v[i] == v[i + 1]) {
                continue;
            }
            // i is the last copy of a distinct value; cut after it when all values get a bin or
            // the rows up to it reach the next quantile
            boolean cut;
            if (distinct <= maxBins) {
                cut = true;
            } else {
                cut = (long) (i + 1) * maxBins >= (long) next * n;
                while ((long) (i + 1) * maxBins >= (long) next * n) {
                    next++;
                }
            }
            if (cut && cuts.size() < maxBins - 1) {
                double mid = v[i] + (v[i + 1] - v[i]) / 2;
                cuts.add(mid >= v[i + 1] ? v[i] : mid);
            }
        }
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The bin of a value: the number of thresholds below it; missing is {@code t.length + 1}. */
    static int code(double[] t, double value) {
        if (Double.isNaN(value)) {
            return t.length + 1;
        }
        int i = Arrays.binarySearch(t, value);
        return i >= 0 ? i : -i - 1;
    }

    private Result boost(List<String> names, Progress progress) {
        int n = y.length;
        boolean[] validation = validationRows(n);
        int nValid = 0;
        int trainBads = 0;
        for (int r = 0; r < n; r++) {
            if (validation[r]) {
                nValid++;
            } else {
                trainBads += y[r];
            }
        }
        int[] train = new int[n - nValid];
        int[] valid = new int[nValid];
        for (int r = 0, a = 0, b = 0; r < n; r++) {
            if (validation[r]) {
                valid[b++] = r;
            } else {
                train[a++] = r;
            }
        }
        double rate = (double) trainBads / train.length;
        double intercept = 0.5 * Math.log(rate / (1 - rate));
        double[] margin = new double[n];
        Arrays.fill(margin, intercept);
        double[] g = new double[n];
        double[] h = new double[n];
        Random random = new Random(o.seed());
        TreeBuilder out = new TreeBuilder();
        double[] importance = new double[codes.length];
        double best = Double.POSITIVE_INFINITY;
        int bestTrees = 0;
        double[] bestMargins = margin.clone();
        int[] rows = new int[train.length];
        for (int t = 0; t < o.trees(); t++) {
            for (int r : train) {
                double p = 1 / (1 + Math.exp(-2 * margin[r]));
                g[r] = p - y[r];
                h[r] = Math.max(p * (1 - p), 1e-16);
            }
            int m = 0;
            if (o.subsample() < 1) {
                for (int r : train) {
                    if (random.nextDouble() < o.subsample()) {
                        rows[m++] = r;
                    }
                }
            } else {
                System.arraycopy(train, 0, rows, 0, train.length);
                m = train.length;
            }
            int root = out.feature.size();
            List<Node> leaves = grow(rows, m, g, h, importance);
            List<Node> all = new ArrayList<>();
            collect(leaves.get(0).root, all);
            int[] id = out.add(all, thresholds);
            out.roots.add(root);
            // margins: rows of the tree from their leaves, the others by walking the bins
            boolean[] inTree = o.subsample() < 1 ? new boolean[n] : null;
            for (Node leaf : leaves) {
                double v = out.leaf.get(id[leaf.index]);
                for (int i = leaf.start; i < leaf.end; i++) {
                    margin[rows[i]] += o.shrinkage() * v;
                    if (inTree != null) {
                        inTree[rows[i]] = true;
                    }
                }
            }
            if (inTree != null) {
                for (int r : train) {
                    if (!inTree[r]) {
                        margin[r] += o.shrinkage() * out.walk(root, codes, r);
                    }
                }
            }
            for (int r : valid) {
                margin[r] += o.shrinkage() * out.walk(root, codes, r);
            }
            progress.step("boosting", t + 1, o.trees());
            if (valid.length > 0) {
                double loss = logLoss(valid, margin);
                if (loss < best - 1e-12) {
                    best = loss;
                    bestTrees = t + 1;
                    bestMargins = margin.clone();
                } else if (t + 1 - bestTrees >= o.patience()) {
                    break;
                }
            } else {
                bestTrees = t + 1;
                bestMargins = margin;
            }
        }
        FlatTrees trees = out.build(names, bestTrees, intercept, o.shrinkage());
        return new Result(trees, importance, nValid, valid.length > 0 ? best : Double.NaN, bestMargins);
    }

    private double logLoss(int[] rows, double[] margin) {
        double s = 0;
        for (int r : rows) {
            double f = 2 * margin[r];
            // log(1 + exp(-f)) for a bad, log(1 + exp(f)) for a good, without overflow
            double z = y[r] == 1 ? -f : f;
            s += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }
        return s / rows.length;
    }

    /** Stratified seeded validation part; none when it would hold too few bads to stop on. */
    private boolean[] validationRows(int n) {
        boolean[] out = new boolean[n];
        if (o.validationShare() <= 0) {
            return out;
        }
        List<Integer> bads = new ArrayList<>();
        List<Integer> goods = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            (y[r] == 1 ? bads : goods).add(r);
        }
        int vb = (int) Math.round(bads.size() * o.validationShare());
        int vg = (int) Math.round(goods.size() * o.validationShare());
        if (vb < MIN_VALIDATION_BADS || vb >= bads.size() || vg >= goods.size()) {
            return out;
        }
        Random random = new Random(o.seed() * 31 + 17);
        Collections.shuffle(bads, random);
        Collections.shuffle(goods, random);
        bads.subList(0, vb).forEach(r -> out[r] = true);
        goods.subList(0, vg).forEach(r -> out[r] = true);
        return out;
    }

    /** A node while growing: its rows are {@code rows[start, end)}. */
    private static final class Node {
        final Node root;
        final int start;
        final int end;
        final int depth;
        final double sumG;
        final double sumH;
        // bounds on the node's value from monotone splits above it
        double lower = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        double[] hist;
        int index; // position in the tree's node list
        Node left;
        Node right;
        // best split
        double gain;
        int feature = -1;
        int bin;
        boolean missingLeft;

        Node(Node root, int start, int end, int depth, double sumG, double sumH) {
            this.root = root == null ? this : root;
            this.start = start;
            this.end = end;
            this.depth = depth;
            this.sumG = sumG;
            this.sumH = sumH;
        }

        int count() {
            return end - start;
        }
    }

    private static void collect(Node node, List<Node> out) {
        node.index = out.size();
        out.add(node);
        if (node.left != null) {
            collect(node.left, out);
            collect(node.right, out);
        }
    }

    /** Grows one tree on {@code rows[0, m)}; returns its leaves (rows partitioned under them). */
    private List<Node> grow(int[] rows, int m, double[] g, double[] h, double[] importance) {
        double sg = 0;
        double sh = 0;
        for (int i = 0; i < m; i++) {
            sg += g[rows[i]];
            sh += h[rows[i]];
        }
        Node root = new Node(null, 0, m, 0, sg, sh);
        root.hist = histogram(rows, 0, m, g, h);
        List<Node> leaves = new ArrayList<>();
        leaves.add(root);
        // best gain first, then the earlier node: deterministic
        PriorityQueue<Node> queue = new PriorityQueue<>((a, b) -> {
            int c = Double.compare(b.gain, a.gain);
            return c != 0 ? c : Integer.compare(a.start, b.start);
        });
        consider(root, queue);
        int count = 1;
        while (count < o.maxNodes() && !queue.isEmpty()) {
            Node p = queue.poll();
            split(p, rows, g, h);
            importance[p.feature] += p.gain;
            leaves.remove(p);
            leaves.add(p.left);
            leaves.add(p.right);
            count++;
            consider(p.left, queue);
            consider(p.right, queue);
            p.hist = null;
        }
        leaves.sort((a, b) -> Integer.compare(a.start, b.start));
        return leaves;
    }

    private void consider(Node node, PriorityQueue<Node> queue) {
        if (node.depth >= o.maxDepth() || node.count() < 2 * o.nodeSize()) {
            node.hist = null;
            return;
        }
        bestSplit(node);
        if (node.feature >= 0 && node.gain > 0) {
            queue.add(node);
        } else {
            node.hist = null;
        }
    }

    private double[] histogram(int[] rows, int start, int end, double[] g, double[] h) {
        double[] hist = new double[3 * cells];
        for (int f = 0; f < codes.length; f++) {
            byte[] c = codes[f];
            int base = 3 * offset[f];
            for (int i = start; i < end; i++) {
                int r = rows[i];
                int k = base + 3 * (c[r] & 0xFF);
                hist[k] += g[r];
                hist[k + 1] += h[r];
                hist[k + 2] += 1;
            }
        }
        return hist;
    }

    private double score(double gs, double hs) {
        return gs * gs / (hs + o.l2());
    }

    /** The Newton value {@code -G/(H+λ)} clipped to the bounds. */
    private double value(double gs, double hs, double lower, double upper) {
        return Math.min(Math.max(-gs / (hs + o.l2()), lower), upper);
    }

    /**
     * Twice the loss reduction of a node with value {@code v}: {@code -(2Gv + (H+λ)v²)}, which is
     * {@link #score} when {@code v} is the unclipped Newton value (then computed as there, so a
     * model without constraints is the same to the last bit).
     */
    private double score(double gs, double hs, double lower, double upper) {
        double raw = -gs / (hs + o.l2());
        if (raw >= lower && raw <= upper) {
            return score(gs, hs);
        }
        double v = Math.min(Math.max(raw, lower), upper);
        return -(2 * gs * v + (hs + o.l2()) * v * v);
    }

    private void bestSplit(Node node) {
        double[] hist = node.hist;
        double parent = score(node.sumG, node.sumH, node.lower, node.upper);
        int total = node.count();
        int minLeaf = o.nodeSize();
        for (int f = 0; f < codes.length; f++) {
            int nb = bins[f];
            int base = 3 * offset[f];
            double mg = hist[base + 3 * nb];
            double mh = hist[base + 3 * nb + 1];
            int mc = (int) hist[base + 3 * nb + 2];
            double lg = 0;
            double lh = 0;
            int lc = 0;
            // b = -1: nothing but (possibly) the missing values on the left
            for (int b = -1; b < nb; b++) {
                if (b >= 0) {
                    lg += hist[base + 3 * b];
                    lh += hist[base + 3 * b + 1];
                    lc += (int) hist[base + 3 * b + 2];
                }
                if (b >= 0 && b < nb - 1 || b == nb - 1 && mc > 0) {
                    // missing right
                    consider(node, f, b, false, lg, lh, lc, total, parent, minLeaf, mc);
                }
                if (mc > 0 && b < nb - 1) {
                    consider(node, f, b, true, lg + mg, lh + mh, lc + mc, total, parent, minLeaf, mc);
                }
            }
        }
    }

    private void consider(Node node, int f, int b, boolean missingLeft, double lg, double lh, int lc, int total,
            double parent, int minLeaf, int missing) {
        int rc = total - lc;
        double rg = node.sumG - lg;
        double rh = node.sumH - lh;
        if (lc < minLeaf || rc < minLeaf || lh < MIN_HESSIAN || rh < MIN_HESSIAN) {
            return;
        }
        if (direction[f] != 0) {
            // the left child holds the lower values: its value may not pass the right child's
            double vl = value(lg, lh, node.lower, node.upper);
            double vr = value(rg, rh, node.lower, node.upper);
            if (direction[f] > 0 ? vl > vr : vl < vr) {
                return;
            }
        }
        double gain = score(lg, lh, node.lower, node.upper) + score(rg, rh, node.lower, node.upper) - parent;
        if (gain > node.gain) {
            node.gain = gain;
            node.feature = f;
            node.bin = b;
            // without missing values here, a missing value at scoring goes with the larger child
            node.missingLeft = missing > 0 ? missingLeft : lc >= rc;
        }
    }

    private boolean goesLeft(int code, int nb, int b, boolean missingLeft) {
        return code == nb ? missingLeft : code <= b;
    }

    private void split(Node p, int[] rows, double[] g, double[] h) {
        byte[] c = codes[p.feature];
        int nb = bins[p.feature];
        // stable partition of rows[start, end) into left then right
        int[] tmp = new int[p.count()];
        int l = p.start;
        int k = 0;
        double lg = 0;
        double lh = 0;
        for (int i = p.start; i < p.end; i++) {
            int r = rows[i];
            if (goesLeft(c[r] & 0xFF, nb, p.bin, p.missingLeft)) {
                rows[l++] = r;
                lg += g[r];
                lh += h[r];
            } else {
                tmp[k++] = r;
            }
        }
        System.arraycopy(tmp, 0, rows, l, k);
        p.left = new Node(p.root, p.start, l, p.depth + 1, lg, lh);
        p.right = new Node(p.root, l, p.end, p.depth + 1, p.sumG - lg, p.sumH - lh);
        for (Node child : List.of(p.left, p.right)) {
            child.lower = p.lower;
            child.upper = p.upper;
        }
        int d = direction[p.feature];
        if (d != 0) {
            double mid = (value(p.left.sumG, p.left.sumH, p.lower, p.upper)
                    + value(p.right.sumG, p.right.sumH, p.lower, p.upper)) / 2;
            if (d > 0) {
                p.left.upper = mid;
                p.right.lower = mid;
            } else {
                p.left.lower = mid;
                p.right.upper = mid;
            }
        }
        boolean leftSmaller = p.left.count() <= p.right.count();
        Node small = leftSmaller ? p.left : p.right;
        Node large = leftSmaller ? p.right : p.left;
        boolean splittable = p.depth + 1 < o.maxDepth();
        if (splittable && (large.count() >= 2 * o.nodeSize() || small.count() >= 2 * o.nodeSize())) {
            small.hist = histogram(rows, small.start, small.end, g, h);
            double[] big = p.hist;
            for (int i = 0; i < big.length; i++) {
                big[i] -= small.hist[i];
            }
            large.hist = big;
            p.hist = null;
        }
    }

    /** Nodes of all trees in the flat layout, parent before children. */
    private final class TreeBuilder {
        final List<Integer> roots = new ArrayList<>();
        final List<Integer> feature = new ArrayList<>();
        final List<Double> threshold = new ArrayList<>();
        final List<Integer> bin = new ArrayList<>();
        final List<Integer> trueChild = new ArrayList<>();
        final List<Integer> falseChild = new ArrayList<>();
        final List<Boolean> missingToTrue = new ArrayList<>();
        final List<Double> leaf = new ArrayList<>();

        /** Appends one tree's nodes (in pre-order); returns per node index its flat id. */
        int[] add(List<Node> nodes, double[][] t) {
            int first = feature.size();
            int[] id = new int[nodes.size()];
            for (int i = 0; i < nodes.size(); i++) {
                id[i] = first + i;
            }
            for (Node nd : nodes) {
                if (nd.left == null) {
                    feature.add(-1);
                    threshold.add(0.0);
                    bin.add(0);
                    trueChild.add(-1);
                    falseChild.add(-1);
                    missingToTrue.add(false);
                    leaf.add(value(nd.sumG, nd.sumH, nd.lower, nd.upper) / 2);
                } else {
                    int f = nd.feature;
                    int nb = t[f].length + 1;
                    // all values left (only missing right) or none: the largest magnitude a bundle takes
                    double th = nd.bin == nb - 1 ? EXTREME : nd.bin < 0 ? -EXTREME : t[f][nd.bin];
                    feature.add(f);
                    threshold.add(th);
                    bin.add(nd.bin);
                    trueChild.add(id[nd.left.index]);
                    falseChild.add(id[nd.right.index]);
                    missingToTrue.add(nd.missingLeft);
                    leaf.add(0.0);
                }
            }
            return id;
        }

        double walk(int node, byte[][] c, int r) {
            int i = node;
            while (feature.get(i) >= 0) {
                int f = feature.get(i);
                boolean left = goesLeft(c[f][r] & 0xFF, bins[f], bin.get(i), missingToTrue.get(i));
                i = left ? trueChild.get(i) : falseChild.get(i);
            }
            return leaf.get(i);
        }

        FlatTrees build(List<String> names, int keep, double intercept, double shrinkage) {
            int n = keep < roots.size() ? roots.get(keep) : feature.size();
            int[] f = new int[n];
            double[] th = new double[n];
            int[] tc = new int[n];
            int[] fc = new int[n];
            boolean[] mt = new boolean[n];
            double[] lv = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = feature.get(i);
                th[i] = threshold.get(i);
                tc[i] = trueChild.get(i);
                fc[i] = falseChild.get(i);
                mt[i] = missingToTrue.get(i);
                lv[i] = leaf.get(i);
            }
            int[] r = roots.subList(0, keep).stream().mapToInt(Integer::intValue).toArray();
            return new FlatTrees(names, r, f, th, tc, fc, mt, lv, intercept, shrinkage);
        }
    }
}
