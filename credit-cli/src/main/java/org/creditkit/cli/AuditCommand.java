package org.creditkit.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.chain.BrokenChainException;
import org.creditkit.core.fairness.AuditConfig;
import org.creditkit.core.fairness.AuditAccumulator;
import org.creditkit.core.fairness.AuditReport;
import org.creditkit.core.fairness.AuditScope;
import org.creditkit.core.fairness.CheckResult;
import org.creditkit.core.fairness.CheckStatus;
import org.creditkit.core.fairness.DifferenceMethod;
import org.creditkit.core.fairness.FairnessReports;
import org.creditkit.core.fairness.FairnessThresholds;
import org.creditkit.core.fairness.GroupResult;
import org.creditkit.core.fairness.Grouping;
import org.creditkit.core.fairness.GroupingResult;
import org.creditkit.core.fairness.ReferenceKind;
import org.creditkit.core.fairness.SignificanceTest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code credit audit}: a fairness audit of a decision log or any flat table, with HTML, JSON and
 * Markdown reports and an exit code as {@link CreditCli}: 0 all pass or warnings only, 2 any
 * failure or no check with enough data, or a decision trail that is not one unbroken chain, 3 usage
 * or input error. A decision trail ({@code credit decide --log}) is read whole, every rotated part
 * in chain order.
 *
 * <p>Option errors (a missing {@code --data} file, bad {@code --groups} or {@code --favorable} syntax,
 * unknown values of {@code --format}, {@code --ci} and the like) are picocli usage errors: the message
 * and the usage help go to stderr. Bad data ({@link CreditDataException}: malformed lines, unknown
 * columns, no rows, a {@code --favorable} or {@code --outcome} value that occurs in no row, listing
 * the values that do) and a bad thresholds file ({@link CreditModelException}) print
 * {@code credit audit: } and every problem with its location. All of these exit with 3.
 *
 * <pre>
 * credit audit --data decisions.jsonl --groups industrySection,zone,industrySection*zone \
 *     --favorable tier=INSTANT_APPROVAL,MITIGATION --outcome defaulted=true --pd pd --score score \
 *     --reference industrySection=C --out target/audit
 * </pre>
 */
@Command(name = "audit", mixinStandardHelpOptions = true, version = "creditkit 0.1.0", sortOptions = false,
        description = {"Fairness audit of decisions: approval rates, error rates and calibration per group and "
                + "intersection, with 95%% intervals, tests, a justified-disparity view and threshold checks.",
            "Writes report.html, report.json and report.md to --out and prints a summary.",
            "Exit code: 0 all checks pass or warn, 2 any failure (or no check had enough data, or a decision trail "
                + "is not one unbroken chain), "
                + "3 usage or input error (including a --favorable or --outcome value that occurs in no row)."})
