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

    /**
     * f0 with three bins: best (-0.4 log-odds), average-ish (0), worst (+0.6), missing +0.2; shares
     * 0.1 / 0.6 / 0.2 / 0.1, so the neutral is 0.1 * -0.4 + 0.2 * 0.6 + 0.1 * 0.2 = 0.1 log-odds; f1 a plain
     * two-bin feature (0 / 0.3, missing 0), half in each bin: neutral 0.15.
     */
    private Scorecard withShares() {
        return Scorecard.builder(cat).intercept(-4)
                .numeric("f0", new double[] {0.5, 1.5}, new double[] {-0.4, 0, 0.6}, 0.2,
                        Scorecard.Shares.numeric(new double[] {0.1, 0.6, 0.2}, 0.1))
                .numeric("f1", new double[] {0.5}, new double[] {0, 0.3}, 0,
                        Scorecard.Shares.numeric(new double[] {0.5, 0.5}, 0))
                .build();
    }

    @Test
    void reasons_binBelowFavourableButAboveAverage_givesNoReason() {
        CompositeScorer s = scorer(withShares(), List.of());
        assertThat(s.reasonBasis()).isEqualTo(ReasonBasis.NEUTRAL);
        // f0 = 1 sits in the middle bin: 0.4 log-odds short of its best bin, yet 0.1 better than average
        ScoreResult r = s.scoreBase(x(1, 0, 0, 0, 0, 0));
        assertThat(r.reasons()).isEmpty();
        assertThat(r.reasonBasis()).isEqualTo(ReasonBasis.NEUTRAL);
        // the same card without shares falls back, visibly, to the best bin and blames f0
        Scorecard bare = Scorecard.builder(cat).intercept(-4)
                .numeric("f0", new double[] {0.5, 1.5}, new double[] {-0.4, 0, 0.6}, 0.2)
                .numeric("f1", new double[] {0.5}, new double[] {0, 0.3}, 0).build();
        ScoreResult old = scorer(bare, List.of()).scoreBase(x(1, 0, 0, 0, 0, 0));
        assertThat(old.reasonBasis()).isEqualTo(ReasonBasis.MOST_FAVOURABLE);
        assertThat(old.reasonCodes()).containsExactly("R-F0");
        assertThat(old.reasons().get(0).pointsLost()).isCloseTo(scaling.factor() * 0.4, within(1e-9));
    }

    @Test
    void reasons_belowNeutral_rankedByDistanceFromNeutral() {
        CompositeScorer s = scorer(withShares(), List.of());
        // f0 worst bin: 0.6 - 0.1 = 0.5 below neutral; f1 worst bin: 0.3 - 0.15 = 0.15
        ScoreResult r = s.scoreBase(x(2, 1, 0, 0, 0, 0));
        assertThat(r.reasonCodes()).containsExactly("R-F0", "R-F1");
        assertThat(r.reasons().get(0).pointsLost()).isCloseTo(scaling.factor() * 0.5, within(1e-9));
        assertThat(r.reasons().get(1).pointsLost()).isCloseTo(scaling.factor() * 0.15, within(1e-9));
        // missing f0 (0.2) is 0.1 below neutral: a missing-data reason of its own
        ScoreResult m = s.scoreBase(x(Double.NaN, 0, 0, 0, 0, 0));
        assertThat(m.reasonCodes()).containsExactly("R-MISSING-F0");
        assertThat(m.reasons().get(0).pointsLost()).isCloseTo(scaling.factor() * 0.1, within(1e-9));
    }

    @Test
    void reasonBasis_fallsBackForTheWholeScorer_whenAnyModelLacksShares() {
        CompositeScorer s = scorer(withShares(), List.of(
                IndustryOverlay.of("electronics", "C39 only", List.of("C39"), overlay(-0.5, "f0", 1.0))));
        assertThat(s.reasonBasis()).isEqualTo(ReasonBasis.MOST_FAVOURABLE);
        assertThat(s.scoreBase(x(1, 0, 0, 0, 0, 0)).reasonBasis()).isEqualTo(ReasonBasis.MOST_FAVOURABLE);
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

    /** 40 features f0..f39, each from one source (in turn). */
    private static FeatureCatalogue forty() {
        List<org.creditkit.core.feature.FeatureDefinition> defs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            defs.add(new org.creditkit.core.feature.FeatureDefinition("f" + i,
                    org.creditkit.core.feature.FeatureCategory.FINANCIAL_HEALTH, "Feature " + i, "特征" + i, "ratio",
                    "x" + i, List.of(DataSource.values()[i % DataSource.values().length])));
        }
        return FeatureCatalogue.of("test/forty", defs);
    }

    /**
     * The ranked reasons, the confidence and the missing sources against a plain computation (sort the
     * candidates; sum the weights of the present features) on 40 features with tied points, missing
     * values and an overlay on some of them, for the base route and the overlay's.
     */
    @Test
    void score_fortyFeatures_reasonsConfidenceAndSources_equalAPlainComputation_property() {
        FeatureCatalogue forty = forty();
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
        assertPlain(r, x, base, overlay, false);
    }

    /** As above, the points measured from the neutral points when {@code neutral}, else the most favourable. */
    private void assertPlain(ScoreResult r, FeatureVector x, ScoringModel base, ScoringModel overlay, boolean neutral) {
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
            double fav = reference(base, f, neutral) + (inOverlay ? reference(overlay, f, neutral) : 0);
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
            ReasonCode rc = r.reasons().get(i);
            assertThat(Double.doubleToRawLongBits(rc.pointsLost())).isEqualTo(Double.doubleToRawLongBits(pts[f]));
            assertThat(rc.missingData()).isEqualTo(x.isMissing(f));
            String id = x.catalogue().get(f).id();
            assertThat(rc.code()).isEqualTo(x.isMissing(f) ? ReasonCode.missingCodeFor(id) : ReasonCode.codeFor(id));
            assertThat(rc.sources()).isEqualTo(x.catalogue().get(f).lineage());
        }
        double confidence = Math.min(1.0, Math.max(0.0, present / total));
        assertThat(Double.doubleToRawLongBits(r.confidence())).isEqualTo(Double.doubleToRawLongBits(confidence));
        assertThat(r.missingSources()).containsExactlyElementsOf(missing);
    }

    private static double reference(ScoringModel m, int f, boolean neutral) {
        return neutral ? m.neutral(f).getAsDouble() : m.favourable(f);
    }

    /**
     * Every field of the result against a straightforward computation (log-odds from the card itself, the
     * reference each feature's points are measured against by the scorer's basis, the candidates sorted,
     * the weights of the present features summed in catalogue order), bit for bit, on random cards whose
     * layout takes the base route's single pass (numeric characteristics in catalogue order, with and
     * without population shares) and on cards that take the general path (characteristics out of order, a
     * categorical one, more than 15 edges); values on edges, signed zeros and missing values included.
     */
    @Test
    void score_randomCards_everyFieldEqualsAStraightforwardComputation_property() {
        FeatureCatalogue forty = forty();
        Random rnd = new Random(17);
        for (int trial = 0; trial < 24; trial++) {
            int layout = trial % 4; // 0, 1: in order (0 with shares); 2: reversed; 3: a categorical and a wide one
            List<Integer> order = new ArrayList<>();
            for (int f = 0; f < 40; f++) {
                if (rnd.nextInt(8) != 0) {
                    order.add(f);
                }
            }
            if (layout == 2) {
                java.util.Collections.reverse(order);
            }
            Scorecard.Builder b = Scorecard.builder(forty).intercept(rnd.nextGaussian());
            double[][] edgesOf = new double[40][];
            for (int f : order) {
                int k = layout == 3 && f == order.get(0) ? 20 : rnd.nextInt(9);
                double[] edges = new double[k];
                for (int i = 0; i < k; i++) {
                    edges[i] = (i == 0 ? -1 : edges[i - 1]) + (rnd.nextBoolean() ? 0.5 : rnd.nextDouble());
                }
                edgesOf[f] = edges;
                double[] vals = new double[k + 1];
                for (int i = 0; i <= k; i++) {
                    vals[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(3) * 0.25 : rnd.nextGaussian(); // ties and -0.0
                    vals[i] = rnd.nextInt(20) == 0 ? -0.0 : vals[i];
                }
                double missing = rnd.nextGaussian();
                if (layout == 3 && f == order.get(order.size() - 1)) {
                    b.categorical("f" + f, List.of(Scorecard.Category.of(List.of(0.0, 1.0), vals[0]),
                            Scorecard.Category.of(List.of(2.0), 0.5)), -0.25, missing);
                    edgesOf[f] = new double[] {0, 1, 2};
                } else if (layout == 0) {
                    double[] shares = new double[k + 1];
                    java.util.Arrays.fill(shares, 0.9 / (k + 1));
                    b.numeric("f" + f, edges, vals, missing, Scorecard.Shares.numeric(shares, 0.1));
                } else {
                    b.numeric("f" + f, edges, vals, missing);
                }
            }
            Scorecard card = b.build();
            CompositeScorer s = CompositeScorer.of("t", "1", forty, scaling, bands, card, List.of());
            assertThat(s.reasonBasis()).isEqualTo(layout == 0 ? ReasonBasis.NEUTRAL : ReasonBasis.MOST_FAVOURABLE);
            for (int q = 0; q < 300; q++) {
                double[] v = new double[40];
                for (int f = 0; f < 40; f++) {
                    double[] e = edgesOf[f];
                    int pick = rnd.nextInt(10);
                    v[f] = pick == 0 ? Double.NaN
                            : pick == 1 && e != null && e.length > 0 ? e[rnd.nextInt(e.length)] // on an edge
                            : pick == 2 ? (rnd.nextBoolean() ? 0.0 : -0.0)
                            : rnd.nextGaussian() * 2;
                }
                FeatureVector x = FeatureVector.of(forty, v);
                assertEqualsStraightforward(s, card, x);
            }
        }
    }

    private void assertEqualsStraightforward(CompositeScorer s, Scorecard card, FeatureVector x) {
        ScoreResult r = s.scoreBase(x);
        double lo = card.logOdds(x);
        assertThat(Double.doubleToRawLongBits(r.logOdds())).isEqualTo(Double.doubleToRawLongBits(lo + 0.0));
        assertThat(Double.doubleToRawLongBits(r.baseLogOdds())).isEqualTo(Double.doubleToRawLongBits(lo));
        assertThat(r.industryLogOdds()).isEqualTo(0.0);
        assertThat(r.pd()).isEqualTo(Scaling.pd(lo + 0.0));
        assertThat(r.score()).isEqualTo(scaling.offset() - scaling.factor() * (lo + 0.0));
        assertThat(r.grade()).isEqualTo(bands.grade(r.score(), r.pd()));
        assertPlain(r, x, card, null, s.reasonBasis() == ReasonBasis.NEUTRAL);
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
