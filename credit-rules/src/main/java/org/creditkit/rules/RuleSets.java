package org.creditkit.rules;

import java.util.List;
import org.creditkit.rules.testing.ScenarioResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(RuleSets.class);

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
     * Rule files identical to the default policy's load the executable model precompiled when
     * credit-rules was built (checked then), instead of compiling at load.
     *
     * @param source the sources
     * @return the compiled set; close it when done
     * @throws RuleSetException listing every problem
     */
    public static CompiledRuleSet compile(RuleSetSource source) {
        return compile(source, DecisionLimits.DEFAULT);
    }

    /**
     * Compiles a rule set whose decisions are held to the given limits.
     *
     * @param source the sources
     * @param limits firing and time limits of each decision
     * @return the compiled set; close it when done
     * @throws RuleSetException listing every problem
     */
    public static CompiledRuleSet compile(RuleSetSource source, DecisionLimits limits) {
        long t0 = System.nanoTime();
        CompiledRuleSet rules = new CompiledRuleSet(RuleSetCompiler.compile(source), source,
                java.util.Objects.requireNonNull(limits, "limits"));
        LOG.info("rule set {} built from {}: {} rules in {} ms ({})", rules.version().substring(0, 12), source.origin(),
                rules.ruleNames().size(), (System.nanoTime() - t0) / 1_000_000,
                rules.precompiled() ? "precompiled executable model" : "compiled at load");
        return rules;
    }

    /**
     * The rules no scenario fires, each as a warning at the rule's declaration: a change to such a
     * rule would pass every gate untested.
     *
     * @param rules the compiled rules the scenarios ran on
     * @param results the scenario results (a failed decision fires nothing)
     * @return one problem per unfired rule, in declaration order
     */
    public static List<RuleProblem> unfiredRules(CompiledRuleSet rules, List<ScenarioResult> results) {
        java.util.Set<String> fired = new java.util.HashSet<>();
        for (ScenarioResult r : results) {
            r.decision().ifPresent(d -> fired.addAll(d.firedRules()));
        }
        List<RuleProblem> out = new java.util.ArrayList<>();
        for (String name : rules.ruleNames()) {
            if (!fired.contains(name)) {
                RuleProblem site = rules.ruleSite(name);
                out.add(RuleProblem.of(site.file(), site.line(), site.column(), "rule \"" + name
                        + "\" is fired by no scenario; add a scenario that fires it, or a change to it goes live untested"));
            }
        }
        return out;
    }
}
