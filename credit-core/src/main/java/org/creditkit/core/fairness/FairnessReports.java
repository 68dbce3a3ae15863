package org.creditkit.core.fairness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an {@link AuditReport} as a self-contained HTML page (inline CSS and SVG charts, no
 * external assets, print styles), as JSON for machines and as Markdown for reviews.
 *
 * <p>Output is deterministic: numbers are formatted with {@link java.util.Locale#ROOT} and a fixed
 * number of decimals, groups are sorted by label, checks keep the report's order, and no timestamp
 * appears unless {@link AuditConfig#generatedAt()} is set. Line separators are always {@code \n}.
 */
public final class FairnessReports {

    /** File name of the HTML report written by {@link #writeAll}. */
    public static final String HTML_FILE = "report.html";
    /** File name of the JSON report written by {@link #writeAll}. */
    public static final String JSON_FILE = "report.json";
    /** File name of the Markdown report written by {@link #writeAll}. */
    public static final String MARKDOWN_FILE = "report.md";

    private FairnessReports() {
    }

    /**
     * Renders the report as JSON (UTF-8 text, two-space indentation). Rates and differences carry six
     * decimals, p-values six significant digits; absent values are {@code null}.
     *
     * @param report the report
     * @return the JSON text
     */
    public static String json(AuditReport report) {
        return JsonReport.render(report);
    }

    /**
     * Renders the report as GitHub-flavoured Markdown.
     *
     * @param report the report
     * @return the Markdown text
     */
    public static String markdown(AuditReport report) {
        return MarkdownReport.render(report);
    }

    /**
     * Renders the report as one self-contained HTML page.
     *
     * @param report the report
     * @return the HTML text
     */
    public static String html(AuditReport report) {
        return HtmlReport.render(report);
    }

    /**
     * Writes {@value #HTML_FILE}, {@value #JSON_FILE} and {@value #MARKDOWN_FILE} into a directory,
     * creating it if needed.
     *
     * @param report the report
     * @param directory the output directory
     * @return the three files written, HTML first
     * @throws UncheckedIOException if a file cannot be written
     */
    public static List<Path> writeAll(AuditReport report, Path directory) {
        try {
            Files.createDirectories(directory);
            Path html = directory.resolve(HTML_FILE);
            Path json = directory.resolve(JSON_FILE);
            Path md = directory.resolve(MARKDOWN_FILE);
            Files.writeString(html, html(report), StandardCharsets.UTF_8);
            Files.writeString(json, json(report), StandardCharsets.UTF_8);
            Files.writeString(md, markdown(report), StandardCharsets.UTF_8);
            return List.of(html, json, md);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the fairness reports to " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** Checks ordered for reading: FAIL, WARN, INSUFFICIENT_DATA, PASS, report order within each. */
    static List<CheckResult> bySeverity(AuditReport report) {
        List<CheckResult> sorted = new ArrayList<>(report.checks());
        sorted.sort(Comparator.comparingInt(c -> severityRank(c.status())));
        return sorted;
    }

    static int severityRank(CheckStatus s) {
        return switch (s) {
            case FAIL -> 0;
            case WARN -> 1;
            case INSUFFICIENT_DATA -> 2;
            case PASS -> 3;
        };
    }

    static Map<CheckStatus, Integer> counts(AuditReport report) {
        Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
        for (CheckStatus s : CheckStatus.values()) {
            counts.put(s, 0);
        }
        report.checks().forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        return counts;
    }

    static String countsText(AuditReport report) {
        Map<CheckStatus, Integer> c = counts(report);
        return c.get(CheckStatus.FAIL) + " FAIL, " + c.get(CheckStatus.WARN) + " WARN, " + c.get(CheckStatus.PASS)
                + " PASS, " + c.get(CheckStatus.INSUFFICIENT_DATA) + " INSUFFICIENT_DATA";
    }

    /** The status shown for a group in charts and tables: its approval-ratio check, or REFERENCE. */
    static String groupStatus(AuditReport report, GroupResult g) {
        if (g.reference()) {
            return "REFERENCE";
        }
        return report.checks().stream()
                .filter(c -> c.check().equals("approval-ratio") && c.grouping().equals(g.grouping())
                        && c.group().equals(g.group()))
                .map(c -> c.status().name()).findFirst().orElse("PASS");
    }

    static String thresholdsText(FairnessThresholds t) {
        return "minimum group size " + t.minGroupSize() + "; minimum class size " + t.minClassSize() + "; alpha "
                + Fmt.r(t.alpha()) + "; approval ratio warn below " + Fmt.r(t.approvalRatioWarnBelow())
                + ", fail below " + Fmt.r(t.approvalRatioFailBelow()) + "; |equal-opportunity difference| warn above "
                + Fmt.r(t.equalOpportunityWarnAbove()) + ", fail above " + Fmt.r(t.equalOpportunityFailAbove())
                + "; |calibration gap| warn above " + Fmt.r(t.calibrationWarnAbove()) + ", fail above "
                + Fmt.r(t.calibrationFailAbove());
    }

    static String methodsText(AuditConfig c) {
        String diff = c.differenceMethod() == DifferenceMethod.NEWCOMBE
                ? "Newcombe hybrid score intervals for differences"
                : "percentile bootstrap intervals for differences (" + c.bootstrapReplicates() + " replicates, seed "
                        + c.seed() + ")";
        String test = c.significanceTest() == SignificanceTest.FISHER_EXACT ? "Fisher exact test"
                : "two-proportion z-test";
        return "Wilson 95% intervals for rates; " + diff + "; " + test + " (two-sided); beside them percentile "
                + "bootstrap intervals of every group's rate and difference (" + c.bootstrapReplicates()
                + " binomial resamples of the aggregated counts, seed " + c.seed() + ")";
    }
}
