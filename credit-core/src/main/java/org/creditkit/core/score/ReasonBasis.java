package org.creditkit.core.score;

/**
 * What a score's reasons are measured against: a feature is a reason only when its points lie below
 * this reference, and reasons rank by the distance.
 */
public enum ReasonBasis {
    /**
     * The neutral (population-average) points of each feature: for a scorecard {@code Σ share · points}
     * over its bins, from the population shares the bundle records; for a tree ensemble its path
     * attribution averaged over the training rows, from the node covers the bundle records. A feature
     * doing better than the average firm is never a reason.
     */
    NEUTRAL,
    /**
     * The fallback for bundles without population shares or tree covers (written before they existed, or
     * a model type that cannot say): each feature's most favourable contribution (a scorecard's best bin,
     * a tree ensemble's zero path attribution), so any feature short of its best bin can be a reason.
     */
    MOST_FAVOURABLE
}
