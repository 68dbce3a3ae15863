package org.creditkit.models.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.creditkit.core.score.Scaling;
import org.creditkit.models.ModelException;
import org.creditkit.models.Progress;
import org.creditkit.models.binning.Bin;
import org.creditkit.models.binning.Binner;
import org.creditkit.models.binning.BinningResult;
import org.creditkit.models.binning.FeatureBinning;
import org.creditkit.models.data.Dataset;

import smile.classification.LogisticRegression;

/**
 * Trains a {@link TrainedScorecard}: supervised binning, WoE transform, Smile's binomial logistic
 * regression (L-BFGS) on the WoE columns, optional removal of wrong-sign features, and scaling into
 * points. Deterministic for the same data and options.
 *
 * <p>Example:
 * <pre>{@code
 * TrainedScorecard card = ScorecardTrainer.fit(loaded.dataset(), ScorecardOptions.defaults(), Progress.none());
 * double[] logOdds = card.logOdds(holdout);
 * }</pre>
 */
public final class ScorecardTrainer {

    private ScorecardTrainer() {
    }

    /**
     * Trains a scorecard.
     *
     * @param data training rows
     * @param options settings
     * @param progress progress reporter
     * @return the scorecard
     * @throws ModelException if the data has only one class or no feature survives binning
     */
    public static TrainedScorecard fit(Dataset data, ScorecardOptions options, Progress progress) {
        if (data.bads() == 0 || data.bads() == data.rows()) {
            throw new ModelException("Cannot train a scorecard: the training data has " + data.bads() + " bads in "
                    + data.rows() + " rows; both outcomes are needed");
        }
        BinningResult binning = Binner.fit(data, options.binning(), progress);
        List<String> notes = new ArrayList<>(binning.notes());
        List<FeatureBinning> used = new ArrayList<>(binning.kept());
        if (used.isEmpty()) {
            throw new ModelException("No feature reached the IV threshold " + options.binning().minIv()
                    + "; lower it (--min-iv) or check the target mapping");
        }
        int n = data.rows();
        int[] y = data.targets();
        // WoE columns for all kept features, computed once.
        List<double[]> woeCols = new ArrayList<>();
        for (FeatureBinning fb : used) {
            int f = data.indexOf(fb.name()).orElseThrow();
            double[] col = new double[n];
            for (int r = 0; r < n; r++) {
                col[r] = fb.woe(data.value(f, r));
            }
            woeCols.add(col);
        }
        int round = 0;
        while (true) {
            round++;
            progress.step("fitting", 0, 1);
            double[][] x = new double[n][used.size()];
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < used.size(); j++) {
                    x[r][j] = woeCols.get(j)[r];
                }
            }
            LogisticRegression.Binomial lr = LogisticRegression.binomial(x, y, options.lambda(), 1e-6, 1000);
            double[] w = lr.coefficients();
            progress.step("fitting", 1, 1);
            int worst = -1;
            for (int j = 0; j < used.size(); j++) {
                if (w[j] > 0 && (worst < 0 || w[j] > w[worst])) {
                    worst = j;
                }
            }
            if (worst >= 0 && options.dropWrongSign() && used.size() > 1) {
                notes.add(String.format(Locale.ROOT,
                        "dropped (%s): coefficient %.4f on WoE has the wrong sign (refit %d)", used.get(worst).name(),
                        w[worst], round));
                used.remove(worst);
                woeCols.remove(worst);
                continue;
            }
            return scale(used, w, options.scaling(), notes);
        }
    }

    static TrainedScorecard scale(List<FeatureBinning> used, double[] w, Scaling scaling, List<String> notes) {
        int p = used.size();
        double alpha = w[p];
        double factor = scaling.factor();
        double offset = scaling.offset();
        List<ScorecardFeature> features = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            FeatureBinning fb = used.get(j);
            List<Double> points = new ArrayList<>();
            for (Bin bin : fb.bins()) {
                points.add(-(bin.woe() * w[j] + alpha / p) * factor + offset / p);
            }
            features.add(new ScorecardFeature(fb, w[j], points));
        }
        return new TrainedScorecard(features, alpha, scaling, notes);
    }
}
