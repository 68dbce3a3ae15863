package org.creditkit.core.fairness;

import java.util.List;

/** The Markdown rendering. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(AuditReport r) {
        AuditConfig c = r.config();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(cell(c.title())).append("\n\n");
        sb.append("- **Verdict: ").append(r.verdict()).append("** (exit code ").append(r.exitCode()).append(") — ")
                .append(FairnessReports.countsText(r)).append('\n');
        sb.append("- Data: ").append(cell(c.dataSource())).append(" — ").append(r.records()).append(" records, ")
                .append(r.recordsWithOutcome()).append(" with an observed outcome, ").append(r.recordsWithPd())
                .append(" with a PD\n");
        for (String[] fact : c.scope().facts()) {
            sb.append("- ").append(fact[0]).append(": ").append(cell(fact[1])).append('\n');
        }
        sb.append("- Audit date: ").append(cell(c.generatedAt().orElse("not stated (reproducible report)"))).append('\n');
        int small = HtmlReport.smallGroupCount(r);
        sb.append("- Small groups: ").append(small).append(" below the minimum size of ")
                .append(c.thresholds().minGroupSize()).append(", excluded from the headline summaries and listed under "
                        + "Small groups\n");
        sb.append("- Theil index (generalized entropy, alpha = 1, benefit ŷ − y + 1): ").append(Fmt.r(r.theilIndex()))
                .append('\n');
        sb.append("- Thresholds: ").append(FairnessReports.thresholdsText(c.thresholds())).append('\n');
        sb.append("- Methods: ").append(FairnessReports.methodsText(c)).append("\n\n");

        sb.append("## Findings\n\n");
        List<CheckResult> checks = FairnessReports.bySeverity(r).stream()
                .filter(k -> k.status() != CheckStatus.INSUFFICIENT_DATA).toList();
        int insufficient = r.checks(CheckStatus.INSUFFICIENT_DATA).size();
        if (insufficient > 0) {
            sb.append(insufficient).append(" checks without enough data to conclude are listed under Small groups.\n\n");
        }
        if (checks.isEmpty()) {
            sb.append("No check reached a result.\n\n");
        } else {
            sb.append("| Status | Check | Grouping | Group | Value | 95% CI | p | p (Holm) | n | Note |\n");
            sb.append("|---|---|---|---|---:|---|---:|---:|---:|---|\n");
            for (CheckResult k : checks) {
                sb.append("| ").append(k.status()).append(" | ").append(k.check()).append(" | ").append(cell(k.grouping()))
                        .append(" | ").append(cell(k.group())).append(" | ").append(Fmt.r(k.value())).append(" | ")
                        .append(Fmt.ci(k.interval())).append(" | ").append(Fmt.p(k.pValue())).append(" | ")
                        .append(Fmt.p(k.adjustedPValue())).append(" | ")
                        .append(k.count()).append(" | ").append(cell(k.note())).append(" |\n");
            }
            sb.append('\n');
            sb.append("### Evidence of failures and warnings\n\n");
            boolean any = false;
            for (CheckResult k : checks) {
                if (k.status() == CheckStatus.FAIL || k.status() == CheckStatus.WARN) {
                    any = true;
                    sb.append("- **").append(k.status()).append("** ").append(k.check()).append(" — ")
                            .append(cell(k.grouping())).append(" = ").append(cell(k.group())).append(": ")
                            .append(cell(k.evidence())).append(". Threshold: ").append(cell(k.threshold())).append(".\n");
                }
            }
            if (!any) {
                sb.append("None.\n");
            }
            sb.append('\n');
        }

        for (GroupingResult g : r.groupings()) {
            grouping(sb, r, g);
        }
        smallGroups(sb, r);
        sb.append("## Regulation mapping\n\n| Check | Examines | Serves |\n|---|---|---|\n");
        for (String[] check : Regulation.checks()) {
            sb.append("| ").append(check[0]).append(" | ").append(cell(check[1])).append(" | ")
                    .append(cell(String.join("; ", Regulation.requirementsOf(check[0])))).append(" |\n");
        }
        sb.append('\n').append(Regulation.DISCLAIMER).append("\n\n");
        sb.append("## Justified-disparity rule\n\n").append(JustifiedDisparity.RULE).append("\n\n");
        sb.append("Signs: every difference is group minus reference and every ratio is group over reference. "
                + "Definitions of every metric: docs/fairness.md.\n");
        return sb.toString();
    }

    private static void smallGroups(StringBuilder sb, AuditReport r) {
        sb.append("## Small groups\n\n");
        sb.append("| Grouping | Group | n | Approved | Approval rate [95% CI] |\n|---|---|---:|---:|---|\n");
        int listed = 0;
        for (GroupingResult g : r.groupings()) {
            for (GroupResult gr : g.groups()) {
                if (!gr.sufficient()) {
                    listed++;
                    sb.append("| ").append(cell(g.grouping())).append(" | ").append(cell(gr.group()))
                            .append(gr.reference() ? " (ref)" : "").append(" | ").append(gr.count()).append(" | ")
                            .append(gr.approval().successes()).append(" | ").append(Fmt.r(gr.approval().rate()))
                            .append(' ').append(Fmt.ci(gr.approval().ci())).append(" |\n");
                }
            }
        }
        if (listed == 0) {
            sb.append("| none | | | | |\n");
        }
        sb.append('\n');
        List<CheckResult> insufficient = r.checks(CheckStatus.INSUFFICIENT_DATA);
        if (!insufficient.isEmpty()) {
            sb.append("Checks without enough data: ");
            for (int i = 0; i < insufficient.size(); i++) {
                CheckResult k = insufficient.get(i);
                sb.append(i == 0 ? "" : "; ").append(k.check()).append(' ').append(cell(k.grouping())).append(" = ")
                        .append(cell(k.group())).append(" (n=").append(k.count()).append(')');
            }
            sb.append(".\n\n");
        }
    }

    private static void grouping(StringBuilder sb, AuditReport r, GroupingResult all) {
        GroupingResult g = new GroupingResult(all.grouping(), all.referenceGroup(), all.referenceRule(),
                all.groups().stream().filter(gr -> gr.sufficient() || gr.reference()).toList(), all.summary(),
                all.betweenGroupTheil());
        sb.append("## Grouping: ").append(cell(g.grouping())).append("\n\n");
        sb.append("Reference: **").append(cell(g.referenceGroup())).append("** (").append(g.referenceRule())
                .append("). ");
        FairlearnSummary s = g.summary();
        sb.append("Across the ").append(s.groups()).append(" groups of at least ")
                .append(r.config().thresholds().minGroupSize()).append(" (").append(s.smallGroups())
                .append(" smaller excluded): demographic parity difference ")
                .append(Fmt.r(s.demographicParityDifference())).append(", ratio ")
                .append(Fmt.r(s.demographicParityRatio())).append("; equalized odds difference ")
                .append(Fmt.r(s.equalizedOddsDifference())).append(", ratio ").append(Fmt.r(s.equalizedOddsRatio()))
                .append("; between-group Theil ").append(Fmt.r(g.betweenGroupTheil())).append(".\n\n");

        sb.append("| Group | n | Approval rate [95% CI] | Bootstrap CI | Diff vs ref [95% CI] | Bootstrap CI | Ratio [95% CI] "
                + "| p | Status |\n");
        sb.append("|---|---:|---|---|---|---|---:|---:|---|\n");
        for (GroupResult gr : g.groups()) {
            Comparison cmp = gr.approvalVsReference();
            sb.append("| ").append(cell(gr.group())).append(gr.reference() ? " (ref)" : "").append(" | ")
                    .append(gr.count()).append(" | ").append(Fmt.r(gr.approval().rate())).append(' ')
                    .append(Fmt.ci(gr.approval().ci())).append(" | ").append(Fmt.ci(gr.bootstrap().approval()))
                    .append(" | ").append(Fmt.signed(cmp.difference())).append(' ')
                    .append(Fmt.ci(cmp.differenceCi())).append(" | ").append(Fmt.ci(gr.bootstrap().difference()))
                    .append(" | ").append(Fmt.r(cmp.ratio())).append(' ')
                    .append(Fmt.ci(cmp.ratioCi())).append(" | ")
                    .append(Fmt.p(cmp.pValue())).append(" | ").append(FairnessReports.groupStatus(r, gr)).append(" |\n");
        }
        sb.append('\n');

        sb.append("### Justified disparity (").append(cell(g.grouping())).append(")\n\n");
        sb.append("| Group | Approval gap | Default-rate gap [95% CI] | Good-rate ratio | Mean-PD gap | Classification |\n");
        sb.append("|---|---:|---|---:|---:|---|\n");
        for (GroupResult gr : g.groups()) {
            JustifiedDisparity d = gr.disparity();
            sb.append("| ").append(cell(gr.group())).append(" | ").append(Fmt.signed(d.approvalGap())).append(" | ")
                    .append(Fmt.signed(d.defaultRateGap())).append(' ').append(Fmt.ci(d.defaultRateGapCi()))
                    .append(" | ").append(Fmt.r(d.goodRateRatio())).append(" | ").append(Fmt.signed(d.pdGap()))
                    .append(" | ").append(d.classification()).append(" |\n");
        }
        sb.append('\n');

        boolean outcomes = g.groups().stream().anyMatch(gr -> gr.outcomes().isPresent());
        if (outcomes) {
            sb.append("### Outcome metrics (").append(cell(g.grouping())).append(")\n\n");
            sb.append("| Group | With outcome | Default rate [95% CI] | TPR | FPR | FNR | PPV | NPV | EO diff | "
                    + "Avg-odds diff | AUC | Mean PD | Calibration gap |\n");
            sb.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (GroupResult gr : g.groups()) {
                if (gr.outcomes().isEmpty()) {
                    sb.append("| ").append(cell(gr.group())).append(" | 0 | n/a | n/a | n/a | n/a | n/a | n/a | n/a | "
                            + "n/a | n/a | ").append(Fmt.r(gr.meanPd())).append(" | n/a |\n");
                    continue;
                }
                OutcomeMetrics m = gr.outcomes().get();
                sb.append("| ").append(cell(gr.group())).append(" | ").append(m.withOutcome()).append(" | ")
                        .append(Fmt.r(m.defaultRate().rate())).append(' ').append(Fmt.ci(m.defaultRate().ci()))
                        .append(" | ").append(Fmt.r(m.tpr())).append(" | ").append(Fmt.r(m.fpr())).append(" | ")
                        .append(Fmt.r(m.fnr())).append(" | ").append(Fmt.r(m.ppv())).append(" | ")
                        .append(Fmt.r(m.npv())).append(" | ").append(Fmt.signed(m.equalOpportunityDifference()))
                        .append(" | ").append(Fmt.signed(m.averageOddsDifference())).append(" | ")
                        .append(Fmt.r(m.auc())).append(" | ").append(Fmt.r(m.calibrationMeanPd())).append(" | ")
                        .append(Fmt.signed(m.calibrationGap())).append(" |\n");
            }
            sb.append('\n');
        }

        boolean bands = g.groups().stream().anyMatch(gr -> !gr.bands().isEmpty());
        if (bands) {
            sb.append("### By PD band (").append(cell(g.grouping())).append(")\n\n");
            sb.append("| Group | PD band | n | Approval rate | Mean PD | With outcome | Observed default rate |\n");
            sb.append("|---|---|---:|---:|---:|---:|---:|\n");
            for (GroupResult gr : g.groups()) {
                for (BandCalibration b : gr.bands()) {
                    sb.append("| ").append(cell(gr.group())).append(" | [").append(Fmt.r(b.lower())).append(", ")
                            .append(Fmt.r(b.upper())).append(") | ").append(b.count()).append(" | ")
                            .append(Fmt.r(b.approvalRate())).append(" | ").append(Fmt.r(b.meanPd())).append(" | ")
                            .append(b.withOutcome()).append(" | ").append(Fmt.r(b.observedDefaultRate())).append(" |\n");
                }
            }
            sb.append('\n');
        }
    }

    /** Escapes a table cell: pipes and line breaks. */
    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
