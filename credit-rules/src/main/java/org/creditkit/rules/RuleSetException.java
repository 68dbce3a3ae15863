package org.creditkit.rules;

import java.util.List;
import java.util.stream.Collectors;
import org.creditkit.core.CreditRuleSetException;
import org.creditkit.core.Problem;

/**
 * A broken rule set (allow-list, parse, compile, parameter or scenario problems): it is refused, old rules
 * stay. The rule-set tier of the one exception family ({@link org.creditkit.core.CreditException});
 * {@link #problems()} gives each problem with the location {@code file:line:column},
 * {@link #ruleProblems()} the same problems with line and column as numbers.
 */
public final class RuleSetException extends CreditRuleSetException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> ruleProblems;

    /**
     * Creates the exception from its problems.
     *
     * @param origin where the rule set came from (directory or classpath location)
     * @param problems every problem found, at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public RuleSetException(String origin, List<RuleProblem> problems) {
        super("The rule set " + origin + " has " + problems.size() + " problem(s):\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")),
                problems.stream().map(p -> Problem.of(p.file() + ":" + p.line() + ":" + p.column(), p.message()))
                        .toList());
        this.ruleProblems = List.copyOf(problems);
    }

    /**
     * Returns every problem found, each as {@code file:line:column message}.
     *
     * @return the problems, never empty
     */
    public List<RuleProblem> ruleProblems() {
        return ruleProblems;
    }
}
