package org.creditkit.core;

import java.util.List;

/**
 * Bad data about one applicant or one input document: the application is rejected or referred,
 * the service keeps serving. Carries every problem found, not just the first.
 */
public final class CreditDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Problems are immutable records; the list is copied. */
    @SuppressWarnings("serial")
    private final List<Problem> problems;

    /**
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public CreditDataException(List<Problem> problems) {
        super(Problem.describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** A single problem. */
    public CreditDataException(String location, String message) {
        this(List.of(Problem.of(location, message)));
    }

    /** A single problem with an underlying cause, such as the I/O error that stopped reading a file. */
    public CreditDataException(String location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.problems = List.of(Problem.of(location, message));
    }

    /** Every problem found, in document order. */
    public List<Problem> problems() {
        return problems;
    }
}
