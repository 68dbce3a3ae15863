package org.creditkit.models.workflow;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.creditkit.models.eval.CvResult;
import org.creditkit.models.eval.ModelVerdict;
import org.creditkit.models.eval.Stability;

import org.creditkit.core.score.GradeBands;
import org.creditkit.core.score.Scaling;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.eval.CalibrationRow;
import org.creditkit.models.eval.Evaluation;
import org.creditkit.models.eval.GroupRow;
import org.creditkit.models.eval.LiftRow;
import org.creditkit.models.eval.Metrics;
import org.creditkit.models.scorecard.ScorecardOptions;
import org.creditkit.models.store.TrainedModel;

/**
 * Everything known about a model's predictions on one dataset: headline metrics, the oracle
 * metrics from true PDs when the data has them, calibration and lift tables, per-industry and
 * per-grade tables, and the per-row PDs and scores the report draws.
 *
 * @param sample what the data is ("training (in-sample)", "holdout", a file name)
 * @param metrics headline metrics
 * @param oracle metrics of the true PDs, when known
 * @param calibration calibration by decile
 * @param lift lift by decile
 * @param industries per-industry rows (empty without an industry column)
 * @param grades per-grade rows
 * @param pd per-row predicted PD
 * @param score per-row score under the model's scaling
 * @param outcome per-row outcome
 * @param stability the PSI of the PDs against the development sample's distribution, when this
 *     sample is not the development sample and the model records that distribution
 */
