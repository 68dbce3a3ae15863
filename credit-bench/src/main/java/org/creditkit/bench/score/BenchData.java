package org.creditkit.bench.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.GradeBands;
import org.creditkit.core.score.Scaling;
import org.creditkit.core.score.scorecard.Scorecard;
import org.creditkit.core.score.tree.TreeEnsemble;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;

/** Deterministic inputs and models shared by the scoring benchmarks. */
final class BenchData {

    static final Scaling SCALING = Scaling.of(600, 50, 40);
    static final GradeBands BANDS = GradeBands.byScore(List.of(GradeBands.Band.of("A", 660),
            GradeBands.Band.of("B", 600), GradeBands.Band.of("C", 540), GradeBands.Band.of("D", Double.NEGATIVE_INFINITY)));

    private BenchData() {
    }

    /** {@code n} synthetic applications (seed 7). */
    static List<LoanApplication> applications(int n) {
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(n).seed(7).build());
        List<LoanApplication> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(g.generate(i).application());
        }
        return out;
    }

    static FeatureVector[] vectors(List<LoanApplication> apps) {
        FeatureExtractor x = FeatureExtractor.standard();
        return apps.stream().map(x::extract).toArray(FeatureVector[]::new);
    }

    static IndustryCode[] industries(List<LoanApplication> apps) {
        return apps.stream().map(a -> a.enterprise().industry()).toArray(IndustryCode[]::new);
    }

    /**
     * A scorecard over the first {@code features} standard features, 6 bins each at the observed
     * quantiles of {@code sample} (so lookups land in every bin), random points.
     */
    static Scorecard scorecard(int features, FeatureVector[] sample, long seed) {
        return scorecard(features, sample, seed, new double[features][], new double[features][], new double[features]);
    }

    /**
     * The same scorecard, also handing out its tables (bin edges, points per bin, points when missing) for
     * plain-Java baselines over the very same bins.
     */
    static Scorecard scorecard(int features, FeatureVector[] sample, long seed, double[][] edgesOut,
                               double[][] valuesOut, double[] missingOut) {
        Random rnd = new Random(seed);
        FeatureCatalogue cat = FeatureCatalogue.standard();
        Scorecard.Builder b = Scorecard.builder(cat).intercept(-3);
        for (int f = 0; f < features; f++) {
            double[] seen = new double[sample.length];
            int n = 0;
            for (FeatureVector v : sample) {
                if (!v.isMissing(f)) {
                    seen[n++] = v.value(f);
                }
            }
            final int count = n;
            final double[] sorted = java.util.Arrays.copyOf(seen, n);
            java.util.Arrays.sort(sorted);
            double[] edges = java.util.stream.DoubleStream.of(0.15, 0.35, 0.55, 0.75, 0.9)
                    .map(q -> count == 0 ? q : sorted[(int) (q * (count - 1))]).distinct().toArray();
            for (int i = 1; i < edges.length; i++) {
                if (!(edges[i] > edges[i - 1])) {
                    edges[i] = Math.nextUp(edges[i - 1]);
                }
            }
            double[] vals = new double[edges.length + 1];
            for (int i = 0; i < vals.length; i++) {
                vals[i] = rnd.nextGaussian() * 0.3;
            }
            double missing = rnd.nextGaussian() * 0.2;
            b.numeric(cat.get(f).id(), edges, vals, missing);
            edgesOut[f] = edges;
            valuesOut[f] = vals;
            missingOut[f] = missing;
        }
        return b.build();
    }

    /** {@code trees} full binary trees of {@code depth} on random standard features, thresholds from the sample. */
    static TreeEnsemble ensemble(int trees, int depth, FeatureVector[] sample, long seed) {
        Random rnd = new Random(seed);
        FeatureCatalogue cat = FeatureCatalogue.standard();
        TreeEnsemble.Builder b = TreeEnsemble.builder(cat).intercept(-1.5).shrinkage(0.05).scale(2);
        int nodes = (1 << (depth + 1)) - 1;
        for (int t = 0; t < trees; t++) {
            List<TreeEnsemble.Node> list = new ArrayList<>(nodes);
            for (int i = 0; i < nodes; i++) {
                if (2 * i + 1 >= nodes) {
                    list.add(TreeEnsemble.Node.leaf(rnd.nextGaussian() * 0.5));
                } else {
                    int f = rnd.nextInt(cat.size());
                    double thr = sample[rnd.nextInt(sample.length)].value(f);
                    if (Double.isNaN(thr)) {
                        thr = 0;
                    }
                    list.add(TreeEnsemble.Node.split(f, thr, 2 * i + 1, 2 * i + 2, rnd.nextBoolean()));
                }
            }
            b.tree(list);
        }
        return b.build();
    }
}
