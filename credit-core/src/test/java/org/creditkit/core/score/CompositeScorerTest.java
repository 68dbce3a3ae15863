package org.creditkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.scorecard.Scorecard;
import org.creditkit.core.score.spi.ScoringModel;
import org.junit.jupiter.api.Test;

class CompositeScorerTest {

    private final FeatureCatalogue cat = TestCatalogues.of(6);
    private final Scaling scaling = Scaling.of(600, 50, 40);
    private final GradeBands bands = GradeBands.byScore(List.of(GradeBands.Band.of("A", 650),
            GradeBands.Band.of("B", 550), GradeBands.Band.of("C", Double.NEGATIVE_INFINITY)));

    /** Each of f0..f5: value 0 -> best bin 0, value 1 -> costs (i+1) * 0.1 log-odds unless set otherwise. */
    private Scorecard base(double... costs) {
        Scorecard.Builder b = Scorecard.builder(cat).intercept(-4);
        for (int i = 0; i < 6; i++) {
            b.numeric("f" + i, new double[] {0.5}, new double[] {0, costs[i]}, 0.05);
        }
        return b.build();
    }

    private Scorecard overlay(double shift, String feature, double cost) {
        return Scorecard.builder(cat).intercept(shift)
                .numeric(feature, new double[] {0.5}, new double[] {0, cost}, 0).build();
    }

    private CompositeScorer scorer(Scorecard base, List<IndustryOverlay> overlays) {
        return CompositeScorer.of("test", "1", cat, scaling, bands, base, overlays);
    }

    private CompositeScorer withOverlays() {
        return scorer(base(0.1, 0.2, 0.3, 0.4, 0.5, 0.6), List.of(
                IndustryOverlay.of("electronics", "C39 only", List.of("C39"), overlay(-0.5, "f0", 1.0)),
                IndustryOverlay.of("manufacturing", "section C", List.of("C"), overlay(0.25, "f1", 0.7))));
    }

    private FeatureVector x(double... v) {
        return FeatureVector.of(cat, v);
    }

    @Test
    void overlayFor_divisionFirst_thenSection_thenBaseAlone() {
        CompositeScorer s = withOverlays();
        assertThat(s.overlayFor(IndustryCode.of("C39")).map(IndustryOverlay::id)).contains("electronics");
        assertThat(s.overlayFor(IndustryCode.of("C13")).map(IndustryOverlay::id)).contains("manufacturing");
        assertThat(s.overlayFor(IndustryCode.of("F52"))).isEmpty();
    }

    @Test
    void score_reportsOverlayAndBaseIndustryParts() {
        CompositeScorer s = withOverlays();
        FeatureVector v = x(1, 1, 0, 0, 0, 0);
        ScoreResult c39 = s.score(v, IndustryCode.of("C39"));
        assertThat(c39.overlay()).contains("electronics");
        assertThat(c39.baseLogOdds()).isCloseTo(-4 + 0.1 + 0.2, within(1e-12));
        assertThat(c39.industryLogOdds()).isCloseTo(-0.5 + 1.0, within(1e-12));
        assertThat(c39.logOdds()).isEqualTo(c39.baseLogOdds() + c39.industryLogOdds());
        ScoreResult c13 = s.score(v, IndustryCode.of("C13"));
        assertThat(c13.overlay()).contains("manufacturing");
        assertThat(c13.industryLogOdds()).isCloseTo(0.25 + 0.7, within(1e-12));
        ScoreResult f52 = s.score(v, IndustryCode.of("F52"));
        assertThat(f52.overlay()).isEmpty();
        assertThat(f52.industryLogOdds()).isZero();
        assertThat(f52.logOdds()).isEqualTo(f52.baseLogOdds());
        assertThat(f52).isEqualTo(s.scoreBase(v));
    }

