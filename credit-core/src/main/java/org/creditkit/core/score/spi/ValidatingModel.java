package org.creditkit.core.score.spi;

import java.util.Objects;
import java.util.OptionalDouble;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;

/** Rejects NaN or infinite outputs of a model that cannot prove them finite. */
final class ValidatingModel implements ScoringModel {

    private final ScoringModel delegate;

    ValidatingModel(ScoringModel delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String type() {
        return delegate.type();
    }

    @Override
    public FeatureCatalogue catalogue() {
        return delegate.catalogue();
    }

    @Override
    public int[] features() {
        return delegate.features();
    }

    @Override
    public double logOdds(FeatureVector x) {
        return check(delegate.logOdds(x), "logOdds");
    }

    @Override
    public double contributions(FeatureVector x, double[] out) {
        double lo = check(delegate.contributions(x, out), "contributions");
        for (int i : delegate.features()) {
            if (!Double.isFinite(out[i])) {
                throw new CreditModelException("model '" + delegate.type() + "'",
                        "contribution of feature '" + catalogue().get(i).id() + "' is " + out[i]
                                + "; a model must return finite values");
            }
        }
        return lo;
    }

    @Override
    public double bias() {
        return check(delegate.bias(), "bias");
    }

    @Override
    public double favourable(int featureIndex) {
        return check(delegate.favourable(featureIndex), "favourable");
    }

    @Override
    public double unfavourable(int featureIndex) {
        return check(delegate.unfavourable(featureIndex), "unfavourable");
    }

    @Override
    public OptionalDouble neutral(int featureIndex) {
        OptionalDouble n = delegate.neutral(featureIndex);
        if (n == null) {
            throw new CreditModelException("model '" + delegate.type() + "'",
                    "neutral returned null; return OptionalDouble.empty() when the population is unknown");
        }
        if (n.isPresent()) {
            check(n.getAsDouble(), "neutral");
        }
        return n;
    }

    @Override
    public boolean finiteByConstruction() {
        return true;
    }

    private double check(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new CreditModelException("model '" + delegate.type() + "'",
                    what + " returned " + v + "; a model must return finite log-odds");
        }
        return v;
    }

    @Override
    public String toString() {
        return "Validating[" + delegate + "]";
    }
}
