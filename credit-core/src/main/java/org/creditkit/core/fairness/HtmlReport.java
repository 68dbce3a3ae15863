package org.creditkit.core.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The HTML rendering: one page, inline CSS and SVG, no scripts, no external assets. */
final class HtmlReport {

    private static final String CSS = """
            :root { --pass:#2e7d32; --warn:#b45309; --fail:#c62828; --insufficient:#757575; --reference:#1565c0; }
            * { box-sizing: border-box; }
            body { font-family: -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif;
                   color:#212121; margin:0 auto; max-width:1120px; padding:24px; line-height:1.45; font-size:14px; }
            h1 { font-size:24px; margin:0 0 8px; }
            h2 { font-size:19px; margin:32px 0 8px; border-bottom:2px solid #e0e0e0; padding-bottom:4px; }
            h3 { font-size:15px; margin:20px 0 6px; }
            table { border-collapse:collapse; width:100%; margin:6px 0 14px; font-size:12.5px; }
            th, td { border:1px solid #e0e0e0; padding:4px 6px; text-align:left; vertical-align:top; }
            th { background:#f5f5f5; font-weight:600; }
            td.num { text-align:right; font-variant-numeric: tabular-nums; white-space:nowrap; }
            .badge { display:inline-block; padding:1px 8px; border-radius:10px; color:#fff; font-weight:600;
                     font-size:12px; white-space:nowrap; }
            .PASS { background:var(--pass); } .WARN { background:var(--warn); } .FAIL { background:var(--fail); }
            .INSUFFICIENT_DATA { background:var(--insufficient); } .REFERENCE { background:var(--reference); }
            .verdict { font-size:18px; padding:4px 14px; }
            .meta { color:#424242; margin:4px 0; }
            .muted { color:#616161; font-size:12px; }
            .chart { margin:6px 0 10px; }
            svg text { font-family: inherit; }
            .evidence { font-size:12px; color:#333; }
            td.id { white-space:nowrap; }
            th.wide { width:55%; }
            th.narrow { width:1%; }
            .summary { border:1px solid #e0e0e0; border-left:6px solid var(--insufficient); padding:8px 16px;
                       margin:8px 0 16px; background:#fcfcfc; }
            .FAIL-edge { border-left-color:var(--fail); } .WARN-edge { border-left-color:var(--warn); }
            .PASS-edge { border-left-color:var(--pass); }
            .headline { font-size:18px; margin:4px 0 8px; }
            table.compact { font-size:12px; margin:4px 0 8px; }
            table.audited th { width:16%; white-space:nowrap; }
            table.audited td, table.audited th { font-size:12px; padding:3px 6px; }
            nav ol { columns:2; margin:4px 0; }
            ul.plain { margin:0; padding-left:16px; }
            details > summary { cursor:pointer; font-weight:600; margin:6px 0; }
            @media print {
              body { max-width:none; padding:0; font-size:11px; }
              h2 { break-after: avoid; }
              svg, .chart { break-inside: avoid; }
              thead { display: table-header-group; }
              tr { break-inside: avoid; }
              .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    private HtmlReport() {
    }

    /** Rows of failing and warning checks shown in the one-screen summary before "and N more". */
    static final int SUMMARY_ROWS = 8;

    static String render(AuditReport r) {
        AuditConfig c = r.config();
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(c.title())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(c.title())).append("</h1>\n");
        summary(sb, r);
        contents(sb, r);
        findings(sb, r);
        for (int i = 0; i < r.groupings().size(); i++) {
            grouping(sb, r, r.groupings().get(i), anchor(i));
        }
        smallGroups(sb, r);
        regulation(sb);
        sb.append("<h2 id=\"method\">Method and thresholds</h2>\n<p class=\"meta\">Theil index (generalized "
                + "entropy, &alpha; = 1, benefit &ycirc; &minus; y + 1): ").append(Fmt.r(r.theilIndex())).append("</p>\n");
        sb.append("<p>Thresholds: ").append(esc(FairnessReports.thresholdsText(c.thresholds())))
                .append(".<br>Methods: ").append(esc(FairnessReports.methodsText(c)))
                .append(". Differences are group &minus; reference; ratios are group / reference.</p>\n");
        sb.append("<h3>Justified-disparity rule</h3>\n<p>").append(esc(JustifiedDisparity.RULE)).append("</p>\n");
        sb.append("<p class=\"muted\">Definitions of every metric (formula, sign, reference, empty groups): "
                + "docs/fairness.md in the creditkit sources.</p>\n");
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static String anchor(int groupingIndex) {
        return "grouping-" + (groupingIndex + 1);
    }

    /** The one-screen summary: verdict, failing and warning checks with evidence, what was audited. */
    private static void summary(StringBuilder sb, AuditReport r) {
        AuditConfig c = r.config();
        sb.append("<section id=\"verdict\" class=\"summary ").append(r.verdict().name()).append("-edge\">\n");
        sb.append("<p class=\"headline\">Verdict ").append(badge(r.verdict().name(), "verdict"))
                .append(" <span class=\"meta\">exit code ").append(r.exitCode()).append(" &mdash; ")
                .append(esc(FairnessReports.countsText(r))).append("</span></p>\n");
        List<CheckResult> notable = new ArrayList<>(r.checks(CheckStatus.FAIL));
        notable.addAll(r.checks(CheckStatus.WARN));
        if (notable.isEmpty()) {
            sb.append("<p>No check failed or warned.</p>\n");
        } else {
            sb.append("<table class=\"compact\">\n<thead><tr><th class=\"narrow\">Status</th><th>Check and group</th>"
                    + "<th>Value [95% CI]</th><th class=\"wide\">Evidence</th></tr></thead>\n<tbody>\n");
            for (CheckResult k : notable.subList(0, Math.min(SUMMARY_ROWS, notable.size()))) {
                sb.append("<tr><td>").append(badge(k.status().name(), "")).append("</td><td class=\"id\">")
                        .append(esc(k.check())).append("<br><b>").append(esc(k.grouping())).append(" = ")
                        .append(esc(k.group())).append("</b></td><td class=\"num\">").append(Fmt.r(k.value()))
                        .append("<br>").append(Fmt.ci(k.interval())).append("</td><td class=\"evidence\">")
                        .append(esc(k.note())).append("<br><span class=\"muted\">").append(esc(k.evidence()))
                        .append(".</span></td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
            if (notable.size() > SUMMARY_ROWS) {
                sb.append("<p class=\"muted\">and ").append(notable.size() - SUMMARY_ROWS)
                        .append(" more failing or warning checks in <a href=\"#findings\">Findings</a>.</p>\n");
            }
        }
        sb.append("<table class=\"audited\">\n<tbody>\n");
        sb.append("<tr><th>Data</th><td>").append(esc(c.dataSource())).append(" &mdash; ").append(r.records())
                .append(" decisions, ").append(r.recordsWithOutcome()).append(" with an observed outcome, ")
                .append(r.recordsWithPd()).append(" with a PD</td></tr>\n");
        for (String[] fact : c.scope().facts()) {
            sb.append("<tr><th>").append(esc(fact[0])).append("</th><td>").append(esc(fact[1])).append("</td></tr>\n");
        }
        sb.append("<tr><th>Audit date</th><td>").append(esc(c.generatedAt().orElse("not stated (reproducible "
                + "report; the command line's --generated-at sets it)"))).append("</td></tr>\n");
        int small = smallGroupCount(r);
        sb.append("<tr><th>Small groups</th><td>").append(small).append(small == 1 ? " group" : " groups")
                .append(" below the minimum size of ").append(c.thresholds().minGroupSize())
                .append(", excluded from the charts and headline summaries and listed in <a href=\"#small-groups\">"
                        + "Small groups</a></td></tr>\n");
        sb.append("<tr><th>Thresholds</th><td class=\"muted\">").append(esc(FairnessReports.thresholdsText(c.thresholds())))
                .append("</td></tr>\n");
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    static int smallGroupCount(AuditReport r) {
        return r.groupings().stream().mapToInt(g -> g.summary().smallGroups()).sum();
    }

    private static void contents(StringBuilder sb, AuditReport r) {
        sb.append("<nav id=\"contents\">\n<h2>Contents</h2>\n<ol>\n<li><a href=\"#verdict\">Verdict and what was "
                + "audited</a></li>\n<li><a href=\"#findings\">Findings</a></li>\n");
        for (int i = 0; i < r.groupings().size(); i++) {
            GroupingResult g = r.groupings().get(i);
            sb.append("<li><a href=\"#").append(anchor(i)).append("\">Grouping ").append(esc(g.grouping()))
                    .append("</a> <span class=\"muted\">(").append(g.summary().groups()).append(" groups, ")
                    .append(g.summary().smallGroups()).append(" small)</span></li>\n");
        }
        sb.append("<li><a href=\"#small-groups\">Small groups</a></li>\n<li><a href=\"#regulation\">Regulation "
                + "mapping</a></li>\n<li><a href=\"#method\">Method and thresholds</a></li>\n</ol>\n</nav>\n");
    }

    private static void findings(StringBuilder sb, AuditReport r) {
        sb.append("<h2 id=\"findings\">Findings</h2>\n");
        List<CheckResult> checks = FairnessReports.bySeverity(r).stream()
                .filter(k -> k.status() != CheckStatus.INSUFFICIENT_DATA).toList();
        int insufficient = r.checks(CheckStatus.INSUFFICIENT_DATA).size();
        if (insufficient > 0) {
            sb.append("<p class=\"muted\">").append(insufficient).append(insufficient == 1 ? " check" : " checks")
                    .append(" without enough data to conclude are listed under <a href=\"#small-groups\">Small "
                            + "groups</a>.</p>\n");
        }
        if (checks.isEmpty()) {
            sb.append("<p>No check reached a result.</p>\n");
            return;
        }
        // failing and warning checks open; the passing ones folded, so that the charts are not pushed
        // below a thousand PASS rows when many groups and intersections are audited
        List<CheckResult> notable = checks.stream().filter(k -> k.status() != CheckStatus.PASS).toList();
        List<CheckResult> passing = checks.stream().filter(k -> k.status() == CheckStatus.PASS).toList();
        if (notable.isEmpty()) {
            sb.append("<p>No check failed or warned.</p>\n");
        } else {
            findingsTable(sb, notable);
        }
        if (!passing.isEmpty()) {
            sb.append("<details id=\"passing\">\n<summary>").append(passing.size())
                    .append(passing.size() == 1 ? " passing check" : " passing checks").append("</summary>\n");
            findingsTable(sb, passing);
            sb.append("</details>\n");
        }
    }

    private static void findingsTable(StringBuilder sb, List<CheckResult> checks) {
        sb.append("<table>\n<thead><tr><th class=\"narrow\">Status</th><th>Check and group</th><th>Value [95% CI]</th>"
                + "<th>p / p (Holm)</th><th>n</th><th class=\"wide\">Reason and evidence</th></tr></thead>\n<tbody>\n");
        for (CheckResult k : checks) {
            sb.append("<tr><td>").append(badge(k.status().name(), "")).append("</td><td class=\"id\">")
                    .append(esc(k.check())).append("<br><b>").append(esc(k.grouping())).append(" = ")
                    .append(esc(k.group())).append("</b></td><td class=\"num\">").append(Fmt.r(k.value()))
                    .append("<br>").append(Fmt.ci(k.interval())).append("</td><td class=\"num\">")
                    .append(esc(Fmt.p(k.pValue()))).append("<br>").append(esc(Fmt.p(k.adjustedPValue())))
                    .append("</td><td class=\"num\">").append(k.count()).append("</td><td class=\"evidence\">")
                    .append(esc(k.note()));
            if (k.status() != CheckStatus.PASS) {
                sb.append("<br><span class=\"muted\">").append(esc(k.evidence())).append(". Threshold: ")
                        .append(esc(k.threshold())).append(".</span>");
            }
            sb.append("<br><span class=\"muted\">Serves: ").append(esc(String.join("; ",
                    Regulation.shortRequirementsOf(k.check())))).append("</span></td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    /** Every group below the minimum size, and every check without enough data, in one folded section. */
    private static void smallGroups(StringBuilder sb, AuditReport r) {
        int minSize = r.config().thresholds().minGroupSize();
        List<GroupResult> small = new ArrayList<>();
        for (GroupingResult g : r.groupings()) {
            g.groups().stream().filter(gr -> !gr.sufficient()).forEach(small::add);
        }
        int records = small.stream().mapToInt(GroupResult::count).sum();
        List<CheckResult> insufficient = r.checks(CheckStatus.INSUFFICIENT_DATA);
        sb.append("<h2>Small groups</h2>\n<details id=\"small-groups\">\n<summary>").append(small.size())
                .append(small.size() == 1 ? " group" : " groups").append(" below the minimum size of ").append(minSize)
                .append(" (").append(records).append(" group memberships) and ").append(insufficient.size())
                .append(insufficient.size() == 1 ? " check" : " checks")
                .append(" without enough data: listed here, not in the charts or headline summaries</summary>\n");
        if (!small.isEmpty()) {
            sb.append("<table>\n<thead><tr><th>Grouping</th><th>Group</th><th>n</th><th>Approved</th>"
                    + "<th>Approval rate [95% CI]</th><th>With outcome</th><th>Defaults</th><th>Mean PD</th>"
                    + "</tr></thead>\n<tbody>\n");
            for (GroupResult gr : small) {
                sb.append("<tr><td>").append(esc(gr.grouping())).append("</td><td>").append(esc(gr.group()))
                        .append(gr.reference() ? " <i>(ref)</i>" : "").append("</td>")
                        .append(td(String.valueOf(gr.count()))).append(td(String.valueOf(gr.approval().successes())))
                        .append(td(Fmt.r(gr.approval().rate()) + " " + Fmt.ci(gr.approval().ci())))
                        .append(td(String.valueOf(gr.outcomes().map(OutcomeMetrics::withOutcome).orElse(0))))
                        .append(td(String.valueOf(gr.outcomes().map(OutcomeMetrics::bad).orElse(0))))
                        .append(td(Fmt.r(gr.meanPd()))).append("</tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }
        if (!insufficient.isEmpty()) {
            sb.append("<table>\n<thead><tr><th>Check</th><th>Grouping</th><th>Group</th><th>n</th><th>Why</th></tr>"
                    + "</thead>\n<tbody>\n");
            for (CheckResult k : insufficient) {
                sb.append("<tr><td>").append(esc(k.check())).append("</td><td>").append(esc(k.grouping()))
                        .append("</td><td>").append(esc(k.group())).append("</td>").append(td(String.valueOf(k.count())))
                        .append("<td class=\"evidence\">").append(esc(k.note())).append(' ').append(esc(k.evidence()))
                        .append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }
        sb.append("</details>\n");
    }

    private static void regulation(StringBuilder sb) {
        sb.append("<h2 id=\"regulation\">Regulation mapping</h2>\n<table>\n<thead><tr><th>Check</th><th>What it "
                + "examines</th><th>Requirement it serves</th></tr></thead>\n<tbody>\n");
        for (String[] check : Regulation.checks()) {
            sb.append("<tr><td class=\"id\">").append(esc(check[0])).append("</td><td>").append(esc(check[1]))
                    .append("</td><td><ul class=\"plain\">");
            for (String req : Regulation.requirementsOf(check[0])) {
                sb.append("<li>").append(esc(req)).append("</li>");
            }
            sb.append("</ul></td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n<p class=\"muted\">").append(esc(Regulation.DISCLAIMER)).append("</p>\n");
    }

    private static void grouping(StringBuilder sb, AuditReport r, GroupingResult all, String anchor) {
        FairnessThresholds t = r.config().thresholds();
        sb.append("<h2 id=\"").append(anchor).append("\">Grouping: ").append(esc(all.grouping())).append("</h2>\n");
        FairlearnSummary s = all.summary();
        // groups below the minimum size are listed once, under Small groups; the reference always stays
        GroupingResult g = new GroupingResult(all.grouping(), all.referenceGroup(), all.referenceRule(),
                all.groups().stream().filter(gr -> gr.sufficient() || gr.reference()).toList(), s,
                all.betweenGroupTheil());
        if (s.smallGroups() > 0) {
            sb.append("<p class=\"muted\">").append(s.smallGroups()).append(s.smallGroups() == 1 ? " group" : " groups")
                    .append(" below the minimum size of ").append(t.minGroupSize())
                    .append(" are not shown here; see <a href=\"#small-groups\">Small groups</a>.</p>\n");
        }
        sb.append("<p>Reference: <b>").append(esc(g.referenceGroup())).append("</b> (").append(esc(g.referenceRule()))
                .append("). Across the ").append(s.groups()).append(" groups of at least ").append(t.minGroupSize())
                .append(": demographic parity difference ")
                .append(Fmt.r(s.demographicParityDifference())).append(", ratio ")
                .append(Fmt.r(s.demographicParityRatio())).append("; equalized odds difference ")
                .append(Fmt.r(s.equalizedOddsDifference())).append(", ratio ").append(Fmt.r(s.equalizedOddsRatio()))
                .append("; between-group Theil ").append(Fmt.r(g.betweenGroupTheil())).append(".</p>\n");

        GroupResult ref = g.groups().stream().filter(GroupResult::reference).findFirst().orElseThrow();
        List<Row> rows = new ArrayList<>();
        for (GroupResult gr : g.groups()) {
            rows.add(new Row(gr.group() + " (n=" + gr.count() + ")", gr.approval().rate(), gr.approval().ci(),
                    FairnessReports.groupStatus(r, gr), OptionalDouble.empty()));
        }
        List<Marker> lines = new ArrayList<>();
        ref.approval().rate().ifPresent(v -> {
            lines.add(new Marker(v, "reference " + Fmt.r(v), "var(--reference)"));
            lines.add(new Marker(v * t.approvalRatioFailBelow(),
                    Fmt.r(t.approvalRatioFailBelow()) + " \u00d7 reference", "var(--fail)"));
        });
        sb.append("<h3>Approval rate with 95% Wilson interval</h3>\n");
        sb.append(chart(rows, lines, "Approval rates by " + g.grouping()));
        sb.append(legend());

        sb.append("<table>\n<thead><tr><th>Group</th><th>n</th><th>Approved</th><th>Approval rate [95% Wilson]</th>"
                + "<th>[95% bootstrap]</th><th>Difference vs ref [95% CI]</th><th>[95% bootstrap]</th>"
                + "<th>Ratio [95% CI]</th><th>p</th><th>Status</th></tr></thead>\n<tbody>\n");
        for (GroupResult gr : g.groups()) {
            Comparison cmp = gr.approvalVsReference();
            sb.append("<tr><td>").append(esc(gr.group())).append(gr.reference() ? " <i>(ref)</i>" : "")
                    .append("</td><td class=\"num\">").append(gr.count()).append("</td><td class=\"num\">")
                    .append(gr.approval().successes()).append("</td><td class=\"num\">")
                    .append(Fmt.r(gr.approval().rate())).append(' ').append(Fmt.ci(gr.approval().ci()))
                    .append("</td><td class=\"num\">").append(Fmt.ci(gr.bootstrap().approval()))
                    .append("</td><td class=\"num\">").append(Fmt.signed(cmp.difference())).append(' ')
                    .append(Fmt.ci(cmp.differenceCi())).append("</td><td class=\"num\">")
                    .append(Fmt.ci(gr.bootstrap().difference())).append("</td><td class=\"num\">").append(Fmt.r(cmp.ratio()))
                    .append(' ').append(Fmt.ci(cmp.ratioCi()))
                    .append("</td><td class=\"num\">").append(esc(Fmt.p(cmp.pValue()))).append("</td><td>")
                    .append(badge(FairnessReports.groupStatus(r, gr), "")).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");

        sb.append("<h3>Justified disparity: approval gap beside risk gaps</h3>\n");
        sb.append("<table>\n<thead><tr><th>Group</th><th>Approval gap</th><th>Approval ratio</th>"
                + "<th>Default-rate gap [95% CI]</th><th>Good-rate ratio</th><th>Mean-PD gap</th>"
                + "<th>Classification</th><th>Why</th></tr></thead>\n<tbody>\n");
        for (GroupResult gr : g.groups()) {
            JustifiedDisparity d = gr.disparity();
            sb.append("<tr><td>").append(esc(gr.group())).append("</td><td class=\"num\">")
                    .append(Fmt.signed(d.approvalGap())).append("</td><td class=\"num\">").append(Fmt.r(d.approvalRatio()))
                    .append("</td><td class=\"num\">").append(Fmt.signed(d.defaultRateGap())).append(' ')
                    .append(Fmt.ci(d.defaultRateGapCi())).append("</td><td class=\"num\">").append(Fmt.r(d.goodRateRatio()))
                    .append("</td><td class=\"num\">").append(Fmt.signed(d.pdGap())).append("</td><td>")
                    .append(d.classification().name().replace('_', ' ')).append("</td><td class=\"evidence\">")
                    .append(esc(d.explanation())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");

        boolean outcomes = g.groups().stream().anyMatch(gr -> gr.outcomes().isPresent());
        if (outcomes) {
            List<Row> dr = new ArrayList<>();
            for (GroupResult gr : g.groups()) {
                Optional<OutcomeMetrics> m = gr.outcomes();
                dr.add(new Row(gr.group() + " (n=" + m.map(OutcomeMetrics::withOutcome).orElse(0) + ")",
                        m.map(x -> x.defaultRate().rate()).orElse(OptionalDouble.empty()),
                        m.map(x -> x.defaultRate().ci()).orElse(Interval.of(0, 1)),
                        gr.reference() ? "REFERENCE" : "NEUTRAL", gr.meanPd()));
            }
            List<Marker> drLines = new ArrayList<>();
            ref.outcomes().flatMap(m -> {
                OptionalDouble v = m.defaultRate().rate();
                return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
            }).ifPresent(v -> drLines.add(new Marker(v, "reference " + Fmt.r(v), "var(--reference)")));
            sb.append("<h3>Observed default rate with 95% Wilson interval (&#9670; mean PD)</h3>\n");
            sb.append(chart(dr, drLines, "Observed default rates by " + g.grouping()));

            sb.append("<table>\n<thead><tr><th>Group</th><th>With outcome</th><th>Default rate [95% CI]</th>"
                    + "<th>TPR</th><th>FPR</th><th>FNR</th><th>PPV</th><th>NPV</th><th>EO diff [95% CI]</th>"
                    + "<th>Avg-odds diff</th><th>AUC</th><th>Mean PD</th><th>Calibration gap</th></tr></thead>\n<tbody>\n");
            for (GroupResult gr : g.groups()) {
                sb.append("<tr><td>").append(esc(gr.group())).append("</td>");
                if (gr.outcomes().isEmpty()) {
                    sb.append("<td class=\"num\">0</td><td colspan=\"11\" class=\"muted\">no observed outcomes</td></tr>\n");
                    continue;
                }
                OutcomeMetrics m = gr.outcomes().get();
                sb.append(td(String.valueOf(m.withOutcome()))).append(td(Fmt.r(m.defaultRate().rate()) + " "
                        + Fmt.ci(m.defaultRate().ci()))).append(td(Fmt.r(m.tpr()))).append(td(Fmt.r(m.fpr())))
                        .append(td(Fmt.r(m.fnr()))).append(td(Fmt.r(m.ppv()))).append(td(Fmt.r(m.npv())))
                        .append(td(Fmt.signed(m.equalOpportunityDifference()) + " " + Fmt.ci(m.equalOpportunityCi())))
                        .append(td(Fmt.signed(m.averageOddsDifference()))).append(td(Fmt.r(m.auc())))
                        .append(td(Fmt.r(m.calibrationMeanPd()))).append(td(Fmt.signed(m.calibrationGap())))
                        .append("</tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }

        boolean bands = g.groups().stream().anyMatch(gr -> !gr.bands().isEmpty());
        if (bands) {
            sb.append("<h3>By PD band: approval and default rates at equal modelled risk</h3>\n");
            sb.append("<table>\n<thead><tr><th>Group</th><th>PD band</th><th>n</th><th>Approval rate</th>"
                    + "<th>Mean PD</th><th>With outcome</th><th>Observed default rate</th></tr></thead>\n<tbody>\n");
            for (GroupResult gr : g.groups()) {
                for (BandCalibration b : gr.bands()) {
                    sb.append("<tr><td>").append(esc(gr.group())).append("</td>")
                            .append(td("[" + Fmt.r(b.lower()) + ", " + Fmt.r(b.upper()) + ")"))
                            .append(td(String.valueOf(b.count()))).append(td(Fmt.r(b.approvalRate())))
                            .append(td(Fmt.r(b.meanPd()))).append(td(String.valueOf(b.withOutcome())))
                            .append(td(Fmt.r(b.observedDefaultRate()))).append("</tr>\n");
                }
            }
            sb.append("</tbody>\n</table>\n");
        }
    }

    private record Row(String label, OptionalDouble value, Interval ci, String status, OptionalDouble diamond) {
    }

    private record Marker(double value, String label, String colour) {
    }

    private static final int LEFT = 210;
    private static final int PLOT = 560;
    private static final int ROW = 22;
    private static final int TOP = 34;

    /** A horizontal dot plot on [0, 1] (or [0, max] rounded up to a tenth) with interval whiskers. */
    private static String chart(List<Row> rows, List<Marker> lines, String title) {
        double max = 0.0;
        for (Row row : rows) {
            max = Math.max(max, row.ci().upper());
            if (row.diamond().isPresent()) {
                max = Math.max(max, row.diamond().getAsDouble());
            }
        }
        for (Marker m : lines) {
            max = Math.max(max, m.value());
        }
        double scale = 1.0;
        for (double candidate : new double[] {0.05, 0.1, 0.2, 0.5}) {
            if (max <= candidate) {
                scale = candidate;
                break;
            }
        }
        int width = LEFT + PLOT + 90;
        int height = TOP + rows.size() * ROW + 24;
        StringBuilder s = new StringBuilder();
        s.append("<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n");
        // grid and axis labels
        for (int i = 0; i <= 10; i++) {
            double v = scale * i / 10.0;
            double x = x(v, scale);
            s.append("<line x1=\"").append(px(x)).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(px(x))
                    .append("\" y2=\"").append(TOP + rows.size() * ROW).append("\" stroke=\"")
                    .append(i == 0 ? "#9e9e9e" : "#eeeeee").append("\"/>\n");
            if (i % 2 == 0) {
                s.append("<text x=\"").append(px(x)).append("\" y=\"").append(TOP + rows.size() * ROW + 16)
                        .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#616161\">")
                        .append(String.format(Locale.ROOT, "%.2f", v)).append("</text>\n");
            }
        }
        int labelRow = 0;
        for (Marker m : lines) {
            double x = x(m.value(), scale);
            s.append("<line x1=\"").append(px(x)).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(px(x))
                    .append("\" y2=\"").append(TOP + rows.size() * ROW).append("\" stroke=\"").append(m.colour())
                    .append("\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n");
            s.append("<text x=\"").append(px(x)).append("\" y=\"").append(12 + 12 * labelRow)
                    .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"").append(m.colour()).append("\">")
                    .append(esc(m.label())).append("</text>\n");
            labelRow++;
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int y = TOP + i * ROW + ROW / 2;
            String colour = colour(row.status());
            if (i % 2 == 1) {
                s.append("<rect x=\"0\" y=\"").append(y - ROW / 2).append("\" width=\"").append(LEFT - 6)
                        .append("\" height=\"").append(ROW).append("\" fill=\"#fafafa\"/>\n");
            }
            s.append("<text x=\"").append(LEFT - 10).append("\" y=\"").append(y + 4)
                    .append("\" font-size=\"12\" text-anchor=\"end\" fill=\"#212121\">").append(esc(row.label()))
                    .append("</text>\n");
            if (row.value().isEmpty()) {
                s.append("<text x=\"").append(LEFT + 4).append("\" y=\"").append(y + 4)
                        .append("\" font-size=\"11\" fill=\"#757575\">no data</text>\n");
                continue;
            }
            double lo = x(row.ci().lower(), scale);
            double hi = x(row.ci().upper(), scale);
            s.append("<line x1=\"").append(px(lo)).append("\" y1=\"").append(y).append("\" x2=\"").append(px(hi))
                    .append("\" y2=\"").append(y).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>\n");
            for (double end : new double[] {lo, hi}) {
                s.append("<line x1=\"").append(px(end)).append("\" y1=\"").append(y - 5).append("\" x2=\"")
                        .append(px(end)).append("\" y2=\"").append(y + 5).append("\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\"/>\n");
            }
            s.append("<circle cx=\"").append(px(x(row.value().getAsDouble(), scale))).append("\" cy=\"").append(y)
                    .append("\" r=\"5\" fill=\"").append(colour).append("\"><title>").append(esc(row.label()))
                    .append(": ").append(Fmt.r(row.value())).append(' ').append(Fmt.ci(row.ci()))
                    .append("</title></circle>\n");
            if (row.diamond().isPresent()) {
                double dx = x(row.diamond().getAsDouble(), scale);
                s.append("<path d=\"M").append(px(dx)).append(' ').append(y - 6).append(" L").append(px(dx + 6))
                        .append(' ').append(y).append(" L").append(px(dx)).append(' ').append(y + 6).append(" L")
                        .append(px(dx - 6)).append(' ').append(y).append(" Z\" fill=\"none\" stroke=\"#6a1b9a\" "
                                + "stroke-width=\"1.5\"><title>mean PD ").append(Fmt.r(row.diamond()))
                        .append("</title></path>\n");
            }
            s.append("<text x=\"").append(LEFT + PLOT + 10).append("\" y=\"").append(y + 4)
                    .append("\" font-size=\"11\" fill=\"#424242\">").append(Fmt.r(row.value())).append("</text>\n");
        }
        s.append("</svg></div>\n");
        return s.toString();
    }

    private static String legend() {
        StringBuilder s = new StringBuilder("<p class=\"muted\">Dot colour = approval-ratio check: ");
        for (String st : new String[] {"PASS", "WARN", "FAIL", "INSUFFICIENT_DATA", "REFERENCE"}) {
            s.append(badge(st, "")).append(' ');
        }
        return s.append("</p>\n").toString();
    }

    private static double x(double v, double scale) {
        return LEFT + PLOT * Math.max(0.0, Math.min(1.0, v / scale));
    }

    private static String px(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String colour(String status) {
        return switch (status) {
            case "PASS" -> "#2e7d32";
            case "WARN" -> "#b45309";
            case "FAIL" -> "#c62828";
            case "INSUFFICIENT_DATA" -> "#9e9e9e";
            case "REFERENCE" -> "#1565c0";
            default -> "#455a64";
        };
    }

    private static String badge(String status, String extra) {
        return "<span class=\"badge " + status + (extra.isEmpty() ? "" : " " + extra) + "\">"
                + status.replace('_', ' ') + "</span>";
    }

    private static String td(String text) {
        return "<td class=\"num\">" + esc(text) + "</td>";
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
