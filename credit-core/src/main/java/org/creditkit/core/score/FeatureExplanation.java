package org.creditkit.core.score;

import java.util.List;
import java.util.Objects;
import org.creditkit.core.domain.DataSource;

/**
 * How one feature moved one score (slow path, for explanations and audits).
 *
 * @param featureId       feature id
 * @param value           the feature's value (NaN when missing)
 * @param bin             the scorecard bin it fell in ({@code [0.4, 0.7)}, {@code missing}, ...), or
 *                        {@code path} for tree ensembles
 * @param baseLogOdds     contribution to the base model's log-odds
 * @param industryLogOdds contribution to the overlay's log-odds (0 without overlay)
 * @param points          score points the feature added (negative: it lowered the score)
 * @param pointsLost      points below the feature's reference (neutral points, or most favourable as the
 *                        fallback: see {@link ReasonBasis}), &gt;= 0
 * @param sources         lineage of the feature
 */
public record FeatureExplanation(String featureId, double value, String bin, double baseLogOdds,
                                 double industryLogOdds, double points, double pointsLost,
                                 List<DataSource> sources) {

    /** Copies the sources. */
    public FeatureExplanation {
        Objects.requireNonNull(featureId, "featureId");
        Objects.requireNonNull(bin, "bin");
        sources = List.copyOf(sources);
    }
}
