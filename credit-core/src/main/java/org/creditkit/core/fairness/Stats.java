package org.creditkit.core.fairness;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The statistics behind the fairness audit: score intervals, tests, AUC and entropy indices.
 * Every method is a pure function of its arguments; "undefined" results are {@code NaN} here and
 * become absent values in the public result records.
 */
final class Stats {

    /** The 97.5% quantile of the standard normal distribution (two-sided 95%). */
    static final double Z_95 = 1.959963984540054;

    private Stats() {
    }

    /**
     * Wilson score interval (Wilson 1927) for {@code k} successes in {@code n} trials:
     * centre {@code (p + z²/2n) / (1 + z²/n)}, half-width
     * {@code z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²)}. {@code n = 0} gives [0, 1].
     */
    static Interval wilson(int k, int n) {
        if (n == 0) {
            return Interval.of(0.0, 1.0);
        }
        double p = (double) k / n;
        double z2 = Z_95 * Z_95;
        double denom = 1.0 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z_95 / denom * Math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * (double) n));
        double lower = k == 0 ? 0.0 : Math.max(0.0, centre - half);
        double upper = k == n ? 1.0 : Math.min(1.0, centre + half);
        return Interval.of(lower, upper);
    }

    /**
     * Newcombe's hybrid score interval (Newcombe 1998, method 10) for {@code p1 - p2}, built from
     * the two Wilson intervals (l1, u1) and (l2, u2):
     * {@code [d - sqrt((p1-l1)² + (u2-p2)²), d + sqrt((u1-p1)² + (p2-l2)²)]}.
     * Requires {@code n1 > 0} and {@code n2 > 0}.
     */
    static Interval newcombe(int k1, int n1, int k2, int n2) {
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        Interval w1 = wilson(k1, n1);
        Interval w2 = wilson(k2, n2);
        double d = p1 - p2;
        double lower = d - Math.sqrt(sq(p1 - w1.lower()) + sq(w2.upper() - p2));
        double upper = d + Math.sqrt(sq(w1.upper() - p1) + sq(p2 - w2.lower()));
        return Interval.of(Math.max(-1.0, lower), Math.min(1.0, upper));
    }

    /**
     * Percentile bootstrap interval for {@code p1 - p2}: each replicate resamples both groups with
     * replacement (equivalently, draws each group's successes as {@code n} Bernoulli trials with the
     * observed rate) and takes the 2.5% and 97.5% quantiles (linear interpolation, type 7) of the
     * replicate differences. Deterministic for a given seed. Cost is O(replicates * (n1 + n2)).
     */
    static Interval bootstrapDifference(int k1, int n1, int k2, int n2, int replicates, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        double[] diffs = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            diffs[r] = (double) draw(random, n1, p1) / n1 - (double) draw(random, n2, p2) / n2;
        }
        Arrays.sort(diffs);
        return Interval.of(quantile(diffs, 0.025), quantile(diffs, 0.975));
    }

    /**
     * A Binomial(n, p) variate in O(1) expected time: the resampled count of a group of n records of
     * which a share p is favourable, so a bootstrap of aggregated counts equals resampling the
     * records. Inversion when n·min(p, 1-p) is below 10, otherwise Hörmann's BTRS transformed
     * rejection ("The generation of binomial random variates", J. Stat. Comput. Simul. 46, 1993).
     */
    static int draw(SplittableRandom random, int n, double p) {
        if (n == 0 || p <= 0.0) {
            return 0;
        }
        if (p >= 1.0) {
            return n;
        }
        if (p > 0.5) {
            return n - draw(random, n, 1.0 - p);
        }
        double q = 1.0 - p;
        if (n * p < 10.0) {
            double s = p / q;
            double a = (n + 1) * s;
            double r = Math.pow(q, n);
            double u = random.nextDouble();
            int x = 0;
            while (u > r && x < n) {
                u -= r;
                x++;
                r *= a / x - s;
            }
            return x;
        }
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        double lpq = Math.log(p / q);
        int m = (int) Math.floor((n + 1) * p);
        double h = logFactorial(m) + logFactorial(n - m);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            int k = (int) Math.floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) {
                continue;
            }
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            double lv = Math.log(v * alpha / (a / (us * us) + b));
            if (lv <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) {
                return k;
            }
        }
    }

    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        for (int i = 2; i < LOG_FACTORIAL.length; i++) {
            LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
        }
    }

    /** ln(k!): a table below 256, Stirling's series (error below 1e-12) above. */
    static double logFactorial(int k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[k];
        }
        double x = k;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1.0 / (12 * x) - 1.0 / (360 * x * x * x);
    }

    /**
     * Percentile bootstrap interval of one rate k/n from aggregated counts (Binomial(n, k/n) replicates).
     *
     * @param k successes
     * @param n trials, at least 1
     * @param replicates bootstrap replicates
     * @param seed seed of this interval's stream
     * @return the 2.5% and 97.5% percentiles
     */
    static Interval bootstrapRate(int k, int n, int replicates, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double p = (double) k / n;
        double[] rates = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            rates[r] = (double) draw(random, n, p) / n;
        }
        Arrays.sort(rates);
        return Interval.of(quantile(rates, 0.025), quantile(rates, 0.975));
    }

    /** Type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Katz log interval for the ratio {@code p1 / p2} (Katz et al. 1978):
     * {@code exp(ln(p1/p2) ± z sqrt(1/k1 - 1/n1 + 1/k2 - 1/n2))}. When a count is 0 or equals its
     * group size the log variance degenerates, so 0.5 is added to every count and 1 to every group
     * size (Haldane's correction) for the interval. Returns null (callers wrap it as absent) when
     * {@code k1} or {@code k2} is 0, where the ratio has no finite log.
     */
    static Interval katzRatio(int k1, int n1, int k2, int n2) {
        if (k1 == 0 || k2 == 0) {
            return null;
        }
        double a = k1;
        double m1 = n1;
        double c = k2;
        double m2 = n2;
        if (k1 == n1 || k2 == n2) {
            a += 0.5;
            m1 += 1.0;
            c += 0.5;
            m2 += 1.0;
        }
        double lr = Math.log((a / m1) / (c / m2));
        double se = Math.sqrt(1.0 / a - 1.0 / m1 + 1.0 / c - 1.0 / m2);
        return Interval.of(Math.exp(lr - Z_95 * se), Math.exp(lr + Z_95 * se));
    }

    /**
     * Two-sided Fisher exact test of the 2x2 table {@code [[a, b], [c, d]]}: the sum of the
     * hypergeometric probabilities of all tables with the same margins that are no more likely than
     * the observed one (relative tolerance 1e-7, as R's {@code fisher.test}).
     */
    static double fisherExactTwoSided(int a, int b, int c, int d) {
        int n1 = a + b;
        int n2 = c + d;
        int k = a + c;
        int lo = Math.max(0, k - n2);
        int hi = Math.min(k, n1);
        // Hypergeometric weights relative to the mode, by the ratio P(x)/P(x-1) =
        // (n1-x+1)(k-x+1) / (x (n2-k+x)); far tails underflow to 0, which cannot change the sum.
        int mode = (int) Math.floor((k + 1.0) * (n1 + 1.0) / (n1 + n2 + 2.0));
        mode = Math.max(lo, Math.min(hi, mode));
        double[] w = new double[hi - lo + 1];
        w[mode - lo] = 1.0;
        for (int x = mode + 1; x <= hi; x++) {
            w[x - lo] = w[x - 1 - lo] * ((double) (n1 - x + 1) * (k - x + 1)) / ((double) x * (n2 - k + x));
        }
        for (int x = mode - 1; x >= lo; x--) {
            w[x - lo] = w[x + 1 - lo] * ((double) (x + 1) * (n2 - k + x + 1)) / ((double) (n1 - x) * (k - x));
        }
        double total = 0.0;
        for (double v : w) {
            total += v;
        }
        double limit = w[a - lo] * (1.0 + 1e-7);
        double sum = 0.0;
        for (double v : w) {
            if (v <= limit) {
                sum += v;
            }
        }
        return Math.min(1.0, sum / total);
    }

    /**
     * Two-sided two-proportion z-test with pooled variance:
     * {@code z = (p1 - p2) / sqrt(p(1-p)(1/n1 + 1/n2))}, {@code p = (k1+k2)/(n1+n2)},
     * p-value {@code erfc(|z|/sqrt 2)}; 1 when the pooled variance is zero.
     */
    static double twoProportionZ(int k1, int n1, int k2, int n2) {
        double p = (double) (k1 + k2) / (n1 + n2);
        double se = Math.sqrt(p * (1.0 - p) * (1.0 / n1 + 1.0 / n2));
        if (se == 0.0) {
            return 1.0;
        }
        double z = ((double) k1 / n1 - (double) k2 / n2) / se;
        return Math.min(1.0, erfc(Math.abs(z) / Math.sqrt(2.0)));
    }

    /**
     * Calibration in the large: two-sided score test of "the expected default rate is the mean PD",
     * {@code z = (bad/n - meanPd) / sqrt(meanPd (1 - meanPd) / n)}, p-value {@code erfc(|z|/sqrt 2)}.
     * With a mean PD of exactly 0 or 1 the p-value is 1 if the observed rate equals it, else 0.
     */
    static double calibrationInTheLarge(int bad, int n, double meanPd) {
        double observed = (double) bad / n;
        double se = Math.sqrt(meanPd * (1.0 - meanPd) / n);
        if (se == 0.0) {
            return observed == meanPd ? 1.0 : 0.0;
        }
        return Math.min(1.0, erfc(Math.abs(observed - meanPd) / se / Math.sqrt(2.0)));
    }

    /**
     * Holm's step-down adjustment (Holm 1979) of a family of p-values: with the p-values sorted
     * ascending, {@code adj(i) = max over j <= i of min(1, (m - j + 1) p(j))}. Ties keep key order.
     */
    static <K extends Comparable<K>> java.util.Map<K, Double> holm(java.util.Map<K, Double> pValues) {
        java.util.List<java.util.Map.Entry<K, Double>> sorted = new java.util.ArrayList<>(pValues.entrySet());
        sorted.sort(java.util.Map.Entry.<K, Double>comparingByValue().thenComparing(java.util.Map.Entry.comparingByKey()));
        java.util.Map<K, Double> out = new java.util.TreeMap<>();
        int m = sorted.size();
        double running = 0.0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1.0, (m - i) * sorted.get(i).getValue()));
            out.put(sorted.get(i).getKey(), running);
        }
        return out;
    }

    /**
     * Complementary error function, Chebyshev approximation (Press et al., Numerical Recipes,
     * {@code erfcc}); fractional error below 1.2e-7 everywhere.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196
                + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398
                + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }

    /**
     * Area under the ROC curve of {@code risk} as a predictor of {@code bad}: the probability that
     * a randomly chosen bad record has a higher risk than a randomly chosen good one, ties counted
     * one half (Mann-Whitney U / (nBad * nGood), mid-ranks for ties). NaN if either class is empty.
     */
    static double auc(double[] risk, boolean[] bad) {
        // Mann-Whitney with ties counted half, from the sorted risks of each class: for every defaulter,
        // the goods below it count 1 and the goods equal to it 1/2 (primitive sorts, no boxing)
        int nBad = 0;
        for (boolean b : bad) {
            if (b) {
                nBad++;
            }
        }
        int nGood = risk.length - nBad;
        if (nBad == 0 || nGood == 0) {
            return Double.NaN;
        }
        double[] bads = new double[nBad];
        double[] goods = new double[nGood];
        int ib = 0;
        int ig = 0;
        for (int i = 0; i < risk.length; i++) {
            if (bad[i]) {
                bads[ib++] = risk[i];
            } else {
                goods[ig++] = risk[i];
            }
        }
        Arrays.sort(bads);
        Arrays.sort(goods);
        return aucOfClasses(bads, goods);
    }

    /**
     * AUC from the sorted risks of each class (Mann-Whitney, ties counted half).
     *
     * @return NaN if a class is empty
     */
    static double aucOfClasses(double[] bads, double[] goods) {
        int nBad = bads.length;
        int nGood = goods.length;
        if (nBad == 0 || nGood == 0) {
            return Double.NaN;
        }
        double wins = 0.0;
        int below = 0;
        int upTo = 0;
        for (double b : bads) {
            while (below < nGood && goods[below] < b) {
                below++;
            }
            if (upTo < below) {
                upTo = below;
            }
            while (upTo < nGood && goods[upTo] <= b) {
                upTo++;
            }
            wins += below + 0.5 * (upTo - below);
        }
        return wins / ((double) nBad * nGood);
    }

    static double theil(double[] benefits) {
        if (benefits.length == 0) {
            return Double.NaN;
        }
        double mu = 0.0;
        for (double b : benefits) {
            mu += b;
        }
        mu /= benefits.length;
        if (mu <= 0.0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (double b : benefits) {
            if (b > 0.0) {
                double r = b / mu;
                sum += r * Math.log(r);
            }
        }
        return sum / benefits.length;
    }

    /**
     * The Theil index of values each repeated a number of times: {@code theil} of the expanded list,
     * without expanding it.
     *
     * @param values the distinct values
     * @param counts how often each occurs
     * @return GE(1), NaN when there is no value or the mean is not positive
     */
    static double theil(double[] values, long[] counts) {
        long n = 0;
        double total = 0.0;
        for (int i = 0; i < values.length; i++) {
            n += counts[i];
            total += values[i] * counts[i];
        }
        if (n == 0) {
            return Double.NaN;
        }
        double mu = total / n;
        if (mu <= 0.0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0.0 && counts[i] > 0) {
                double r = values[i] / mu;
                sum += counts[i] * r * Math.log(r);
            }
        }
        return sum / n;
    }

    private static double sq(double x) {
        return x * x;
    }
}