final class AuditCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Decisions to audit: flat JSON Lines, CSV with a header row, or the first file of a "
                    + "decision trail (credit decide --log; every rotated part is read, the chain checked first).")
    Path data;

    @Option(names = "--format", paramLabel = "jsonl|csv",
            description = "Input format; default from the file name (.csv, .jsonl/.ndjson/.json).")
    String format;

    @Option(names = "--groups", required = true, paramLabel = "GROUPING", split = ",", splitSynopsisLabel = ",",
            description = "Groupings to audit: column names, comma separated (repeatable); a*b audits the "
                    + "intersection of columns a and b, e.g. industrySection,zone,industrySection*zone.")
    List<String> groups;

    @Option(names = {"--favorable", "--favourable"}, required = true, paramLabel = "COL=VALUE[,VALUE]",
            description = "Decision column and the values that count as favourable (case-insensitive), "
                    + "e.g. tier=INSTANT_APPROVAL,MITIGATION or approved=true.")
    String favorable;

    @Option(names = "--outcome", paramLabel = "COL=BADVALUE",
            description = "Observed outcome column and its 'defaulted' value, e.g. defaulted=true; "
                    + "empty or null means not observed, the column's one other value means repaid "
                    + "(a column with more values needs --repaid).")
    String outcome;

    @Option(names = "--repaid", paramLabel = "VALUE", split = ",",
            description = "Values of the --outcome column that mean repaid, e.g. REPAID,SETTLED; any other "
                    + "value then means not observed (e.g. CURRENT). Needed when the column holds more than "
                    + "one value besides the defaulted one.")
    List<String> repaid;

    @Option(names = "--pd", paramLabel = "COL",
            description = "Probability-of-default column in [0, 1]: calibration, PD bands, AUC, PD gaps.")
    String pd;

    @Option(names = "--score", paramLabel = "COL",
            description = "Score column (higher = safer): AUC where no PD is given.")
    String score;

    @Option(names = "--reference", paramLabel = "GROUPING=VALUE",
            description = "Reference group of a grouping, e.g. industrySection=C or industrySection*zone=C*EAST "
                    + "(repeatable). Groupings without one use --reference-rule.")
    List<String> references = new ArrayList<>();

    @Option(names = "--reference-rule", paramLabel = "largest|highest-rate", defaultValue = "largest",
            description = "Reference for groupings without --reference (default: ${DEFAULT-VALUE}).")
    String referenceRule;

    @Option(names = "--thresholds", paramLabel = "FILE",
            description = "Thresholds JSON (see docs/fairness.md); default: the shipped default-thresholds.json.")
    Path thresholds;

    @Option(names = "--min-group-size", paramLabel = "N",
            description = "Minimum records per group (overrides the thresholds file).")
    Integer minGroupSize;

    @Option(names = "--ci", paramLabel = "newcombe|bootstrap", defaultValue = "newcombe",
            description = "Interval method for differences (default: ${DEFAULT-VALUE}).")
    String ci;

    @Option(names = "--test", paramLabel = "fisher|z", defaultValue = "fisher",
            description = "Significance test (default: ${DEFAULT-VALUE}).")
    String test;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20240601",
            description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Fairness audit",
            description = "Report title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--generated-at", paramLabel = "TEXT",
            description = "Audit date or timestamp printed in the reports (default: today's UTC date); pin it "
                    + "for byte-identical reports.")
    String generatedAt;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory for the reports.")
    Path out;

    @CommandLine.Mixin
    Progress.Options progress = new Progress.Options();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        BatchFiles.requireOutputs(spec, BatchFiles.files("--data", data, "--thresholds", thresholds), Map.of(), "--out",
                out, FairnessReports.HTML_FILE, FairnessReports.JSON_FILE, FairnessReports.MARKDOWN_FILE);
        Progress lines = new Progress(err, progress.wanted(), "audit: lines read", 0);
        try {
            AuditReport report = run(lines);
            List<Path> files = FairnessReports.writeAll(report, out);
            printSummary(stdout, report, files);
            stdout.flush();
            return report.exitCode();
        } catch (BrokenChainException e) {
            // a decision trail that is not one chain is not evidence: a verdict over it would mislead
            lines.done();
            err.println("credit audit: " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_VERDICT;
        } catch (CreditDataException | CreditModelException | IllegalArgumentException e) {
            lines.done();
            err.println("credit audit: " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        } catch (UncheckedIOException e) {
            lines.done();
            err.println("credit audit: " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
    }

    private AuditReport run(Progress lines) {
        if (!Files.isRegularFile(data)) {
            throw usage("--data " + data + ": no such file; pass an existing JSON Lines or CSV file");
        }
        AuditTableReader.Format fmt = format == null ? AuditTableReader.Format.fromFileName(data)
                : parseFormat(format);
        List<Grouping> groupings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String g : groups) {
            Grouping grouping;
            try {
                grouping = Grouping.parse(g);
            } catch (IllegalArgumentException e) {
                throw usage("--groups '" + g + "': " + e.getMessage()
                        + "; expected column names, comma separated, a*b for an intersection");
            }
            if (seen.add(grouping.name())) {
                groupings.add(grouping);
            }
        }
        String[] fav = splitPair(favorable, "--favorable", "COL=VALUE[,VALUE]");
        Set<String> favValues = new LinkedHashSet<>();
        for (String v : fav[1].split(",", -1)) {
            if (v.isBlank()) {
                throw usage("--favorable '" + favorable + "': empty value; expected COL=VALUE[,VALUE]");
            }
            favValues.add(v.trim());
        }
        Optional<String> outcomeColumn = Optional.empty();
        Optional<String> badValue = Optional.empty();
        if (outcome != null) {
            String[] o = splitPair(outcome, "--outcome", "COL=BADVALUE");
            outcomeColumn = Optional.of(o[0]);
            badValue = Optional.of(o[1]);
        }
        Set<String> repaidValues = new LinkedHashSet<>();
        if (repaid != null) {
            if (outcome == null) {
                throw usage("--repaid needs --outcome COL=BADVALUE: it names values of the outcome column");
            }
            for (String v : repaid) {
                if (v.isBlank()) {
                    throw usage("--repaid '" + String.join(",", repaid) + "': empty value; expected VALUE[,VALUE]");
                }
                repaidValues.add(v.trim());
            }
        }
        AuditRecordMapper.Spec mapping = new AuditRecordMapper.Spec(groupings, fav[0], favValues, outcomeColumn,
                badValue, repaidValues, Optional.ofNullable(score), Optional.ofNullable(pd));

        FairnessThresholds t = thresholds == null ? FairnessThresholds.defaults() : FairnessThresholds.read(thresholds);
        if (minGroupSize != null) {
            if (minGroupSize < 1) {
                throw usage("--min-group-size " + minGroupSize + ": expected an integer of at least 1");
            }
            t = t.withMinGroupSize(minGroupSize);
        }
        AuditConfig.Builder config = AuditConfig.builder().title(title).dataSource(data.getFileName().toString())
                .thresholds(t).defaultReference(parseReferenceRule(referenceRule))
                .differenceMethod(parseCi(ci)).significanceTest(parseTest(test)).bootstrap(1000, seed);
        groupings.forEach(config::grouping);
        Map<String, String> refs = new LinkedHashMap<>();
        for (String r : references) {
            String[] p = splitPair(r, "--reference", "GROUPING=VALUE");
            String name;
            try {
                name = Grouping.parse(p[0]).name();
            } catch (IllegalArgumentException e) {
                throw usage("--reference '" + r + "': " + e.getMessage() + "; expected GROUPING=VALUE");
            }
            if (!seen.contains(name)) {
                throw usage("--reference '" + r + "': grouping '" + name + "' is not in --groups " + seen);
            }
            refs.put(name, p[1]);
        }
        refs.forEach(config::reference);
        // the audit date is part of what an auditor signs: today's UTC date unless pinned
        config.generatedAt(generatedAt != null ? generatedAt : java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        // the scope (file digest, models, rule sets, period) is known only once the file is read
        AuditAccumulator audit = new AuditAccumulator(config.build());
        AuditScope scope = fmt == AuditTableReader.Format.JSONL ? AuditLogReader.read(data, mapping, audit, lines::update)
                : AuditTableReader.readCsv(data, mapping, audit, lines::update);
        lines.done();
        lines.step("auditing", 0, 1);
        AuditReport report = audit.report(scope);
        lines.step("auditing", 1, 1);
        for (GroupingResult g : report.groupings()) {
            if (g.groups().size() == 1) {
                // nothing to compare: the grouping's checks would all be "insufficient data", and beside
                // other groupings the verdict read PASS as if this attribute had been audited
                GroupResult only = g.groups().get(0);
                throw usage("--groups " + g.grouping() + ": all " + only.count() + " audited records of "
                        + data.getFileName() + " are in one group ('" + only.group() + "'), so there is nothing to"
                        + " compare; audit data with at least two " + g.grouping() + " values, or drop it from --groups");
            }
        }
        return report;
    }

    /** A usage error: exits with {@link CreditCli#EXIT_USAGE}. */
    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private String[] splitPair(String text, String option, String expected) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw usage(option + " '" + text + "': expected " + expected);
        }
        return new String[] {text.substring(0, eq).trim(), text.substring(eq + 1).trim()};
    }

    private AuditTableReader.Format parseFormat(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "jsonl", "ndjson", "json" -> AuditTableReader.Format.JSONL;
            case "csv" -> AuditTableReader.Format.CSV;
            default -> throw usage("--format '" + s + "': expected jsonl or csv");
        };
    }

    private ReferenceKind parseReferenceRule(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "largest" -> ReferenceKind.LARGEST;
            case "highest-rate" -> ReferenceKind.HIGHEST_RATE;
            default -> throw usage("--reference-rule '" + s + "': expected largest or highest-rate");
        };
    }

    private DifferenceMethod parseCi(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "newcombe" -> DifferenceMethod.NEWCOMBE;
            case "bootstrap" -> DifferenceMethod.BOOTSTRAP;
            default -> throw usage("--ci '" + s + "': expected newcombe or bootstrap");
        };
    }

    private SignificanceTest parseTest(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "fisher" -> SignificanceTest.FISHER_EXACT;
            case "z" -> SignificanceTest.TWO_PROPORTION_Z;
            default -> throw usage("--test '" + s + "': expected fisher or z");
        };
    }

    /** Prints the per-group summary table, the non-passing checks, the verdict and the report paths. */
    static void printSummary(PrintWriter w, AuditReport report, List<Path> files) {
        w.println(header(report));
        mixedScope(report).ifPresent(w::println);
        String fmt = "%-22s %-18s %7s  %-22s %-22s %-22s %s%n";
        w.printf(Locale.ROOT, fmt, "GROUPING", "GROUP", "N", "APPROVAL [95% CI]", "RATIO [95% CI]", "CLASS",
                "STATUS");
        for (GroupingResult g : report.groupings()) {
            for (GroupResult gr : g.groups()) {
                w.printf(Locale.ROOT, fmt, g.grouping(), gr.group() + (gr.reference() ? " (ref)" : ""), gr.count(),
                        r(gr.approval().rate()) + " " + ci(gr.approval().ci()),
                        r(gr.approvalVsReference().ratio()) + " "
                                + gr.approvalVsReference().ratioCi().map(AuditCommand::ci).orElse(""),
                        gr.disparity().classification(), worst(report, g.grouping(), gr));
            }
        }
        List<String> notable = notableChecks(report);
        if (!notable.isEmpty()) {
            w.println();
        }
        notable.forEach(w::println);
        w.println();
        w.println(checksLine(report));
        w.println(verdictLine(report));
        w.println("HTML report: " + files.get(0).toAbsolutePath());
        w.println("JSON report: " + files.get(1).toAbsolutePath());
        w.println("Markdown report: " + files.get(2).toAbsolutePath());
    }

    /**
     * A note when the decisions come from more than one rule set or model: the audit pools them, so a
     * gap (or its absence) may be one version's, and the verdict alone does not say so.
     */
    static java.util.Optional<String> mixedScope(AuditReport report) {
        List<String> mixed = new ArrayList<>();
        var scope = report.config().scope();
        if (scope.ruleSets().size() > 1) {
            mixed.add(scope.ruleSets().size() + " rule sets (" + String.join("; ", scope.ruleSets()) + ")");
        }
        if (scope.models().size() > 1) {
            mixed.add(scope.models().size() + " models (" + String.join("; ", scope.models()) + ")");
        }
        return mixed.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("note: these decisions were made by "
                + String.join(" and ", mixed) + "; the audit pools them, so a gap or its absence may belong to one"
                + " version: audit each version's decisions on its own before relying on the verdict");
    }

    /** {@code Fairness audit of FILE: N records, N with an outcome, N with a PD}. */
    static String header(AuditReport report) {
        return String.format(Locale.ROOT, "Fairness audit of %s: %d records, %d with an outcome, %d with a PD",
                report.config().dataSource(), report.records(), report.recordsWithOutcome(), report.recordsWithPd());
    }

    /** One line per failing, then warning check. */
    static List<String> notableChecks(AuditReport report) {
        List<CheckResult> notable = new ArrayList<>(report.checks(CheckStatus.FAIL));
        notable.addAll(report.checks(CheckStatus.WARN));
        return notable.stream().map(c -> String.format(Locale.ROOT, "%-4s %-17s %s=%s: %s", c.status(), c.check(),
                c.grouping(), c.group(), c.note())).toList();
    }

    /** {@code Checks: N FAIL, N WARN, N PASS, N INSUFFICIENT_DATA}. */
    static String checksLine(AuditReport report) {
        return String.format(Locale.ROOT, "Checks: %d FAIL, %d WARN, %d PASS, %d INSUFFICIENT_DATA",
                report.checks(CheckStatus.FAIL).size(), report.checks(CheckStatus.WARN).size(),
                report.checks(CheckStatus.PASS).size(), report.checks(CheckStatus.INSUFFICIENT_DATA).size());
    }

    /** {@code Verdict: V (exit code N)}. */
    static String verdictLine(AuditReport report) {
        return String.format(Locale.ROOT, "Verdict: %s (exit code %d)", report.verdict(), report.exitCode());
    }

    /** The most severe check status of a group, or REFERENCE / PASS. */
    private static String worst(AuditReport report, String grouping, GroupResult gr) {
        CheckStatus worst = null;
        for (CheckResult c : report.checks()) {
            if (c.grouping().equals(grouping) && c.group().equals(gr.group())
                    && (worst == null || rank(c.status()) > rank(worst))) {
                worst = c.status();
            }
        }
        String s = worst == null ? "PASS" : worst.name();
        return gr.reference() ? "REFERENCE" + (worst == null || worst == CheckStatus.PASS ? "" : ", " + s) : s;
    }

    private static int rank(CheckStatus s) {
        return switch (s) {
            case PASS -> 0;
            case INSUFFICIENT_DATA -> 1;
            case WARN -> 2;
            case FAIL -> 3;
        };
    }

    private static String r(OptionalDouble x) {
        return x.isPresent() ? String.format(Locale.ROOT, "%.3f", x.getAsDouble()) : "n/a";
    }

    private static String ci(org.creditkit.core.fairness.Interval i) {
        return String.format(Locale.ROOT, "[%.3f, %.3f]", i.lower(), i.upper());
    }
}
