package org.creditkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.creditkit.core.CreditException;
import org.creditkit.core.monitor.MonitorReport;
import org.creditkit.core.monitor.MonitorSummary;
import org.creditkit.core.monitor.WarningGrader;
import org.creditkit.core.monitor.WarningParameters;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.WarningRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code credit monitor --book FILE [--model BUNDLE] [--rules DIR] --out DIR}: post-loan monitoring of a
 * loan book. Exit 0 when the book is within its limits, 1 when some lines were rejected (the rest
 * monitored), 2 when the RED share or drift exceeds the limits, 3 when the book, model or rules cannot be used.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Monitor a loan book (JSON Lines of \"loan\" lines, each followed by its \"month\" lines; "
                + "docs/monitoring.md): four-colour early warnings per loan and month, quarterly re-scoring and "
                + "re-limiting with the model and policy, vintage curves, roll rates, default rate by warning level, "
                + "the risk-compensation fund's share of losses and drift.",
            "Writes DIR/warnings.jsonl, DIR/reevaluations.jsonl, DIR/monitor.json and DIR/monitor.html.",
            "Exit codes: 0 within limits, 1 some lines rejected, 2 a limit exceeded (RED share, drift), 3 unusable input."})
final class MonitorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    TrustOptions trustOptions;

    @Option(names = "--book", required = true, paramLabel = "FILE", description = "The loan book (JSON Lines).")
    Path book;

    @Option(names = "--model", paramLabel = "BUNDLE", description = "Model bundle for re-scoring (default: the built-in expert bundle).")
    Path model;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule set for re-limiting (default: the built-in policy).")
    Path rules;

    @Option(names = "--warning-rules", paramLabel = "DIR", description = "Grade warning levels with the Drools "
            + "warning rules in DIR (.drl files and scenarios/, see docs/monitoring.md) instead of the built-in points; "
            + "their scenarios must pass.")
    Path warningRules;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--max-red-share", paramLabel = "SHARE", defaultValue = "0.05",
            description = "Fail (exit 2) when more than this share of loans is at RED now (default ${DEFAULT-VALUE}).")
    double maxRedShare;

    @Option(names = "--max-drift-flags", paramLabel = "N", defaultValue = "-1",
            description = "Fail (exit 2) when more than N indicators drifted materially and significantly; -1 (default) "
                    + "reports indicator drift without failing. A PD shift always fails.")
    int maxDriftFlags;

    @Option(names = "--lgd", paramLabel = "SHARE", defaultValue = "0.45",
            description = "Loss given default for the loss and fund figures (default ${DEFAULT-VALUE}).")
    double lgd;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The date the book is monitored as of (YYYY-MM-DD; "
            + "default: today, China time). A loan booked, a month reported or data extracted after it is rejected "
            + "with its line: a book shifted into the future is not monitored as if it had happened.")
    String asOf;

    /** The clock that gives today when no --as-of is given; tests fix it. */
    java.time.Clock clock = java.time.Clock.system(org.creditkit.core.domain.LoanApplication.CHINA_TIME);

    @picocli.CommandLine.Mixin
    Progress.Options progress = new Progress.Options();

    /** Unusable input: exit 3 with what was wrong and how to get help. */
    private static int usage(PrintWriter err, String message) {
        err.println("credit monitor: " + message);
        err.println("Try 'credit monitor --help' for usage.");
        err.flush();
        return CreditCli.EXIT_USAGE;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        if (!Files.isRegularFile(book)) {
            return usage(err, "--book " + book + ": no such file");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return usage(err, "--out " + out + ": exists and is not a directory");
        }
        BatchFiles.requireOutputs(spec, BatchFiles.files("--book", book), Map.of(), "--out", out,
                "warnings.jsonl", "reevaluations.jsonl", "monitor.json", "monitor.html");
        if (!(lgd > 0 && lgd <= 1)) {
            return usage(err, "--lgd " + lgd + ": expected a loss given default in (0, 1], e.g. 0.45");
        }
        if (!(maxRedShare >= 0 && maxRedShare <= 1)) {
            return usage(err, "--max-red-share " + maxRedShare + ": expected a share in [0, 1], e.g. 0.05");
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(
                org.creditkit.core.domain.LoanApplication.CHINA_TIME));
        java.time.LocalDate asOfDate = today;
        if (asOf != null) {
            try {
                asOfDate = java.time.LocalDate.parse(asOf);
            } catch (java.time.format.DateTimeParseException e) {
                return usage(err, "--as-of '" + asOf + "': not a date; expected YYYY-MM-DD, e.g. " + today);
            }
            if (asOfDate.isAfter(today)) {
                return usage(err, "--as-of " + asOfDate + " is after today (" + today + ", China time): a book cannot"
                        + " be monitored as of a day that has not come; valid: " + today + " or earlier");
            }
        }
        if (maxDriftFlags < -1) {
            return usage(err, "--max-drift-flags " + maxDriftFlags + ": expected -1 (report drift without failing) or"
                    + " a count of 0 or more");
        }
        MonitorSummary.Limits limits;
        try {
            MonitorSummary.Limits d = MonitorSummary.Limits.defaults();
            limits = new MonitorSummary.Limits(lgd, d.fundThresholdNpl(), d.fundShare(), maxRedShare, maxDriftFlags,
                    d.maxRedListed());
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        CreditEngine.Builder builder = CreditEngine.builder();
        CreditEngine engine;
        try {
            builder.trust(trustOptions.store());
            if (trustOptions.allowUnsigned) {
                builder.allowUnsignedBundles();
            }
            builder.model(ModelOptions.bundle(model));
            if (rules != null) {
                // a batch never hot-reloads, so no scenario gate is needed (rules check/test run them)
                builder.rules(RuleSetSource.directory(rules)).withoutScenarioGate();
            }
            engine = builder.build();
        } catch (CreditException e) {
            err.println("credit monitor: " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        WarningParameters parameters = WarningParameters.defaults();
        WarningGrader grader = WarningGrader.points(parameters);
        WarningRules warnings = null;
        if (warningRules != null) {
            try {
                warnings = WarningRules.directory(warningRules, parameters);
                List<WarningRules.ScenarioResult> scenarios = warnings.runScenarios();
                List<WarningRules.ScenarioResult> failed = scenarios.stream().filter(r -> !r.passed()).toList();
                if (!failed.isEmpty()) {
                    failed.forEach(r -> err.println("credit monitor: --warning-rules " + warningRules + ": " + r));
                    err.println("credit monitor: the warning rules fail " + failed.size() + " of their own scenarios;"
                            + " nothing was monitored");
                    err.flush();
                    warnings.close();
                    engine.close();
                    return CreditCli.EXIT_VERDICT;
                }
                grader = warnings;
                outWriter.println("warning levels from " + warnings.ruleNames().size() + " rules in " + warningRules
                        + " (version " + warnings.version().substring(0, 12) + ", "
                        + scenarios.size() + " scenarios passed)");
            } catch (CreditException e) {
                if (warnings != null) {
                    warnings.close();
                }
                engine.close();
                return usage(err, "--warning-rules " + e.getMessage());
            }
        }
        LoanBookWorkflow.Monitored result;
        try (engine) {
            Progress p = new Progress(err, progress.wanted(), "loan-book lines", 0);
            result = LoanBookWorkflow.monitor(book, engine, parameters, grader, limits, asOfDate, out, err, p);
        } catch (IOException | UncheckedIOException e) {
            err.println("credit monitor: cannot monitor " + book + " into " + out + ": " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        } finally {
            if (warnings != null) {
                warnings.close();
            }
        }
        MonitorSummary s = result.summary();
        if (s.loans() == 0) {
            // every line rejected (or an empty file): a PASS over nothing would be a plausible wrong answer
            return usage(err, "--book " + book + ": no loan could be read (" + result.read().badLines() + " of "
                    + result.read().lines() + " lines rejected, see above); nothing was monitored");
        }
        outWriter.println("monitoring " + MonitorReport.verdict(s) + ": " + LoanBookWorkflow.describe(s));
        s.breaches().forEach(b -> outWriter.println("  limit exceeded: " + b));
        outWriter.println("report: " + result.html());
        outWriter.flush();
        if (result.read().badLines() > 0) {
            err.println("credit monitor: " + result.read().badLines() + " of " + result.read().lines()
                    + " lines rejected (see above); the rest was monitored");
            err.flush();
        }
        if (!s.breaches().isEmpty()) {
            return CreditCli.EXIT_VERDICT;
        }
        return result.read().badLines() > 0 ? CreditCli.EXIT_REJECTED : CreditCli.EXIT_OK;
    }
}
