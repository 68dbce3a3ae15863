package org.creditkit.core.input;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.creditkit.core.domain.LoanApplication;

/**
 * One line of a portfolio file: an application and, when known, its outcome.
 *
 * <p>In JSON a labeled line is {@code {"application":{...},"outcome":{"defaulted12m":true,"truePd":0.031}}};
 * an unlabeled line is the bare application object. {@link StrictApplicationReader} reads both.
 *
 * @param application the application
 * @param outcome     the observed outcome, absent for an application not yet (or never) labeled
 */
public record LabeledApplication(LoanApplication application, Optional<Outcome> outcome) {

    /** @throws NullPointerException if a part is null (use {@link Optional#empty()}) */
    public LabeledApplication {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** An application with a known outcome and the generating process's true PD (synthetic data). */
    public static LabeledApplication of(LoanApplication application, boolean defaulted12m, double truePd) {
        return new LabeledApplication(application, Optional.of(Outcome.of(defaulted12m, truePd)));
    }

    /** An application with a known outcome but no true PD (real history). */
    public static LabeledApplication of(LoanApplication application, boolean defaulted12m) {
        return new LabeledApplication(application, Optional.of(Outcome.of(defaulted12m)));
    }

    /** An application without an outcome. */
    public static LabeledApplication unlabeled(LoanApplication application) {
        return new LabeledApplication(application, Optional.empty());
    }

    /**
     * What happened after the application.
     *
     * @param defaulted12m whether the enterprise defaulted within 12 months
     * @param truePd       the true probability of default of the generating process, in [0, 1]; known only
     *                     for synthetic portfolios, so absent for real history
     */
    public record Outcome(boolean defaulted12m, OptionalDouble truePd) {

        /** @throws IllegalArgumentException if {@code truePd} is present and not in [0, 1] */
        public Outcome {
            Objects.requireNonNull(truePd, "truePd");
            if (truePd.isPresent() && !(truePd.getAsDouble() >= 0 && truePd.getAsDouble() <= 1)) {
                throw new IllegalArgumentException("truePd (" + truePd.getAsDouble() + ") must be in [0, 1]");
            }
        }

        /** An outcome with its true PD. */
        public static Outcome of(boolean defaulted12m, double truePd) {
            return new Outcome(defaulted12m, OptionalDouble.of(truePd));
        }

        /** An outcome without a true PD. */
        public static Outcome of(boolean defaulted12m) {
            return new Outcome(defaulted12m, OptionalDouble.empty());
        }
    }
}
