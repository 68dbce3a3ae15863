package org.creditkit.models.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.creditkit.models.ModelException;
import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;

/**
 * Seeded stratified k-fold cross-validation: bads and goods are each shuffled with the seed and
 * dealt to the folds in turn, so every fold has the same default rate (within one case). The whole
 * training pipeline (binning included) is refitted on each training part, so no information from
 * the held-out fold leaks into its predictions.
 *
 * <p>Example:
 * <pre>{@code
 * CvResult cv = CrossValidation.run(data, 5, 42,
 *         train -> ScorecardTrainer.fit(train, options, Progress.none())::logOdds, Progress.none());
 * }</pre>
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /**
     * Fold of each row.
     *
     * @param y outcomes
     * @param k number of folds, at least 2
     * @param seed shuffling seed
     * @return per row a fold in {@code [0, k)}
     * @throws ModelException if a class has fewer than k rows
     */
    public static int[] stratifiedFolds(int[] y, int k, long seed) {
        if (k < 2) {
            throw new ModelException("Cross-validation needs at least 2 folds, got " + k);
        }
        List<Integer> bads = new ArrayList<>();
        List<Integer> goods = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            (y[i] == 1 ? bads : goods).add(i);
        }
        if (bads.size() < k || goods.size() < k) {
            throw new ModelException("Cannot make " + k + " stratified folds from " + bads.size() + " bads and "
                    + goods.size() + " goods; each fold needs both outcomes");
        }
        Random random = new Random(seed);
        java.util.Collections.shuffle(bads, random);
        java.util.Collections.shuffle(goods, random);
        int[] fold = new int[y.length];
        for (int i = 0; i < bads.size(); i++) {
            fold[bads.get(i)] = i % k;
        }
        for (int i = 0; i < goods.size(); i++) {
            fold[goods.get(i)] = (bads.size() + i) % k;
        }
        return fold;
    }

    /**
     * Runs cross-validation.
     *
     * @param data all rows
     * @param k number of folds
     * @param seed fold seed
     * @param learner fits on a training part and returns a function giving log-odds for a dataset
     * @param progress per-fold progress
     * @return per-fold and pooled results
     */
    public static CvResult run(Dataset data, int k, long seed, Function<Dataset, Function<Dataset, double[]>> learner,
            Progress progress) {
        int[] fold = stratifiedFolds(data.targets(), k, seed);
        return summarize(data, fold, k, seed, outOfFold(data, fold, k, learner, progress));
    }

    /**
     * Out-of-fold log-odds: each fold predicted by the learner fitted on the other folds.
     *
     * @param data all rows
     * @param fold per row its fold in {@code [0, k)} (see {@link #stratifiedFolds})
     * @param k number of folds
     * @param learner fits on a training part and returns a function giving log-odds for a dataset
     * @param progress per-fold progress
     * @return per row the log-odds of the model that did not see it
     */
    public static double[] outOfFold(Dataset data, int[] fold, int k,
            Function<Dataset, Function<Dataset, double[]>> learner, Progress progress) {
        double[] oof = new double[data.rows()];
        progress.step("cross-validation", 0, k);
        for (int f = 0; f < k; f++) {
            int[] train = rows(fold, f, false);
            int[] test = rows(fold, f, true);
            double[] logOdds = learner.apply(data.subset(train)).apply(data.subset(test));
            for (int i = 0; i < test.length; i++) {
                oof[test[i]] = logOdds[i];
            }
            progress.step("cross-validation", f + 1, k);
        }
        return oof;
    }

    /**
     * Per-fold and pooled metrics of out-of-fold log-odds.
     *
     * @param data all rows
     * @param fold per row its fold
     * @param k number of folds
     * @param seed the fold seed, recorded
     * @param oof per row the out-of-fold log-odds
     * @return the result
     */
    public static CvResult summarize(Dataset data, int[] fold, int k, long seed, double[] oof) {
        List<Metrics> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int[] test = rows(fold, f, true);
            double[] pd = new double[test.length];
            int[] y = new int[test.length];
            for (int i = 0; i < test.length; i++) {
                pd[i] = Evaluation.pd(oof[test[i]]);
                y[i] = data.target(test[i]);
            }
            folds.add(Evaluation.metrics(pd, y));
        }
        Metrics pooled = Evaluation.metrics(Evaluation.pd(oof), data.targets());
        return new CvResult(k, seed, folds, mean(folds, Metrics::auc), sd(folds, Metrics::auc),
                mean(folds, Metrics::gini), mean(folds, Metrics::ks), mean(folds, Metrics::brier),
                mean(folds, Metrics::logLoss), pooled, oof);
    }

    /**
     * The rows of one fold, or of all the others.
     *
     * @param fold per row its fold
     * @param f the fold
     * @param in true for the rows of {@code f}, false for the rest
     * @return row indices, ascending
     */
    public static int[] rows(int[] fold, int f, boolean in) {
        return rowsWhere(fold, f, in);
    }

    private static int[] rowsWhere(int[] fold, int f, boolean in) {
        int count = 0;
        for (int v : fold) {
            if ((v == f) == in) {
                count++;
            }
        }
        int[] out = new int[count];
        int j = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == in) {
                out[j++] = i;
            }
        }
        return out;
    }

    private static double mean(List<Metrics> m, ToDoubleFunction<Metrics> f) {
        return m.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static double sd(List<Metrics> m, ToDoubleFunction<Metrics> f) {
        double mean = mean(m, f);
        double ss = m.stream().mapToDouble(x -> (f.applyAsDouble(x) - mean) * (f.applyAsDouble(x) - mean)).sum();
        return m.size() > 1 ? Math.sqrt(ss / (m.size() - 1)) : 0;
    }
}
