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
import org.creditkit.rules.WarningRules;
import org.creditkit.rules.testing.Scenario;
import org.creditkit.rules.testing.ScenarioResult;
import org.creditkit.rules.testing.Scenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code credit rules}: lets risk teams start from, check and test a rule set before it goes live.
 * <ul>
 *   <li>{@code credit rules init DIR} — writes an editable copy of the default policy (the .drl files,
 *       {@code parameters.json} and {@code products.json}) and its scenarios ({@code DIR/scenarios/*.json}); refuses to
 *       overwrite a file.</li>
 *   <li>{@code credit rules check DIR [--strict]} — check against the allow-list, parse, validate the
 *       parameters and compile; prints every problem as {@code file:line:col message}, then warns of
 *       every rule no scenario of {@code DIR/scenarios} fires ({@code --strict}: errors); exit 0 when
 *       clean, 2 when any problem.</li>
 *   <li>{@code credit rules test DIR [--scenarios DIR]} — compiles the rules, runs every scenario
 *       (default {@code DIR/scenarios}) and prints PASS/FAIL per case with the differences; exit 0 when
 *       all pass, 2 otherwise.</li>
 * </ul>
 * Exit codes as {@link CreditCli}: a missing directory or other usage error exits 3.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check and test decision rule sets (.drl files, parameters.json and products.json).",
        subcommands = {RulesCommand.Init.class, RulesCommand.Check.class, RulesCommand.Test.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Prints the usage: a subcommand is required. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: use 'init', 'check' or 'test'");
    }

    /** {@code credit rules init DIR}. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Write an editable copy of the default policy (.drl files, parameters.json, products.json) "
                    + "to DIR and its scenarios to DIR/scenarios.",
                "Then: edit, 'credit rules test DIR --scenarios DIR/scenarios', 'credit decide --rules DIR'."})
    public static final class Init implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Directory to create (must not hold the files yet).")
        Path dir;

        @Option(names = "--warnings", description = "Write the default early-warning rules (levels.drl "
                + "and their scenarios) instead of the decision policy; use them with 'credit monitor --warning-rules DIR'.")
        boolean warnings;

        /** Writes the copy. */
        @Override
        public Integer call() throws java.io.IOException {
            RuleSetSource source = warnings ? WarningRules.defaultSource() : RuleSetSource.defaultPolicy();
            java.util.SortedMap<String, String> files = new java.util.TreeMap<>(source.files());
            java.util.SortedMap<String, String> scenarios = warnings ? source.scenarioFiles()
                    : Scenarios.defaultScenarioFiles();
            scenarios.forEach((name, text) -> files.put("scenarios/" + name, text));
            List<String> existing = files.keySet().stream().filter(n -> java.nio.file.Files.exists(dir.resolve(n)))
                    .toList();
            if (!existing.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), dir + " already holds " + existing
                        + "; choose an empty or new directory (nothing was written)");
            }
            java.nio.file.Files.createDirectories(dir.resolve("scenarios"));
            for (var e : files.entrySet()) {
                java.nio.file.Files.writeString(dir.resolve(e.getKey()), e.getValue(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote the default " + (warnings ? "warning rules" : "policy") + " (" + source.files().size()
                    + " files) and " + scenarios.size() + " scenarios to " + dir);
            out.println(warnings ? "next: edit the .drl files and scenarios, then 'credit monitor --warning-rules " + dir
                    + " ...' (it runs the scenarios first)"
                    : "next: edit the .drl files, parameters.json or products.json, then 'credit rules test " + dir
                    + " --scenarios " + dir.resolve("scenarios") + "'");
            out.flush();
            return CreditCli.EXIT_OK;
        }
    }

    /** {@code credit rules check DIR}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Lint and compile a rule set; print every problem as file:line:col. Exit 0 clean, 2 problems.")
    public static final class Check implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR",
                description = "Directory with the .drl files, parameters.json and products.json (and its scenarios/ folder).")
        Path dir;

        @Option(names = "--strict", description = "Rules that no scenario of DIR/scenarios fires are errors, not warnings.")
        boolean strict;

        /** Runs the check. */
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            requireDirectory(spec, dir, "DIR");
            List<RuleProblem> problems;
            RuleSetSource source = null;
            try {
                source = RuleSetSource.directory(dir);
                problems = RuleSets.check(source);
            } catch (RuleSetException e) {
                problems = e.ruleProblems();
            }
            for (RuleProblem p : problems) {
                out.println(p);
            }
            List<RuleProblem> unfired = List.of();
            if (problems.isEmpty()) {
                try {
                    unfired = coverage(source);
                } catch (RuleSetException e) {
                    problems = e.ruleProblems();
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
            return errors == 0 ? CreditCli.EXIT_OK : CreditCli.EXIT_VERDICT;
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
                    + " Exit 0 all pass, 2 otherwise.")
    public static final class Test implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR",
                description = "Directory with the .drl files, parameters.json and products.json.")
        Path dir;

        @Option(names = "--scenarios", paramLabel = "DIR",
                description = "Directory of scenario .json files (default: DIR/scenarios).")
        Path scenarios;

        /** Runs the scenarios. */
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            requireDirectory(spec, dir, "DIR");
            if (scenarios != null) {
                requireDirectory(spec, scenarios, "--scenarios");
            }
            List<Scenario> cases;
            CompiledRuleSet rules;
            try {
                cases = Scenarios.load(scenarios != null ? scenarios : dir.resolve(RuleSetSource.SCENARIOS));
                rules = RuleSets.compile(RuleSetSource.directory(dir));
            } catch (RuleSetException e) {
                for (RuleProblem p : e.ruleProblems()) {
                    out.println(p);
                }
                out.println(e.ruleProblems().size() + " problem(s): no scenario was run");
                out.flush();
                return CreditCli.EXIT_VERDICT;
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
            return failed == 0 ? CreditCli.EXIT_OK : CreditCli.EXIT_VERDICT;
        }
    }

    private static void requireDirectory(CommandLine.Model.CommandSpec spec, Path dir, String what) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), what + " " + dir
                    + ": no such directory (create one with 'credit rules init DIR')");
        }
    }
}
