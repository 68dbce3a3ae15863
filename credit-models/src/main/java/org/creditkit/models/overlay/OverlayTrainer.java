package org.creditkit.models.overlay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.creditkit.models.ModelException;
import org.creditkit.models.binning.Binner;
import org.creditkit.models.binning.FeatureBinning;
import org.creditkit.models.data.Dataset;

/**
 * Fits industry overlays on top of base log-odds with credibility shrinkage. Deterministic.
 *
 * <p>Example:
 * <pre>{@code
 * double[] base = card.logOdds(train);
 * OverlayModel overlays = OverlayTrainer.fit(train, base, OverlayOptions.defaults());
 * double[] adjusted = add(card.logOdds(test), overlays.adjustments(test));
 * }</pre>
 */
public final class OverlayTrainer {

    private OverlayTrainer() {
    }

    /**
     * Fits one overlay per industry with enough defaults.
     *
     * <p>The base log-odds should be out of fold (cross-fitted): a base model scored on its own
     * training rows has already absorbed part of what an industry does differently, and the overlays
     * would learn nothing.
     *
     * @param data training rows with an industry column
     * @param baseLogOdds the base model's log-odds per row, out of fold
     * @param options settings
     * @return the overlays and notes
     * @throws ModelException if the data has no industry column, lengths differ or a feature every
     *         overlay should use is not in the data
     */
    public static OverlayModel fit(Dataset data, double[] baseLogOdds, OverlayOptions options) {
        if (!data.hasIndustry()) {
            throw new ModelException("Industry overlays need an industry column (--industry COL)");
        }
        if (baseLogOdds.length != data.rows()) {
            throw new ModelException(baseLogOdds.length + " base log-odds for " + data.rows() + " rows");
        }
        for (String f : options.ownFeatures()) {
            if (data.indexOf(f).isEmpty()) {
                throw new ModelException("Overlay feature (" + f + ") is not in the data; features: "
                        + data.features().stream().map(x -> x.name()).toList());
            }
        }
        List<String> names = new ArrayList<>(data.industryLevels());
        names.sort(null);
        int[][] rowsOf = rowsByIndustry(data);
        List<String> notes = new ArrayList<>();
        List<RawFit> fits = new ArrayList<>();
        // A numeric own feature is cut at quantiles of the industry's own values and each bin is
        // valued at its standardized mean (no outcome is used, so the slope's variance is honest
        // and slopes are per standard deviation, comparable across features and industries). WoE
        // bins fitted on an industry's few defaults would carry their noise into the slope, which
        // the credibility cannot see. A categorical one keeps the WoE of its bins on all rows.
        Map<String, FeatureBinning> pooled = new HashMap<>();
        for (String name : names) {
            int[] idx = rowsOf[data.industryLevels().indexOf(name)];
            int bads = 0;
            for (int r : idx) {
                bads += data.target(r);
            }
            if (bads < options.minBads()) {
                notes.add(String.format(Locale.ROOT, "industry %s: %d rows, %d defaults (< %d): no overlay, base only",
                        name, idx.length, bads, options.minBads()));
                continue;
            }
            if (bads == idx.length) {
                notes.add("industry " + name + ": every row defaulted; no overlay");
                continue;
            }
            Dataset sub = data.subset(idx);
            double[] offset = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                offset[i] = baseLogOdds[idx[i]];
            }
            List<String> wanted = new ArrayList<>(options.ownFeatures());
            for (String f : options.industryFeatures().getOrDefault(name, List.of())) {
                if (sub.indexOf(f).isPresent() && !wanted.contains(f)) {
                    wanted.add(f);
                }
            }
            List<FeatureBinning> own = new ArrayList<>();
            List<double[]> cols = new ArrayList<>();
            for (String f : wanted) {
                int fi = sub.indexOf(f).orElseThrow();
                FeatureBinning fb = sub.features().get(fi).isCategorical()
                        ? pooled.computeIfAbsent(f, x -> Binner.fitFeature(data, fi, options.binning(), new ArrayList<>()))
                        : standardizedBins(sub, fi, options.binning().maxBins());
                double[] col = new double[idx.length];
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < idx.length; i++) {
                    col[i] = fb.woe(sub.value(fi, i));
                    min = Math.min(min, col[i]);
                    max = Math.max(max, col[i]);
                }
                if (max - min < 1e-9) {
                    continue; // one bin within the industry: nothing to learn a slope from
                }
                own.add(fb);
                cols.add(col);
            }
            double[] pen = new double[own.size() + 1];
            java.util.Arrays.fill(pen, 1, pen.length, options.ridge());
            Fit raw = newton(sub.targets(), offset, cols, pen);
            fits.add(new RawFit(name, idx.length, bads, raw, own, cols, sub.targets(), offset));
        }
        List<IndustryOverlay> overlays = new ArrayList<>();
        if (!options.estimateK0()) {
            double k0 = options.k0();
            for (RawFit f : fits) {
                double w = k0 == 0 ? 1 : f.rows / (f.rows + k0);
                overlays.add(overlay(f, w, f.raw.beta[0], scaled(f.raw.beta, w)));
            }
            return new OverlayModel(overlays, notes);
        }
        Prior prior = prior(fits, options.k0(), notes);
        for (RawFit f : fits) {
            double[] pen = new double[f.raw.beta.length];
            pen[0] = prior.shiftVariance > 0 ? 1 / prior.shiftVariance : FIXED;
            double slopeVar = prior.slopeVariance;
            for (int j = 1; j < pen.length; j++) {
                pen[j] = slopeVar > 0 ? 1 / slopeVar : FIXED;
            }
            Fit post = newton(f.y, f.offset, f.cols, pen);
            double v0 = f.raw.variance[0];
            double cred = prior.shiftVariance / (prior.shiftVariance + v0);
            overlays.add(overlay(f, cred, f.raw.beta[0], post.beta));
        }
        return new OverlayModel(overlays, notes);
    }

    /**
     * Target-free bins of a numeric feature within one industry: cuts at the industry's quantiles
     * (at most {@code maxBins} bins, every bin non-empty), each bin valued at
     * {@code (bin mean - mean) / sd} of the industry's present values, the missing bin at 0.
     */
    static FeatureBinning standardizedBins(Dataset sub, int fi, int maxBins) {
        double[] present = java.util.Arrays.stream(sub.column(fi)).filter(v -> !Double.isNaN(v)).sorted().toArray();
        List<Double> cutList = new ArrayList<>();
        for (int b = 1; b < maxBins && present.length > 0; b++) {
            double q = present[(int) ((long) b * present.length / maxBins)];
            if (q > present[0] && (cutList.isEmpty() || q > cutList.get(cutList.size() - 1))) {
                cutList.add(q);
            }
        }
        double[] cuts = cutList.stream().mapToDouble(Double::doubleValue).toArray();
        int nb = cuts.length + 1;
        double[] sum = new double[nb];
        int[] goods = new int[nb + 1];
        int[] bads = new int[nb + 1];
        double mean = 0;
        double sq = 0;
        for (double v : present) {
            mean += v;
        }
        mean = present.length == 0 ? 0 : mean / present.length;
        for (double v : present) {
            sq += (v - mean) * (v - mean);
        }
        double sd = present.length < 2 ? 0 : Math.sqrt(sq / (present.length - 1));
        for (int r = 0; r < sub.rows(); r++) {
            double v = sub.value(fi, r);
            int b = nb;
            if (!Double.isNaN(v)) {
                int pos = java.util.Arrays.binarySearch(cuts, v);
                b = pos >= 0 ? pos + 1 : -pos - 1;
                sum[b] += v;
            }
            if (sub.target(r) == 1) {
                bads[b]++;
            } else {
                goods[b]++;
            }
        }
        List<org.creditkit.models.binning.Bin> bins = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            int count = goods[b] + bads[b];
            double value = sd > 0 && count > 0 ? (sum[b] / count - mean) / sd : 0;
            double lo = b == 0 ? Double.NEGATIVE_INFINITY : cuts[b - 1];
            double hi = b == nb - 1 ? Double.POSITIVE_INFINITY : cuts[b];
            bins.add(new org.creditkit.models.binning.Bin(String.format(Locale.ROOT, "[%s, %s)", lo, hi), lo, hi,
                    List.of(), false, goods[b], bads[b], value));
        }
        bins.add(new org.creditkit.models.binning.Bin("missing", Double.NaN, Double.NaN, List.of(), true, goods[nb],
                bads[nb], 0));
        return FeatureBinning.numeric(sub.features().get(fi), cuts, bins, false);
    }

    /** A penalty that holds a parameter at 0 (its prior variance is estimated as 0). */
    private static final double FIXED = 1e12;

    private static IndustryOverlay overlay(RawFit f, double credibility, double rawShift, double[] beta) {
        List<Double> coefs = new ArrayList<>();
        for (int j = 1; j < beta.length; j++) {
            coefs.add(beta[j]);
        }
        return new IndustryOverlay(f.name, f.rows, f.bads, credibility, rawShift, beta[0], f.own, coefs);
    }

    private static double[] scaled(double[] beta, double w) {
        double[] out = beta.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] *= w;
        }
        return out;
    }

    private static int[][] rowsByIndustry(Dataset data) {
        int levels = data.industryLevels().size();
        int[] count = new int[levels];
        for (int r = 0; r < data.rows(); r++) {
            int c = data.industry(r);
            if (c != Dataset.NO_INDUSTRY) {
                count[c]++;
            }
        }
        int[][] out = new int[levels][];
        for (int k = 0; k < levels; k++) {
            out[k] = new int[count[k]];
        }
        int[] at = new int[levels];
        for (int r = 0; r < data.rows(); r++) {
            int c = data.industry(r);
            if (c != Dataset.NO_INDUSTRY) {
                out[c][at[c]++] = r;
            }
        }
        return out;
    }

    private record RawFit(String name, int rows, int bads, Fit raw, List<FeatureBinning> own, List<double[]> cols,
            int[] y, double[] offset) {
    }

    /** A Newton fit: the parameters {@code [shift, slopes...]} and their sampling variances. */
    record Fit(double[] beta, double[] variance) {
    }

    /** Prior variances of the shifts and of the slopes; 0 holds them at the base. */
    record Prior(double shiftVariance, double slopeVariance) {
    }

    /**
     * Empirical-Bayes prior (method of moments, as in Buhlmann credibility): the industries' raw
     * parameters {@code b_k} with sampling variances {@code v_k} are taken as draws of a prior
     * {@code N(0, tau^2)} plus noise, so {@code tau^2 = mean(b_k^2 - v_k)}, floored at 0; one
     * {@code tau^2} for the shifts and one for all slopes (the slopes are on WoE scales, so they are
     * comparable across features and industries). An industry's posterior mode under that prior is
     * its fit with the penalty {@code 1/tau^2}: credibility {@code tau^2 / (tau^2 + v_k)} per
     * parameter, nearly 1 where an industry differs clearly from the base and 0 where no industry
     * differs beyond noise.
     */
    static Prior prior(List<RawFit> fits, double fallbackK0, List<String> notes) {
        double shiftVar;
        if (fits.size() < 3) {
            // too few industries to see the spread: Buhlmann weight n/(n+k0) through tau^2 = c/k0
            double c = fits.stream().mapToDouble(f -> f.raw.variance[0] * f.rows).average().orElse(1);
            shiftVar = fallbackK0 == 0 ? Double.POSITIVE_INFINITY : c / fallbackK0;
            notes.add("credibility constant k0 = " + fallbackK0 + " (fewer than 3 overlays to estimate it from)");
        } else {
            double s = 0;
            for (RawFit f : fits) {
                s += f.raw.beta[0] * f.raw.beta[0] - f.raw.variance[0];
            }
            shiftVar = Math.max(0, s / fits.size());
        }
        double s = 0;
        int slopes = 0;
        for (RawFit f : fits) {
            for (int j = 1; j < f.raw.beta.length; j++) {
                s += f.raw.beta[j] * f.raw.beta[j] - f.raw.variance[j];
                slopes++;
            }
        }
        double slopeVar = slopes == 0 ? 0 : Math.max(0, s / slopes);
        notes.add(String.format(Locale.ROOT, "empirical Bayes from %d industries: between-industry sd of the shifts"
                + " %.3f, of the %d own-feature slopes %.3f", fits.size(), Math.sqrt(shiftVar), slopes,
                Math.sqrt(slopeVar)));
        return new Prior(shiftVar, slopeVar);
    }

    /**
     * Logistic regression with an offset by Newton's method: parameters {@code [shift, b_1..b_p]}
     * maximise {@code sum y*z - ln(1+e^z)} with {@code z = offset + shift + sum b_j x_j}, minus
     * {@code sum penalty_j/2 * beta_j^2}. The variances are the diagonal of the inverse Hessian of
     * the unpenalised likelihood at the solution.
     */
    static Fit newton(int[] y, double[] offset, List<double[]> x, double[] penalty) {
        int p = x.size() + 1;
        int n = y.length;
        double[] beta = new double[p];
        double[][] lastHess = new double[p][p];
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            double[] row = new double[p];
            for (int i = 0; i < n; i++) {
                row[0] = 1;
                double z = offset[i] + beta[0];
                for (int j = 1; j < p; j++) {
                    row[j] = x.get(j - 1)[i];
                    z += beta[j] * row[j];
                }
                double prob = 1 / (1 + Math.exp(-z));
                double wgt = prob * (1 - prob);
                for (int a = 0; a < p; a++) {
                    grad[a] += (y[i] - prob) * row[a];
                    for (int b = 0; b <= a; b++) {
                        hess[a][b] += wgt * row[a] * row[b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    hess[b][a] = hess[a][b];
                }
                hess[a][a] += 1e-9;
            }
            lastHess = new double[p][];
            for (int a = 0; a < p; a++) {
                lastHess[a] = hess[a].clone();
                grad[a] -= penalty[a] * beta[a];
                hess[a][a] += penalty[a];
            }
            double[] step = solve(hess, grad);
            double max = 0;
            for (int a = 0; a < p; a++) {
                beta[a] += step[a];
                max = Math.max(max, Math.abs(step[a]));
            }
            if (max < 1e-10) {
                break;
            }
        }
        double[] variance = new double[p];
        for (int a = 0; a < p; a++) {
            double[] e = new double[p];
            e[a] = 1;
            variance[a] = solve(lastHess, e)[a];
        }
        return new Fit(beta, variance);
    }

    /** Solves {@code A s = g} by Gaussian elimination with partial pivoting (A small, SPD). */
    static double[] solve(double[][] a, double[] g) {
        int n = g.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = g[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = m[r][n];
            for (int k = r + 1; k < n; k++) {
                v -= m[r][k] * s[k];
            }
            s[r] = v / m[r][r];
        }
        return s;
    }
}
