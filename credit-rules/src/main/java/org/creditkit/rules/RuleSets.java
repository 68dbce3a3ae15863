package org.creditkit.rules;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point for loading rule sets: check them (lint, parse, validate, compile, every problem as
 * {@code file:line:column}) or compile them into a {@link CompiledRuleSet}.
 *
 * <pre>{@code
 * List<RuleProblem> problems = RuleSets.check(RuleSetSource.directory(Path.of("rules")));
 * CompiledRuleSet rules = RuleSets.compile(RuleSetSource.defaultPolicy());
 * }</pre>
 */
public final class RuleSets {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSets.class);

    private RuleSets() {
    }

    /**
     * Every problem of a rule set; empty when it would compile.
     *
     * @param source the sources
     * @param options linter options
     * @return problems in file order
     */
    public static List<RuleProblem> check(RuleSetSource source, LintOptions options) {
        return RuleSetCompiler.check(source, options);
    }

    /**
     * Every problem of a rule set with the default linter options.
     *
     * @param source the sources
     * @return problems
     */
    public static List<RuleProblem> check(RuleSetSource source) {
        return check(source, LintOptions.DEFAULT);
    }

    /**
     * Compiles a rule set (executable model, one shared KieBase).
     *
     * @param source the sources
     * @param options linter options
     * @return the compiled set; close it when done
     * @throws RuleSetException listing every problem
     */
    public static CompiledRuleSet compile(RuleSetSource source, LintOptions options) {
        long t0 = System.nanoTime();
        CompiledRuleSet rules = new CompiledRuleSet(RuleSetCompiler.compile(source, options), source);
        LOG.info("rule set {} built from {}: {} rules in {} ms", rules.version().substring(0, 12), source.origin(),
                rules.ruleNames().size(), (System.nanoTime() - t0) / 1_000_000);
        return rules;
    }

    /**
     * Compiles a rule set with the default linter options.
     *
     * @param source the sources
     * @return the compiled set
     * @throws RuleSetException listing every problem
     */
    public static CompiledRuleSet compile(RuleSetSource source) {
        return compile(source, LintOptions.DEFAULT);
    }
}
