package org.creditkit.core;

import java.util.List;

/**
 * A broken rule set (lint, parse, compile, parameter or scenario problems): it is refused and the
 * rules in service stay. Each {@link Problem} is located as {@code file:line:column} in the file a
 * risk team edits.
 */
public class CreditRuleSetException extends CreditException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from its problems.
     *
     * @param message the whole message, naming the rule set
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    protected CreditRuleSetException(String message, List<Problem> problems) {
        super(message, problems);
    }

    /**
     * A single problem.
     *
     * @param location the rule set, file or {@code file:line:column}
     * @param message what is wrong and what would be valid
     */
    public CreditRuleSetException(String location, String message) {
        super(location, message, null);
    }
}