public record ModelEvaluation(String sample, Metrics metrics, Optional<Metrics> oracle, List<CalibrationRow> calibration,
        List<LiftRow> lift, List<GroupRow> industries, List<GroupRow> grades, double[] pd, double[] score,
        int[] outcome, Optional<Stability.Result> stability) {

    /** Copies. */
    public ModelEvaluation {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(stability, "stability");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(oracle, "oracle");
        calibration = List.copyOf(calibration);
        lift = List.copyOf(lift);
        industries = List.copyOf(industries);
        grades = List.copyOf(grades);
        pd = pd.clone();
        score = score.clone();
        outcome = outcome.clone();
    }

    /**
     * Evaluates a model on a dataset.
     *
     * @param sample a description of the data
     * @param model the model
     * @param data labelled rows
     * @param bands grade bands for the per-grade table
     * @return the evaluation
     */
    public static ModelEvaluation of(String sample, TrainedModel model, Dataset data, GradeBands bands) {
        return of(sample, model.logOdds(data), data, scaling(model), bands);
    }

    /**
     * Evaluates given log-odds on a dataset.
     *
     * @param sample a description of the data
     * @param logOdds predicted log-odds per row
     * @param data labelled rows
     * @param scaling the score scaling
     * @param bands grade bands
     * @return the evaluation
     */
    public static ModelEvaluation of(String sample, double[] logOdds, Dataset data, Scaling scaling, GradeBands bands) {
        double[] pd = Evaluation.pd(logOdds);
        double[] score = new double[pd.length];
        for (int i = 0; i < pd.length; i++) {
            score[i] = scaling.score(logOdds[i]);
        }
        int[] y = data.targets();
        Optional<Metrics> oracle = data.truePd().map(t -> Evaluation.metrics(t, y));
        List<GroupRow> industries = List.of();
        if (data.hasIndustry()) {
            String[] g = new String[data.rows()];
            for (int r = 0; r < g.length; r++) {
                int c = data.industry(r);
                g[r] = c == Dataset.NO_INDUSTRY ? "(none)" : data.industryLevels().get(c);
            }
            industries = Evaluation.byGroup(pd, y, g).stream()
                    .sorted((a, b) -> a.group().compareTo(b.group())).toList();
        }
        return new ModelEvaluation(sample, Evaluation.metrics(pd, y), oracle, Evaluation.calibration(pd, y),
                Evaluation.lift(pd, y), industries, Evaluation.byGrade(pd, score, y, bands), pd, score, y,
                Optional.empty());
    }

    /**
     * Refuses an evaluation in which the model ranks risk backwards with 95% confidence (the upper
     * end of the AUC's interval is below 0.5): the rows counted as defaults get the best scores.
     * With a model that ranked risk forward in training, that is almost always a label of the wrong
     * polarity (the repaid value named as the default one), which would otherwise read as a poor
     * model rather than as the user's mistake.
     *
     * @param labels how the default rows were named, for the message (e.g. {@code --target status --bad good})
     * @return this evaluation, when the model ranks risk forward or the data cannot tell
     * @throws IllegalArgumentException when the AUC is below 0.5 with 95% confidence, naming the
     *     AUC, its interval, the rows counted as defaults and what to check
     */
    public ModelEvaluation requireRiskRankedForward(String labels) {
        Objects.requireNonNull(labels, "labels");
        Metrics m = metrics;
        if (!(m.aucUpper() < 0.5)) {
            return this;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: AUC %.4f [%.4f, %.4f] is below 0.5 with"
                + " 95%% confidence: the model gives its best scores to the rows counted as defaults (%s): %d of %d"
                + " (%.1f%%), so the labels are probably inverted; name the value that means default with --bad"
                + " (the other values with --good), or, if the labels are right, this model ranks risk backwards"
                + " on this data and must not be used", sample, m.auc(), m.aucLower(), m.aucUpper(), labels,
                m.bads(), m.rows(), 100.0 * m.bads() / Math.max(1, m.rows())));
    }

    /** The bins of the development distribution a model records: PD deciles of its training sample. */
    public static final int STABILITY_BINS = 10;

    /**
     * The distribution of this sample's PDs, to be recorded as the development sample's.
     *
     * @return the PD deciles and counts
     */
    public Stability.Reference development() {
        return Stability.Reference.of("PD", pd, STABILITY_BINS);
    }

    /**
     * Returns this evaluation with the PSI of its PDs against a development distribution.
     *
     * @param development the development sample's distribution
     * @return the copy
     */
    public ModelEvaluation withStability(Stability.Reference development) {
        return new ModelEvaluation(sample, metrics, oracle, calibration, lift, industries, grades, pd, score, outcome,
                Optional.of(development.psi(pd)));
    }

    /**
     * The validator's verdict: discrimination and calibration on the out-of-fold predictions when
     * cross-validation ran (else on this sample, labelled as such), grade and industry checks on this
     * sample, stability when measured.
     *
     * @param cv the cross-validation, when run
     * @return the verdict
     */
    public ModelVerdict verdict(Optional<CvResult> cv) {
        if (cv.isPresent() && cv.get().outOfFoldLogOdds().length == outcome.length) {
            double[] lo = cv.get().outOfFoldLogOdds();
            double[] oof = new double[lo.length];
            for (int i = 0; i < oof.length; i++) {
                oof[i] = Evaluation.pd(lo[i]);
            }
            return ModelVerdict.of(oof, outcome, "discrimination and calibration out-of-fold (" + cv.get().k()
                    + "-fold cross-validation); grade and industry checks on " + sample, grades, industries, stability);
        }
        return ModelVerdict.of(pd, outcome, sample, grades, industries, stability);
    }

    /**
     * The scaling of a model: the scorecard's own, or the default for a GBM.
     *
     * @param model the model
     * @return its scaling
     */
    public static Scaling scaling(TrainedModel model) {
        return model.scorecard().map(c -> c.scaling()).orElse(ScorecardOptions.defaultScaling());
    }

    /**
     * Per-row PDs.
     *
     * @return a copy
     */
    @Override
    public double[] pd() {
        return pd.clone();
    }

    /**
     * Per-row scores.
     *
     * @return a copy
     */
    @Override
    public double[] score() {
        return score.clone();
    }

    /**
     * Per-row outcomes.
     *
     * @return a copy
     */
    @Override
    public int[] outcome() {
        return outcome.clone();
    }
}
