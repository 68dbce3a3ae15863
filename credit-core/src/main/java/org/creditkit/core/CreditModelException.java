package org.creditkit.core;

import java.util.List;

/**
 * A broken model bundle, rule set or configuration: refuse to load it (and keep the one already
 * in service). Carries every problem found.
 */
public final class CreditModelException extends CreditException {

    private static final long serialVersionUID = 1L;

    /**
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public CreditModelException(List<Problem> problems) {
        super(problems);
    }

    /** A single problem. */
    public CreditModelException(String location, String message) {
        this(List.of(Problem.of(location, message)));
    }

    /** A single problem with an underlying cause (I/O, parse). */
    public CreditModelException(String location, String message, Throwable cause) {
        super(location, message, cause);
    }
}
