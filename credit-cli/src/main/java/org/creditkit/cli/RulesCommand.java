package org.creditkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditkit.rules.CompiledRuleSet;
import org.creditkit.rules.LintOptions;
import org.creditkit.rules.RuleProblem;
import org.creditkit.rules.RuleSetException;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.RuleSets;
import org.creditkit.rules.testing.Scenario;
import org.creditkit.rules.testing.ScenarioResult;
import org.creditkit.rules.testing.Scenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code credit rules}: lets risk teams check and test a rule set before it goes live.
 * <ul>
 *   <li>{@code credit rules check DIR} — lint, parse, validate the parameters and compile; prints every
 *       problem as {@code file:line:col message}; exit 0 when clean, 1 when any problem.</li>
 *   <li>{@code credit rules test DIR --scenarios DIR} — compiles the rules, runs every scenario and
 *       prints PASS/FAIL per case with the differences; exit 0 when all pass, 1 otherwise.</li>
 * </ul>
 * Usage errors exit 2.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check and test decision rule sets (.drl files plus parameters.json).",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
public final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Prints the usage: a subcommand is required. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: use 'check' or 'test'");
    }

    /** {@code credit rules check DIR}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Lint and compile a rule set; print every problem as file:line:col. Exit 0 clean, 1 problems.")
    public static final class Check implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Directory with the .drl files and parameters.json.")
        Path dir;

        @Option(names = "--allow-functions", description = "Allow DRL 'function' blocks (rejected by default).")
        boolean allowFunctions;

        /** Runs the check. */
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<RuleProblem> problems;
            try {
                problems = RuleSets.check(RuleSetSource.directory(dir), LintOptions.of(allowFunctions));
            } catch (RuleSetException e) {
                problems = e.ruleProblems();
            }
            for (RuleProblem p : problems) {
                out.println(p);
            }
            out.println(problems.isEmpty() ? "OK: " + dir + " has no problems"
                    : problems.size() + " problem(s) in " + dir);
            out.flush();
            return problems.isEmpty() ? 0 : 1;
        }
    }

    /** {@code credit rules test DIR --scenarios DIR}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run scenario cases against a rule set; PASS/FAIL per case with the differences."
                    + " Exit 0 all pass, 1 otherwise.")
    public static final class Test implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Directory with the .drl files and parameters.json.")
        Path dir;

        @Option(names = "--scenarios", required = true, paramLabel = "DIR",
                description = "Directory of scenario .json files.")
        Path scenarios;

        @Option(names = "--allow-functions", description = "Allow DRL 'function' blocks (rejected by default).")
        boolean allowFunctions;

        /** Runs the scenarios. */
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Scenario> cases;
            CompiledRuleSet rules;
            try {
                cases = Scenarios.load(scenarios);
                rules = RuleSets.compile(RuleSetSource.directory(dir), LintOptions.of(allowFunctions));
            } catch (RuleSetException e) {
                for (RuleProblem p : e.ruleProblems()) {
                    out.println(p);
                }
                out.println(e.ruleProblems().size() + " problem(s): no scenario was run");
                out.flush();
                return 1;
            }
            int failed = 0;
            try (rules) {
                for (ScenarioResult r : Scenarios.run(rules, cases)) {
                    if (r.passed()) {
                        out.println("PASS " + r.scenario().name());
                    } else {
                        failed++;
                        out.println("FAIL " + r.scenario().name());
                        for (String d : r.differences()) {
                            out.println("     " + d);
                        }
                    }
                }
            }
            out.println((cases.size() - failed) + " passed, " + failed + " failed (ruleset " + rules.version() + ")");
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }
}
