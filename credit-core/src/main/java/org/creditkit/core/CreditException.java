package org.creditkit.core;

import java.util.List;

/**
 * The exception family of creditkit's runtime, in two tiers: {@link CreditDataException} for bad
 * data about one applicant or document (reject or refer it, keep serving) and
 * {@link CreditModelException} for a broken model bundle, rule set or configuration (refuse to load
 * it, keep the one in service). Both carry every {@link Problem} found, each with its location.
 */
public abstract sealed class CreditException extends RuntimeException
        permits CreditDataException, CreditModelException {

    private static final long serialVersionUID = 1L;

    /** Problems are immutable records; the list is copied. */
    @SuppressWarnings("serial")
    private final List<Problem> problems;

    /**
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    CreditException(List<Problem> problems) {
        super(Problem.describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** A single problem with an underlying cause (I/O, parse). */
    CreditException(String location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.problems = List.of(Problem.of(location, message));
    }

    /** Every problem found, in the order found. */
    public List<Problem> problems() {
        return problems;
    }
}
