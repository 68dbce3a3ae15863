package org.creditkit.models.overlay;

import java.util.ArrayList;
import java.util.List;
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
     * @param data training rows with an industry column
     * @param baseLogOdds the base model's log-odds per row (ideally out-of-fold)
     * @param options settings
     * @return the overlays and notes
     * @throws ModelException if the data has no industry column or lengths differ
     */
    public static OverlayModel fit(Dataset data, double[] baseLogOdds, OverlayOptions options) {
        if (!data.hasIndustry()) {
            throw new ModelException("Industry overlays need an industry column (--industry COL)");
        }
        if (baseLogOdds.length != data.rows()) {
            throw new ModelException(baseLogOdds.length + " base log-odds for " + data.rows() + " rows");
        }
        List<String> names = new ArrayList<>(data.industryLevels());
        names.sort(null);
        List<String> notes = new ArrayList<>();
        List<RawFit> fits = new ArrayList<>();
        for (String name : names) {
            int code = data.industryLevels().indexOf(name);
            List<Integer> rows = new ArrayList<>();
            int bads = 0;
            for (int r = 0; r < data.rows(); r++) {
                if (data.industry(r) == code) {
                    rows.add(r);
                    bads += data.target(r);
                }
            }
            if (bads < options.minBads()) {
                notes.add(String.format(Locale.ROOT, "industry %s: %d rows, %d defaults (< %d): no overlay, base only",
                        name, rows.size(), bads, options.minBads()));
                continue;
            }
            if (bads == rows.size()) {
                notes.add("industry " + name + ": every row defaulted; no overlay");
                continue;
            }
            int[] idx = rows.stream().mapToInt(Integer::intValue).toArray();
            Dataset sub = data.subset(idx);
            double[] offset = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                offset[i] = baseLogOdds[idx[i]];
            }
            List<FeatureBinning> own = new ArrayList<>();
            List<double[]> cols = new ArrayList<>();
            for (String f : options.ownFeatures()) {
                int fi = sub.indexOf(f).orElseThrow(() -> new ModelException("Overlay feature (" + f
                        + ") is not in the data"));
                FeatureBinning fb = Binner.fitFeature(sub, fi, options.binning(), new ArrayList<>());
                own.add(fb);
                double[] col = new double[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    col[i] = fb.woe(sub.value(fi, i));
                }
                cols.add(col);
            }
            double[] var0 = new double[1];
            double[] beta = newton(sub.targets(), offset, cols, options.ridge(), var0);
            fits.add(new RawFit(name, idx.length, bads, beta, var0[0], own));
        }
        double k0 = options.k0();
        if (options.estimateK0()) {
            k0 = estimateK0(fits, options.k0(), notes);
        }
        List<IndustryOverlay> overlays = new ArrayList<>();
        for (RawFit f : fits) {
            double w = k0 == 0 ? 1 : f.rows / (f.rows + k0);
            List<Double> coefs = new ArrayList<>();
            for (int j = 1; j < f.beta.length; j++) {
                coefs.add(w * f.beta[j]);
            }
            overlays.add(new IndustryOverlay(f.name, f.rows, f.bads, w, f.beta[0], w * f.beta[0], f.own, coefs));
        }
        return new OverlayModel(overlays, notes);
    }

    private record RawFit(String name, int rows, int bads, double[] beta, double shiftVariance,
            List<FeatureBinning> own) {
    }

    /**
     * Empirical-Bayes credibility constant: with raw shifts {@code d_k} of sampling variance
     * {@code v_k ~ c / n_k}, the between-industry variance is {@code tau^2 = mean(d_k^2) - mean(v_k)}
     * (method of moments, shrinking toward 0, the base) and {@code k0 = c / tau^2}, so that
     * {@code n/(n+k0) = tau^2/(tau^2 + c/n)}, the Buhlmann credibility weight.
     */
    static double estimateK0(List<RawFit> fits, double fallback, List<String> notes) {
        if (fits.size() < 3) {
            notes.add("credibility constant k0 = " + fallback + " (fewer than 3 overlays to estimate it from)");
            return fallback;
        }
        double meanSq = 0;
        double meanVar = 0;
        double meanC = 0;
        for (RawFit f : fits) {
            meanSq += f.beta[0] * f.beta[0];
            meanVar += f.shiftVariance;
            meanC += f.shiftVariance * f.rows;
        }
        meanSq /= fits.size();
        meanVar /= fits.size();
        meanC /= fits.size();
        double tau2 = Math.max(meanSq - meanVar, 1e-6);
        double k0 = meanC / tau2;
        notes.add(String.format(Locale.ROOT, "credibility constant k0 = %.1f rows estimated from %d industries"
                + " (between-industry sd of shifts %.3f)", k0, fits.size(), Math.sqrt(tau2)));
        return k0;
    }

    /**
     * Logistic regression with an offset by Newton's method: parameters {@code [shift, b_1..b_p]}
     * maximise {@code sum y*z - ln(1+e^z)} with {@code z = offset + shift + sum b_j x_j}, minus
     * {@code ridge/2 * sum b_j^2}.
     */
    static double[] newton(int[] y, double[] offset, List<double[]> x, double ridge, double[] shiftVariance) {
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
                if (a > 0) {
                    grad[a] -= ridge * beta[a];
                    hess[a][a] += ridge;
                }
                hess[a][a] += 1e-9;
            }
            lastHess = hess;
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
        double[] e0 = new double[p];
        e0[0] = 1;
        shiftVariance[0] = solve(lastHess, e0)[0];
        return beta;
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
