package org.creditkit.core.score.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.TestCatalogues;
import org.creditkit.core.score.tree.TreeEnsemble.Node;
import org.junit.jupiter.api.Test;

/** The rank-based layout against the node walk and the naive recursive evaluator of {@link TreeEnsembleTest}. */
class BinnedForestTest {

    /** 41 features: not a multiple of the four binned at once, so a short last group is exercised. */
    private final FeatureCatalogue cat = TestCatalogues.of(41);

    /** Values and thresholds share this grid, so rows land exactly on thresholds often; signed zeros included. */
    private static final double[] GRID = {-1e300, -7.5, -1, -0.5, -0.0, 0.0, 1e-300, 0.25, 0.5, 1, 3, 1e12};

    /** An ordinal tree of up to {@code depth} levels, thresholds on {@link #GRID} or from a wide range. */
    private static List<Node> ordinalTree(Random rnd, int features, int depth) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(null);
        grow(rnd, nodes, 0, features, depth);
        return nodes;
    }

    private static void grow(Random rnd, List<Node> nodes, int at, int features, int depth) {
        if (depth == 0 || rnd.nextInt(5) == 0) {
            nodes.set(at, Node.leaf(rnd.nextGaussian()));
            return;
        }
        int l = nodes.size();
        nodes.add(null);
        int r = nodes.size();
        nodes.add(null);
        // feature 0 gets thousands of distinct thresholds: long binary searches
        int f = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(features);
        double t = f == 0 ? rnd.nextInt(5000) / 7.0 : GRID[rnd.nextInt(GRID.length)];
        nodes.set(at, new Node(f, t, l, r, Double.NaN, rnd.nextBoolean(), false));
        grow(rnd, nodes, l, features, depth - 1);
        grow(rnd, nodes, r, features, depth - 1);
    }

    private static double[] row(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(8);
            x[i] = k == 0 ? Double.NaN : k <= 3 ? GRID[rnd.nextInt(GRID.length)]
                    : i == 0 && k == 4 ? rnd.nextInt(5000) / 7.0 : rnd.nextGaussian() * 5;
        }
        return x;
    }

    @Test
    void sum_randomOrdinalEnsembles_equalsNodeWalkAndNaiveBitForBit_property() {
        Random rnd = new Random(17);
        for (int trial = 0; trial < 40; trial++) {
            int trees = 1 + rnd.nextInt(45);
            double b = rnd.nextGaussian();
            double shrink = 0.01 + rnd.nextDouble();
            TreeEnsemble.Builder builder = TreeEnsemble.builder(cat).intercept(b).shrinkage(shrink).scale(2);
            List<List<Node>> ts = new ArrayList<>();
            for (int t = 0; t < trees; t++) {
                // up to 12 levels: deeper than any complete layout would take
                List<Node> tree = ordinalTree(rnd, cat.size(), rnd.nextInt(trial % 5 == 4 ? 13 : 7));
                ts.add(tree);
                builder.tree(tree);
            }
            TreeEnsemble e = builder.build();
            BinnedForest binned = e.binned().orElseThrow();
            for (int q = 0; q < 200; q++) {
                double[] x = row(rnd, cat.size());
                double sum = 0;
                for (List<Node> tree : ts) {
                    sum += TreeEnsembleTest.naive(tree, 0, x);
                }
                FeatureVector v = FeatureVector.of(cat, x);
                assertThat(binned.sum(v)).as("trial %d row %d", trial, q).isEqualTo(sum);
                double expected = 2 * (b + shrink * sum);
                assertThat(e.logOdds(v)).isEqualTo(expected);
                assertThat(e.contributions(v, new double[cat.size()])).as("node walk").isEqualTo(expected);
            }
        }
    }

    @Test
    void of_nominalSplit_leavesTheEnsembleToTheNodeWalk() {
        List<Node> tree = List.of(new Node(3, 2, 1, 2, Double.NaN, false, true), Node.leaf(-1), Node.leaf(1));
        TreeEnsemble e = TreeEnsemble.builder(cat).tree(tree).build();
        assertThat(e.binned()).isEmpty();
        double[] x = new double[cat.size()];
        x[3] = 2;
        assertThat(e.logOdds(FeatureVector.of(cat, x))).isEqualTo(-1);
    }

    @Test
    void sum_valueOnThresholdGoesLeft_missingFollowsItsFlag() {
        // x3 <= 0.5 (missing right) -> [x5 <= -0.0 (missing left) -> -1 : 2] : 10
        List<Node> tree = List.of(Node.split(3, 0.5, 1, 2, false), Node.split(5, -0.0, 3, 4, true), Node.leaf(10),
                Node.leaf(-1), Node.leaf(2));
        TreeEnsemble e = TreeEnsemble.builder(cat).tree(tree).build();
        BinnedForest binned = e.binned().orElseThrow();
        assertThat(binned.sum(vector(0.5, 0.0))).as("0.0 <= -0.0 holds").isEqualTo(-1);
        assertThat(binned.sum(vector(0.5, 1e-300))).isEqualTo(2);
        assertThat(binned.sum(vector(0.5, Double.NaN))).isEqualTo(-1);
        assertThat(binned.sum(vector(Double.NaN, -5))).isEqualTo(10);
        assertThat(binned.sum(vector(0.5000000000000001, -5))).isEqualTo(10);
    }

    private FeatureVector vector(double x3, double x5) {
        double[] x = new double[cat.size()];
        x[3] = x3;
        x[5] = x5;
        return FeatureVector.of(cat, x);
    }
}
