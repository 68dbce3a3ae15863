package org.creditkit.core;

import java.util.List;

/**
 * Bad data about one applicant or one input document: the application is rejected or referred,
 * the service keeps serving. Each {@link Problem} is located by a JSON path ({@code $.enterprise.uscc})
 * or {@code file:line}. Carries every problem found, not just the first.
 */
public class CreditDataException extends CreditException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from its problems.
     *
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public CreditDataException(List<Problem> problems) {
        super(problems);
    }

    /**
     * A single problem.
     *
     * @param location a JSON path or {@code file:line}
     * @param message what is wrong and what would be valid
     */
    public CreditDataException(String location, String message) {
        this(List.of(Problem.of(location, message)));
    }

    /**
     * A single problem with an underlying cause, such as the I/O error that stopped reading a file.
     *
     * @param location a JSON path or {@code file:line}
     * @param message what is wrong and what would be valid
     * @param cause the underlying failure
     */
    public CreditDataException(String location, String message, Throwable cause) {
        super(location, message, cause);
    }
}
