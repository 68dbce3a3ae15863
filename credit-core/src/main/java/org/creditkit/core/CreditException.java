package org.creditkit.core;

import java.util.List;

/**
 * The one exception root of creditkit, for every module: a caller that wants to survive anything
 * creditkit refuses catches this type. It has four tiers, each saying what the caller should do:
 *
 * <ul>
 *   <li>{@link CreditDataException}: bad data about one applicant or one input document (a JSON path
 *       such as {@code $.enterprise.uscc}, or {@code file:line}). Reject or refer that application,
 *       keep serving.</li>
 *   <li>{@link CreditModelException}: a broken model bundle or training run, or a model that does not
 *       fit the feature catalogue it is used with. Refuse to load it, keep the one in service.</li>
 *   <li>{@link CreditRuleSetException}: a broken rule set (lint, parse, compile, parameters, scenarios).
 *       Refuse it, keep the rules in service.</li>
 *   <li>{@link CreditDecisionException}: the rules failed while deciding one application (a rule threw,
 *       or wrote an impossible verdict). Refer that application to a person; the rule set needs a fix.</li>
 * </ul>
 *
 * <p>Every exception carries every {@link Problem} found, each with its location. Programming errors
 * (a null argument, a record built with an impossible value in code) stay
 * {@link NullPointerException} / {@link IllegalArgumentException}.
 */
public abstract class CreditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Problems are immutable records; the list is copied. */
    @SuppressWarnings("serial")
    private final List<Problem> problems;

    /**
     * Creates the exception from its problems.
     *
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    protected CreditException(List<Problem> problems) {
        super(Problem.describe(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates the exception from its problems, with a message of its own (for example one naming
     * the rule set or model the problems belong to).
     *
     * @param message the whole message
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    protected CreditException(String message, List<Problem> problems) {
        super(message);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem is needed");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates the exception for a single problem, with an optional underlying cause (I/O, parse).
     *
     * @param location where: a JSON path, {@code file:line}, a model or rule-set name
     * @param message what is wrong and what would be valid
     * @param cause the underlying failure, or {@code null}
     */
    protected CreditException(String location, String message, Throwable cause) {
        super(Problem.of(location, message).toString(), cause);
        this.problems = List.of(Problem.of(location, message));
    }

    /**
     * Every problem found, in the order found.
     *
     * @return the problems, never empty
     */
    public List<Problem> problems() {
        return problems;
    }
}
