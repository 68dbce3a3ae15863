package org.creditkit.rules;

/**
 * The exception family of credit-rules: {@link RuleInputException} for bad data about one
 * application (reject or refer that application, keep serving) and {@link RuleSetException} for a
 * broken rule set (refuse to load it, keep the old one).
 */
public abstract class RulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, where, and what would be valid
     */
    protected RulesException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, where, and what would be valid
     * @param cause the underlying failure
     */
    protected RulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
