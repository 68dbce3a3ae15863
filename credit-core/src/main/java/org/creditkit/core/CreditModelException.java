package org.creditkit.core;

import java.util.List;

/**
 * A broken model bundle, a training run that cannot produce a model, or a model that does not fit
 * the feature catalogue it is used with: refuse to load it (and keep the one already in service).
 * Carries every problem found.
 */
public class CreditModelException extends CreditException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from its problems.
     *
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public CreditModelException(List<Problem> problems) {
        super(problems);
    }

    /**
     * A single problem.
     *
     * @param location the model, file or field concerned
     * @param message what is wrong and what would be valid
     */
    public CreditModelException(String location, String message) {
        this(List.of(Problem.of(location, message)));
    }

    /**
     * A single problem with an underlying cause (I/O, parse).
     *
     * @param location the model, file or field concerned
     * @param message what is wrong and what would be valid
     * @param cause the underlying failure
     */
    public CreditModelException(String location, String message, Throwable cause) {
        super(location, message, cause);
    }
}
