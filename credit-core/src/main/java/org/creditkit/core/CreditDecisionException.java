package org.creditkit.core;

/**
 * The rules failed while deciding one application: a rule threw, or wrote an impossible verdict
 * (a negative limit, a rate outside [0, 1)). The input was valid, so refer the application to a
 * person and fix the rule set; the engine keeps serving other applications.
 */
public class CreditDecisionException extends CreditException {

    private static final long serialVersionUID = 1L;

    /**
     * A single problem.
     *
     * @param location the application and rule concerned
     * @param message what went wrong
     */
    public CreditDecisionException(String location, String message) {
        super(location, message, null);
    }

    /**
     * A single problem with its cause.
     *
     * @param location the application and rule concerned
     * @param message what went wrong
     * @param cause the exception the rules threw
     */
    public CreditDecisionException(String location, String message, Throwable cause) {
        super(location, message, cause);
    }
}
