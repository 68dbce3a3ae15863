package org.creditkit.core.score;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditkit.core.domain.DataSource;

/**
 * The score of one application: PD, log-odds, score, grade, reasons, and how the base model and the
 * industry overlay each contributed. Immutable.
 *
 * @param pd                probability of default in (0, 1)
 * @param logOdds           log-odds of default, {@code baseLogOdds + industryLogOdds}
 * @param score             scaled score (higher = lower risk), see {@link Scaling}
 * @param grade             grade from the bundle's bands
 * @param reasons           up to four reasons, most points below the reference first
 * @param baseLogOdds       the base model's part of the log-odds
 * @param industryLogOdds   the industry overlay's part (0 when no overlay applied)
 * @param overlay           id of the overlay that applied, empty when the base model alone scored
 * @param modelId           id of the model bundle
 * @param modelVersion      version of the model bundle
 * @param confidence        share of the model's discriminating weight that rests on present data, in [0, 1]:
 *                          the sum over the features the model read and found present of their weight
 *                          (highest minus lowest contribution they can make), over the sum over all of them
 * @param missingSources    the data sources of the missing features that carry weight, in enum order
 * @param reasonBasis       what the reasons are measured against: the neutral (population-average) points,
 *                          or, for a bundle without population shares, the explicit fallback to each
 *                          feature's most favourable points
 */
public record ScoreResult(double pd, double logOdds, double score, Grade grade, List<ReasonCode> reasons,
                          double baseLogOdds, double industryLogOdds, Optional<String> overlay,
                          String modelId, String modelVersion, double confidence, List<DataSource> missingSources,
                          ReasonBasis reasonBasis) {

    /** Most reason codes a result carries. */
    public static final int MAX_REASONS = 4;

    /** @throws IllegalArgumentException on a PD outside (0, 1), non-finite numbers or too many reasons */
    public ScoreResult {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(overlay, "overlay");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(reasonBasis, "reasonBasis");
        reasons = List.copyOf(reasons);
        missingSources = List.copyOf(missingSources);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("score result needs a confidence in [0, 1], got " + confidence);
        }
        if (!(pd >= 0 && pd <= 1) || !Double.isFinite(logOdds) || !Double.isFinite(score)
                || !Double.isFinite(baseLogOdds) || !Double.isFinite(industryLogOdds)) {
            throw new IllegalArgumentException("score result needs a PD in [0, 1] and finite numbers, got pd=" + pd
                    + " logOdds=" + logOdds + " score=" + score);
        }
        if (reasons.size() > MAX_REASONS) {
            throw new IllegalArgumentException("at most " + MAX_REASONS + " reasons, got " + reasons.size());
        }
    }

    /** Reason codes only, e.g. {@code [R-DEBT_TO_ASSET, R-PENALTIES_36M]}. */
    public List<String> reasonCodes() {
        return reasons.stream().map(ReasonCode::code).toList();
    }
}
