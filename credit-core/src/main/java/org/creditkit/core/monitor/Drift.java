package org.creditkit.core.monitor;

import java.util.Arrays;

/**
 * Population stability between an expected (origination) and an actual (current) sample, with a test that
 * knows the sample sizes.
 *
 * <p>Bins are the expected sample's deciles (fewer when values repeat), plus one bin for missing values
 * (NaN). PSI is {@code sum (a - e) ln(a / e)} over bins, with empty bins given half an observation. Under
 * the hypothesis that both samples come from one distribution, {@code PSI / (1/n + 1/m)} is approximately
 * chi-square with {@code bins - 1} degrees of freedom (Yurdakul, "Statistical properties of population
 * stability index", 2018), so a PSI of 0.10 can be noise on 200 loans and a real shift on 200,000. A
 * feature is flagged only when the shift is both material ({@code PSI >= materialPsi}) and significant
 * ({@code p < alpha}).
 *
 * @param name     what was compared
 * @param expected expected sample size
 * @param actual   actual sample size
 * @param bins     bins used
 * @param psi      the index
 * @param pValue   p-value of the chi-square approximation
 * @param flagged  whether the shift is material and significant
 */
public record Drift(String name, int expected, int actual, int bins, double psi, double pValue, boolean flagged) {

    /**
     * Indicators that grow with time on book (firm age, months of credit history, months with the
     * supply-chain core): they always differ between origination and now, so their drift is shown but never
     * counted as a finding.
     */
    public static final java.util.Set<String> AGEING = java.util.Set.of("firm_age_years", "credit_history_months",
            "supply_chain_months");

    /** PSI from which a shift is material (the customary 0.10). */
    public static final double MATERIAL_PSI = 0.10;
    /** Significance level. */
    public static final double ALPHA = 0.001;

    /**
     * Compares two samples.
     *
     * @param name     what is compared
     * @param expected the expected sample (NaN = missing)
     * @param actual   the actual sample (NaN = missing)
     * @return the drift; PSI 0 and p 1 when either sample is empty
     */
    public static Drift of(String name, double[] expected, double[] actual) {
        int n = expected.length;
        int m = actual.length;
        if (n == 0 || m == 0) {
            return new Drift(name, n, m, 0, 0, 1, false);
        }
        double[] present = Arrays.stream(expected).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] edges = new double[9];
        int k = 0;
        for (int q = 1; q <= 9 && present.length > 0; q++) {
            double e = present[Math.min(present.length - 1, (int) Math.floor(q * present.length / 10.0))];
            if (k == 0 || e > edges[k - 1]) {
                edges[k++] = e;
            }
        }
        int bins = k + 2; // k edges make k + 1 value bins, plus the missing bin
        double[] ce = counts(expected, edges, k, bins);
        double[] ca = counts(actual, edges, k, bins);
        double psi = 0;
        int used = 0;
        for (int b = 0; b < bins; b++) {
            if (ce[b] == 0 && ca[b] == 0) {
                continue;
            }
            used++;
            double e = Math.max(ce[b], 0.5) / n;
            double a = Math.max(ca[b], 0.5) / m;
            psi += (a - e) * Math.log(a / e);
        }
        double stat = psi / (1.0 / n + 1.0 / m);
        double p = used <= 1 ? 1 : ChiSquare.survival(stat, used - 1);
        return new Drift(name, n, m, used, psi, p, psi >= MATERIAL_PSI && p < ALPHA);
    }

    /**
     * The chi-square upper tail {@code P(X > x)} with {@code df} degrees of freedom (the regularized upper
     * incomplete gamma function {@code Q(df/2, x/2)}). One implementation for every test that needs it
     * (drift here, Hosmer-Lemeshow in the model verdict).
     *
     * @param x  the statistic
     * @param df degrees of freedom, &gt;= 1
     * @return the p-value; 1 for {@code x <= 0}
     */
    public static double chiSquareSurvival(double x, int df) {
        return ChiSquare.survival(x, df);
    }

    /** Whether this indicator ages with the loan ({@link #AGEING}): shown, never a finding. */
    public boolean ageing() {
        return AGEING.contains(name);
    }

    private static double[] counts(double[] values, double[] edges, int k, int bins) {
        double[] c = new double[bins];
        for (double v : values) {
            if (Double.isNaN(v)) {
                c[bins - 1]++;
                continue;
            }
            int b = 0;
            while (b < k && v > edges[b]) {
                b++;
            }
            c[b]++;
        }
        return c;
    }

    /** The chi-square upper tail through the regularized incomplete gamma function (Numerical Recipes 6.2). */
    static final class ChiSquare {
        private ChiSquare() {
        }

        static double survival(double x, int df) {
            if (x <= 0) {
                return 1;
            }
            return upperGamma(df / 2.0, x / 2.0);
        }

        private static double upperGamma(double a, double x) {
            if (x < a + 1) {
                double sum = 1 / a;
                double term = sum;
                for (int n = 1; n < 500; n++) {
                    term *= x / (a + n);
                    sum += term;
                    if (Math.abs(term) < Math.abs(sum) * 1e-15) {
                        break;
                    }
                }
                return Math.max(0, 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a)));
            }
            double b = x + 1 - a;
            double c = 1 / 1e-300;
            double d = 1 / b;
            double h = d;
            for (int i = 1; i < 500; i++) {
                double an = -i * (i - a);
                b += 2;
                d = an * d + b;
                d = Math.abs(d) < 1e-300 ? 1e-300 : d;
                c = b + an / c;
                c = Math.abs(c) < 1e-300 ? 1e-300 : c;
                d = 1 / d;
                double del = d * c;
                h *= del;
                if (Math.abs(del - 1) < 1e-15) {
                    break;
                }
            }
            return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
        }

        /** Lanczos approximation (g = 7, n = 9). */
        static double logGamma(double x) {
            double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
            if (x < 0.5) {
                return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
            }
            x -= 1;
            double a = g[0];
            double t = x + 7.5;
            for (int i = 1; i < 9; i++) {
                a += g[i] / (x + i);
            }
            return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
        }
    }
}
