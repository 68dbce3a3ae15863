package org.creditkit.core.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The monitoring report of a loan book: JSON for machines, and a self-contained HTML page (inline SVG
 * charts, no script, no external resource) that opens on its verdict.
 */
public final class MonitorReport {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String[] LEVEL_COLOURS = {"#d9d9d9", "#4a90d9", "#e6c229", "#f08a24", "#d0312d"};

    private MonitorReport() {
    }

    /**
     * What was monitored, for the report's header.
     *
     * @param book       the book file's name
     * @param bookSha256 the book file's SHA-256
     * @param modelId    the model that re-scored the loans (id and version)
     * @param ruleset    the rule set that re-limited them, or "none"
     * @param generated  when the report was made (ISO-8601)
     */
    public record Meta(String book, String bookSha256, String modelId, String ruleset, String generated) {
    }

    /** The verdict: NO DATA when no loan was monitored, FAIL when a limit is breached, else PASS. */
    public static String verdict(MonitorSummary s) {
        if (s.loans() == 0) {
            return "NO_DATA";
        }
        return s.breaches().isEmpty() ? "PASS" : "FAIL";
    }

    /**
     * Writes the summary as JSON.
     *
     * @param s    the summary
     * @param meta what was monitored
     * @param out  where to write
     * @throws UncheckedIOException if writing fails
     */
    public static void writeJson(MonitorSummary s, Meta meta, Writer out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", verdict(s));
        ArrayNode breaches = root.putArray("breaches");
        s.breaches().forEach(breaches::add);
        ObjectNode m = root.putObject("monitored");
        m.put("book", meta.book());
        m.put("bookSha256", meta.bookSha256());
        m.put("model", meta.modelId());
        m.put("ruleset", meta.ruleset());
        m.put("generated", meta.generated());
        root.put("loans", s.loans());
        root.put("loanMonths", s.loanMonths());
        s.asOf().ifPresent(month -> root.put("asOf", month.toString()));
        root.put("liveLoans", s.liveLoans());
        root.put("redLoans", s.redLoans());
        root.put("redShare", s.redShare());
        root.put("liveWithoutLatestMonth", s.liveWithoutLatestMonth());
        ObjectNode levels = root.putObject("levelsByMonth");
        s.levelsByMonth().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode row = levels.putObject(e.getKey().toString());
            e.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(l -> row.put(l.getKey().name(), l.getValue()));
        });
        ObjectNode byLevel = root.putObject("defaultWithin12MonthsByLevel");
        s.byLevel().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode row = byLevel.putObject(e.getKey().name());
            row.put("loanMonths", e.getValue().n());
            row.put("defaulted", e.getValue().defaults());
            putRate(row, "rate", e.getValue().rate());
        });
        MonitorSummary.Performance p = s.performance();
        ObjectNode perf = root.putObject("warningPerformance");
        perf.put("defaults", p.defaults());
        perf.put("defaultsWithThreeMonthsOnBook", p.defaultsWithLead());
        perf.put("caughtThreeMonthsAhead", p.caught());
        putRate(perf, "catchRate", p.catchRate());
        putRate(perf, "meanLeadMonths", p.meanLeadMonths());
        perf.put("loansWithoutDefault", p.nonDefaultLoans());
        perf.put("falseAlarmLoans", p.falseAlarmLoans());
        putRate(perf, "falseAlarmRate", p.falseAlarmRate());
        putRate(perf, "seriousMonthPrecision", p.seriousMonths().rate());
        ArrayNode vintages = root.putArray("vintages");
        for (MonitorSummary.Vintage v : s.vintages()) {
            ObjectNode row = vintages.addObject();
            row.put("quarter", v.quarter());
            row.put("loans", v.loans());
            ArrayNode cum = row.putArray("cumulativeDefaultByMonthOnBook");
            for (double c : v.cumulativeDefault()) {
                if (Double.isNaN(c)) {
                    cum.addNull();
                } else {
                    cum.add(c);
                }
            }
        }
        ObjectNode rolls = root.putObject("rollRates");
        for (RepaymentStatus from : RepaymentStatus.values()) {
            ObjectNode row = rolls.putObject(from.name());
            for (RepaymentStatus to : RepaymentStatus.values()) {
                row.put(to.name(), s.rollRates()[from.ordinal()][to.ordinal()]);
            }
        }
        MonitorSummary.Fund f = s.fund();
        ObjectNode fund = root.putObject("riskCompensationFund");
        fund.put("bookedCny", f.bookedCny());
        fund.put("defaultedExposureCny", f.defaultedCny());
        fund.put("nplRate", f.nplRate());
        fund.put("lgd", f.lgd());
        fund.put("lossCny", f.lossCny());
        fund.put("thresholdNpl", f.fundThresholdNpl());
        fund.put("fundShare", f.fundShare());
        fund.put("fundPaysCny", f.fundPaysCny());
        fund.put("bankBearsCny", f.bankBearsCny());
        ArrayNode drift = root.putArray("drift");
        for (Drift d : s.drift()) {
            ObjectNode row = drift.addObject();
            row.put("name", d.name());
            row.put("psi", d.psi());
            row.put("pValue", d.pValue());
            row.put("bins", d.bins());
            row.put("flagged", d.flagged());
            row.put("ageing", d.ageing());
        }
        ObjectNode re = root.putObject("reevaluations");
        re.put("count", s.reevaluations());
        re.put("limitCuts", s.limitCuts());
        re.put("limitRaises", s.limitRaises());
        ArrayNode red = root.putArray("redLoansListed");
        for (MonitorSummary.RedLoan r : s.redListed()) {
            ObjectNode row = red.addObject();
            row.put("loanId", r.loanId());
            row.put("month", r.month().toString());
            row.put("monthsOnBook", r.monthsOnBook());
            row.put("industry", r.industry());
            row.put("pd", r.pd());
            row.put("status", r.status().name());
            ArrayNode sig = row.putArray("signals");
            r.signals().forEach(x -> sig.add(x.name()));
        }
        try {
            JSON.writeValue(new NonClosing(out), root);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putRate(ObjectNode n, String field, double v) {
        if (Double.isNaN(v)) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    /**
     * The HTML page.
     *
     * @param s    the summary
     * @param meta what was monitored
     * @return a self-contained HTML document
     */
    public static String html(MonitorSummary s, Meta meta) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String verdict = verdict(s);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>creditkit monitoring: ")
                .append(verdict).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:1100px;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
                .append("th{background:#f3f3f3}td.l,th.l{text-align:left}.verdict{padding:1em;border-radius:6px;margin-bottom:1em}")
                .append(".PASS{background:#e3f4e3;border:2px solid #2e7d32}.NO_DATA{background:#eee;border:2px solid #777}.FAIL{background:#fbe3e3;border:2px solid #c62828}")
                .append("nav a{margin-right:1em}.muted{color:#777}.flag{color:#c62828;font-weight:bold}")
                .append("</style></head><body>");
        h.append("<div id=\"verdict\" class=\"verdict ").append(verdict).append("\"><h1>Loan book monitoring: ")
                .append(verdict).append("</h1>");
        if (s.breaches().isEmpty()) {
            h.append("<p>No limit exceeded: ").append(pct(s.redShare())).append(" of live loans at RED (limit ")
                    .append(pct(s.limits().maxRedShare())).append("), no material and significant PD drift.</p>");
        } else {
            h.append("<ul>");
            s.breaches().forEach(b -> h.append("<li>").append(esc(b)).append("</li>"));
            h.append("</ul>");
        }
        MonitorSummary.Performance p = s.performance();
        h.append("<p>").append(s.loans()).append(" loans, ").append(s.loanMonths()).append(" loan-months up to ")
                .append(asOf(s)).append("; ").append(s.liveLoans()).append(" live (not in default, term not ended), of which ")
                .append(s.redLoans()).append(" at RED. Defaults observed: ").append(p.defaults());
        if (p.defaultsWithLead() > 0) {
            h.append("; caught at ORANGE/RED at least 3 months ahead: ").append(pct(p.catchRate()))
                    .append(" (mean lead ").append(fmt(p.meanLeadMonths(), 1)).append(" months); false alarms: ")
                    .append(pct(p.falseAlarmRate())).append(" of loans that did not default");
        }
        h.append(".</p>");
        if (s.liveWithoutLatestMonth() > 0) {
            h.append("<p>").append(s.liveWithoutLatestMonth()).append(" of the live loans have no month in ")
                    .append(asOf(s)).append(": their level is as of their latest month (repaid early, a data feed ")
                    .append("that stopped, or a book observed for a fixed number of months per loan).</p>");
        }
        h.append("<p class=\"muted\">Book ").append(esc(meta.book())).append(" (SHA-256 ")
                .append(esc(meta.bookSha256())).append("), model ").append(esc(meta.modelId())).append(", rules ")
                .append(esc(meta.ruleset())).append(", generated ").append(esc(meta.generated())).append(".</p></div>");
        h.append("<nav><a href=\"#levels\">Levels over time</a><a href=\"#red\">Loans at RED</a>")
                .append("<a href=\"#bylevel\">Default rate by level</a><a href=\"#vintage\">Vintages</a>")
                .append("<a href=\"#rolls\">Roll rates</a><a href=\"#fund\">Fund</a><a href=\"#drift\">Drift</a></nav>");

        h.append("<h2 id=\"levels\">Warning levels over time</h2>").append(levelChart(s));
        h.append("<h2 id=\"red\">Live loans at RED (").append(s.redLoans()).append(" of ").append(s.liveLoans())
                .append(" live)</h2><p class=\"muted\">Loans not (yet) in default whose latest month is RED: act now. ")
                .append("A loan whose term ended before ").append(asOf(s)).append(" has matured and is not listed.</p>");
        h.append("<table><tr><th class=\"l\">loan</th><th>month</th><th>months on book</th><th class=\"l\">industry</th>")
                .append("<th>PD</th><th class=\"l\">status</th><th class=\"l\">signals</th></tr>");
        for (MonitorSummary.RedLoan r : s.redListed()) {
            h.append("<tr><td class=\"l\">").append(esc(r.loanId())).append("</td><td>").append(r.month())
                    .append("</td><td>").append(r.monthsOnBook()).append("</td><td class=\"l\">").append(esc(r.industry()))
                    .append("</td><td>").append(pct(r.pd())).append("</td><td class=\"l\">").append(r.status().english())
                    .append("</td><td class=\"l\">");
            List<String> sig = new ArrayList<>();
            r.signals().forEach(x -> sig.add(esc(x.english()) + " / " + esc(x.chinese())));
            h.append(String.join("; ", sig)).append("</td></tr>");
        }
        h.append("</table>");
        if (s.redLoans() > s.redListed().size()) {
            h.append("<p class=\"muted\">").append(s.redLoans() - s.redListed().size())
                    .append(" more in the JSON Lines warnings file.</p>");
        }
        h.append("<h2 id=\"bylevel\">Default within 12 months by warning level</h2><table><tr><th class=\"l\">level</th>")
                .append("<th>loan-months</th><th>defaulted</th><th>rate</th></tr>");
        for (WarningLevel l : WarningLevel.values()) {
            MonitorSummary.Rate r = s.byLevel().get(l);
            h.append("<tr><td class=\"l\">").append(l.english()).append(" ").append(l.chinese()).append("</td><td>")
                    .append(r.n()).append("</td><td>").append(r.defaults()).append("</td><td>").append(pct(r.rate()))
                    .append("</td></tr>");
        }
        h.append("</table>");
        h.append("<h2 id=\"vintage\">Vintage curves: cumulative default by months on book</h2>").append(vintageChart(s));
        h.append("<h2 id=\"rolls\">Roll rates (share of loans moving from the row's bucket to the column's next month)</h2>")
                .append("<table><tr><th class=\"l\">from \\ to</th>");
        for (RepaymentStatus to : RepaymentStatus.values()) {
            h.append("<th>").append(to.english()).append("</th>");
        }
        h.append("</tr>");
        for (RepaymentStatus from : RepaymentStatus.values()) {
            long[] row = s.rollRates()[from.ordinal()];
            long n = 0;
            for (long c : row) {
                n += c;
            }
            h.append("<tr><th class=\"l\">").append(from.english()).append(" (").append(n).append(")</th>");
            for (long c : row) {
                h.append("<td>").append(n == 0 ? "" : pct((double) c / n)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
        MonitorSummary.Fund f = s.fund();
        h.append("<h2 id=\"fund\">Losses and the risk-compensation fund</h2><p>Booked ").append(cny(f.bookedCny()))
                .append("; exposure at default ").append(cny(f.defaultedCny())).append(" (NPL rate ").append(pct(f.nplRate()))
                .append("); losses at LGD ").append(pct(f.lgd())).append(": ").append(cny(f.lossCny()))
                .append(". The fund pays ").append(pct(f.fundShare())).append(" of losses above a ")
                .append(pct(f.fundThresholdNpl())).append(" non-performing rate: ").append(cny(f.fundPaysCny()))
                .append("; the bank bears ").append(cny(f.bankBearsCny())).append(".</p>");
        h.append("<p>Quarterly re-evaluations: ").append(s.reevaluations()).append(" (limit cut ").append(s.limitCuts())
                .append(", raised ").append(s.limitRaises()).append(").</p>");
        h.append("<h2 id=\"drift\">Drift between origination and the latest re-score</h2>")
                .append("<p class=\"muted\">Flagged when material (PSI &ge; ").append(fmt(Drift.MATERIAL_PSI, 2))
                .append(") and significant (p &lt; ").append(Drift.ALPHA).append(", chi-square with the sample sizes).")
                .append(" Indicators that age with the loan are shown but never flagged.</p>")
                .append("<table><tr><th class=\"l\">score or indicator</th><th>PSI</th><th>p</th><th>bins</th><th class=\"l\">finding</th></tr>");
        for (Drift d : s.drift()) {
            String finding = d.ageing() ? "<span class=\"muted\">ages with the loan</span>"
                    : d.flagged() ? "<span class=\"flag\">shifted</span>"
                    : d.psi() >= Drift.MATERIAL_PSI ? "material but not significant" : d.pValue() < Drift.ALPHA
                    ? "significant but small" : "stable";
            h.append("<tr><td class=\"l\">").append(esc(d.name())).append("</td><td>").append(fmt(d.psi(), 3))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.2g", d.pValue())).append("</td><td>")
                    .append(d.bins()).append("</td><td class=\"l\">").append(finding).append("</td></tr>");
        }
        h.append("</table></body></html>\n");
        return h.toString();
    }

    private static String levelChart(MonitorSummary s) {
        List<YearMonth> months = new ArrayList<>(new java.util.TreeMap<>(s.levelsByMonth()).keySet());
        if (months.isEmpty()) {
            return "<p>No months.</p>";
        }
        int w = 1000;
        int hgt = 260;
        int left = 50;
        // a month label is centred under its bar; the right margin keeps the last one (7 characters) inside
        double bar = (w - left - 30.0) / months.size();
        StringBuilder b = new StringBuilder();
        b.append("<svg width=\"").append(w).append("\" height=\"").append(hgt + 40)
                .append("\" role=\"img\" aria-label=\"warning levels per month\">");
        for (int i = 0; i < months.size(); i++) {
            Map<WarningLevel, Long> c = s.levelsByMonth().get(months.get(i));
            long total = c.values().stream().mapToLong(Long::longValue).sum();
            double y = hgt;
            for (WarningLevel l : WarningLevel.values()) {
                double share = total == 0 ? 0 : (double) c.get(l) / total;
                double hh = share * hgt;
                y -= hh;
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s %s: %d of %d</title></rect>", left + i * bar, y, Math.max(1, bar - 1), hh,
                        LEVEL_COLOURS[l.ordinal()], months.get(i), l.english(), c.get(l), total));
            }
            if (i % Math.max(1, months.size() / 12) == 0) {
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s"
                        + "</text>", left + (i + 0.5) * bar, hgt + 14, months.get(i)));
            }
        }
        b.append("<text x=\"0\" y=\"12\" font-size=\"10\">100%</text><text x=\"0\" y=\"").append(hgt)
                .append("\" font-size=\"10\">0%</text>");
        int lx = left;
        for (WarningLevel l : WarningLevel.values()) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", lx, hgt + 22, LEVEL_COLOURS[l.ordinal()], lx + 16,
                    hgt + 32, l.english()));
            lx += 90;
        }
        return b.append("</svg>").toString();
    }

    private static String vintageChart(MonitorSummary s) {
        int w = 1000;
        int hgt = 260;
        int left = 50;
        double max = 0.01;
        for (MonitorSummary.Vintage v : s.vintages()) {
            for (double c : v.cumulativeDefault()) {
                if (!Double.isNaN(c)) {
                    max = Math.max(max, c);
                }
            }
        }
        int mobs = PortfolioMonitor.LoanBookHorizon.MOBS;
        StringBuilder b = new StringBuilder();
        b.append("<svg width=\"").append(w).append("\" height=\"").append(hgt + 30)
                .append("\" role=\"img\" aria-label=\"vintage curves\">");
        b.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"12\" font-size=\"10\">%s</text>", pct(max)));
        b.append("<text x=\"0\" y=\"").append(hgt).append("\" font-size=\"10\">0%</text>");
        String[] palette = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22", "#17becf"};
        int k = 0;
        for (MonitorSummary.Vintage v : s.vintages()) {
            StringBuilder pts = new StringBuilder();
            for (int t = 0; t < mobs; t++) {
                double c = v.cumulativeDefault()[t];
                if (Double.isNaN(c)) {
                    continue;
                }
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + t * (w - left - 120.0) / (mobs - 1),
                        hgt - c / max * (hgt - 10)));
            }
            String colour = palette[k % palette.length];
            b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                    .append(pts).append("\"><title>").append(v.quarter()).append(" (").append(v.loans())
                    .append(" loans)</title></polyline>");
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s (%d)</text>",
                    w - 110, 14 + 14 * k, colour, v.quarter(), v.loans()));
            k++;
        }
        for (int t = 0; t < mobs; t += 3) {
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%d</text>",
                    left + t * (w - left - 120.0) / (mobs - 1), hgt + 14, t));
        }
        b.append("<text x=\"").append(left).append("\" y=\"").append(hgt + 28)
                .append("\" font-size=\"10\">months on book</text>");
        return b.append("</svg>").toString();
    }

    private static String asOf(MonitorSummary s) {
        return s.asOf().map(YearMonth::toString).orElse("no month");
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String cny(double v) {
        return String.format(Locale.ROOT, "%,.0f CNY", v);
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A writer that ignores close, so Jackson does not close the caller's writer. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
