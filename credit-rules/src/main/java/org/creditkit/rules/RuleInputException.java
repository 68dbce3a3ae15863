package org.creditkit.rules;

/**
 * Bad data about one application: the application is rejected or referred, the engine keeps serving.
 * {@link DecisionLimitException} is the one subclass: rules that ran away on one application.
 */
public class RuleInputException extends RulesException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, in which field, and what would be valid
     */
    public RuleInputException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and where
     * @param cause the underlying failure
     */
    public RuleInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