    @Test
    void score_pdScoreAndGrade_followScaling() {
        ScoreResult r = withOverlays().scoreBase(x(0, 0, 0, 0, 0, 0));
        assertThat(r.logOdds()).isCloseTo(-4, within(1e-12));
        assertThat(r.pd()).isCloseTo(1 / (1 + Math.exp(4)), within(1e-15));
        assertThat(r.score()).isCloseTo(scaling.score(-4), within(1e-9));
        assertThat(r.grade().code()).isEqualTo(r.score() >= 650 ? "A" : r.score() >= 550 ? "B" : "C");
        assertThat(r.modelId()).isEqualTo("test");
        assertThat(r.reasons()).isEmpty();
    }

    @Test
    void reasons_mostPointsLostFirst_atMostFour_withCodesTextsAndLineage() {
        ScoreResult r = withOverlays().scoreBase(x(1, 1, 1, 1, 1, 1));
        assertThat(r.reasonCodes()).containsExactly("R-F5", "R-F4", "R-F3", "R-F2");
        assertThat(r.reasons().get(0).pointsLost()).isCloseTo(scaling.factor() * 0.6, within(1e-9));
        assertThat(r.reasons().get(0).text()).isEqualTo("Feature 5 lowered the score");
        assertThat(r.reasons().get(0).textZh()).isEqualTo("特征5拉低了评分");
        assertThat(r.reasons().get(0).sources()).containsExactly(DataSource.COURTS);
        assertThat(r.reasons().get(1).sources()).containsExactly(DataSource.TAX);
    }

    @Test
    void reasons_ties_brokenByCatalogueOrder() {
        CompositeScorer s = scorer(base(0.3, 0.3, 0.3, 0.3, 0.3, 0.3), List.of());
        assertThat(s.scoreBase(x(1, 1, 1, 1, 1, 1)).reasonCodes()).containsExactly("R-F0", "R-F1", "R-F2", "R-F3");
        assertThat(s.scoreBase(x(0, 0, 1, 1, 1, 1)).reasonCodes()).containsExactly("R-F2", "R-F3", "R-F4", "R-F5");
        // a higher cost later in the catalogue still goes first; equal ones keep catalogue order
        CompositeScorer t = scorer(base(0.3, 0.3, 0.3, 0.3, 0.9, 0.3), List.of());
        assertThat(t.scoreBase(x(1, 1, 1, 1, 1, 1)).reasonCodes()).containsExactly("R-F4", "R-F0", "R-F1", "R-F2");
    }

    @Test
    void reasons_missingValue_costsRelativeToBestBin_andOverlayCostsAddToBase() {
        CompositeScorer s = withOverlays();
        ScoreResult r = s.scoreBase(x(Double.NaN, 0, 0, 0, 0, 0));
        // a missing feature gives its own missing-data reason, not a value-driven one
        assertThat(r.reasonCodes()).containsExactly("R-MISSING-F0");
        assertThat(r.reasons().get(0).missingData()).isTrue();
        assertThat(r.reasons().get(0).text()).startsWith("No data on record for: ");
        assertThat(r.reasons().get(0).pointsLost()).isCloseTo(scaling.factor() * 0.05, within(1e-9));
        // in C39 the overlay's f0 penalty adds to the base one
        ScoreResult c39 = s.score(x(1, 0, 0, 0, 0, 0), IndustryCode.of("C39"));
        assertThat(c39.reasons().get(0).pointsLost()).isCloseTo(scaling.factor() * 1.1, within(1e-9));
    }

