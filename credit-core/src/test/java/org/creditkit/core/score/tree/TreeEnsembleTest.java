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

    // ------------------------------------------------------------------ covers and neutral contributions

    /**
     * Two trees on f0 and one on f1, scale 1, shrinkage 1, covers of 100 rows. Tree 0: f0 <= 0.5 -> -1 (10
     * rows) else +1 (90); tree 1: f0 <= 0.8 -> -0.5 (70) else +1 (30); tree 2: f1 <= 2 -> 0.5 (20) else 2 (80).
     */
    private TreeEnsemble byHand(boolean covers) {
        List<List<Node>> ts = List.of(
                List.of(Node.split(0, 0.5, 1, 2, false).withCover(100), Node.leaf(-1).withCover(10),
                        Node.leaf(1).withCover(90)),
                List.of(Node.split(0, 0.8, 1, 2, false).withCover(100), Node.leaf(-0.5).withCover(70),
                        Node.leaf(1).withCover(30)),
                List.of(Node.split(1, 2, 1, 2, false).withCover(100), Node.leaf(0.5).withCover(20),
                        Node.leaf(2).withCover(80)));
        if (!covers) {
            ts = ts.stream().map(t -> t.stream().map(n -> n.withCover(Double.NaN)).toList()).toList();
        }
        return TreeEnsemble.of(cat, 0, 1, 1, ts);
    }

    @Test
    void neutral_handBuiltTrees_isThePathAttributionAveragedOverTheCoveredRows() {
        TreeEnsemble e = byHand(true);
        // root values (unweighted means): 0, 0.25, 1.25. f0: tree 0 0.1 * -1 + 0.9 * 1 = 0.8, tree 1
        // 0.7 * (-0.5 - 0.25) + 0.3 * (1 - 0.25) = -0.3; f1: 0.2 * (0.5 - 1.25) + 0.8 * (2 - 1.25) = 0.45
        assertThat(e.hasCovers()).isTrue();
        assertThat(e.neutral(0)).hasValueCloseTo(0.5, within(1e-12));
        assertThat(e.neutral(1)).hasValueCloseTo(0.45, within(1e-12));
        assertThat(e.neutral(2)).hasValue(0);
        // bias + neutrals = the covered rows' mean log-odds: 0.8 + (0.7 * -0.5 + 0.3) + (0.2 * 0.5 + 0.8 * 2)
        assertThat(e.bias() + 0.5 + 0.45).isCloseTo(0.8 - 0.05 + 1.7, within(1e-12));
        assertThat(byHand(false).neutral(0)).isEmpty();
        assertThat(byHand(false).hasCovers()).isFalse();
    }

    @Test
    void neutral_scaleAndShrinkage_multiplyIt() {
        TreeEnsemble e = byHand(true);
        TreeEnsemble scaled = TreeEnsemble.of(cat, 0, 0.1, -2, e.trees());
        assertThat(scaled.neutral(0)).hasValueCloseTo(-0.2 * 0.5, within(1e-12));
    }

    @Test
    void withCovers_neutralIsTheMeanContributionOverThePopulation_property() {
        Random rnd = new Random(77);
        for (int trial = 0; trial < 30; trial++) {
            TreeEnsemble.Builder builder = TreeEnsemble.builder(cat).intercept(rnd.nextGaussian())
                    .shrinkage(0.01 + rnd.nextDouble()).scale(rnd.nextBoolean() ? 2 : -2);
            for (int t = 1 + rnd.nextInt(12); t > 0; t--) {
                builder.tree(randomTree(rnd, cat.size(), 1 + rnd.nextInt(trial % 10 == 9 ? 10 : 6)));
            }
            TreeEnsemble plain = builder.build();
            List<FeatureVector> rows = new ArrayList<>();
            for (int q = 1 + rnd.nextInt(300); q > 0; q--) {
                rows.add(FeatureVector.of(cat, randomX(rnd, cat.size())));
            }
            TreeEnsemble e = plain.withCovers(rows);
            double[] mean = new double[cat.size()];
            for (FeatureVector v : rows) {
                double[] out = new double[cat.size()];
                assertThat(e.contributions(v, out)).isEqualTo(plain.logOdds(v));
                for (int f = 0; f < out.length; f++) {
                    mean[f] += out[f] / rows.size();
                }
            }
            for (int f = 0; f < cat.size(); f++) {
                assertThat(e.neutral(f).getAsDouble()).as("trial %d feature %d", trial, f)
                        .isCloseTo(mean[f], within(1e-9));
            }
            // the counted covers pass the ensemble's own validation, and covers enter equality
            assertThat(TreeEnsemble.of(cat, e.intercept(), e.shrinkage(), e.scale(), e.trees())).isEqualTo(e);
            assertThat(e).isNotEqualTo(plain);
            assertThat(plain.neutral(0)).isEmpty();
        }
    }

    @Test
    void build_badCovers_areRefusedNamingTheNode() {
        List<Node> ok = List.of(Node.split(0, 0.5, 1, 2, false).withCover(10), Node.leaf(-1).withCover(4),
                Node.leaf(1).withCover(6));
        assertThatThrownBy(() -> TreeEnsemble.builder(cat).tree(ok)
                .tree(List.of(Node.split(0, 0.5, 1, 2, false), Node.leaf(-1), Node.leaf(1))).build())
                .hasMessageContaining("tree 1.nodes[0].cover: is missing, but 3 of the ensemble's 6 nodes record a cover");
        assertThatThrownBy(() -> TreeEnsemble.builder(cat).tree(List.of(ok.get(0), ok.get(1).withCover(-4),
                ok.get(2).withCover(14))).build())
                .hasMessageContaining("tree 0.nodes[1].cover: tree 0 node 1: a cover (training rows reaching the node)"
                        + " must be finite and >= 0, got -4.0");
        assertThatThrownBy(() -> TreeEnsemble.builder(cat).tree(List.of(ok.get(0), ok.get(1), ok.get(2).withCover(5)))
                .build())
                .hasMessageContaining("tree 0.nodes[0].cover: tree 0 node 0: cover 10.0 is not the sum of its children's"
                        + " covers (4.0 + 5.0 = 9.0)");
        assertThatThrownBy(() -> TreeEnsemble.builder(cat).tree(ok).tree(List.of(Node.leaf(0.2).withCover(9))).build())
                .hasMessageContaining("tree 1.nodes[0].cover: tree 1: root cover 9.0 differs from the first tree's 10.0");
        assertThatThrownBy(() -> TreeEnsemble.builder(cat).tree(List.of(Node.leaf(0.2).withCover(0))).build())
                .hasMessageContaining("tree 0.nodes[0].cover: tree 0: the root's cover must be > 0");
    }

    @Test
    void reasons_withCovers_areMeasuredAgainstTheNeutralContribution() {
        org.creditkit.core.score.Scaling scaling = org.creditkit.core.score.Scaling.of(600, 50, 40);
        org.creditkit.core.score.GradeBands bands = org.creditkit.core.score.GradeBands.byPd(
                List.of(org.creditkit.core.score.GradeBands.Band.of("A", 1)));
        org.creditkit.core.score.CompositeScorer neutral = org.creditkit.core.score.CompositeScorer.of("t", "1", cat,
                scaling, bands, byHand(true), List.of());
        org.creditkit.core.score.CompositeScorer old = org.creditkit.core.score.CompositeScorer.of("t", "1", cat,
                scaling, bands, byHand(false), List.of());
        assertThat(neutral.reasonBasis()).isEqualTo(org.creditkit.core.score.ReasonBasis.NEUTRAL);
        assertThat(old.reasonBasis()).isEqualTo(org.creditkit.core.score.ReasonBasis.MOST_FAVOURABLE);
        // f0 = 0.6: +1 (tree 0) and -0.75 (tree 1) = 0.25 above 0, but below its neutral 0.5 -> no reason;
        // f1 = 3: 0.75, above its neutral 0.45 -> a reason of 0.3 log-odds
        FeatureVector x = FeatureVector.of(cat, 0.6, 3, 0, 0, 0);
        var r = neutral.scoreBase(x);
        assertThat(r.reasonBasis()).isEqualTo(org.creditkit.core.score.ReasonBasis.NEUTRAL);
        assertThat(r.reasons()).extracting(c -> c.featureId()).containsExactly("f1");
        assertThat(r.reasons().get(0).pointsLost()).isCloseTo(scaling.factor() * 0.3, within(1e-9));
        assertThat(old.scoreBase(x).reasons()).extracting(c -> c.featureId()).containsExactly("f1", "f0");
        assertThat(r.logOdds()).isEqualTo(old.scoreBase(x).logOdds());
    }
}
