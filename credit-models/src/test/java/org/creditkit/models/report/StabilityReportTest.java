package org.creditkit.models.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.creditkit.core.testsupport.HeadlessChromium;
import org.creditkit.models.eval.Stability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stability report against a golden file and in headless Chromium. Regenerate after an intended
 * change with {@code -Dcreditkit.updateGolden=true}.
 */
class StabilityReportTest {

    private static final Path GOLDEN = Path.of("src/test/resources/StabilityReportTest/report.html");

    private static StabilityReport.Content content(long[] actualScore) {
        List<String> bands = List.of("[300, 500)", "[500, 600)", "[600, 700)", "[700, 900]");
        Stability.Result score = Stability.csi("score", bands, new long[] {100, 300, 400, 200}, actualScore);
        Stability.Result region = Stability.csi("region", List.of("east", "west", "missing"), new long[] {600, 390, 10},
                new long[] {300, 640, 60});
        Stability.Result age = Stability.csi("firm_age_years", List.of("< 3", "3-10", ">= 10", "missing"),
                new long[] {250, 500, 240, 10}, new long[] {260, 490, 240, 10});
        return new StabilityReport.Content("Population stability: recent <golden> & co", "train.csv (1000 rows)",
                "recent.csv (1000 rows)", Optional.of("model@1 (checksum sha256:golden)"), Optional.of(score),
                List.of(region, age), 0.25);
    }

    @Test
    void html_matchesGoldenFile() throws IOException {
        String html = StabilityReport.html(content(new long[] {300, 300, 250, 150}));
        if (Boolean.getBoolean("creditkit.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, html, StandardCharsets.UTF_8);
        }
        assertThat(html).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void verdict_isShiftOnlyWhenTheScorePsiExceedsTheLimit() {
        StabilityReport.Content shifted = content(new long[] {300, 300, 250, 150});
        assertThat(shifted.score().orElseThrow().index()).isGreaterThan(0.25);
        assertThat(shifted.shifted()).isTrue();
        StabilityReport.Content stable = content(new long[] {105, 295, 400, 200});
        assertThat(stable.shifted()).as("a stable score with a shifted feature").isFalse();
        assertThat(stable.shiftedFeatures()).extracting(Stability.Result::name).containsExactly("region");
        assertThat(StabilityReport.html(stable)).contains("badge STABLE\">STABLE", "1 of 2 features with CSI above");
    }

    @Test
    void html_rendersInHeadlessChromiumOpeningOnItsVerdict(@TempDir Path dir) {
        Path file = StabilityReport.write(content(new long[] {300, 300, 250, 150}), dir);
        HeadlessChromium.Page page = HeadlessChromium.require().render(file);
        assertThat(page.errors()).isEmpty();
        assertThat(page.hasId("verdict")).isTrue();
        assertThat(page.dom().indexOf("id=\"verdict\"")).isLessThan(page.dom().indexOf("<svg"));
    }
}