    @Test
    void confidence_isTheShareOfDiscriminatingWeightOnPresentData() {
        CompositeScorer s = withOverlays();
        ScoreResult all = s.scoreBase(x(0, 0, 0, 0, 0, 0));
        assertThat(all.confidence()).isEqualTo(1.0);
        assertThat(all.missingSources()).isEmpty();
        ScoreResult oneMissing = s.scoreBase(x(Double.NaN, 0, 0, 0, 0, 0));
        assertThat(oneMissing.confidence()).isLessThan(1.0).isGreaterThan(0.0);
        assertThat(oneMissing.missingSources()).isNotEmpty();
        ScoreResult noneThere = s.scoreBase(x(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        assertThat(noneThere.confidence()).isEqualTo(0.0);
    }

    @Test
    void of_codeClaimedTwice_isRejected() {
        assertThatThrownBy(() -> scorer(base(0.1, 0.1, 0.1, 0.1, 0.1, 0.1), List.of(
                IndustryOverlay.of("a", "a", List.of("C"), overlay(0, "f0", 1)),
                IndustryOverlay.of("b", "b", List.of("C"), overlay(0, "f0", 1)))))
                .hasMessageContaining("industry C is claimed by overlays 'a' and 'b'");
    }

    @Test
    void score_pluginModelReturningNaN_isRejectedByValidatingDecorator() {
        ScoringModel broken = new ScoringModel() {
            @Override
            public String type() {
                return "broken";
            }

            @Override
            public FeatureCatalogue catalogue() {
                return cat;
            }

            @Override
            public int[] features() {
                return new int[] {0};
            }

            @Override
            public double logOdds(FeatureVector v) {
                return Double.NaN;
            }

            @Override
            public double contributions(FeatureVector v, double[] out) {
                return Double.NaN;
            }

            @Override
            public double bias() {
                return 0;
            }

            @Override
            public double favourable(int featureIndex) {
                return 0;
            }
        };
        CompositeScorer s = CompositeScorer.of("t", "1", cat, scaling, bands, broken, List.of());
        assertThatThrownBy(() -> s.scoreBase(x(0, 0, 0, 0, 0, 0)))
                .isInstanceOf(CreditModelException.class)
                .hasMessageContaining("model 'broken'")
                .hasMessageContaining("a model must return finite log-odds");
    }

    /**
     * The ranked reasons, the confidence and the missing sources against a plain computation (sort the
     * candidates; sum the weights of the present features) on 40 features with tied points, missing
     * values and an overlay on some of them, for the base route and the overlay's.
     */
    @Test
    void score_fortyFeatures_reasonsConfidenceAndSources_equalAPlainComputation_property() {
        List<org.creditkit.core.feature.FeatureDefinition> defs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            defs.add(new org.creditkit.core.feature.FeatureDefinition("f" + i,
                    org.creditkit.core.feature.FeatureCategory.FINANCIAL_HEALTH, "Feature " + i, "特征" + i, "ratio",
                    "x" + i, List.of(DataSource.values()[i % DataSource.values().length])));
        }
        FeatureCatalogue forty = FeatureCatalogue.of("test/forty", defs);
        Random rnd = new Random(4);
        for (int trial = 0; trial < 10; trial++) {
            Scorecard.Builder b = Scorecard.builder(forty).intercept(-2);
            for (int f = 0; f < 40; f++) {
                int k = 1 + rnd.nextInt(5);
                double[] edges = new double[k];
                for (int i = 0; i < k; i++) {
                    edges[i] = i + 1;
                }
                // points on a coarse grid, so that many features lose exactly as much as others
                double[] vals = rnd.ints(k + 1, 0, 4).mapToDouble(v -> v * 0.1).toArray();
                b.numeric("f" + f, edges, vals, rnd.nextInt(4) * 0.1);
            }
            Scorecard base = b.build();
            Scorecard.Builder o = Scorecard.builder(forty).intercept(0.3);
            for (int f = 0; f < 40; f += 4) {
                o.numeric("f" + f, new double[] {2}, new double[] {rnd.nextInt(3) * 0.1, rnd.nextInt(3) * 0.1},
                        rnd.nextInt(3) * 0.1);
            }
            Scorecard overlay = o.build();
            CompositeScorer s = CompositeScorer.of("t", "1", forty, scaling, bands, base,
                    List.of(IndustryOverlay.of("c39", "C39", List.of("C39"), overlay)));
            for (int q = 0; q < 200; q++) {
                double[] v = new double[40];
                for (int f = 0; f < 40; f++) {
                    v[f] = rnd.nextInt(8) == 0 ? Double.NaN : rnd.nextInt(7) * 0.5;
                }
                FeatureVector x = FeatureVector.of(forty, v);
                assertPlain(s.scoreBase(x), x, base, null);
                assertPlain(s.score(x, IndustryCode.of("C39")), x, base, overlay);
            }
        }
    }

    private void assertPlain(ScoreResult r, FeatureVector x, ScoringModel base, ScoringModel overlay) {
        int n = x.size();
        double[] c = new double[n];
        base.contributions(x, c);
        if (overlay != null) {
            overlay.contributions(x, c);
        }
        java.util.TreeSet<Integer> used = new java.util.TreeSet<>();
        java.util.Arrays.stream(base.features()).forEach(used::add);
        int[] ov = overlay == null ? new int[0] : overlay.features();
        java.util.Arrays.stream(ov).forEach(used::add);
        List<Integer> candidates = new ArrayList<>();
        double[] pts = new double[n];
        double total = 0;
        double present = 0;
        java.util.EnumSet<DataSource> missing = java.util.EnumSet.noneOf(DataSource.class);
        for (int f : used) {
            boolean inOverlay = java.util.Arrays.stream(ov).anyMatch(g -> g == f);
            double fav = base.favourable(f) + (inOverlay ? overlay.favourable(f) : 0);
            double w = base.unfavourable(f) - base.favourable(f);
            if (inOverlay) {
                w += overlay.unfavourable(f) - overlay.favourable(f);
            }
            w = Math.max(0, w);
            total += w;
            if (x.isMissing(f)) {
                if (w > 0) {
                    missing.addAll(x.catalogue().get(f).lineage());
                }
            } else {
                present += w;
            }
            pts[f] = scaling.factor() * (c[f] - fav);
            if (pts[f] > 1e-9) {
                candidates.add(f);
            }
        }
        // most points first, points equal to 2^-36 (the ranking key's resolution) in catalogue order
        candidates.sort(java.util.Comparator.comparingLong((Integer f) -> Double.doubleToRawLongBits(pts[f]) & ~0xFFFFL)
                .reversed().thenComparing(f -> f));
        List<Integer> top = candidates.subList(0, Math.min(4, candidates.size()));
        assertThat(r.reasons()).extracting(ReasonCode::featureId)
                .containsExactlyElementsOf(top.stream().map(f -> "f" + f).toList());
        for (int i = 0; i < top.size(); i++) {
            int f = top.get(i);
            assertThat(r.reasons().get(i).pointsLost()).isEqualTo(pts[f]);
            assertThat(r.reasons().get(i).missingData()).isEqualTo(x.isMissing(f));
        }
        assertThat(r.confidence()).isEqualTo(Math.min(1.0, Math.max(0.0, present / total)));
        assertThat(r.missingSources()).containsExactlyElementsOf(missing);
    }

    @Test
    void score_manyThreads_equalsSingleThreaded() throws Exception {
        CompositeScorer s = withOverlays();
        Random rnd = new Random(99);
        int n = 4000;
        List<FeatureVector> xs = new ArrayList<>();
        List<IndustryCode> inds = new ArrayList<>();
        String[] codes = {"C39", "C13", "F52", "A01"};
        for (int i = 0; i < n; i++) {
            double[] v = new double[6];
            for (int j = 0; j < 6; j++) {
                v[j] = rnd.nextInt(7) == 0 ? Double.NaN : rnd.nextDouble();
            }
            xs.add(x(v));
            inds.add(IndustryCode.of(codes[rnd.nextInt(codes.length)]));
        }
        List<ScoreResult> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(s.score(xs.get(i), inds.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<ScoreResult>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 500;
                futures.add(pool.submit(() -> {
                    List<ScoreResult> out = new ArrayList<>();
                    for (int k = 0; k < n; k++) {
                        int i = (k + offset) % n;
                        out.add(s.score(xs.get(i), inds.get(i)));
                    }
                    return out;
                }));
            }
            for (int t = 0; t < 8; t++) {
                List<ScoreResult> got = futures.get(t).get();
                for (int k = 0; k < n; k++) {
                    assertThat(got.get(k)).isEqualTo(expected.get((k + t * 500) % n));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
