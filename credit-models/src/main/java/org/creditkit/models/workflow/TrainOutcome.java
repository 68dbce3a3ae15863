package org.creditkit.models.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.creditkit.models.eval.CvResult;
import org.creditkit.models.store.TrainedModel;

/**
 * The result of {@link Training#run}.
 *
 * @param model the final model, trained on all rows
 * @param cv cross-validation of the whole pipeline, when requested
 * @param notes what training decided, in order
 */
public record TrainOutcome(TrainedModel model, Optional<CvResult> cv, List<String> notes) {

    /** Copies. */
    public TrainOutcome {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(cv, "cv");
        notes = List.copyOf(notes);
    }
}
