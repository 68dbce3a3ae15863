package org.creditkit.models.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;
import org.creditkit.models.eval.CrossValidation;
import org.creditkit.models.eval.CvResult;
import org.creditkit.models.eval.IndustryLayer;
import org.creditkit.models.export.BundleExport;
import org.creditkit.models.export.TrainingDetail;
import org.creditkit.models.overlay.OverlayModel;
import org.creditkit.models.overlay.OverlayOptions;
import org.creditkit.models.overlay.OverlayTrainer;
import org.creditkit.models.scorecard.ScorecardOptions;
import org.creditkit.models.scorecard.ScorecardTrainer;
import org.creditkit.models.scorecard.TrainedScorecard;
import org.creditkit.models.store.TrainedModel;
import org.creditkit.models.workflow.ModelEvaluation;
import org.junit.jupiter.api.Test;

/**
 * The report of a small seeded model against a golden file. Regenerate after an intended change
 * with {@code -Dcreditkit.updateGolden=true}.
 */
class HtmlReportTest {

    private static final Path GOLDEN = Path.of("src/test/resources/HtmlReportTest/report.html");

    private static ReportContent content() {
        Random rnd = new Random(42);
        int n = 3000;
        double[] x = new double[n];
        double[] c = new double[n];
        int[] y = new int[n];
        int[] ind = new int[n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.round(rnd.nextDouble() * 1000) / 10.0;
            c[i] = rnd.nextInt(3);
            ind[i] = i % 3;
            double z = -2.5 + 0.03 * x[i] + (c[i] == 2 ? 0.8 : 0) + (ind[i] == 1 ? 0.5 : 0);
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            if (i % 25 == 0) {
                x[i] = Double.NaN;
            }
            lines[i] = i + 2;
        }
        Dataset d = Dataset.of(List.of(Feature.numeric("utilisation"), Feature.categorical("region", List.of("east",
                "west", "north"))), new double[][] {x, c}, y, lines, List.of("C", "F", "I"), ind, new double[0]);
        TrainedScorecard card = ScorecardTrainer.fit(d, ScorecardOptions.defaults(), Progress.none());
        OverlayModel overlays = OverlayTrainer.fit(d, card.logOdds(d), OverlayOptions.defaults());
        TrainedModel m = TrainedModel.of(card, overlays, 0, Map.of("data", "synthetic", "seed", "42"));
        CvResult cv = CrossValidation.run(d, 3, 1, t -> ScorecardTrainer.fit(t, ScorecardOptions.defaults(),
                Progress.none())::logOdds, Progress.none());
        ModelEvaluation ev = ModelEvaluation.of("training (in-sample)", m, d, BundleExport.gradeBands());
        List<String> notes = new ArrayList<>(card.notes());
        notes.addAll(overlays.notes());
        double[] base = cv.outOfFoldLogOdds();
        double[] layered = base.clone();
        double[] adj = overlays.adjustments(d);
        for (int i = 0; i < n; i++) {
            layered[i] += adj[i];
        }
        IndustryLayer layer = IndustryLayer.measure(d, 3, base, layered,
                overlays.overlays().stream().map(o -> o.industry()).toList(), 30);
        return new ReportContent("Model report: scorecard <golden> & co", "synthetic: 3000 rows", Optional.of(TrainingDetail.of(m)),
                "scorecard", "sha256:golden", ev, Optional.of(cv), notes, Optional.of(layer));
    }

    @Test
    void html_rendersInHeadlessChromiumOpeningOnItsVerdict(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path file = HtmlReport.write(content(), dir);
        org.creditkit.core.testsupport.HeadlessChromium.Page page =
                org.creditkit.core.testsupport.HeadlessChromium.require().render(file);
        assertThat(page.errors()).isEmpty();
        assertThat(page.hasId("verdict")).isTrue();
        assertThat(page.dom().indexOf("id=\"verdict\"")).isLessThan(page.dom().indexOf("<svg"));
        assertThat(page.dom()).contains("out-of-fold (3-fold cross-validation)", "Hosmer-Lemeshow", "DeLong");
    }

    @Test
    void html_smallSeededModel_matchesGoldenFile() throws IOException {
        String html = HtmlReport.html(content());
        if (Boolean.getBoolean("creditkit.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, html, StandardCharsets.UTF_8);
        }
        assertThat(html).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void html_isSelfContainedAndEscapesText() {
        String html = HtmlReport.html(content());
        assertThat(html.replace("xmlns='http://www.w3.org/2000/svg'", ""))
                .doesNotContain("<script", "http://", "https://", "src=", "href=", "url(")
                .contains("Model report: scorecard &lt;golden&gt; &amp; co", "Per industry", "Overlay shift",
                        "Cross-validation (3-fold", "utilisation", "region",
                        "Industry layer: base alone vs base + industry overlays", "Layered O/P");
        assertThat(html.split("<svg", -1).length - 1).isGreaterThanOrEqualTo(7);
    }
}
