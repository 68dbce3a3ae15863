package org.creditkit.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A broken rule set (allow-list, parse, compile, parameter or scenario problems): it is refused, old rules stay. */
public final class RuleSetException extends RulesException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    /**
     * Creates the exception from its problems.
     *
     * @param origin where the rule set came from (directory or classpath location)
     * @param problems every problem found, at least one
     */
    public RuleSetException(String origin, List<RuleProblem> problems) {
        super("The rule set " + origin + " has " + problems.size() + " problem(s):\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns every problem found, each as {@code file:line:column message}.
     *
     * @return the problems, never empty
     */
    public List<RuleProblem> problems() {
        return problems;
    }
}
