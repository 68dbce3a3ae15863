package org.creditkit.rules;

import java.util.List;

/**
 * Entry point for loading rule sets: check them (allow-list, parse, validate, compile, every problem as
 * {@code file:line:column}) or compile them into a {@link CompiledRuleSet}.
 *
 * <pre>{@code
 * List<RuleProblem> problems = RuleSets.check(RuleSetSource.directory(Path.of("rules")));
 * CompiledRuleSet rules = RuleSets.compile(RuleSetSource.defaultPolicy());
 * }</pre>
 */
public final class RuleSets {

    private RuleSets() {
    }

    /**
     * Every problem of a rule set: what the allow-list refuses (see {@code docs/rules.md}), syntax,
     * parameters and compile errors; empty when it would compile.
     *
     * @param source the sources
     * @return problems in file order
     */
    public static List<RuleProblem> check(RuleSetSource source) {
        return RuleSetCompiler.check(source);
    }

    /**
     * Compiles a rule set (executable model, one shared KieBase) after checking it against the allow-list.
     *
     * @param source the sources
     * @return the compiled set; close it when done
     * @throws RuleSetException listing every problem
     */
    public static CompiledRuleSet compile(RuleSetSource source) {
        return new CompiledRuleSet(RuleSetCompiler.compile(source), source);
    }
}
