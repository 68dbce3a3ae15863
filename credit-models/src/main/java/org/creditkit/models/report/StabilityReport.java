package org.creditkit.models.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.creditkit.models.eval.Stability;

/**
 * The HTML population-stability report of {@code credit psi --report DIR}: verdict first (STABLE or
 * SHIFT against a stated limit), then the score PSI and every feature's CSI with their bins (expected
 * and actual shares, each bin's term). One self-contained page: inline CSS and SVG, no scripts.
 *
 * <p>The verdict: SHIFT when the checked index exceeds the limit — the score PSI when a model was
 * given, otherwise the largest feature CSI; features above the limit beside a stable score are
 * listed as warnings.
 */
public final class StabilityReport {

    /** File name written by {@link #write}. */
    public static final String FILE = "report.html";

    /**
     * What the report shows.
     *
     * @param title page title
     * @param expected description of the expected (development) sample
     * @param actual description of the actual (recent) sample
     * @param model the model id and checksum, if a model was given
     * @param score the score PSI, if a model was given
     * @param features the feature CSIs
     * @param limit the index above which the verdict is SHIFT
     */
    public record Content(String title, String expected, String actual, Optional<String> model,
            Optional<Stability.Result> score, List<Stability.Result> features, double limit) {

        /**
         * Copies the list.
         *
         * @param title see {@link #title()}
         * @param expected see {@link #expected()}
         * @param actual see {@link #actual()}
         * @param model see {@link #model()}
         * @param score see {@link #score()}
         * @param features see {@link #features()}
         * @param limit see {@link #limit()}
         */
        public Content {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(score, "score");
            features = List.copyOf(features);
        }

        /** @return whether the checked index (score PSI, else the largest CSI) exceeds the limit */
        public boolean shifted() {
            return score.map(s -> s.index() > limit)
                    .orElseGet(() -> features.stream().anyMatch(f -> f.index() > limit));
        }

        /** @return the features whose CSI exceeds the limit */
        public List<Stability.Result> shiftedFeatures() {
            return features.stream().filter(f -> f.index() > limit).toList();
        }
    }

    private static final String CSS = """
            body { font-family: -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color:#212121;
                   margin:0 auto; max-width:1040px; padding:24px; font-size:14px; line-height:1.45; }
            h1 { font-size:22px; margin:0 0 8px; } h2 { font-size:18px; margin:28px 0 8px; border-bottom:2px solid #e0e0e0; }
            table { border-collapse:collapse; width:100%; margin:6px 0 14px; font-size:12.5px; }
            th, td { border:1px solid #e0e0e0; padding:4px 6px; text-align:left; }
            th { background:#f5f5f5; } td.num { text-align:right; font-variant-numeric:tabular-nums; }
            .badge { display:inline-block; padding:1px 10px; border-radius:10px; color:#fff; font-weight:600; }
            .STABLE { background:#2e7d32; } .MODERATE { background:#b45309; } .SHIFT { background:#c62828; }
            .summary { border:1px solid #e0e0e0; border-left:6px solid #2e7d32; padding:8px 16px; background:#fcfcfc; }
            .summary.SHIFT-edge { border-left-color:#c62828; }
            .headline { font-size:18px; margin:4px 0 8px; } .muted { color:#616161; font-size:12px; }
            @media print { .badge, svg { -webkit-print-color-adjust:exact; print-color-adjust:exact; } tr { break-inside:avoid; } }
            """;

    private StabilityReport() {
    }

