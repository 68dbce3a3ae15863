package org.creditkit.core;

import java.util.List;

/**
 * Bad data about one applicant or one input document: the application is rejected or referred,
 * the service keeps serving. Carries every problem found, not just the first.
 */
public final class CreditDataException extends CreditException {

    private static final long serialVersionUID = 1L;

    /**
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public CreditDataException(List<Problem> problems) {
        super(problems);
    }

    /** A single problem. */
    public CreditDataException(String location, String message) {
        this(List.of(Problem.of(location, message)));
    }

    /** A single problem with an underlying cause, such as the I/O error that stopped reading a file. */
    public CreditDataException(String location, String message, Throwable cause) {
        super(location, message, cause);
    }
}
