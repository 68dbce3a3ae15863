package org.creditkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditkit.rules.CompiledRuleSet;
import org.creditkit.rules.RuleProblem;
import org.creditkit.rules.RuleSetException;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.RuleSets;
import org.creditkit.rules.Scenario;
import org.creditkit.rules.ScenarioResult;
import org.creditkit.rules.Scenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code credit rules}: lets risk teams check and test a rule set before it goes live.
 * <ul>
 *   <li>{@code credit rules check DIR} — check against the allow-list, parse, validate the parameters and compile; prints every
 *       problem as {@code file:line:col message}, then warns of every rule no scenario of
 *       {@code DIR/scenarios} fires ({@code --strict}: errors); exit 0 when clean, 1 when any problem.</li>
 *   <li>{@code credit rules test DIR [--scenarios DIR]} — compiles the rules, runs every scenario and
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

        @Parameters(index = "0", paramLabel = "DIR", description = "Directory with the .drl files and parameters.json"
                + " (and its scenarios/ folder).")
        Path dir;

        @Option(names = "--strict", description = "Rules that no scenario of DIR/scenarios fires are errors, not warnings.")
        boolean strict;

        /** Runs the check. */
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<RuleProblem> problems;
            RuleSetSource source = null;
            try {
                source = RuleSetSource.directory(dir);
                problems = RuleSets.check(source);
            } catch (RuleSetException e) {
                problems = e.problems();
            }
            for (RuleProblem p : problems) {
                out.println(p);
            }
            List<RuleProblem> unfired = List.of();
            if (problems.isEmpty()) {
                try {
                    unfired = coverage(source);
                } catch (RuleSetException e) {
                    problems = e.problems();
                    problems.forEach(out::println);
                }
            }
            String level = strict ? "error: " : "warning: ";
            for (RuleProblem p : unfired) {
                out.println(level + p);
            }
            int errors = problems.size() + (strict ? unfired.size() : 0);
            out.println(errors == 0 ? "OK: " + dir + " has no problems"
                    + (unfired.isEmpty() ? "" : " (" + unfired.size() + " warning(s); --strict makes them errors)")
                    : errors + " problem(s) in " + dir);
            out.flush();
            return errors == 0 ? 0 : 1;
        }

        /**
         * The rules no scenario of the directory fires (one warning when it has no scenarios/).
         *
         * @throws RuleSetException when a scenario file is broken
         */
        private List<RuleProblem> coverage(RuleSetSource source) {
            List<Scenario> cases = source.scenarios();
            if (cases.isEmpty()) {
                return List.of(RuleProblem.of(dir.toString(), 1, 1, "has no " + RuleSetSource.SCENARIOS
                        + "/ folder of scenarios: no rule is tested, and reloads of these rules are refused unless the"
                        + " engine is built withoutScenarioGate()"));
            }
            try (CompiledRuleSet rules = RuleSets.compile(source)) {
                return RuleSets.unfiredRules(rules, Scenarios.run(rules, cases));
            }
        }
    }


    /** {@code credit rules test DIR [--scenarios DIR]} (default DIR/scenarios). */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run scenario cases against a rule set; PASS/FAIL per case with the differences."
                    + " Exit 0 all pass, 1 otherwise.")
    public static final class Test implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Directory with the .drl files and parameters.json.")
        Path dir;

        @Option(names = "--scenarios", paramLabel = "DIR",
                description = "Directory of scenario .json files (default: DIR/scenarios).")
        Path scenarios;

        /** Runs the scenarios. */
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Scenario> cases;
            CompiledRuleSet rules;
            try {
                cases = Scenarios.load(scenarios != null ? scenarios : dir.resolve(RuleSetSource.SCENARIOS));
                rules = RuleSets.compile(RuleSetSource.directory(dir));
            } catch (RuleSetException e) {
                for (RuleProblem p : e.problems()) {
                    out.println(p);
                }
                out.println(e.problems().size() + " problem(s): no scenario was run");
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
