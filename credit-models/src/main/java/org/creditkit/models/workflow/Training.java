package org.creditkit.models.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.eval.Calibration;
import org.creditkit.models.eval.CrossValidation;
import org.creditkit.models.eval.CvResult;
import org.creditkit.models.eval.IndustryLayer;
import org.creditkit.models.gbm.GbmOptions;
import org.creditkit.models.gbm.GbmTrainer;
import org.creditkit.models.gbm.TrainedGbm;
import org.creditkit.models.overlay.OverlayModel;
import org.creditkit.models.overlay.OverlayTrainer;
import org.creditkit.models.scorecard.ScorecardTrainer;
import org.creditkit.models.scorecard.TrainedScorecard;
import org.creditkit.models.store.TrainedModel;

/**
 * Trains a complete model: base (scorecard or GBM), then industry overlays fitted on the base's
 * out-of-fold (cross-fitted) log-odds, then calibration to a target rate; optionally
 * cross-validates that whole pipeline first. With overlays, the folds of the cross-fitting are
 * those of the cross-validation, and the base alone is compared with base plus overlays out of fold
 * ({@link IndustryLayer}). Deterministic for the same data and request.
 *
 * <p>Example:
 * <pre>{@code
 * TrainOutcome out = Training.run(data, TrainRequest.scorecard(42), Map.of("data", "credit-g.arff"), Progress.none());
 * BundleExport.export(out.model(), BundleExport.Options.of("my-model"), metrics).write(Path.of("model.json"));
 * }</pre>
 */
public final class Training {

    private Training() {
    }

    /**
     * Runs training.
     *
     * @param data training rows
     * @param request what to train
     * @param metadata facts to record in the model (data file, command line)
     * @param progress progress reporter
     * @return the model, the cross-validation result and notes
     */
    public static TrainOutcome run(Dataset data, TrainRequest request, Map<String, String> metadata,
            Progress progress) {
        Optional<CvResult> cv = Optional.empty();
        Optional<IndustryLayer> layer = Optional.empty();
        List<String> notes = new ArrayList<>();
        OverlayModel overlays = OverlayModel.none();
        if (request.overlays()) {
            // Cross-fitting: the overlays learn from base log-odds of models that did not see the row,
            // so the base has not already absorbed what an industry does differently.
            int k = request.cvFolds() >= 2 ? request.cvFolds() : CROSS_FIT_FOLDS;
            int[] fold = CrossValidation.stratifiedFolds(data.targets(), k, request.seed());
            double[] base = CrossValidation.outOfFold(data, fold, k,
                    train -> baseModel(train, request, Progress.none(), new ArrayList<>()), progress);
            overlays = OverlayTrainer.fit(data, base, request.overlayOptions());
            notes.addAll(overlays.notes());
            double[] layered = base.clone();
            for (int f = 0; f < k; f++) {
                int[] train = CrossValidation.rows(fold, f, false);
                int[] test = CrossValidation.rows(fold, f, true);
                double[] trainBase = new double[train.length];
                for (int i = 0; i < train.length; i++) {
                    trainBase[i] = base[train[i]];
                }
                double[] adj = OverlayTrainer.fit(data.subset(train), trainBase, request.overlayOptions())
                        .adjustments(data.subset(test));
                for (int i = 0; i < test.length; i++) {
                    layered[test[i]] += adj[i];
                }
            }
            List<String> with = overlays.overlays().stream().map(o -> o.industry()).toList();
            layer = Optional.of(IndustryLayer.measure(data, k, base, layered, with,
                    request.overlayOptions().minBads()));
            if (request.cvFolds() >= 2) {
                cv = Optional.of(CrossValidation.summarize(data, fold, k, request.seed(), layered));
            }
        } else if (request.cvFolds() >= 2) {
            Function<Dataset, Function<Dataset, double[]>> learner = train -> {
                TrainedModel m = fit(train, request, Map.of(), Progress.none(), new ArrayList<>(), OverlayModel.none());
                return m::logOdds;
            };
            cv = Optional.of(CrossValidation.run(data, request.cvFolds(), request.seed(), learner, progress));
        }
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put("rows", String.valueOf(data.rows()));
        meta.put("bads", String.valueOf(data.bads()));
        meta.put("seed", String.valueOf(request.seed()));
        meta.put("model", request.kind().name().toLowerCase(Locale.ROOT));
        TrainedModel model = fit(data, request, meta, progress, notes, overlays);
        return new TrainOutcome(model, cv, layer, notes);
    }

    /** Folds of the cross-fitting of overlays when no cross-validation is requested. */
    static final int CROSS_FIT_FOLDS = 5;

    private static Function<Dataset, double[]> baseModel(Dataset train, TrainRequest request, Progress progress,
            List<String> notes) {
        if (request.kind() == ModelKind.SCORECARD) {
            TrainedScorecard card = ScorecardTrainer.fit(train, request.scorecard(), progress);
            notes.addAll(card.notes());
            return card::logOdds;
        }
        return GbmTrainer.fit(train, gbmOptions(train, request, notes), progress)::logOdds;
    }

    /**
     * The GBM settings for these rows: with {@link TrainRequest#monotoneFromScorecard()}, the
     * directions of the scorecard trained on the same rows added under the explicit ones.
     */
    static GbmOptions gbmOptions(Dataset data, TrainRequest request, List<String> notes) {
        if (!request.monotoneFromScorecard()) {
            return request.gbm();
        }
        Map<String, Integer> directions = new LinkedHashMap<>(
                ScorecardTrainer.fit(data, request.scorecard(), Progress.none()).monotoneDirections());
        directions.putAll(request.gbm().monotone());
        List<String> shown = new ArrayList<>();
        directions.forEach((name, d) -> {
            if (d != 0) {
                shown.add(name + (d > 0 ? " +1" : " -1"));
            }
        });
        notes.add(shown.isEmpty()
                ? "GBM monotone constraints (--monotone auto): the scorecard classes no feature monotonically;"
                        + " name them with --monotonic or --monotonic-all"
                : "GBM monotone constraints (--monotone auto; +1: risk never falls as the value rises): "
                        + String.join(", ", shown));
        return request.gbm().withMonotone(directions);
    }

    private static TrainedModel fit(Dataset data, TrainRequest request, Map<String, String> meta, Progress progress,
            List<String> notes, OverlayModel overlays) {
        double[] base;
        TrainedScorecard card = null;
        TrainedGbm gbm = null;
        if (request.kind() == ModelKind.SCORECARD) {
            card = ScorecardTrainer.fit(data, request.scorecard(), progress);
            notes.addAll(card.notes());
            base = card.logOdds(data);
        } else {
            gbm = GbmTrainer.fit(data, gbmOptions(data, request, notes), progress);
            base = gbm.logOdds(data);
        }
        double[] adj = overlays.adjustments(data);
        for (int i = 0; i < base.length; i++) {
            base[i] += adj[i];
        }
        double shift = 0;
        if (request.targetRate().isPresent()) {
            shift = Calibration.interceptShift(base, request.targetRate().getAsDouble());
            notes.add(String.format(Locale.ROOT, "calibrated to mean PD %.4f: intercept shift %.4f",
                    request.targetRate().getAsDouble(), shift));
        }
        return card != null ? TrainedModel.of(card, overlays, shift, meta) : TrainedModel.of(gbm, overlays, shift, meta);
    }
}
