package org.creditkit.models.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.creditkit.models.eval.CvResult;
import org.creditkit.models.eval.IndustryLayer;
import org.creditkit.models.store.TrainedModel;

/**
 * The result of {@link Training#run}.
 *
 * @param model the final model, trained on all rows
 * @param cv cross-validation of the whole pipeline, when requested
 * @param industryLayer the base alone against base plus industry overlays, out of fold, when
 *        overlays were fitted
 * @param notes what training decided, in order
 */
public record TrainOutcome(TrainedModel model, Optional<CvResult> cv, Optional<IndustryLayer> industryLayer,
        List<String> notes) {

    /** Copies. */
    public TrainOutcome {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(cv, "cv");
        Objects.requireNonNull(industryLayer, "industryLayer");
        notes = List.copyOf(notes);
    }
}
