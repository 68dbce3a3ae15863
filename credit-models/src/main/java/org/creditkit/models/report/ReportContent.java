package org.creditkit.models.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.creditkit.models.eval.CvResult;
import org.creditkit.models.eval.IndustryLayer;
import org.creditkit.models.export.TrainingDetail;
import org.creditkit.models.workflow.ModelEvaluation;

/**
 * What a model report shows.
 *
 * @param title the report title
 * @param dataSummary one line about the data (file, rows used, skipped)
 * @param model what training learnt beyond the scoring model, when known (for the WoE, importance,
 *        overlay and metadata sections)
 * @param modelKind {@code scorecard}, {@code gbm} or the core model type
 * @param modelChecksum the model file's checksum
 * @param evaluation the model evaluated on the reported data
 * @param cv cross-validation, when run
 * @param notes training and loading notes
 * @param industryLayer the base alone against base plus industry overlays, out of fold, when
 *        overlays were trained
 */
public record ReportContent(String title, String dataSummary, Optional<TrainingDetail> model, String modelKind,
        String modelChecksum,
        ModelEvaluation evaluation, Optional<CvResult> cv, List<String> notes, Optional<IndustryLayer> industryLayer) {

    /**
     * A report without an industry-layer comparison.
     *
     * @param title the report title
     * @param dataSummary one line about the data
     * @param model what training learnt, when known
     * @param modelKind the model kind
     * @param modelChecksum the model file's checksum
     * @param evaluation the model evaluated on the reported data
     * @param cv cross-validation, when run
     * @param notes training and loading notes
     */
    public ReportContent(String title, String dataSummary, Optional<TrainingDetail> model, String modelKind,
            String modelChecksum, ModelEvaluation evaluation, Optional<CvResult> cv, List<String> notes) {
        this(title, dataSummary, model, modelKind, modelChecksum, evaluation, cv, notes, Optional.empty());
    }

    /** Checks and copies. */
    public ReportContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dataSummary, "dataSummary");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelKind, "modelKind");
        Objects.requireNonNull(modelChecksum, "modelChecksum");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(cv, "cv");
        notes = List.copyOf(notes);
        Objects.requireNonNull(industryLayer, "industryLayer");
    }
}
