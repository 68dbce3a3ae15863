package org.creditkit.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.creditkit.core.testsupport.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden-file tests of the three renderings. To regenerate after an intended change, run with
 * {@code -Dcreditkit.updateGolden=true} and review the diff.
 */
class FairnessReportsTest {

    private static final Path GOLDEN = Paths.get("src/test/resources/FairnessReportsTest");

    static AuditReport handReport() {
        return FairnessAudit.run(HandFixtures.twoGroups(), AuditConfig.builder()
                .title("Hand fixture audit").dataSource("HandFixtures.twoGroups()")
                .grouping(Grouping.of("industry")).grouping(Grouping.parse("industry*zone"))
                .reference("industry", "R")
                .thresholds(FairnessThresholds.defaults().withMinGroupSize(12)).build());
    }

    static AuditReport syntheticReport() {
        // H approved at 0.6x with equal risk (unexplained), F riskier (justified), C and I unbiased
        List<AuditRecord> data = SyntheticBiasTest.portfolio(21L, Map.of("F", 0.30), Map.of("H", 0.6));
        return FairnessAudit.run(data, AuditConfig.builder()
                .title("Synthetic portfolio audit").dataSource("SyntheticBiasTest.portfolio(21)")
                .grouping(Grouping.of("industry")).grouping(Grouping.of("zone"))
                .grouping(Grouping.parse("industry*zone"))
                .reference("industry", "C").generatedAt("2026-01-01T00:00:00Z").build());
    }

    @Test
    void handFixture_matchesGoldenFiles() throws IOException {
        AuditReport r = handReport();
        golden("hand.json", FairnessReports.json(r));
        golden("hand.md", FairnessReports.markdown(r));
        golden("hand.html", FairnessReports.html(r));
    }

    @Test
    void synthetic_matchesGoldenFiles() throws IOException {
        AuditReport r = syntheticReport();
        golden("synthetic.json", FairnessReports.json(r));
        golden("synthetic.md", FairnessReports.markdown(r));
        golden("synthetic.html", FairnessReports.html(r));
    }

    @Test
    void json_isValidAndCarriesVerdictChecksAndDefinitions() throws IOException {
        JsonNode root = new ObjectMapper().readTree(FairnessReports.json(syntheticReport()));
        assertThat(root.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(root.get("exitCode").asInt()).isEqualTo(2);
        assertThat(root.get("generatedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(root.get("checks").size()).isPositive();
        JsonNode industry = root.get("groupings").get(0);
        assertThat(industry.get("reference").asText()).isEqualTo("C");
        assertThat(industry.get("groups")).extracting(g -> g.get("group").asText()).containsExactly("C", "F", "H", "I");
        assertThat(root.get("justifiedDisparityRule").asText()).contains("JUSTIFIED BY RISK");
    }

    @Test
    void html_isSelfContained() {
        String html = FairnessReports.html(syntheticReport());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "@media print")
                .doesNotContain("<script", "src=", "href=", "url(", "<link");
    }

    @Test
    void html_rendersInHeadlessChromiumWithoutScriptErrors(@TempDir Path dir) {
        List<Path> files = FairnessReports.writeAll(syntheticReport(), dir);
        HeadlessChromium.Page page = HeadlessChromium.require().render(files.get(0));
        assertThat(page.errors()).isEmpty();
        assertThat(page.dom()).contains("Verdict", "<svg");
    }

    @Test
    void reports_withoutTimestamp_areIdenticalAcrossRuns() {
        assertThat(FairnessReports.html(handReport())).isEqualTo(FairnessReports.html(handReport()));
        assertThat(FairnessReports.json(handReport())).doesNotContain("T00:").contains("\"generatedAt\" : null");
    }

    @Test
    void writeAll_writesThreeFiles(@TempDir Path dir) throws IOException {
        List<Path> files = FairnessReports.writeAll(handReport(), dir.resolve("out"));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("report.html", "report.json", "report.md");
        assertThat(Files.readString(files.get(2))).startsWith("# Hand fixture audit");
    }

    private static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("creditkit.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (regenerate with -Dcreditkit.updateGolden=true)", file).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
