package org.creditkit.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void wilson_eightOfTen_matchesPublishedInterval() {
        Interval ci = Stats.wilson(8, 10);
        assertThat(ci.lower()).isCloseTo(0.4902, within(1e-4));
        assertThat(ci.upper()).isCloseTo(0.9433, within(1e-4));
    }

    @Test
    void wilson_extremes_touchTheBoundsAndEmptyIsUninformative() {
        assertThat(Stats.wilson(0, 10).lower()).isZero();
        assertThat(Stats.wilson(0, 10).upper()).isCloseTo(0.2775, within(1e-4));
        assertThat(Stats.wilson(10, 10).upper()).isEqualTo(1.0);
        assertThat(Stats.wilson(0, 0)).isEqualTo(Interval.of(0.0, 1.0));
    }

    @Test
    void newcombe_56of70vs48of80_matchesNewcombe1998Method10() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, Table II example (a), method 10
        Interval ci = Stats.newcombe(56, 70, 48, 80);
        assertThat(ci.lower()).isCloseTo(0.0524, within(1e-4));
        assertThat(ci.upper()).isCloseTo(0.3339, within(1e-4));
    }

    @Test
    void fisher_ladyTastingTea_isThirtyFourSeventieths() {
        // 8 cups, 4 milk-first, 3 identified correctly: two-sided p = (1+16+16+1)/70
        assertThat(Stats.fisherExactTwoSided(3, 1, 1, 3)).isCloseTo(34.0 / 70.0, within(1e-12));
    }

    @Test
    void fisher_asymmetricTable_matchesHandComputedHypergeometricSum() {
        // [[1, 9], [11, 3]]: row sums 10 and 14, first column 12, N = 24.
        // P(x) = C(10,x) C(14,12-x) / C(24,12); C(24,12) = 2704156. Observed x = 1 has weight 3640;
        // tables no more likely: x = 0 (91), 1 (3640), 9 (3640), 10 (91).
        double expected = (91.0 + 3640.0 + 3640.0 + 91.0) / 2_704_156.0;
        assertThat(Stats.fisherExactTwoSided(1, 9, 11, 3)).isCloseTo(expected, within(1e-10));
        assertThat(expected).isCloseTo(0.0027594, within(1e-7));
    }

    @Test
    void twoProportionZ_matchesHandComputation() {
        // 56/70 vs 48/80: pooled p = 104/150, se = sqrt(p(1-p)(1/70+1/80)), z = 0.2/se
        double pooled = 104.0 / 150.0;
        double z = 0.2 / Math.sqrt(pooled * (1 - pooled) * (1.0 / 70 + 1.0 / 80));
        assertThat(z).isCloseTo(2.6502, within(1e-4));
        assertThat(Stats.twoProportionZ(56, 70, 48, 80)).isCloseTo(0.0080451, within(1e-6));
        assertThat(Stats.twoProportionZ(0, 10, 0, 20)).isEqualTo(1.0);
    }

    @Test
    void katz_allApproved_usesHaldaneCorrectionInsteadOfAZeroWidthInterval() {
        // 2/2 vs 279/318: corrected 2.5/3 vs 279.5/319
        Interval ci = Stats.katzRatio(2, 2, 279, 318);
        double lr = Math.log((2.5 / 3) / (279.5 / 319));
        double se = Math.sqrt(1 / 2.5 - 1 / 3.0 + 1 / 279.5 - 1 / 319.0);
        assertThat(ci.lower()).isCloseTo(Math.exp(lr - Stats.Z_95 * se), within(1e-12));
        assertThat(ci.upper() - ci.lower()).isGreaterThan(0.5);
        assertThat(Stats.katzRatio(0, 10, 5, 10)).isNull();
    }

    @Test
    void holm_matchesHandComputation() {
        // p = 0.01, 0.04, 0.03, 0.5 (m = 4): sorted 0.01*4 = 0.04, 0.03*3 = 0.09, 0.04*2 = 0.08 -> 0.09, 0.5*1
        java.util.Map<String, Double> adj = Stats.holm(java.util.Map.of("a", 0.01, "b", 0.04, "c", 0.03, "d", 0.5));
        assertThat(adj.get("a")).isCloseTo(0.04, within(1e-12));
        assertThat(adj.get("c")).isCloseTo(0.09, within(1e-12));
        assertThat(adj.get("b")).isCloseTo(0.09, within(1e-12));
        assertThat(adj.get("d")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void calibrationInTheLarge_scoreTest() {
        // 70 bad of 1000 against mean PD 0.05: z = 0.02 / sqrt(0.05*0.95/1000) = 2.9019
        assertThat(Stats.calibrationInTheLarge(70, 1000, 0.05)).isCloseTo(0.003709, within(1e-6));
        assertThat(Stats.calibrationInTheLarge(0, 10, 0.0)).isEqualTo(1.0);
    }

    @Test
    void erfc_knownValues() {
        assertThat(Stats.erfc(0.0)).isCloseTo(1.0, within(1e-7));
        assertThat(Stats.erfc(1.0)).isCloseTo(0.157299207, within(1e-7));
        assertThat(Stats.erfc(-1.0)).isCloseTo(1.842700793, within(1e-7));
    }

    @Test
    void fisher_largerTables_matchScipy() {
        // scipy.stats.fisher_exact(...).pvalue
        assertThat(Stats.fisherExactTwoSided(52, 48, 60, 40)).isCloseTo(0.3186982858173728, within(1e-12));
        assertThat(Stats.fisherExactTwoSided(530, 470, 560, 440)).isCloseTo(0.19283337456209224, within(1e-12));
        assertThat(Stats.fisherExactTwoSided(5, 0, 0, 5)).isCloseTo(0.007936507936507938, within(1e-15));
    }

    @Test
    void auc_countsTiesAsHalf() {
        // bad risks {0.9, 0.5}, good risks {0.5, 0.1}: pairs (0.9>0.5)=1, (0.9>0.1)=1, (0.5=0.5)=0.5, (0.5>0.1)=1
        double auc = Stats.auc(new double[] {0.9, 0.5, 0.5, 0.1}, new boolean[] {true, true, false, false});
        assertThat(auc).isCloseTo(3.5 / 4.0, within(1e-12));
        assertThat(Stats.auc(new double[] {0.1, 0.2}, new boolean[] {false, false})).isNaN();
    }

    @Test
    void theil_handComputed() {
        // benefits {1, 2, 0, 1}: mu = 1, GE(1) = (1/4)(0 + 2 ln 2 + 0 + 0) = ln(2)/2
        assertThat(Stats.theil(new double[] {1, 2, 0, 1})).isCloseTo(Math.log(2) / 2, within(1e-12));
        assertThat(Stats.theil(new double[] {1, 1, 1})).isZero();
        assertThat(Stats.theil(new double[] {0, 0})).isNaN();
    }

    @Test
    void bootstrap_isDeterministicAndCoversTheDifference() {
        Interval a = Stats.bootstrapDifference(56, 70, 48, 80, 2000, 7L);
        Interval b = Stats.bootstrapDifference(56, 70, 48, 80, 2000, 7L);
        assertThat(a).isEqualTo(b);
        assertThat(a.contains(0.2)).isTrue();
        assertThat(a.lower()).isCloseTo(0.0524, within(0.03));
        assertThat(a.upper()).isCloseTo(0.3339, within(0.03));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"20, 0.3", "1000, 0.004", "1000, 0.5", "5000, 0.93", "1000000, 0.3",
        "1000000, 0.00002"})
    void draw_hasTheBinomialMeanAndVariance(int n, double p) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int reps = 20000;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < reps; r++) {
            int k = Stats.draw(random, n, p);
            assertThat(k).isBetween(0, n);
            sum += k;
            sumSq += (double) k * k;
        }
        double mean = sum / reps;
        double var = sumSq / reps - mean * mean;
        double trueVar = n * p * (1 - p);
        assertThat(mean).isCloseTo(n * p, within(5 * Math.sqrt(trueVar / reps) + 1e-9));
        assertThat(var).isCloseTo(trueVar, within(0.06 * trueVar));
    }

    @Test
    void draw_matchesTheNaiveBernoulliSumInDistribution() {
        // the fast sampler (BTRS here: n p = 24) against the exact pmf, chi-square over k = 10..38
        int n = 60;
        double p = 0.4;
        int reps = 40000;
        int[] counts = new int[n + 1];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int r = 0; r < reps; r++) {
            counts[Stats.draw(random, n, p)]++;
        }
        double chi = 0;
        int cells = 0;
        for (int k = 10; k <= 38; k++) {
            double pmf = Math.exp(Stats.logFactorial(n) - Stats.logFactorial(k) - Stats.logFactorial(n - k)
                    + k * Math.log(p) + (n - k) * Math.log(1 - p));
            double expected = pmf * reps;
            chi += (counts[k] - expected) * (counts[k] - expected) / expected;
            cells++;
        }
        // 29 cells: the 99.9th percentile of chi-square with 28 degrees of freedom is 56.9
        assertThat(chi).as("chi-square over %d cells", cells).isLessThan(56.9);
    }

    @Test
    void logFactorial_isExactBelowTheTableAndStirlingAbove() {
        assertThat(Stats.logFactorial(10)).isCloseTo(Math.log(3628800), within(1e-12));
        double direct = 0;
        for (int i = 2; i <= 300; i++) {
            direct += Math.log(i);
        }
        assertThat(Stats.logFactorial(300)).isCloseTo(direct, within(1e-9));
    }

    @Test
    void bootstrapRate_isSeededAndAgreesWithWilsonOnALargeGroup() {
        Interval a = Stats.bootstrapRate(300_000, 1_000_000, 1000, 3L);
        assertThat(Stats.bootstrapRate(300_000, 1_000_000, 1000, 3L)).isEqualTo(a);
        Interval w = Stats.wilson(300_000, 1_000_000);
        assertThat(a.lower()).isCloseTo(w.lower(), within(0.0003));
        assertThat(a.upper()).isCloseTo(w.upper(), within(0.0003));
    }

    @Test
    void auc_equalsTheNaivePairCountWithTiesHalf() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + random.nextInt(60);
            double[] risk = new double[n];
            boolean[] bad = new boolean[n];
            for (int i = 0; i < n; i++) {
                risk[i] = random.nextInt(8) / 8.0; // many ties
                bad[i] = random.nextBoolean();
            }
            double wins = 0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (bad[i] && !bad[j]) {
                        pairs++;
                        wins += risk[i] > risk[j] ? 1.0 : risk[i] == risk[j] ? 0.5 : 0.0;
                    }
                }
            }
            if (pairs == 0) {
                assertThat(Stats.auc(risk, bad)).isNaN();
            } else {
                assertThat(Stats.auc(risk, bad)).isCloseTo(wins / pairs, within(1e-12));
            }
        }
    }

    @Test
    void theilOfCounts_equalsTheilOfTheExpandedList() {
        double[] expanded = {0, 0, 1, 1, 1, 2, 2, 2, 2};
        assertThat(Stats.theil(new double[] {0, 1, 2}, new long[] {2, 3, 4}))
                .isCloseTo(Stats.theil(expanded), within(1e-15));
    }
}
