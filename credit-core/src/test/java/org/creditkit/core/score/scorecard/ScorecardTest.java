package org.creditkit.core.score.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.TestCatalogues;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    private final FeatureCatalogue cat = TestCatalogues.of(3);

    private Scorecard card() {
        return Scorecard.builder(cat)
                .intercept(-3)
                .numeric("f0", new double[] {0.4, 0.7}, new double[] {-0.3, 0.0, 0.6}, 0.2)
                .categorical("f1", List.of(Scorecard.Category.of(List.of(4.0), -0.5),
                        Scorecard.Category.of(List.of(0.0, 1.0), 0.9)), 0.1, 0.3)
                .build();
    }

    private double f0(double x) {
        return card().logOdds(FeatureVector.of(cat, x, 4, 0)) - (-3) - (-0.5);
    }

    @Test
    void logOdds_valueOnEdge_fallsInUpperBin() {
        assertThat(f0(0.4)).isCloseTo(0.0, within(1e-12));
        assertThat(f0(0.7)).isCloseTo(0.6, within(1e-12));
        assertThat(f0(Math.nextDown(0.4))).isCloseTo(-0.3, within(1e-12));
        assertThat(f0(Math.nextDown(0.7))).isCloseTo(0.0, within(1e-12));
        assertThat(f0(-1e300)).isCloseTo(-0.3, within(1e-12));
        assertThat(f0(1e300)).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void score_missingValue_usesMissingBin() {
        assertThat(f0(Double.NaN)).isCloseTo(0.2, within(1e-12));
        assertThat(card().logOdds(FeatureVector.of(cat, 0.5, Double.NaN, 0))).isCloseTo(-3 + 0 + 0.3, within(1e-12));
    }

    @Test
    void logOdds_categoricalCodes_mapToTheirBin_unknownCodeToOther() {
        Scorecard c = card();
        assertThat(c.logOdds(FeatureVector.of(cat, 0.5, 0, 0))).isCloseTo(-3 + 0.9, within(1e-12));
        assertThat(c.logOdds(FeatureVector.of(cat, 0.5, 1, 0))).isCloseTo(-3 + 0.9, within(1e-12));
        assertThat(c.logOdds(FeatureVector.of(cat, 0.5, 4, 0))).isCloseTo(-3 - 0.5, within(1e-12));
        assertThat(c.logOdds(FeatureVector.of(cat, 0.5, 2, 0))).isCloseTo(-3 + 0.1, within(1e-12));
    }

    @Test
    void contributions_returnExactlyLogOdds_andSumWithBias() {
        Scorecard c = card();
        Random rnd = new Random(7);
        for (int i = 0; i < 500; i++) {
            FeatureVector x = FeatureVector.of(cat, rnd.nextInt(5) == 0 ? Double.NaN : rnd.nextDouble(),
                    rnd.nextInt(6), 0);
            double[] out = new double[3];
            double lo = c.contributions(x, out);
            assertThat(lo).isEqualTo(c.logOdds(x));
            assertThat(c.bias() + out[0] + out[1] + out[2]).isCloseTo(lo, within(1e-12));
            assertThat(out[2]).isZero();
        }
    }

    @Test
    void favourable_isBestBinIncludingMissing() {
        Scorecard c = card();
        assertThat(c.favourable(0)).isEqualTo(-0.3);
        assertThat(c.favourable(1)).isEqualTo(-0.5);
        assertThat(c.features()).containsExactly(0, 1);
    }

    @Test
    void binLookup_matchesLinearScan_property() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + rnd.nextInt(12);
            double[] edges = new double[k];
            double e = -5;
            for (int i = 0; i < k; i++) {
                e += 0.01 + rnd.nextDouble();
                edges[i] = Math.round(e * 100) / 100.0;
            }
            double[] vals = new double[k + 1];
            for (int i = 0; i <= k; i++) {
                vals[i] = rnd.nextGaussian();
            }
            Scorecard c = Scorecard.builder(cat).numeric("f0", edges, vals, 9).build();
            for (int q = 0; q < 50; q++) {
                double x = q % 5 == 0 ? edges[rnd.nextInt(k)] : Math.round((rnd.nextDouble() * 14 - 6) * 100) / 100.0;
                int bin = 0;
                while (bin < k && edges[bin] <= x) {
                    bin++;
                }
                assertThat(c.logOdds(FeatureVector.of(cat, x, 0, 0))).as("x=%s", x).isEqualTo(vals[bin]);
            }
        }
    }

    @Test
    void logOddsAndContributions_characteristicsOfDifferentWidths_matchNaiveLookup_property() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 300; trial++) {
            double[][] edges = new double[3][];
            double[][] vals = new double[3][];
            double[] missing = new double[3];
            Scorecard.Builder b = Scorecard.builder(cat).intercept(rnd.nextGaussian());
            for (int f = 0; f < 3; f++) {
                int k = rnd.nextInt(trial % 10 == 0 ? 21 : 7); // 0 edges, a few, and sometimes more than 16
                edges[f] = new double[k];
                double e = -5;
                for (int i = 0; i < k; i++) {
                    e += 0.01 + rnd.nextDouble();
                    edges[f][i] = Math.round(e * 100) / 100.0;
                }
                vals[f] = rnd.doubles(k + 1).map(v -> v - 0.5).toArray();
                missing[f] = rnd.nextGaussian();
                b.numeric("f" + f, edges[f], vals[f], missing[f]);
            }
            Scorecard c = b.build();
            for (int q = 0; q < 40; q++) {
                double[] x = new double[3];
                double expected = c.intercept();
                for (int f = 0; f < 3; f++) {
                    int pick = rnd.nextInt(8);
                    x[f] = pick == 0 ? Double.NaN : pick == 1 ? Double.MAX_VALUE
                            : pick == 2 ? -Double.MAX_VALUE : pick == 3 && edges[f].length > 0
                            ? edges[f][rnd.nextInt(edges[f].length)] : Math.round((rnd.nextDouble() * 30 - 8) * 100) / 100.0;
                    int bin = 0;
                    while (bin < edges[f].length && edges[f][bin] <= x[f]) {
                        bin++;
                    }
                    expected += Double.isNaN(x[f]) ? missing[f] : vals[f][bin];
                }
                FeatureVector v = FeatureVector.of(cat, x[0], x[1], x[2]);
                double[] out = new double[3];
                assertThat(c.logOdds(v)).as("x=%s", java.util.Arrays.toString(x)).isEqualTo(expected);
                assertThat(c.contributions(v, out)).isEqualTo(expected);
            }
        }
    }

    /**
     * The evaluation tables (padded rows searched in unrolled levels, the missing bin in the row, the
     * wide-characteristic search, the categorical search) against the bin records themselves, summed in
     * the same order, on 40 characteristics: values on, just below and just above edges, zeros of both
     * signs against edges of both signs, extremes and missing values. Equal to the last bit.
     */
    @Test
    void logOddsAndContributions_fortyCharacteristics_equalTheBinRecords_property() {
        FeatureCatalogue forty = TestCatalogues.of(40);
        Random rnd = new Random(40);
        for (int trial = 0; trial < 60; trial++) {
            int shape = trial % 6; // 0: 0-1 edges, 1: 2-3, 2: 4-7 (6 bins as the benchmark), 3: 8-15, 4: a wider one, 5: categoricals
            Scorecard.Builder b = Scorecard.builder(forty).intercept(rnd.nextGaussian());
            for (int f = 0; f < 40; f++) {
                String id = "f" + f;
                if (shape == 5 && f % 3 == 0) {
                    List<Scorecard.Category> cats = List.of(
                            Scorecard.Category.of(List.of(0.0, 2.0), rnd.nextGaussian()),
                            Scorecard.Category.of(List.of(-1.0, 5.0, 7.0), rnd.nextGaussian()));
                    b.categorical(id, cats, rnd.nextGaussian(), rnd.nextGaussian());
                    continue;
                }
                int k = switch (shape) {
                    case 0 -> rnd.nextInt(2);
                    case 1 -> 2 + rnd.nextInt(2);
                    case 2, 5 -> 4 + rnd.nextInt(4);
                    case 3 -> 8 + rnd.nextInt(8);
                    default -> f == 7 ? 16 + rnd.nextInt(10) : rnd.nextInt(8);
                };
                double[] edges = new double[k];
                double e = -0.5 * k;
                for (int i = 0; i < k; i++) {
                    e += 0.25 * (1 + rnd.nextInt(4));
                    edges[i] = e == 0 && rnd.nextBoolean() ? -0.0 : e; // edges at 0.0 and at -0.0
                }
                double[] vals = rnd.doubles(k + 1).map(v -> v - 0.5).toArray();
                b.numeric(id, edges, vals, rnd.nextGaussian());
            }
            Scorecard card = b.build();
            for (int q = 0; q < 40; q++) {
                double[] x = new double[40];
                for (int f = 0; f < 40; f++) {
                    double edge = (rnd.nextInt(9) - 4) * 0.25;
                    x[f] = switch (rnd.nextInt(9)) {
                        case 0 -> Double.NaN;
                        case 1 -> edge;
                        case 2 -> Math.nextDown(edge);
                        case 3 -> Math.nextUp(edge);
                        case 4 -> rnd.nextBoolean() ? 0.0 : -0.0;
                        case 5 -> rnd.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE;
                        case 6 -> rnd.nextInt(9) - 1; // category codes and their neighbours
                        default -> rnd.nextGaussian() * 3;
                    };
                }
                FeatureVector v = FeatureVector.of(forty, x);
                double expected = card.intercept();
                double[] expectedOut = new double[40];
                for (Scorecard.Characteristic c : card.characteristics()) {
                    int f = forty.indexOf(c.feature());
                    double lo = reference(c, x[f]);
                    expectedOut[f] = lo;
                    expected += lo;
                }
                double[] out = new double[40];
                assertThat(card.logOdds(v)).as("trial %d shape %d x=%s", trial, shape, java.util.Arrays.toString(x))
                        .isEqualTo(expected);
                assertThat(card.contributions(v, out)).isEqualTo(expected);
                assertThat(out).containsExactly(expectedOut);
            }
        }
    }

    /** The bin a value falls in, read from the characteristic's records. */
    private static double reference(Scorecard.Characteristic c, double x) {
        if (Double.isNaN(x)) {
            return c.missingLogOdds();
        }
        if (c instanceof Scorecard.Numeric num) {
            for (Scorecard.Bin bin : num.bins()) {
                if (bin.lo() <= x && x < bin.hi()) {
                    return bin.logOdds();
                }
            }
            throw new AssertionError("no bin for " + x);
        }
        Scorecard.Categorical cat = (Scorecard.Categorical) c;
        for (Scorecard.Category category : cat.categories()) {
            for (double code : category.codes()) {
                if (code == x) {
                    return category.logOdds();
                }
            }
        }
        return cat.otherLogOdds();
    }

    @Test
    void build_edgesNotAscending_namesFeatureAndBin() {
        assertThatThrownBy(() -> Scorecard.builder(cat).numeric("f0", new double[] {0.7, 0.4},
                new double[] {1, 2, 3}, 0).build())
                .hasMessageContaining("feature 'f0' bin 1 [0.7, 0.4): edges must ascend");
    }

    @Test
    void build_gapOrOpenEnds_areRejected() {
        List<Scorecard.Bin> gap = List.of(Scorecard.Bin.of(Double.NEGATIVE_INFINITY, 0.3, 0),
                Scorecard.Bin.of(0.4, Double.POSITIVE_INFINITY, 1));
        assertThatThrownBy(() -> Scorecard.builder(cat).numeric("f0", gap, 0).build())
                .hasMessageContaining("feature 'f0' bin 1 starts at 0.4 but bin 0 ends at 0.3: gap in coverage [0.3, 0.4)");
        List<Scorecard.Bin> open = List.of(Scorecard.Bin.of(0, 1, 0), Scorecard.Bin.of(1, 2, 1));
        assertThatThrownBy(() -> Scorecard.builder(cat).numeric("f0", open, 0).build())
                .hasMessageContaining("the first bin must start at -inf")
                .hasMessageContaining("the last bin must end at +inf");
    }

    @Test
    void build_nanValuesUnknownFeatureDuplicateCodes_areRejected() {
        assertThatThrownBy(() -> Scorecard.builder(cat).numeric("f0", new double[] {1}, new double[] {0, Double.NaN},
                Double.NaN).build())
                .hasMessageContaining("feature 'f0' bin 1 [1, +inf): value must be finite, got NaN")
                .hasMessageContaining("feature 'f0': missing bin value must be finite");
        assertThatThrownBy(() -> Scorecard.builder(cat).numeric("nope", new double[] {1}, new double[] {0, 1}, 0).build())
                .hasMessageContaining("unknown feature 'nope'");
        assertThatThrownBy(() -> Scorecard.builder(cat).categorical("f1", List.of(
                Scorecard.Category.of(List.of(1.0), 0), Scorecard.Category.of(List.of(1.0, 2.0), 1)), 0, 0).build())
                .hasMessageContaining("code 1 is already in another category");
    }

    @Test
    void logOdds_vectorOfOtherCatalogue_isRejected() {
        FeatureVector other = FeatureVector.of(TestCatalogues.of(4), 1, 2, 3, 4);
        assertThatThrownBy(() -> card().logOdds(other)).hasMessageContaining("laid out against catalogue test/4");
    }

    @Test
    void binLabel_describesIntervalCategoryOtherAndMissing() {
        Scorecard c = card();
        assertThat(c.binLabel("f0", 0.5)).isEqualTo("[0.4, 0.7)");
        assertThat(c.binLabel("f0", 0.1)).isEqualTo("[-inf, 0.4)");
        assertThat(c.binLabel("f0", Double.NaN)).isEqualTo("missing");
        assertThat(c.binLabel("f1", 1)).isEqualTo("{0, 1}");
        assertThat(c.binLabel("f1", 7)).isEqualTo("other");
    }
}
