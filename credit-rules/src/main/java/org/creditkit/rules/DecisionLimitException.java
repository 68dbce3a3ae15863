package org.creditkit.rules;

/**
 * A decision stopped by its {@link DecisionLimits}: the rules fired too often or ran too long on
 * one application (a rule loop). That application gets no decision; the session is discarded and
 * the engine keeps serving other applications.
 */
public final class DecisionLimitException extends RuleInputException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which limit, on which application, and the rule that was about to fire
     */
    public DecisionLimitException(String message) {
        super(message);
    }
}
