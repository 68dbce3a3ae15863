package org.creditkit.core.score.spi;

import java.util.OptionalDouble;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;

/**
 * A model that maps a {@link FeatureVector} to the log-odds of default and explains that number
 * per feature. Implementations are immutable and thread-safe; both scoring methods are on the hot
 * path and must not allocate.
 *
 * <p>Contract, for every vector {@code x} laid out against {@link #catalogue()}:
 * <ul>
 *   <li>{@code logOdds(x)} is finite;</li>
 *   <li>{@code contributions(x, out)} adds each feature's part to {@code out[featureIndex]} and returns
 *   exactly {@code logOdds(x)};</li>
 *   <li>{@code bias() + Σ contributions == logOdds(x)} up to floating-point rounding;</li>
 *   <li>{@code favourable(i)} is the most favourable (lowest) contribution feature {@code i} can make
 *   (a scorecard's best bin; 0 for a tree ensemble);</li>
 *   <li>{@code neutral(i)}, when present, is its population-average contribution: reason codes are
 *   ranked by how far a feature's contribution lies above it, or above {@code favourable(i)} when a
 *   model of the bundle records no population.</li>
 * </ul>
 *
 * <p>The built-in implementations are {@code org.creditkit.core.score.scorecard.Scorecard} (type
 * {@code scorecard}) and {@code org.creditkit.core.score.tree.TreeEnsemble} (type
 * {@code tree-ensemble}). A bank adds its own type with a {@link ModelFormat}.
 */
public interface ScoringModel {

    /** Model type name as written in a bundle, e.g. {@code scorecard}. */
    String type();

    /** The catalogue whose positions {@link #features()} and the contributions refer to. */
    FeatureCatalogue catalogue();

    /** Catalogue positions of the features this model reads, ascending; a fresh copy. */
    int[] features();

    /**
     * Log-odds of default for {@code x}.
     *
     * @throws IllegalArgumentException if {@code x} is laid out against another catalogue
     */
    double logOdds(FeatureVector x);

    /**
     * Adds each feature's contribution to the log-odds into {@code out} (indexed by catalogue
     * position, length at least the catalogue size) and returns {@code logOdds(x)}.
     *
     * @throws IllegalArgumentException if {@code x} is laid out against another catalogue
     */
    double contributions(FeatureVector x, double[] out);

    /** The part of the log-odds no feature explains (a scorecard's intercept). */
    double bias();

    /** The most favourable (lowest) contribution feature {@code featureIndex} can make. */
    double favourable(int featureIndex);

    /**
     * The least favourable (highest) contribution feature {@code featureIndex} can make; with
     * {@link #favourable} it spans the feature's discriminating weight, which the score's confidence
     * uses. The default, for models that cannot say, returns {@link #favourable} (no weight known: the
     * scorer then weighs every feature the model reads the same).
     *
     * @param featureIndex a catalogue position
     * @return the highest contribution
     */
    default double unfavourable(int featureIndex) {
        return favourable(featureIndex);
    }

    /**
     * The neutral (population-average) contribution of feature {@code featureIndex}: what it adds to the
     * log-odds on average over the population the model was built on (a scorecard with population
     * shares: {@code Σ share · bin value}; a tree ensemble with node covers: its path attribution averaged
     * over the training rows). A reason is given for a feature only when its contribution
     * lies above this; when any model of a bundle cannot say, the scorer falls back to
     * {@link #favourable} for the whole bundle and says so ({@code ScoreResult.reasonBasis()}).
     * The default is empty.
     *
     * @param featureIndex a catalogue position
     * @return the neutral contribution, or empty when the model does not know its population
     */
    default OptionalDouble neutral(int featureIndex) {
        return OptionalDouble.empty();
    }

    /**
     * Whether construction already proves every output finite (the built-in types validate every
     * number at load). Models that return {@code false} are wrapped by {@link #validating}.
     */
    default boolean finiteByConstruction() {
        return false;
    }

    /**
     * A decorator that checks every output of {@code model} and throws a
     * {@link org.creditkit.core.CreditModelException} naming the model type when the log-odds are
     * NaN or infinite, instead of letting a NaN PD reach a decision.
     */
    static ScoringModel validating(ScoringModel model) {
        return model instanceof ValidatingModel ? model : new ValidatingModel(model);
    }
}
