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
                .doesNotContain("<script", "src=", "url(", "<link");
        // links only within the page (the table of contents)
        String[] afterHref = html.split("href=\"", -1);
        assertThat(List.of(afterHref).subList(1, afterHref.length)).isNotEmpty()
                .allSatisfy(h -> assertThat(h).startsWith("#"));
    }

    @Test
    void html_rendersInHeadlessChromiumWithoutScriptErrors(@TempDir Path dir) {
        List<Path> files = FairnessReports.writeAll(syntheticReport(), dir);
        HeadlessChromium.Page page = HeadlessChromium.require().render(files.get(0));
        assertThat(page.errors()).isEmpty();
        assertThat(page.hasId("verdict")).as("verdict block").isTrue();
        assertThat(page.hasId("contents")).as("table of contents").isTrue();
        assertThat(page.hasId("small-groups")).as("folded small groups").isTrue();
        assertThat(page.hasId("regulation")).as("regulation mapping").isTrue();
        assertThat(page.dom()).contains("<svg");
        // the verdict block comes before every chart and table of groups
        assertThat(page.dom().indexOf("id=\"verdict\"")).isLessThan(page.dom().indexOf("<svg"));
    }

    @Test
    void smallGroups_areListedOnceAndLeftOutOfChartsAndHeadlineSummaries() throws IOException {
        AuditReport r = handReport();
        GroupingResult cross = r.groupings().get(1);
        List<GroupResult> small = cross.groups().stream().filter(g -> !g.sufficient()).toList();
        assertThat(small).as("the hand fixture's industry*zone grouping has a small cell").isNotEmpty();
        assertThat(cross.summary().smallGroups()).isEqualTo(small.size());
        String html = FairnessReports.html(r);
        String smallSection = html.substring(html.indexOf("id=\"small-groups\""));
        for (GroupResult g : small) {
            assertThat(smallSection).contains("<td>" + g.group() + "</td>");
            assertThat(html).doesNotContain(">" + g.group() + " (n=" + g.count() + ")</text>");
        }
        JsonNode root = new ObjectMapper().readTree(FairnessReports.json(r));
        assertThat(root.get("groupings").get(1).get("summary").get("smallGroupsExcluded").asInt()).isEqualTo(small.size());
        assertThat(root.get("audited").get("smallGroups").asInt()).isPositive();
    }

    @Test
    void everyCheck_namesTheRequirementsItServes() throws IOException {
        JsonNode root = new ObjectMapper().readTree(FairnessReports.json(syntheticReport()));
        assertThat(root.get("checks")).allSatisfy(c -> assertThat(c.get("serves").toString())
                .contains("AI Act 10(2)(f)", "PIPL 24", "third-party audit"));
        assertThat(root.get("regulationMapping").toString()).contains("art. 12", "art. 10(2)(f)", "PIPL art. 24");
        assertThat(FairnessReports.markdown(syntheticReport())).contains("## Regulation mapping", "EU AI Act art. 12");
    }

    @Test
    void scope_namesDataModelRuleSetAndPeriod() {
        AuditConfig.Builder b = AuditConfig.builder().grouping(Grouping.of("industry"))
                .scope(AuditScope.of(java.util.Optional.of("sha256:00ff"), List.of("base@1 (checksum sha256:ab)"),
                        List.of("policy 1a2b"), java.util.Optional.of("2026-01-01 to 2026-03-31")));
        AuditReport r = FairnessAudit.run(HandFixtures.twoGroups(), b.build());
        String top = FairnessReports.html(r);
        top = top.substring(0, top.indexOf("id=\"findings\""));
        assertThat(top).contains("sha256:00ff", "base@1 (checksum sha256:ab)", "policy 1a2b", "2026-01-01 to 2026-03-31");
        assertThat(FairnessReports.markdown(r)).contains("- Data digest: sha256:00ff", "- Decision period: 2026-01-01");
    }

    @Test
    void findings_listFailingAndWarningChecksOpen_andFoldThePassingOnes() {
        AuditReport r = syntheticReport();
        assertThat(r.checks(CheckStatus.PASS)).isNotEmpty();
        assertThat(r.checks(CheckStatus.FAIL).size() + r.checks(CheckStatus.WARN).size()).isPositive();
        String html = FairnessReports.html(r);
        String findings = html.substring(html.indexOf("id=\"findings\""), html.indexOf("id=\"small-groups\""));
        int fold = findings.indexOf("<details id=\"passing\">");
        assertThat(fold).isPositive();
        assertThat(findings.substring(0, fold)).doesNotContain("badge PASS").contains("badge FAIL");
        assertThat(findings.substring(fold, findings.indexOf("</details>", fold))).contains(r.checks(CheckStatus.PASS).size() + " passing checks</summary>")
                .doesNotContain("badge FAIL", "badge WARN");
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
