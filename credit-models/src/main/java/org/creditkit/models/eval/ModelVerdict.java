package org.creditkit.models.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A validator's verdict on a scoring model: traffic lights with stated thresholds, so a report says
 * whether the model may be signed off rather than only drawing its curves.
 *
 * <table>
 *   <caption>Checks and thresholds</caption>
 *   <tr><th>check</th><th>GREEN</th><th>AMBER</th><th>RED</th></tr>
 *   <tr><td>discrimination: AUC with a DeLong 95% interval</td><td>lower bound &ge; 0.70</td>
 *       <td>AUC &ge; 0.60</td><td>otherwise</td></tr>
 *   <tr><td>calibration in the large: observed / predicted defaults, z-test</td><td>O/P within
 *       [0.90, 1.10] or p &ge; 0.05</td><td>otherwise</td><td>O/P outside [0.80, 1.25] and p &lt; 0.05</td></tr>
 *   <tr><td>calibration by PD decile: two-sided exact binomial test per decile, Holm-adjusted</td>
 *       <td>every adjusted p &ge; 0.05</td><td>some adjusted p &lt; 0.05</td><td>some adjusted p &lt; 0.01
 *       with observed off the predicted by more than half</td></tr>
 *   <tr><td>Hosmer&ndash;Lemeshow over the deciles (df = groups &minus; 2)</td><td>p &ge; 0.05</td>
 *       <td>p &ge; 0.01</td><td>p &lt; 0.01</td></tr>
 *   <tr><td>monotonicity by grade: a worse grade must not default less</td><td>no inversion</td>
 *       <td>inversions, none significant</td><td>a significant inversion (z-test p &lt; 0.05)</td></tr>
 *   <tr><td>calibration by industry: O/P per industry of at least 30 defaults expected</td>
 *       <td>all within [0.80, 1.25] or not significant</td><td>&mdash;</td><td>some outside and
 *       significant (Holm-adjusted p &lt; 0.05)</td></tr>
 *   <tr><td>stability: PSI of the PDs against the training sample's PD deciles (when the sample is not
 *       the training sample)</td><td>PSI &lt; 0.10</td><td>PSI &le; 0.25</td><td>PSI &gt; 0.25</td></tr>
 * </table>
 *
 * <p>The figures are computed on out-of-fold predictions when cross-validation ran and on the
 * training sample otherwise; {@link #basis()} says which, and the report labels in-sample figures
 * as such. With very large samples Hosmer&ndash;Lemeshow rejects small misfits; the decile tests and
 * O/P say how large a misfit is.
 *
 * @param overall the worst light
 * @param basis what the predictions are ("out-of-fold, 5-fold cross-validation" or "in-sample")
 * @param checks every check, in the order above
 */
public record ModelVerdict(Light overall, String basis, List<Check> checks) {

    /** Traffic lights. */
    public enum Light {
        /** Within the thresholds. */
        GREEN,
        /** Needs a look. */
        AMBER,
        /** Outside the thresholds: not to be signed off as is. */
        RED
    }

    /**
     * One check.
     *
     * @param name the check
     * @param light its light
     * @param value the measured value
     * @param threshold the rule of the lights
     * @param evidence what the light rests on
     */
    public record Check(String name, Light light, String value, String threshold, String evidence) {
    }

    /**
     * Copies.
     *
     * @param overall see {@link #overall()}
     * @param basis see {@link #basis()}
     * @param checks see {@link #checks()}
     */
    public ModelVerdict {
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(basis, "basis");
        checks = List.copyOf(checks);
    }

    /**
     * Judges a model.
     *
     * @param pd predicted PDs (out-of-fold when available)
     * @param y outcomes (1 = default)
     * @param basis what the predictions are
     * @param grades per-grade rows (ordered here by mean PD)
     * @param industries per-industry rows
     * @return the verdict
     */
    public static ModelVerdict of(double[] pd, int[] y, String basis, List<GroupRow> grades, List<GroupRow> industries) {
        return of(pd, y, basis, grades, industries, java.util.Optional.empty());
    }

    /**
     * Judges a model, with its stability against the development sample.
     *
     * @param pd predicted PDs (out-of-fold when available)
     * @param y outcomes (1 = default)
     * @param basis what the predictions are
     * @param grades per-grade rows (ordered here by mean PD)
     * @param industries per-industry rows
     * @param stability the PSI of the sample's PDs against the training sample's, when measured
     * @return the verdict
     */
    public static ModelVerdict of(double[] pd, int[] y, String basis, List<GroupRow> grades, List<GroupRow> industries,
            java.util.Optional<Stability.Result> stability) {
        List<Check> checks = new ArrayList<>();
        checks.add(discrimination(pd, y));
        checks.add(calibrationInTheLarge(pd, y));
        List<CalibrationRow> deciles = Evaluation.calibration(pd, y);
        checks.add(deciles(deciles));
        checks.add(hosmerLemeshow(deciles));
        checks.add(monotonicity(grades));
        checks.add(industries(industries));
        stability.ifPresent(s -> checks.add(stability(s)));
        Light overall = Light.GREEN;
        for (Check c : checks) {
            if (c.light().ordinal() > overall.ordinal()) {
                overall = c.light();
            }
        }
        return new ModelVerdict(overall, basis, checks);
    }

    private static Check stability(Stability.Result s) {
        Light light = switch (s.band()) {
            case STABLE -> Light.GREEN;
            case MODERATE -> Light.AMBER;
            case SHIFT -> Light.RED;
        };
        Stability.BinShift worst = s.bins().stream()
                .max(java.util.Comparator.comparingDouble(Stability.BinShift::contribution)).orElseThrow();
        return new Check("stability (PSI vs training sample)", light, "PSI " + f3(s.index()),
                "GREEN PSI < 0.10; AMBER 0.10 to 0.25; RED above 0.25 (the bands of credit psi)",
                s.bins().size() + " PD bins of the training sample; largest shift in " + worst.label() + ": "
                        + f3(100 * worst.expectedShare()) + "% of training rows, " + f3(100 * worst.actualShare())
                        + "% here");
    }

    private static Check discrimination(double[] pd, int[] y) {
        double[] d = delong(pd, y);
        double auc = d[0];
        double se = Math.sqrt(d[1]);
        double lo = Math.max(0, auc - 1.959964 * se);
        double hi = Math.min(1, auc + 1.959964 * se);
        Light light = lo >= 0.70 ? Light.GREEN : auc >= 0.60 ? Light.AMBER : Light.RED;
        return new Check("discrimination", light, f3(auc) + " [" + f3(lo) + ", " + f3(hi) + "]",
                "GREEN if the DeLong 95% lower bound >= 0.70; AMBER if AUC >= 0.60; else RED",
                "AUC with DeLong (1988) 95% interval over " + y.length + " rows");
    }

    private static Check calibrationInTheLarge(double[] pd, int[] y) {
        double expected = 0;
        double var = 0;
        int observed = 0;
        for (int i = 0; i < pd.length; i++) {
            expected += pd[i];
            var += pd[i] * (1 - pd[i]);
            observed += y[i];
        }
        double ratio = expected == 0 ? Double.NaN : observed / expected;
        double p = var == 0 ? 1.0 : 2 * normalUpper(Math.abs(observed - expected) / Math.sqrt(var));
        Light light = (ratio >= 0.90 && ratio <= 1.10) || p >= 0.05 ? Light.GREEN
                : (ratio < 0.80 || ratio > 1.25) ? Light.RED : Light.AMBER;
        return new Check("calibration in the large", light, "O/P " + f3(ratio),
                "GREEN if O/P within [0.90, 1.10] or p >= 0.05; RED if outside [0.80, 1.25] and p < 0.05; else AMBER",
                String.format(Locale.ROOT, "%d defaults observed, %.1f predicted, z-test p = %s", observed, expected,
                        pv(p)));
    }

    private static Check deciles(List<CalibrationRow> rows) {
        double[] p = new double[rows.size()];
        for (int i = 0; i < p.length; i++) {
            CalibrationRow r = rows.get(i);
            p[i] = binomialTwoSided(r.bads(), r.rows(), r.meanPd());
        }
        double[] adj = holm(p);
        Light light = Light.GREEN;
        int worst = -1;
        for (int i = 0; i < p.length; i++) {
            CalibrationRow r = rows.get(i);
            boolean far = r.meanPd() > 0 && Math.abs(r.observedRate() - r.meanPd()) > 0.5 * r.meanPd();
            Light l = adj[i] < 0.01 && far ? Light.RED : adj[i] < 0.05 ? Light.AMBER : Light.GREEN;
            if (l != Light.GREEN && (worst < 0 || l.ordinal() > light.ordinal()
                    || (l == light && adj[i] < adj[worst]))) {
                light = l;
                worst = i;
            }
        }
        String evidence = worst < 0 ? "every decile's observed default rate agrees with its mean PD"
                : String.format(Locale.ROOT, "decile %d: observed %.2f%% (%d of %d) against predicted %.2f%%, "
                        + "Holm-adjusted p = %s", rows.get(worst).decile(), 100 * rows.get(worst).observedRate(),
                        rows.get(worst).bads(), rows.get(worst).rows(), 100 * rows.get(worst).meanPd(), pv(adj[worst]));
        long flagged = Arrays.stream(adj).filter(a -> a < 0.05).count();
        return new Check("calibration by decile", light, flagged + " of " + rows.size() + " deciles off",
                "exact binomial test per PD decile, Holm-adjusted: RED if adjusted p < 0.01 and observed off by more "
                        + "than half the prediction; AMBER if adjusted p < 0.05", evidence);
    }

    private static Check hosmerLemeshow(List<CalibrationRow> rows) {
        double h = 0;
        for (CalibrationRow r : rows) {
            double e = r.rows() * r.meanPd();
            double v = e * (1 - r.meanPd());
            if (v > 0) {
                h += (r.bads() - e) * (r.bads() - e) / v;
            }
        }
        int df = Math.max(1, rows.size() - 2);
        double p = chiSquareUpper(h, df);
        Light light = p >= 0.05 ? Light.GREEN : p >= 0.01 ? Light.AMBER : Light.RED;
        return new Check("Hosmer-Lemeshow", light, "H = " + String.format(Locale.ROOT, "%.2f", h) + ", df " + df,
                "GREEN if p >= 0.05; AMBER if p >= 0.01; else RED (large samples reject small misfits)",
                "p = " + pv(p) + " over " + rows.size() + " PD deciles");
    }

    private static Check monotonicity(List<GroupRow> byGrade) {
        // order by the model's own risk (mean PD), so the check does not depend on how grades are listed
        List<GroupRow> grades = new ArrayList<>(byGrade);
        grades.sort(java.util.Comparator.comparingDouble(GroupRow::meanPd));
        Light light = Light.GREEN;
        List<String> inversions = new ArrayList<>();
        for (int i = 0; i + 1 < grades.size(); i++) {
            GroupRow a = grades.get(i);
            GroupRow b = grades.get(i + 1);
            if (a.rows() == 0 || b.rows() == 0 || b.observedRate() >= a.observedRate()) {
                continue;
            }
            double pooled = (double) (a.bads() + b.bads()) / (a.rows() + b.rows());
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / a.rows() + 1.0 / b.rows()));
            double p = se == 0 ? 1.0 : 2 * normalUpper((a.observedRate() - b.observedRate()) / se);
            inversions.add(String.format(Locale.ROOT, "%s %.2f%% > %s %.2f%% (p = %s)", a.group(), 100 * a.observedRate(),
                    b.group(), 100 * b.observedRate(), pv(p)));
            Light l = p < 0.05 ? Light.RED : Light.AMBER;
            light = l.ordinal() > light.ordinal() ? l : light;
        }
        return new Check("monotonicity by grade", light, inversions.size() + " inversions",
                "a worse grade must not default less: RED on a significant inversion (p < 0.05), AMBER on any",
                inversions.isEmpty() ? "observed default rates rise from grade to grade" : String.join("; ", inversions));
    }

    private static Check industries(List<GroupRow> rows) {
        List<double[]> tested = new ArrayList<>();
        List<GroupRow> named = new ArrayList<>();
        for (GroupRow r : rows) {
            double e = r.rows() * r.meanPd();
            if (e >= 30) {
                double v = e * (1 - r.meanPd());
                tested.add(new double[] {r.bads() / e, 2 * normalUpper(Math.abs(r.bads() - e) / Math.sqrt(v))});
                named.add(r);
            }
        }
        double[] p = new double[tested.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = tested.get(i)[1];
        }
        double[] adj = holm(p);
        List<String> off = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            double ratio = tested.get(i)[0];
            if ((ratio < 0.80 || ratio > 1.25) && adj[i] < 0.05) {
                off.add(String.format(Locale.ROOT, "%s O/P %.2f (p = %s)", named.get(i).group(), ratio, pv(adj[i])));
            }
        }
        Light light = off.isEmpty() ? Light.GREEN : Light.RED;
        return new Check("calibration by industry", light, off.size() + " of " + p.length + " industries off",
                "O/P per industry with at least 30 predicted defaults: RED if outside [0.80, 1.25] and Holm-adjusted "
                        + "p < 0.05",
                rows.isEmpty() ? "no industry column" : off.isEmpty() ? "every tested industry within bounds or not "
                        + "significantly off" : String.join("; ", off));
    }

    /**
     * AUC and its DeLong variance: structural components V10 (per default, the share of non-defaults
     * it outranks, ties half) and V01 (per non-default), var = S10/m + S01/n (DeLong, DeLong and
     * Clarke-Pearson 1988).
     *
     * @param risk higher = riskier
     * @param y outcomes
     * @return {AUC, variance}
     */
    static double[] delong(double[] risk, int[] y) {
        int m = 0;
        for (int v : y) {
            m += v;
        }
        int n = y.length - m;
        if (m < 2 || n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] bad = new double[m];
        double[] good = new double[n];
        int ib = 0;
        int ig = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) {
                bad[ib++] = risk[i];
            } else {
                good[ig++] = risk[i];
            }
        }
        Arrays.sort(bad);
        Arrays.sort(good);
        double[] v10 = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            v10[i] = (lower(good, bad[i]) + 0.5 * (upper(good, bad[i]) - lower(good, bad[i]))) / n;
            sum += v10[i];
        }
        double auc = sum / m;
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            v01[j] = ((m - upper(bad, good[j])) + 0.5 * (upper(bad, good[j]) - lower(bad, good[j]))) / m;
        }
        return new double[] {auc, variance(v10, auc) / m + variance(v01, auc) / n};
    }

    private static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }

    /** Index of the first element not below {@code v}. */
    private static int lower(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first element above {@code v}. */
    private static int upper(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Two-sided exact binomial test: the probability of counts no more likely than {@code k}. */
    static double binomialTwoSided(int k, int n, double p) {
        if (n == 0) {
            return 1.0;
        }
        if (p <= 0.0) {
            return k == 0 ? 1.0 : 0.0;
        }
        if (p >= 1.0) {
            return k == n ? 1.0 : 0.0;
        }
        double observed = logPmf(k, n, p);
        double total = 0;
        for (int i = 0; i <= n; i++) {
            double l = logPmf(i, n, p);
            if (l <= observed + 1e-7 * Math.abs(observed)) {
                total += Math.exp(l);
            }
        }
        return Math.min(1.0, total);
    }

    private static double logPmf(int k, int n, double p) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }

    private static double logFactorial(int k) {
        if (k < 2) {
            return 0.0;
        }
        if (k < 64) {
            double s = 0;
            for (int i = 2; i <= k; i++) {
                s += Math.log(i);
            }
            return s;
        }
        double x = k;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1.0 / (12 * x) - 1.0 / (360 * x * x * x);
    }

    /** Holm step-down adjustment, in input order. */
    static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] adj = new double[p.length];
        double running = 0;
        for (int r = 0; r < p.length; r++) {
            running = Math.max(running, Math.min(1.0, (p.length - r) * p[order[r]]));
            adj[order[r]] = running;
        }
        return adj;
    }

    /** P(Z &gt; z) for a standard normal (Abramowitz-Stegun 7.1.26 via erfc, error below 1.5e-7). */
    static double normalUpper(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
        return x >= 0 ? 0.5 * erfc : 1 - 0.5 * erfc;
    }

    /** P(X &gt; x) for chi-square with df degrees of freedom (credit-core's one implementation). */
    static double chiSquareUpper(double x, int df) {
        return org.creditkit.core.monitor.Drift.chiSquareSurvival(x, df);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pv(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