    /**
     * Writes {@value #FILE} into a directory (created if needed).
     *
     * @param content the report
     * @param dir the directory
     * @return the file written
     * @throws UncheckedIOException if it cannot be written
     */
    public static Path write(Content content, Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE);
            Files.writeString(file, html(content), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stability report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renders the page.
     *
     * @param c the report
     * @return the HTML
     */
    public static String html(Content c) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(Svg.esc(c.title()))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<h1>")
                .append(Svg.esc(c.title())).append("</h1>\n");
        String verdict = c.shifted() ? "SHIFT" : "STABLE";
        h.append("<section id=\"verdict\" class=\"summary ").append(verdict).append("-edge\">\n<p class=\"headline\">Verdict ")
                .append("<span class=\"badge ").append(verdict).append("\">").append(verdict).append("</span> ")
                .append("<span class=\"muted\">exit code ").append(c.shifted() ? 2 : 0).append("; limit ")
                .append(f(c.limit())).append(" on the ").append(c.score().isPresent() ? "score PSI" : "largest feature CSI")
                .append("</span></p>\n<ul>\n");
        c.score().ifPresent(s -> h.append("<li>Score PSI <b>").append(f(s.index())).append("</b> (").append(s.band())
                .append(")</li>\n"));
        List<Stability.Result> shifted = c.shiftedFeatures();
        h.append("<li>").append(shifted.size()).append(" of ").append(c.features().size())
                .append(" features with CSI above the limit");
        if (!shifted.isEmpty()) {
            List<String> names = new ArrayList<>();
            shifted.forEach(r -> names.add(r.name() + " " + f(r.index())));
            h.append(": ").append(Svg.esc(String.join(", ", names)));
        }
        h.append("</li>\n<li>Expected (development): ").append(Svg.esc(c.expected())).append("</li>\n<li>Actual (recent): ")
                .append(Svg.esc(c.actual())).append("</li>\n<li>Model: ")
                .append(Svg.esc(c.model().orElse("none given (feature CSI only)"))).append("</li>\n</ul>\n")
                .append("<p class=\"muted\">Bands: below 0.10 stable, 0.10 to 0.25 moderate, above 0.25 shift. "
                        + "PSI = &Sigma; (actual &minus; expected) &middot; ln(actual / expected) over bins.</p>\n</section>\n");
        h.append("<nav id=\"contents\"><h2>Contents</h2><ol>");
        c.score().ifPresent(s -> h.append("<li><a href=\"#score\">Score PSI</a></li>"));
        h.append("<li><a href=\"#features\">Feature CSI</a></li></ol></nav>\n");
        c.score().ifPresent(s -> {
            h.append("<h2 id=\"score\">Score PSI</h2>\n");
            bins(h, s);
        });
        h.append("<h2 id=\"features\">Feature CSI</h2>\n<table>\n<thead><tr><th>Feature</th><th>CSI</th><th>Band</th></tr>"
                + "</thead>\n<tbody>\n");
        List<Stability.Result> sorted = new ArrayList<>(c.features());
        sorted.sort((a, b) -> Double.compare(b.index(), a.index()));
        for (Stability.Result r : sorted) {
            h.append("<tr><td>").append(Svg.esc(r.name())).append("</td><td class=\"num\">").append(f(r.index()))
                    .append("</td><td><span class=\"badge ").append(r.band()).append("\">").append(r.band())
                    .append("</span></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        for (Stability.Result r : sorted) {
            if (r.band() != Stability.Band.STABLE) {
                h.append("<h3>").append(Svg.esc(r.name())).append(" (CSI ").append(f(r.index())).append(")</h3>\n");
                bins(h, r);
            }
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** A paired bar chart of expected and actual shares per bin, and the table. */
    private static void bins(StringBuilder h, Stability.Result r) {
        List<Stability.BinShift> bins = r.bins();
        double max = 0;
        for (Stability.BinShift b : bins) {
            max = Math.max(max, Math.max(b.expectedShare(), b.actualShare()));
        }
        max = max <= 0 ? 1 : max;
        int row = 18;
        int left = 200;
        int width = 420;
        int height = bins.size() * row * 2 + 24;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(left + width + 80).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"expected and actual shares of ")
                .append(Svg.esc(r.name())).append("\">\n");
        for (int i = 0; i < bins.size(); i++) {
            Stability.BinShift b = bins.get(i);
            int y = 4 + i * row * 2;
            h.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + row).append("\" font-size=\"11\" "
                    + "text-anchor=\"end\">").append(Svg.esc(b.label())).append("</text>\n");
            bar(h, left, y, width * b.expectedShare() / max, "#90a4ae", b.expectedShare());
            bar(h, left, y + row - 2, width * b.actualShare() / max, "#1565c0", b.actualShare());
        }
        h.append("</svg>\n<p class=\"muted\">Grey: expected share; blue: actual share.</p>\n");
        h.append("<table>\n<thead><tr><th>Bin</th><th>Expected share</th><th>Actual share</th><th>Term</th></tr></thead>\n"
                + "<tbody>\n");
        for (Stability.BinShift b : bins) {
            h.append("<tr><td>").append(Svg.esc(b.label())).append("</td><td class=\"num\">").append(pct(b.expectedShare()))
                    .append("</td><td class=\"num\">").append(pct(b.actualShare())).append("</td><td class=\"num\">")
                    .append(f(b.contribution())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void bar(StringBuilder h, int x, int y, double w, String colour, double share) {
        h.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"")
                .append(String.format(Locale.ROOT, "%.1f", w)).append("\" height=\"14\" fill=\"").append(colour)
                .append("\"/><text x=\"").append(String.format(Locale.ROOT, "%.1f", x + w + 4)).append("\" y=\"")
                .append(y + 11).append("\" font-size=\"10\">").append(pct(share)).append("</text>\n");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
