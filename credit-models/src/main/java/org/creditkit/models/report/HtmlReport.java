package org.creditkit.models.report;

import static org.creditkit.models.report.Svg.esc;
import static org.creditkit.models.report.Svg.f;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.creditkit.models.ModelException;
import org.creditkit.models.eval.CalibrationRow;
import org.creditkit.models.eval.CvResult;
import org.creditkit.models.eval.Evaluation;
import org.creditkit.models.eval.GroupRow;
import org.creditkit.models.eval.IndustryLayer;
import org.creditkit.models.eval.LiftRow;
import org.creditkit.models.eval.Metrics;
import org.creditkit.models.eval.ModelVerdict;
import org.creditkit.models.export.TrainingDetail;
import org.creditkit.models.export.TrainingDetail.BinRow;
import org.creditkit.models.export.TrainingDetail.CardFeature;
import org.creditkit.models.export.TrainingDetail.Overlay;
import org.creditkit.models.workflow.ModelEvaluation;

/**
 * Writes the model report as one self-contained {@code index.html} (inline CSS and SVG, no
 * scripts, no external resources). Deterministic: the same content gives the same bytes.
 */
public final class HtmlReport {

    private static final String BAD = "#c0392b";
    private static final String GOOD = "#1e8449";
    private static final String MODEL = "#1f4e79";
    private static final String REF = "#999999";

    private HtmlReport() {
    }

