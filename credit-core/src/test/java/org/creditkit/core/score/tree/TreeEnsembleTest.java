package org.creditkit.core.score.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.TestCatalogues;
import org.creditkit.core.score.tree.TreeEnsemble.Node;
import org.junit.jupiter.api.Test;

class TreeEnsembleTest {

    private final FeatureCatalogue cat = TestCatalogues.of(5);

    /** Naive reference: recursive descent over the node objects, Smile's rule for NaN unless flagged. */
    static double naive(List<Node> tree, int i, double[] x) {
        Node n = tree.get(i);
        if (n.isLeaf()) {
            return n.value();
        }
        double v = x[n.feature()];
        boolean left;
        if (Double.isNaN(v)) {
            left = n.missingLeft();
        } else if (n.nominal()) {
            left = v == n.threshold();
        } else {
            left = v <= n.threshold();
        }
        return naive(tree, left ? n.left() : n.right(), x);
    }

    /** A random tree of up to {@code depth} levels with nodes in random (not depth-first) order. */
    static List<Node> randomTree(Random rnd, int features, int depth) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(null);
        grow(rnd, nodes, 0, features, depth);
        // shuffle node positions (keeping the root at 0) so children may precede parents
        int n = nodes.size();
        int[] perm = new int[n];
        List<Integer> rest = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            rest.add(i);
        }
        java.util.Collections.shuffle(rest, rnd);
        for (int i = 1; i < n; i++) {
            perm[i] = rest.get(i - 1);
        }
        Node[] out = new Node[n];
        for (int i = 0; i < n; i++) {
            Node x = nodes.get(i);
            out[perm[i]] = x.isLeaf() ? x : new Node(x.feature(), x.threshold(), perm[x.left()], perm[x.right()],
                    x.value(), x.missingLeft(), x.nominal());
        }
        return List.of(out);
    }

    private static void grow(Random rnd, List<Node> nodes, int at, int features, int depth) {
        if (depth == 0 || rnd.nextInt(6) == 0) {
            nodes.set(at, Node.leaf(rnd.nextGaussian()));
            return;
        }
        int l = nodes.size();
        nodes.add(null);
        int r = nodes.size();
        nodes.add(null);
        boolean nominal = rnd.nextInt(5) == 0;
        double t = nominal ? rnd.nextInt(3) : Math.round(rnd.nextDouble() * 100) / 100.0;
        double value = rnd.nextBoolean() ? rnd.nextGaussian() : Double.NaN;
        nodes.set(at, new Node(rnd.nextInt(features), t, l, r, value, rnd.nextBoolean(), nominal));
        grow(rnd, nodes, l, features, depth - 1);
        grow(rnd, nodes, r, features, depth - 1);
    }

    private static double[] randomX(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(10);
            x[i] = k == 0 ? Double.NaN : k == 1 ? rnd.nextInt(3) : k == 2 ? Math.round(rnd.nextDouble() * 100) / 100.0
                    : rnd.nextDouble();
        }
        return x;
    }

    @Test
    void logOdds_randomEnsembles_matchNaiveRecursiveEvaluator_property() {
        Random rnd = new Random(2024);
        for (int trial = 0; trial < 60; trial++) {
            int trees = 1 + rnd.nextInt(20);
            double b = rnd.nextGaussian();
            double shrink = 0.01 + rnd.nextDouble();
            double scale = rnd.nextBoolean() ? 2 : -2;
            TreeEnsemble.Builder builder = TreeEnsemble.builder(cat).intercept(b).shrinkage(shrink).scale(scale);
            List<List<Node>> ts = new ArrayList<>();
            // odd trials: ordinal splits only, the complete-tree layout; every tenth: trees up to depth 10,
            // deeper than that layout takes, so the node walk answers
            boolean ordinalOnly = trial % 2 == 1;
            for (int t = 0; t < trees; t++) {
                List<Node> tree = randomTree(rnd, cat.size(), 1 + rnd.nextInt(trial % 10 == 9 ? 10 : 6));
                if (ordinalOnly) {
                    tree = tree.stream().map(n -> n.isLeaf() || !n.nominal() ? n : new Node(n.feature(), n.threshold(),
                            n.left(), n.right(), n.value(), n.missingLeft(), false)).toList();
                }
                ts.add(tree);
                builder.tree(tree);
            }
            TreeEnsemble e = builder.build();
            for (int q = 0; q < 100; q++) {
                double[] x = randomX(rnd, cat.size());
                double sum = 0;
                for (List<Node> tree : ts) {
                    sum += naive(tree, 0, x);
                }
                double expected = scale * (b + shrink * sum);
                FeatureVector v = FeatureVector.of(cat, x);
                assertThat(e.logOdds(v)).isEqualTo(expected);
                double[] out = new double[cat.size()];
                assertThat(e.contributions(v, out)).isEqualTo(expected);
                double total = e.bias();
                for (double c : out) {
                    total += c;
                }
                assertThat(total).as("Saabas contributions sum to the log-odds").isCloseTo(expected, within(1e-9));
            }
        }
    }

    @Test
    void smileBinaryLogit_exportsWithScaleTwo() {
        // one stump: x0 <= 0.5 -> -0.4 else 0.8; Smile: P(class 1) = 1 / (1 + exp(-2 (b + shrinkage * tree)))
        TreeEnsemble e = TreeEnsemble.builder(cat).intercept(-0.3).shrinkage(0.1).scale(2)
                .tree(List.of(Node.split(0, 0.5, 1, 2, false), Node.leaf(-0.4), Node.leaf(0.8))).build();
        double y = -0.3 + 0.1 * 0.8;
        double smileP = 1 / (1 + Math.exp(-2 * y));
        double lo = e.logOdds(FeatureVector.of(cat, 0.9, 0, 0, 0, 0));
        assertThat(1 / (1 + Math.exp(-lo))).isCloseTo(smileP, within(1e-15));
        // NaN fails Smile's x <= t test and goes right
        assertThat(e.logOdds(FeatureVector.of(cat, Double.NaN, 0, 0, 0, 0))).isEqualTo(lo);
        // exactly on the threshold goes left
        assertThat(e.logOdds(FeatureVector.of(cat, 0.5, 0, 0, 0, 0))).isEqualTo(2 * (-0.3 + 0.1 * -0.4));
    }

    @Test
    void missingLeft_sendsNaNLeft() {
        TreeEnsemble e = TreeEnsemble.builder(cat)
                .tree(List.of(Node.split(0, 0.5, 1, 2, true), Node.leaf(-1), Node.leaf(1))).build();
        assertThat(e.logOdds(FeatureVector.of(cat, Double.NaN, 0, 0, 0, 0))).isEqualTo(-1);
    }

    @Test
    void internalValue_leftOut_isMeanOfChildren() {
        TreeEnsemble e = TreeEnsemble.builder(cat)
                .tree(List.of(Node.split(0, 0.5, 1, 2, false), Node.leaf(-1), Node.leaf(3))).build();
        assertThat(e.trees().get(0).get(0).value()).isEqualTo(1.0);
        assertThat(e.bias()).isEqualTo(1.0);
        assertThat(e.favourable(0)).isZero();
        assertThat(e.features()).containsExactly(0);
    }

    @Test
    void build_childOutsideTree_isRejected() {
        assertThatThrownBy(() -> TreeEnsemble.builder(cat)
                .tree(List.of(Node.split(0, 0.5, 1, 7, false), Node.leaf(-1))).build())
                .hasMessageContaining("tree 0 node 0: child index 7 is outside the tree (0..1)");
    }

    @Test
    void build_cycle_isRejected() {
        assertThatThrownBy(() -> TreeEnsemble.builder(cat)
                .tree(List.of(Node.split(0, 0.5, 1, 2, false), Node.split(1, 0.5, 0, 2, false), Node.leaf(1))).build())
                .hasMessageContaining("points back to node 0 on its own path from the root: cycle");
        assertThatThrownBy(() -> TreeEnsemble.builder(cat)
                .tree(List.of(Node.split(0, 0.5, 0, 1, false), Node.leaf(1))).build())
                .hasMessageContaining("is its own child: cycle");
    }

    @Test
    void build_sharedOrOrphanNode_isRejected() {
        assertThatThrownBy(() -> TreeEnsemble.builder(cat)
                .tree(List.of(Node.split(0, 0.5, 1, 1, false), Node.leaf(1))).build())
                .hasMessageContaining("shares child 1");
        assertThatThrownBy(() -> TreeEnsemble.builder(cat)
                .tree(List.of(Node.split(0, 0.5, 1, 2, false), Node.leaf(1), Node.leaf(2), Node.leaf(3))).build())
                .hasMessageContaining("node 3 is not reachable from the root");
    }

    @Test
    void build_nonFiniteParameters_areRejected() {
        assertThatThrownBy(() -> TreeEnsemble.builder(cat).scale(0).shrinkage(Double.NaN)
                .tree(List.of(Node.leaf(Double.POSITIVE_INFINITY))).build())
                .hasMessageContaining("ensemble.scale: must be finite and non-zero")
                .hasMessageContaining("ensemble.shrinkage: must be finite and > 0")
                .hasMessageContaining("tree 0 leaf 0: value must be finite");
        assertThatThrownBy(() -> TreeEnsemble.builder(cat).build()).hasMessageContaining("at least one tree");
    }
}
