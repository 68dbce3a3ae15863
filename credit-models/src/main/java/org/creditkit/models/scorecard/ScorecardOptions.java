package org.creditkit.models.scorecard;

import java.util.Objects;

import org.creditkit.core.score.Scaling;
import org.creditkit.models.binning.BinningOptions;

/**
 * Settings of scorecard training.
 *
 * @param binning the binning settings
 * @param lambda L2 penalty of the logistic regression (Smile's {@code lambda}), non-negative
 * @param scaling the score scaling
 * @param dropWrongSign whether to drop, one at a time, features whose coefficient has the wrong
 *        sign (a positive coefficient on WoE means the feature acts against its own bins, usually
 *        through collinearity) and refit
 */
public record ScorecardOptions(BinningOptions binning, double lambda, Scaling scaling, boolean dropWrongSign) {

    /**
     * Checks.
     *
     * @throws IllegalArgumentException if lambda is negative
     */
    public ScorecardOptions {
        Objects.requireNonNull(binning, "binning");
        Objects.requireNonNull(scaling, "scaling");
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be non-negative, got " + lambda);
        }
    }

    /**
     * Default binning, lambda 1.0, default scaling, wrong-sign features dropped.
     *
     * @return the defaults
     */
    public static ScorecardOptions defaults() {
        return new ScorecardOptions(BinningOptions.defaults(), 1.0, defaultScaling(), true);
    }

    /**
     * Returns a copy with other binning settings.
     *
     * @param b binning settings
     * @return the copy
     */
    public ScorecardOptions withBinning(BinningOptions b) {
        return new ScorecardOptions(b, lambda, scaling, dropWrongSign);
    }

    /**
     * The workbench's default scaling: 600 points at good:bad odds of 50:1, 20 points to double the
     * odds (also used for a GBM, which has no scaling of its own).
     *
     * @return {@code Scaling.of(600, 50, 20)}
     */
    public static Scaling defaultScaling() {
        return Scaling.of(600, 50, 20);
    }

    /**
     * Returns a copy with another scaling.
     *
     * @param s scaling
     * @return the copy
     */
    public ScorecardOptions withScaling(Scaling s) {
        return new ScorecardOptions(binning, lambda, s, dropWrongSign);
    }
}
