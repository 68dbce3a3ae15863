package org.creditkit.rules;

import java.util.List;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;

/**
 * Bad data about one application, found while building its {@link RuleInput}: the application is
 * rejected or referred, the engine keeps serving. The data tier of the one exception family
 * ({@link org.creditkit.core.CreditException}). {@link DecisionLimitException} is the one subclass:
 * rules that ran away on one application.
 */
public class RuleInputException extends CreditDataException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, in which field, and what would be valid
     */
    public RuleInputException(String message) {
        super(List.of(Problem.of("", message)));
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and where
     * @param cause the underlying failure
     */
    public RuleInputException(String message, Throwable cause) {
        super("", message, cause);
    }
}