    /**
     * Writes {@code dir/index.html}, creating the directory.
     *
     * @param content what to report
     * @param dir the report directory
     * @return the file written
     * @throws ModelException if it cannot be written
     */
    public static Path write(ReportContent content, Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("index.html");
            Files.writeString(file, html(content), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new ModelException("Cannot write report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The report HTML.
     *
     * @param c what to report
     * @return the document
     */
    public static String html(ReportContent c) {
        ModelEvaluation ev = c.evaluation();
        Metrics m = ev.metrics();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>").append(esc(c.title()))
                .append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>").append(esc(c.title())).append("</h1>\n");
        h.append("<p class='sub'>").append(esc(c.dataSummary())).append("<br>Model: ").append(esc(c.modelKind()))
                .append(" &middot; sample: ").append(esc(ev.sample())).append(" &middot; SHA-256 <code>")
                .append(esc(c.modelChecksum())).append("</code></p>\n");
        verdict(h, c);
        metaTable(h, c);
        h.append("<h2>Discrimination and accuracy (").append(esc(ev.sample()))
                .append(")</h2>\n<table><tr><th>Metric</th><th>Value</th>")
                .append(ev.oracle().isPresent() ? "<th>Oracle (true PD)</th>" : "").append("</tr>");
        row(h, "Rows", String.valueOf(m.rows()), ev.oracle().map(o -> String.valueOf(o.rows())));
        row(h, "Defaults", m.bads() + " (" + pct(m.observedRate()) + ")", ev.oracle().map(o -> String.valueOf(o.bads())));
        row(h, "AUC (95% CI, Hanley-McNeil)", num(m.auc()) + " [" + num(m.aucLower()) + ", " + num(m.aucUpper()) + "]",
                ev.oracle().map(o -> num(o.auc())));
        row(h, "Gini", num(m.gini()), ev.oracle().map(o -> num(o.gini())));
        row(h, "KS", num(m.ks()), ev.oracle().map(o -> num(o.ks())));
        row(h, "Brier score", num(m.brier()), ev.oracle().map(o -> num(o.brier())));
        row(h, "Log loss", num(m.logLoss()), ev.oracle().map(o -> num(o.logLoss())));
        row(h, "Mean PD / observed rate", pct(m.meanPd()) + " / " + pct(m.observedRate()),
                ev.oracle().map(o -> pct(o.meanPd())));
        h.append("</table>\n");
        c.cv().ifPresent(cv -> cvTable(h, cv));
        h.append("<h2>Curves</h2>\n<div class='grid2'>");
        h.append(roc(ev));
        h.append(ks(ev));
        h.append(calibrationChart(ev));
        h.append(scoreDistribution(ev));
        h.append("</div>\n");
        calibrationTable(h, ev);
        liftTable(h, ev);
        groupTable(h, "Per grade", "Grade", ev.grades(), Map.of());
        if (!ev.industries().isEmpty()) {
            Map<String, Overlay> overlays = new TreeMap<>();
            c.model().ifPresent(tm -> tm.overlays().forEach(o -> overlays.put(o.industry(), o)));
            groupTable(h, "Per industry", "Industry", ev.industries(), overlays);
        }
        c.industryLayer().ifPresent(l -> industryLayer(h, l));
        c.model().flatMap(tm -> tm.scorecard()).ifPresent(card -> woe(h, card));
        c.model().flatMap(tm -> tm.gbm()).ifPresent(g -> importance(h, g));
        if (!c.notes().isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul>");
            c.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
            h.append("</ul>\n");
        }
        h.append("<p class='foot'>Generated by creditkit credit-models. AUC interval after Hanley &amp; McNeil (1982);"
                + " WoE = ln(%good/%bad); points = -(WoE&middot;&beta; + &alpha;/n)&middot;factor + offset/n.</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The verdict the report opens on: traffic lights with their thresholds (see {@link ModelVerdict}). */
    static ModelVerdict verdictOf(ReportContent c) {
        return c.evaluation().verdict(c.cv());
    }

    private static void verdict(StringBuilder h, ReportContent c) {
        ModelVerdict v = verdictOf(c);
        h.append("<section id='verdict' class='verdict ").append(v.overall()).append("'>\n<p class='headline'>Verdict ")
                .append("<span class='light ").append(v.overall()).append("'>").append(v.overall())
                .append("</span> <span class='sub'>").append(esc(v.basis())).append("</span></p>\n")
                .append("<table><tr><th>Check</th><th>Light</th><th>Value</th><th>Evidence</th><th>Thresholds</th></tr>");
        for (ModelVerdict.Check k : v.checks()) {
            h.append("<tr><td>").append(esc(k.name())).append("</td><td><span class='light ").append(k.light())
                    .append("'>").append(k.light()).append("</span></td><td class='n'>").append(esc(k.value()))
                    .append("</td><td>").append(esc(k.evidence())).append("</td><td class='sub'>")
                    .append(esc(k.threshold())).append("</td></tr>");
        }
        h.append("</table>\n<p class='sub'>").append(c.evaluation().stability().isPresent()
                ? "Stability: PSI of this sample's PDs against the PD deciles of the training sample the model "
                        + "records; per feature: "
                : "Stability is not measured on the training sample itself: <code>credit evaluate</code> on a later "
                        + "sample measures it against the training sample's PD deciles the model records; per feature: ")
                .append("<code>credit psi --expected TRAIN --actual RECENT --model BUNDLE --report DIR</code> (exit 2 on "
                        + "a shift).</p>\n</section>\n");
    }

    private static void metaTable(StringBuilder h, ReportContent c) {
        if (c.model().isEmpty() || c.model().get().metadata().isEmpty()) {
            return;
        }
        h.append("<details><summary>Training metadata</summary><table>");
        c.model().get().metadata().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> h.append("<tr><td>")
                .append(esc(e.getKey())).append("</td><td>").append(esc(e.getValue())).append("</td></tr>"));
        h.append("</table></details>\n");
    }

    private static void row(StringBuilder h, String name, String value, java.util.Optional<String> oracle) {
        h.append("<tr><td>").append(esc(name)).append("</td><td class='n'>").append(esc(value)).append("</td>");
        oracle.ifPresent(o -> h.append("<td class='n'>").append(esc(o)).append("</td>"));
        h.append("</tr>");
    }

    private static void cvTable(StringBuilder h, CvResult cv) {
        h.append("<h2>Cross-validation (").append(cv.k()).append("-fold stratified, seed ").append(cv.seed())
                .append(")</h2>\n<table><tr><th>Fold</th><th>Rows</th><th>Defaults</th><th>AUC</th><th>Gini</th><th>KS</th>"
                        + "<th>Brier</th><th>Log loss</th></tr>");
        for (int i = 0; i < cv.folds().size(); i++) {
            Metrics m = cv.folds().get(i);
            h.append("<tr><td>").append(i + 1).append("</td><td class='n'>").append(m.rows()).append("</td><td class='n'>")
                    .append(m.bads()).append("</td><td class='n'>").append(num(m.auc())).append("</td><td class='n'>")
                    .append(num(m.gini())).append("</td><td class='n'>").append(num(m.ks())).append("</td><td class='n'>")
                    .append(num(m.brier())).append("</td><td class='n'>").append(num(m.logLoss())).append("</td></tr>");
        }
        h.append("<tr class='tot'><td>Mean</td><td></td><td></td><td class='n'>").append(num(cv.meanAuc()))
                .append(" &plusmn; ").append(num(cv.sdAuc())).append("</td><td class='n'>").append(num(cv.meanGini()))
                .append("</td><td class='n'>").append(num(cv.meanKs())).append("</td><td class='n'>")
                .append(num(cv.meanBrier())).append("</td><td class='n'>").append(num(cv.meanLogLoss()))
                .append("</td></tr></table>\n");
    }

    private static String roc(ModelEvaluation ev) {
        double[][] pts = Svg.thin(Evaluation.roc(ev.pd(), ev.outcome()), 400);
        List<Svg.Series> s = new ArrayList<>();
        s.add(new Svg.Series("model, AUC " + num(ev.metrics().auc()), MODEL, pts, false));
        s.add(new Svg.Series("random", REF, new double[][] {{0, 0}, {1, 1}}, true));
        return Svg.lines("ROC curve", "false positive rate (goods flagged)", "true positive rate (bads caught)", s, 0, 1,
                0, 1, true, true, "");
    }

    private static String ks(ModelEvaluation ev) {
        double[][] curve = Evaluation.ksCurve(ev.pd(), ev.outcome());
        int best = 0;
        for (int i = 0; i < curve.length; i++) {
            if (Math.abs(curve[i][1] - curve[i][2]) > Math.abs(curve[best][1] - curve[best][2])) {
                best = i;
            }
        }
        double[][] bads = new double[curve.length][];
        double[][] goods = new double[curve.length][];
        for (int i = 0; i < curve.length; i++) {
            bads[i] = new double[] {curve[i][0], curve[i][1]};
            goods[i] = new double[] {curve[i][0], curve[i][2]};
        }
        List<Svg.Series> s = List.of(new Svg.Series("bads (cumulative)", BAD, Svg.thin(bads, 400), false),
                new Svg.Series("goods (cumulative)", GOOD, Svg.thin(goods, 400), false));
        double x = Svg.px(curve[best][0], 0, 1);
        String extra = "<line x1='" + f(x) + "' y1='" + f(Svg.py(curve[best][1], 0, 1)) + "' x2='" + f(x) + "' y2='"
                + f(Svg.py(curve[best][2], 0, 1)) + "' stroke='#000' stroke-width='1.5' stroke-dasharray='3,3'/>"
                + "<text x='" + f(x + 4) + "' y='" + f(Svg.py((curve[best][1] + curve[best][2]) / 2, 0, 1))
                + "' class='lg'>KS " + num(ev.metrics().ks()) + "</text>";
        return Svg.lines("KS: cumulative share captured, riskiest first", "share of population (by PD, descending)",
                "cumulative share", s, 0, 1, 0, 1, true, true, extra);
    }

    private static String calibrationChart(ModelEvaluation ev) {
        List<CalibrationRow> rows = ev.calibration();
        double max = 0;
        for (CalibrationRow r : rows) {
            max = Math.max(max, Math.max(r.meanPd(), r.observedRate()));
        }
        max = Math.min(1, niceMax(max * 1.05));
        double[][] pts = new double[rows.size()][];
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            pts[i] = new double[] {rows.get(i).meanPd(), rows.get(i).observedRate()};
            dots.append("<circle cx='").append(f(Svg.px(pts[i][0], 0, max))).append("' cy='")
                    .append(f(Svg.py(pts[i][1], 0, max))).append("' r='3.5' fill='").append(MODEL).append("'/>");
        }
        List<Svg.Series> s = List.of(new Svg.Series("deciles: observed vs predicted", MODEL, pts, false),
                new Svg.Series("perfect calibration", REF, new double[][] {{0, 0}, {max, max}}, true));
        return Svg.lines("Calibration by decile of PD", "mean predicted PD", "observed default rate", s, 0, max, 0, max,
                true, true, dots.toString());
    }

    private static String scoreDistribution(ModelEvaluation ev) {
        double[] score = ev.score();
        int[] y = ev.outcome();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : score) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double step = niceMax((hi - lo) / 1.0) / 5;
        lo = Math.floor(lo / step) * step;
        hi = Math.ceil(hi / step) * step;
        int bins = 30;
        double[] g = new double[bins];
        double[] b = new double[bins];
        int ng = 0;
        int nb = 0;
        for (int i = 0; i < score.length; i++) {
            int k = Math.min(bins - 1, (int) ((score[i] - lo) / (hi - lo) * bins));
            if (y[i] == 1) {
                b[k]++;
                nb++;
            } else {
                g[k]++;
                ng++;
            }
        }
        double ymax = 0;
        for (int k = 0; k < bins; k++) {
            g[k] = ng == 0 ? 0 : g[k] / ng;
            b[k] = nb == 0 ? 0 : b[k] / nb;
            ymax = Math.max(ymax, Math.max(g[k], b[k]));
        }
        ymax = niceMax(ymax * 1.05);
        StringBuilder s = new StringBuilder();
        Svg.axes(s, "Score distribution by outcome", "score", "share of outcome group", lo, hi, 0, ymax, false, true);
        double w = (hi - lo) / bins;
        for (int k = 0; k < bins; k++) {
            double x0 = lo + k * w;
            bar(s, x0, x0 + w, g[k], lo, hi, ymax, GOOD);
            bar(s, x0, x0 + w, b[k], lo, hi, ymax, BAD);
        }
        Svg.legend(s, List.of(new Svg.Series("goods", GOOD, new double[0][], false),
                new Svg.Series("bads", BAD, new double[0][], false)));
        s.append("</svg>");
        return s.toString();
    }

    private static void bar(StringBuilder s, double x0, double x1, double v, double lo, double hi, double ymax,
            String color) {
        double px0 = Svg.px(x0, lo, hi);
        double px1 = Svg.px(x1, lo, hi);
        double top = Svg.py(v, 0, ymax);
        s.append("<rect x='").append(f(px0)).append("' y='").append(f(top)).append("' width='")
                .append(f(Math.max(px1 - px0 - 1, 1))).append("' height='").append(f(Svg.H - Svg.B - top))
                .append("' fill='").append(color).append("' fill-opacity='0.45'/>");
    }

    private static void calibrationTable(StringBuilder h, ModelEvaluation ev) {
        h.append("<h2>Calibration table (deciles by PD, 1 = lowest)</h2>\n<table><tr><th>Decile</th><th>Rows</th>"
                + "<th>Defaults</th><th>Mean PD</th><th>Observed rate</th><th>Observed / predicted</th></tr>");
        for (CalibrationRow r : ev.calibration()) {
            h.append("<tr><td>").append(r.decile()).append("</td><td class='n'>").append(r.rows())
                    .append("</td><td class='n'>").append(r.bads()).append("</td><td class='n'>").append(pct(r.meanPd()))
                    .append("</td><td class='n'>").append(pct(r.observedRate())).append("</td><td class='n'>")
                    .append(r.meanPd() > 0 ? num(r.observedRate() / r.meanPd()) : "-").append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void liftTable(StringBuilder h, ModelEvaluation ev) {
        h.append("<h2>Lift (deciles by PD, 1 = riskiest)</h2>\n<table><tr><th>Decile</th><th>Rows</th><th>Defaults</th>"
                + "<th>Default rate</th><th>Cumulative share of defaults</th><th>Lift</th></tr>");
        for (LiftRow r : ev.lift()) {
            h.append("<tr><td>").append(r.decile()).append("</td><td class='n'>").append(r.rows())
                    .append("</td><td class='n'>").append(r.bads()).append("</td><td class='n'>").append(pct(r.badRate()))
                    .append("</td><td class='n'>").append(pct(r.cumulativeBadShare())).append("</td><td class='n'>")
                    .append(num(r.lift())).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void groupTable(StringBuilder h, String title, String label, List<GroupRow> rows,
            Map<String, Overlay> overlays) {
        boolean withOverlay = !overlays.isEmpty();
        h.append("<h2>").append(esc(title)).append("</h2>\n<table><tr><th>").append(esc(label))
                .append("</th><th>Rows</th><th>Defaults</th><th>Observed rate</th><th>Mean PD</th><th>Observed / predicted</th>"
                        + "<th>AUC</th>");
        if (withOverlay) {
            h.append("<th>Overlay shift</th><th>Credibility</th>");
        }
        h.append("</tr>");
        for (GroupRow r : rows) {
            h.append("<tr><td>").append(esc(r.group())).append("</td><td class='n'>").append(r.rows())
                    .append("</td><td class='n'>").append(r.bads()).append("</td><td class='n'>")
                    .append(pct(r.observedRate())).append("</td><td class='n'>").append(pct(r.meanPd()))
                    .append("</td><td class='n'>").append(r.meanPd() > 0 ? num(r.observedRate() / r.meanPd()) : "-")
                    .append("</td><td class='n'>").append(Double.isNaN(r.auc()) ? "-" : num(r.auc())).append("</td>");
            if (withOverlay) {
                Overlay o = overlays.get(r.group());
                h.append("<td class='n'>").append(o == null ? "none (base)" : signed(o.shift()))
                        .append("</td><td class='n'>").append(o == null ? "-" : num(o.credibility())).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>\n");
    }

    private static void industryLayer(StringBuilder h, IndustryLayer l) {
        h.append("<h2>Industry layer: base alone vs base + industry overlays (out of fold, ").append(l.folds())
                .append(" folds)</h2>\n<p class='sub'>AUC ").append(num(l.base().auc())).append(" &rarr; ")
                .append(num(l.layered().auc())).append(", log loss ").append(num(l.base().logLoss())).append(" &rarr; ")
                .append(num(l.layered().logLoss())).append("; worst |observed &minus; predicted| default rate over"
                        + " industries with at least ").append(l.minDefaults()).append(" defaults ")
                .append(pct(l.worstCalibrationGapBase())).append(" &rarr; ").append(pct(l.worstCalibrationGapLayered()))
                .append(l.noIndustryRows() > 0 ? "; " + l.noIndustryRows() + " rows without a known industry code (base only)"
                        : "").append("</p>\n");
        h.append(industryChart(l));
        h.append("<table><tr><th>Industry</th><th>Rows</th><th>Defaults</th><th>Observed</th><th>Base PD</th>"
                + "<th>Base O/P</th><th>Base AUC</th><th>Layered PD</th><th>Layered O/P</th><th>Layered AUC</th>"
                + "<th>Overlay</th></tr>");
        for (IndustryLayer.Row r : l.industries()) {
            h.append("<tr><td>").append(esc(r.industry())).append("</td><td class='n'>").append(r.rows())
                    .append("</td><td class='n'>").append(r.defaults()).append("</td><td class='n'>")
                    .append(pct(r.observedRate())).append("</td><td class='n'>").append(pct(r.meanPdBase()))
                    .append("</td><td class='n'>").append(num(r.observedOverPredictedBase())).append("</td><td class='n'>")
                    .append(num(r.aucBase())).append("</td><td class='n'>").append(pct(r.meanPdLayered()))
                    .append("</td><td class='n'>").append(num(r.observedOverPredictedLayered()))
                    .append("</td><td class='n'>").append(num(r.aucLayered())).append("</td><td>")
                    .append(r.overlay() ? "yes" : "base only").append("</td></tr>");
        }
        h.append("</table>\n");
    }

    /** Grouped bars per industry: observed default rate, mean PD of the base, mean PD with the overlay. */
    private static String industryChart(IndustryLayer l) {
        List<IndustryLayer.Row> rows = l.industries();
        double max = 0;
        for (IndustryLayer.Row r : rows) {
            max = Math.max(max, Math.max(r.observedRate(), Math.max(r.meanPdBase(), r.meanPdLayered())));
        }
        // five y ticks at whole percentages: the top is 5 x the smallest whole-percent step that clears max by 10%
        max = 5 * Math.max(1, Math.ceil(max * 1.1 * 100 / 5)) / 100;
        StringBuilder s = new StringBuilder();
        int n = Math.max(1, rows.size());
        Svg.axes(s, "Default rate per industry: observed vs predicted (out of fold)", "industry",
                "default rate", 0, n, 0, max, false, true, false);
        String[] colors = {"#333333", BAD, MODEL};
        for (int i = 0; i < rows.size(); i++) {
            IndustryLayer.Row r = rows.get(i);
            double[] v = {r.observedRate(), r.meanPdBase(), r.meanPdLayered()};
            for (int j = 0; j < 3; j++) {
                double x0 = i + 0.12 + j * 0.25;
                bar(s, x0, x0 + 0.25, v[j], 0, n, max, colors[j]);
            }
            s.append("<text x='").append(f(Svg.px(i + 0.5, 0, n))).append("' y='").append(Svg.H - Svg.B + 14)
                    .append("' text-anchor='middle' class='tk'>").append(esc(r.industry())).append("</text>");
        }
        Svg.legend(s, List.of(new Svg.Series("observed", colors[0], new double[0][], false),
                new Svg.Series("base PD", colors[1], new double[0][], false),
                new Svg.Series("base + industry PD", colors[2], new double[0][], false)));
        s.append("</svg>");
        return "<div class='grid2'>" + s + "</div>";
    }

    private static void woe(StringBuilder h, TrainingDetail.Card card) {
        h.append("<h2>Scorecard: weight of evidence and points per feature</h2>\n<p class='sub'>Intercept ")
                .append(num(card.intercept())).append("; scaling: ").append(g(card.scaling().baseScore()))
                .append(" points at good:bad odds of ").append(g(card.scaling().baseOdds())).append(":1, ")
                .append(g(card.scaling().pdo())).append(" points to double the odds. ").append(card.features().size())
                .append(" features.</p>\n<div class='grid2'>");
        for (CardFeature f : card.features()) {
            h.append("<div class='card'><h3>").append(esc(f.name())).append("</h3><p class='sub'>IV ")
                    .append(num(f.iv())).append(" &middot; coefficient ").append(num(f.coefficient()))
                    .append(f.monotonic() ? " &middot; monotonic" : "").append("</p>");
            h.append(woeChart(f));
            h.append("<table class='small'><tr><th>Bin</th><th>Rows</th><th>Bad rate</th><th>WoE</th><th>Points</th></tr>");
            for (BinRow b : f.bins()) {
                h.append("<tr><td>").append(esc(b.label())).append("</td><td class='n'>").append(b.count())
                        .append("</td><td class='n'>").append(b.count() == 0 ? "-" : pct((double) b.bads() / b.count()))
                        .append("</td><td class='n'>").append(signed(b.woe())).append("</td><td class='n'>")
                        .append(String.format(Locale.ROOT, "%.1f", b.points())).append("</td></tr>");
            }
            h.append("</table></div>");
        }
        h.append("</div>\n");
    }

    private static String woeChart(CardFeature f) {
        List<BinRow> bins = f.bins();
        int rowH = 22;
        int labelW = 170;
        int w = 440;
        int hgt = bins.size() * rowH + 20;
        double max = 0.5;
        for (BinRow b : bins) {
            max = Math.max(max, Math.abs(b.woe()));
        }
        double zero = labelW + (w - labelW - 10) / 2.0;
        double scale = (w - labelW - 10) / 2.0 / max;
        StringBuilder s = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='" + w + "' height='" + hgt
                + "' role='img' aria-label='WoE of " + esc(f.name()) + "'>");
        for (int i = 0; i < bins.size(); i++) {
            BinRow b = bins.get(i);
            double y = 4 + i * rowH;
            double len = b.woe() * scale;
            String label = b.label().length() > 26 ? b.label().substring(0, 25) + "\u2026" : b.label();
            s.append("<text x='").append(labelW - 6).append("' y='").append(f(y + 14)).append("' text-anchor='end' class='tk'>")
                    .append(esc(label)).append("</text>");
            s.append("<rect x='").append(f(len >= 0 ? zero : zero + len)).append("' y='").append(f(y + 3))
                    .append("' width='").append(f(Math.max(Math.abs(len), 1))).append("' height='").append(rowH - 6)
                    .append("' fill='").append(b.woe() >= 0 ? GOOD : BAD).append("' fill-opacity='0.7'/>");
        }
        s.append("<line x1='").append(f(zero)).append("' y1='0' x2='").append(f(zero)).append("' y2='").append(hgt - 16)
                .append("' class='ax'/>");
        s.append("<text x='").append(f(zero)).append("' y='").append(hgt - 3)
                .append("' text-anchor='middle' class='tk'>WoE 0 (left: riskier, right: safer)</text></svg>");
        return s.toString();
    }

    private static void importance(StringBuilder h, TrainingDetail.Boost g) {
        h.append("<h2>Gradient boosting: feature importance</h2>\n<p class='sub'>").append(g.trees())
                .append(" trees, shrinkage ").append(num(g.shrinkage())).append(", at most ")
                .append(g.maxNodes()).append(" leaves per tree.</p><table><tr><th>Feature</th><th>Importance</th>"
                        + "<th>Share</th></tr>");
        double total = g.importance().stream().mapToDouble(Double::doubleValue).sum();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < g.importance().size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(g.importance().get(b), g.importance().get(a)));
        for (int i : order) {
            double share = total > 0 ? g.importance().get(i) / total : 0;
            h.append("<tr><td>").append(esc(g.features().get(i))).append("</td><td class='n'>")
                    .append(num(g.importance().get(i))).append("</td><td><span class='bar' style='width:")
                    .append(f(share * 300)).append("px'></span> ").append(pct(share)).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    /** The smallest 5 x {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8} x 10^k at least v, so that five ticks fall on round values. */
    static double niceMax(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(v / 5)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (5 * m * mag >= v) {
                return 5 * m * mag;
            }
        }
        return 50 * mag;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.3f", v);
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "-";
    }

    private static final String CSS = ".verdict{border:1px solid #ddd;border-left:6px solid #999;padding:6px 14px;"
            + "margin:8px 0 16px}.verdict.GREEN{border-left-color:#1e8449}.verdict.AMBER{border-left-color:#b9770e}"
            + ".verdict.RED{border-left-color:#c0392b}.headline{font-size:18px;margin:4px 0 8px}.light{display:inline-block;"
            + "padding:1px 9px;border-radius:9px;color:#fff;font-weight:600;font-size:12px}.light.GREEN{background:#1e8449}"
            + ".light.AMBER{background:#b9770e}.light.RED{background:#c0392b}"
            + "body{font-family:-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;"
            + "margin:24px;color:#222;max-width:1160px}h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;"
            + "margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:15px;margin:4px 0}"
            + ".sub{color:#555;font-size:13px;margin:4px 0 10px}table{border-collapse:collapse;font-size:13px;"
            + "margin:6px 0}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left}th{background:#f3f5f8}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}tr.tot td{font-weight:600;background:#fafafa}"
            + ".grid2{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:14px}.card{border:1px solid #e3e3e3;"
            + "padding:8px;border-radius:4px}table.small{font-size:12px}.ct{font-size:13px;font-weight:600}"
            + ".tk{font-size:10px;fill:#444}.al{font-size:11px;fill:#333}.lg{font-size:11px;fill:#222}"
            + ".grid{stroke:#eee;stroke-width:1}.ax{stroke:#555;stroke-width:1}code{font-size:11px}"
            + ".bar{display:inline-block;height:10px;background:#1f4e79}.foot{color:#777;font-size:11px;margin-top:30px}"
            + "details{font-size:13px;margin:6px 0}";
}
