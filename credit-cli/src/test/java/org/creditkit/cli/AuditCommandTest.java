package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {

    private static final Path GOLDEN = Paths.get("src/test/resources/AuditCommandTest");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code credit audit ARGS} through the real command line, with its exit-code handling. */
    private int run(String... args) {
        CommandLine cmd = CreditCli.newCommandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "audit";
        System.arraycopy(args, 0, full, 1, args.length);
        return cmd.execute(full);
    }

    /**
     * A decision log shaped like {@code credit decide} output. Good applicants are approved with
     * probability 0.85, defaulters with 0.25, times {@code biasH} for industry H; default rate is 5%
     * everywhere except {@code riskyF} for industry F. About one in ten outcomes is not yet known.
     */
    static String decisionLog(long seed, double biasH, double riskyF) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] industries = {"C", "F", "H", "I"};
        String[] zones = {"EAST", "WEST", "CENTRAL"};
        String[] sizes = {"MICRO", "SMALL", "MEDIUM"};
        StringBuilder sb = new StringBuilder();
        for (String industry : industries) {
            double dr = industry.equals("F") ? riskyF : 0.05;
            for (int i = 0; i < 1500; i++) {
                boolean bad = random.nextDouble() < dr;
                double factor = industry.equals("H") ? biasH : 1.0;
                boolean approved = random.nextDouble() < (bad ? 0.25 : 0.85) * factor;
                String tier = approved ? (random.nextDouble() < 0.7 ? "INSTANT_APPROVAL" : "MITIGATION")
                        : (random.nextDouble() < 0.5 ? "DECLINE" : "MANUAL_REVIEW");
                double pd = dr * (0.5 + random.nextDouble());
                String defaulted = random.nextDouble() < 0.1 ? "null" : String.valueOf(bad);
                sb.append(String.format(Locale.ROOT,
                        "{\"applicationId\":\"A%s%05d\",\"industrySection\":\"%s\",\"zone\":\"%s\",\"sizeClass\":\"%s\","
                                + "\"ownership\":\"%s\",\"tier\":\"%s\",\"approved\":%s,\"score\":%.1f,\"pd\":%.5f,"
                                + "\"grade\":\"%s\",\"defaulted\":%s}%n",
                        industry, i, industry, zones[random.nextInt(3)], sizes[random.nextInt(3)],
                        random.nextBoolean() ? "PRIVATE" : "STATE", tier, approved, 650 - 1000 * pd, pd,
                        pd < 0.04 ? "A" : pd < 0.1 ? "B" : "C", defaulted));
            }
        }
        return sb.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private String[] decideArgs(Path data, String... extra) {
        List<String> a = new ArrayList<>(List.of("--data", data.toString(),
                "--groups", "industrySection,zone,sizeClass,ownership,industrySection*zone",
                "--favorable", "tier=INSTANT_APPROVAL,MITIGATION", "--outcome", "defaulted=true",
                "--pd", "pd", "--score", "score", "--reference", "industrySection=C",
                "--out", dir.resolve("out").toString()));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void decisionLog_withBiasAgainstH_exits2AndNamesH() throws IOException {
        Path data = write("decisions.jsonl", decisionLog(1L, 0.6, 0.05));
        int code = run(decideArgs(data));
        assertThat(code).as("stderr: %s", err).isEqualTo(2);
        assertThat(out.toString()).contains("FAIL approval-ratio    industrySection=H: Unexplained approval gap against C")
                .contains("Verdict: FAIL (exit code 2)").contains("HTML report: ");
        assertThat(dir.resolve("out/report.html")).exists();
        assertThat(dir.resolve("out/report.json")).exists();
        assertThat(dir.resolve("out/report.md")).exists();
        assertThat(Files.readString(dir.resolve("out/report.json"))).contains("\"verdict\" : \"FAIL\"");
    }

    @Test
    void decisionLog_withoutBias_exits0() throws IOException {
        Path data = write("decisions.jsonl", decisionLog(2L, 1.0, 0.05));
        assertThat(run(decideArgs(data))).as("stdout: %s%nstderr: %s", out, err).isZero();
        assertThat(out.toString()).contains("Verdict: PASS (exit code 0)");
    }

    @Test
    void decisionLog_gapMatchedByRisk_warnsExits0AndShowsJustified() throws IOException {
        Path data = write("decisions.jsonl", decisionLog(3L, 1.0, 0.40));
        assertThat(run(decideArgs(data))).as("stdout: %s%nstderr: %s", out, err).isZero();
        assertThat(out.toString()).contains("Verdict: WARN (exit code 0)");
        assertThat(out.toString()).contains("GAP_JUSTIFIED_BY_RISK")
                .contains("WARN approval-ratio    industrySection=F: Approval gap justified by observed risk");
    }

    @Test
    void booleanApprovedColumn_worksAsFavourableFlag() throws IOException {
        Path data = write("decisions.jsonl", decisionLog(1L, 0.6, 0.05));
        int code = run("--data", data.toString(), "--groups", "industrySection", "--favorable", "approved=true",
                "--out", dir.resolve("o2").toString());
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("industrySection=H");
    }

    @Test
    void thresholdsFile_canTurnAFailIntoAWarning_andBadThresholdsExit3() throws IOException {
        Path data = write("decisions.jsonl", decisionLog(1L, 0.6, 0.05));
        // H's approval ratio is about 0.6: with failBelow 0.5 it only warns; EO limits loosened too
        Path lenient = write("lenient.json", "{\"approvalRatio\": {\"warnBelow\": 0.9, \"failBelow\": 0.5},"
                + " \"equalOpportunityDifference\": {\"warnAbove\": 0.3, \"failAbove\": 0.6}}");
        assertThat(run(decideArgs(data, "--thresholds", lenient.toString(), "--ci", "bootstrap", "--seed", "7",
                "--test", "z"))).as("stdout: %s%nstderr: %s", out, err).isZero();
        assertThat(Files.readString(dir.resolve("out/report.json")))
                .contains("\"differenceMethod\" : \"BOOTSTRAP\"").contains("\"failBelow\" : 0.500000");
        Path bad = write("bad.json", "{\"approvalRatio\": {\"fail\": 0.5}}");
        assertThat(run(decideArgs(data, "--thresholds", bad.toString()))).isEqualTo(3);
        assertThat(err.toString()).contains("credit audit: " + bad + " $.approvalRatio.fail: unknown field "
                + "$.approvalRatio.fail; valid fields are [failBelow, warnBelow]");
    }

    @Test
    void unknownColumn_exits3AndListsAvailableColumns() throws IOException {
        Path data = write("decisions.jsonl", decisionLog(1L, 1.0, 0.05));
        int code = run("--data", data.toString(), "--groups", "industry", "--favorable", "approved=true",
                "--out", dir.resolve("o").toString());
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("credit audit: " + data + " column 'industry': unknown column, "
                + "given in --groups").contains("industrySection").contains("zone").contains("defaulted");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void badRows_exit3WithLineNumbers() throws IOException {
        Path data = write("bad.jsonl", String.join("\n",
                "{\"industry\":\"C\",\"approved\":true,\"pd\":0.02}",
                "{\"industry\":\"C\",\"approved\":true,\"pd\":\"high\"}",
                "{\"industry\":{\"code\":\"C\"},\"approved\":true,\"pd\":0.02}",
                "",
                "{\"industry\":\"H\",\"approved\":false,\"pd\":1.5}",
                "{\"industry\":\"H\",\"pd\":0.1}",
                "not json"));
        int code = run("--data", data.toString(), "--groups", "industry", "--favorable", "approved=true",
                "--pd", "pd", "--out", dir.resolve("o").toString());
        assertThat(code).isEqualTo(3);
        // the streaming reader reports every bad line in one pass: structure and row errors alike
        assertThat(err.toString()).contains("credit audit: 5 problems:")
                .contains(data + ":2: column 'pd' holds 'high', which is not a number")
                .contains(data + ":3: field 'industry' is an object")
                .contains(data + ":5: PD column 'pd' holds 1.5")
                .contains(data + ":6: no value in the decision column 'approved'")
                .contains(data + ":7: not valid JSON");
        Files.writeString(data, String.join("\n",
                "{\"industry\":\"C\",\"approved\":true,\"pd\":0.02}",
                "{\"industry\":\"C\",\"approved\":true,\"pd\":\"high\"}",
                "{\"industry\":\"H\",\"approved\":false,\"pd\":1.5}",
                "{\"industry\":\"H\",\"pd\":0.1}"));
        err.getBuffer().setLength(0);
        assertThat(run("--data", data.toString(), "--groups", "industry", "--favorable", "approved=true",
                "--pd", "pd", "--out", dir.resolve("o").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("credit audit: 3 problems:")
                .contains(data + ":2: column 'pd' holds 'high', which is not a number")
                .contains(data + ":3: PD column 'pd' holds 1.5; a PD must be within [0, 1]")
                .contains(data + ":4: no value in the decision column 'approved'");
    }

    @Test
    void linesThatAreNotText_exit3WithLineAndByteOrField_theGoodLinesStillChecked() throws IOException {
        // Jackson reads C0 80 as U+0000 and ED A0 80 as half a surrogate pair: "C" + U+0000 was audited as a
        // group of its own, printed "C" beside "C"; "C\\ud800" failed the report writing with "Input length = 1"
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(decisionLog(2L, 1.0, 0.05).getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"industrySection\":\"C".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xC0, (byte) 0x80});
        b.writeBytes("\",\"tier\":\"DECLINE\"}\n{\"industrySection\":\"C".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        b.writeBytes("\",\"tier\":\"DECLINE\"}\n{\"industrySection\":\"C\\ud800\",\"tier\":\"DECLINE\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"industrySection\":\"C\",\"tier\":\"DECLINE\",\"note\":[\"\\udc00\"]}\n"
                .getBytes(StandardCharsets.UTF_8));
        Path data = dir.resolve("mixed.jsonl");
        Files.write(data, b.toByteArray());

        int code = run("--data", data.toString(), "--groups", "industrySection", "--favorable",
                "tier=INSTANT_APPROVAL", "--out", dir.resolve("o").toString());

        assertThat(code).as("stdout: %s%nstderr: %s", out, err).isEqualTo(3);
        assertThat(err.toString()).contains("credit audit: 3 problems:")
                .contains(data + ":6001: line is not valid UTF-8 at byte 22 of the line (0xc0)")
                .contains(data + ":6002: line is not valid UTF-8 at byte 22 of the line (0xed)")
                .contains(data + ":6003: field 'industrySection': string holds an unpaired UTF-16 surrogate escape "
                        + "\\ud800 at character 2 of the string");
        assertThat(err.toString()).as("a field the audit does not read is skipped unread").doesNotContain(":6004");
    }

    @Test
    void csvThatIsNotUtf8_isRefusedAtItsLineAndByte() throws IOException {
        Path data = dir.resolve("gbk.csv");
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes("industry,approved\nC,true\nH,false\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xD6, (byte) 0xC6, ',', 't', 'r', 'u', 'e', '\n'}); // GBK for 制
        Files.write(data, b.toByteArray());

        int code = run("--data", data.toString(), "--groups", "industry", "--favorable", "approved=true",
                "--out", dir.resolve("o").toString());

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains(data + ":4: not valid UTF-8 at line 4, byte 1 (file offset 33): 0xd6");
    }

    @Test
    void decisionLog_withNestedFieldsTheAuditDoesNotUse_isReadAndItsVersionsNamed() throws IOException {
        // the governed decision-log format carries nested reasons with lineage and chain fields
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            log.append("{\"time\":\"2026-03-0").append(1 + i % 9).append("T10:00:00Z\",\"modelId\":\"base@1\",")
                    .append("\"bundleChecksum\":\"sha256:ab12\",\"rulesetVersion\":\"rs-77e0\",")
                    .append("\"industry\":\"").append(i % 2 == 0 ? "C" : "H").append("\",\"approved\":")
                    .append(i % 3 != 0).append(",\"reasons\":[{\"code\":\"R1\",\"lineage\":[{\"source\":\"TAX\"}]}],")
                    .append("\"chain\":{\"prev\":\"00\"}}\n");
        }
        Path data = write("governed.jsonl", log.toString());
        int code = run("--data", data.toString(), "--groups", "industry", "--favorable", "approved=true",
                "--generated-at", "2026-04-01", "--out", dir.resolve("o").toString());
        assertThat(code).as("stderr: %s", err).isBetween(0, 2);
        String md = Files.readString(dir.resolve("o/report.md"));
        assertThat(md).contains("- Model: base@1 (checksum sha256:ab12): 80 decisions",
                "- Rule set: rs-77e0: 80 decisions", "- Decision period: 2026-03-01T10:00:00Z to 2026-03-09T10:00:00Z",
                "- Data digest: sha256:", "- Audit date: 2026-04-01");
    }

    @Test
    void decisionLog_ofTwoRuleSets_saysSoBesideTheVerdict() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            log.append("{\"modelId\":\"base@1\",\"rulesetVersion\":\"").append(i < 30 ? "rs-old" : "rs-new")
                    .append("\",\"industry\":\"").append(i % 2 == 0 ? "C" : "H").append("\",\"approved\":")
                    .append(i % 3 != 0).append("}\n");
        }
        Path data = write("two.jsonl", log.toString());
        int code = run("--data", data.toString(), "--groups", "industry", "--favorable", "approved=true",
                "--out", dir.resolve("o2").toString());
        assertThat(code).as("stderr: %s", err).isBetween(0, 2);
        assertThat(out.toString()).contains("note: these decisions were made by 2 rule sets (rs-new: 50 decisions;"
                + " rs-old: 30 decisions); the audit pools them");
        // one rule set: no note
        Path one = write("one.jsonl", log.toString().replace("rs-old", "rs-new"));
        out.getBuffer().setLength(0);
        run("--data", one.toString(), "--groups", "industry", "--favorable", "approved=true",
                "--out", dir.resolve("o3").toString());
        assertThat(out.toString()).contains("Verdict:").doesNotContain("note: these decisions");
    }

    @Test
    void help_printsUsageWithoutFormatWarnings() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("95% intervals").contains("--groups=GROUPING[,GROUPING...]")
                .contains("3 usage or input error").doesNotContain("%n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void missingRequiredOption_exits3() {
        assertThat(run("--data", "x.jsonl")).isEqualTo(3);
        assertThat(err.toString()).contains("Missing required options");
    }

    @Test
    void favorableTypo_isRefusedListingTheValuesThatOccur_neverAPass() throws IOException {
        Path data = write("decisions.jsonl", decisionLog(2L, 1.0, 0.05));
        int code = run("--data", data.toString(), "--groups", "industrySection",
                "--favorable", "tier=INSTANT_APROVAL", "--out", dir.resolve("t").toString());
        assertThat(code).as("stdout: %s%nstderr: %s", out, err).isEqualTo(3);
        assertThat(out.toString()).doesNotContain("Verdict");
        assertThat(err.toString()).contains("--favorable tier=INSTANT_APROVAL: no row of " + data
                + " has tier = 'INSTANT_APROVAL'; values that occur: [DECLINE, INSTANT_APPROVAL, MANUAL_REVIEW, MITIGATION]");
        assertThat(dir.resolve("t")).doesNotExist();
    }

    @Test
    void outcomeValueNoRecordHas_isRefusedListingTheValuesThatOccur() throws IOException {
        Path data = write("decisions.jsonl", decisionLog(2L, 1.0, 0.05));
        int code = run("--data", data.toString(), "--groups", "industrySection",
                "--favorable", "approved=true", "--outcome", "defaulted=yes", "--out", dir.resolve("t").toString());
        assertThat(code).as("stdout: %s%nstderr: %s", out, err).isEqualTo(3);
        assertThat(err.toString()).contains("--outcome defaulted=yes: no row of " + data
                + " has defaulted = 'yes', so no default would be counted; values that occur: [false, true]");
    }

    /** 40 rows per industry G and R: approvals, and outcomes yes / no / pending (10 pending in G). */
    private Path threeValuedOutcomes() throws IOException {
        StringBuilder csv = new StringBuilder("industry,decision,defaulted,pd\n");
        for (int i = 0; i < 80; i++) {
            String outcome = i < 10 ? "pending" : i % 5 == 0 ? "yes" : "no";
            csv.append(i < 40 ? "G" : "R").append(',').append(i % 3 == 0 ? "DECLINE" : "APPROVE").append(',')
                    .append(outcome).append(",0.10\n");
        }
        return write("three.csv", csv.toString());
    }

    @Test
    void outcomeColumnWithAThirdValue_isRefusedInsteadOfCountingItAsRepaid() throws IOException {
        Path data = threeValuedOutcomes();
        int code = run("--data", data.toString(), "--groups", "industry", "--favorable", "decision=APPROVE",
                "--outcome", "defaulted=yes", "--pd", "pd", "--out", dir.resolve("t").toString());
        assertThat(code).as("stdout: %s%\nstderr: %s", out, err).isEqualTo(3);
        assertThat(out.toString()).doesNotContain("Verdict");
        assertThat(err.toString()).contains("--outcome defaulted=yes: " + data
                + " has 2 values of defaulted besides 'yes': [no, pending]; each would count as repaid")
                .contains("--repaid");
        assertThat(dir.resolve("t")).doesNotExist();
    }

    @Test
    void repaidValuesNamed_otherValuesAreNotObserved() throws IOException {
        Path data = threeValuedOutcomes();
        int code = run("--data", data.toString(), "--groups", "industry", "--favorable", "decision=APPROVE",
                "--outcome", "defaulted=yes", "--repaid", "NO", "--pd", "pd", "--out", dir.resolve("t").toString());
        assertThat(code).as("stdout: %s%\nstderr: %s", out, err).isIn(0, 2);
        assertThat(out.toString()).contains("80 records, 70 with an outcome, 80 with a PD");
    }

    @Test
    void repaidValueNoRowHasOrEqualToTheDefaultedValue_isRefused() throws IOException {
        Path data = threeValuedOutcomes();
        assertThat(run("--data", data.toString(), "--groups", "industry", "--favorable", "decision=APPROVE",
                "--outcome", "defaulted=yes", "--repaid", "n0", "--out", dir.resolve("t").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("--repaid n0: no row of " + data + " has defaulted = 'n0'");
        err.getBuffer().setLength(0);
        assertThat(run("--data", data.toString(), "--groups", "industry", "--favorable", "decision=APPROVE",
                "--outcome", "defaulted=yes", "--repaid", "no,YES", "--out", dir.resolve("t").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("--repaid YES: 'YES' is also the defaulted value");
        err.getBuffer().setLength(0);
        assertThat(run("--data", data.toString(), "--groups", "industry", "--favorable", "decision=APPROVE",
                "--repaid", "no", "--out", dir.resolve("t").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("--repaid needs --outcome COL=BADVALUE");
        assertThat(dir.resolve("t")).doesNotExist();
    }

    @Test
    void badOptionValues_exit3WithHint() throws IOException {
        Path data = write("d.csv", "industry,approved\nC,true\n");
        assertThat(run("--data", data.toString(), "--groups", "industry", "--favorable", "approved",
                "--out", dir.resolve("o").toString())).isEqualTo(3);
        // usage errors are picocli's: the message, then the usage help
        assertThat(err.toString()).contains("--favorable 'approved': expected COL=VALUE[,VALUE]")
                .contains("Try 'credit audit --help' for usage.");
        err.getBuffer().setLength(0);
        assertThat(run("--data", data.toString(), "--groups", "industry", "--favorable", "approved=true",
                "--ci", "wald", "--out", dir.resolve("o").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("--ci 'wald': expected newcombe or bootstrap")
                .contains("Try 'credit audit --help' for usage.");
        err.getBuffer().setLength(0);
        assertThat(run("--data", data.toString(), "--groups", "industry", "--favorable", "approved=true",
                "--min-group-size", "0", "--out", dir.resolve("o").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("--min-group-size 0: expected an integer of at least 1")
                .contains("Try 'credit audit --help' for usage.");
        assertThat(run("--data", data.toString(), "--groups", "industry", "--favorable", "approved=true",
                "--reference", "zone=EAST", "--out", dir.resolve("o").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("grouping 'zone' is not in --groups");
        assertThat(run("--data", dir.resolve("missing.csv").toString(), "--groups", "industry", "--favorable",
                "approved=true", "--out", dir.resolve("o").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void csvHandFixture_matchesGoldenMarkdownAndSummary() throws IOException {
        // The core's hand fixture as CSV, with quoted fields: G approves 12/40, R 30/40
        StringBuilder csv = new StringBuilder("industry,\"zone, region\",decision,defaulted,pd\r\n");
        appendRows(csv, "G", 11, "APPROVE", "no", "0.10");
        appendRows(csv, "G", 1, "APPROVE", "yes", "0.10");
        appendRows(csv, "G", 3, "DECLINE", "yes", "0.10");
        appendRows(csv, "G", 25, "DECLINE", "no", "0.10");
        appendRows(csv, "R", 29, "APPROVE", "no", "0.05");
        appendRows(csv, "R", 1, "APPROVE", "yes", "0.05");
        appendRows(csv, "R", 1, "DECLINE", "yes", "0.05");
        appendRows(csv, "R", 9, "DECLINE", "no", "0.05");
        Path data = write("hand.csv", csv.toString());
        int code = run("--data", data.toString(), "--groups", "industry", "--favorable", "decision=approve",
                "--outcome", "defaulted=yes", "--pd", "pd", "--reference", "industry=R", "--title", "Hand fixture CSV",
                "--generated-at", "2026-01-01",
                "--out", dir.resolve("out").toString());
        assertThat(code).as("stderr: %s", err).isEqualTo(2);
        String md = Files.readString(dir.resolve("out/report.md"));
        golden("hand-report.md", md);
        assertThat(md).contains("| G | 40 | 0.300 [0.181, 0.454] | ", " | -0.450 [-0.611, -0.233] | ",
                " | 0.400 [0.241, 0.663]");
        String summary = out.toString().replaceAll("(?m)^(HTML|JSON|Markdown) report: .*$", "$1 report: <path>");
        golden("hand-summary.txt", summary);
    }

    @Test
    void csvOfTheSameDecisionsAsJsonLines_isStreamedToTheSameVerdictAndChecks() throws IOException {
        StringBuilder csv = new StringBuilder("industrySection,zone,tier,pd,defaulted\n");
        for (String line : decisionLog(3L, 0.6, 0.05).split("\n")) {
            csv.append(field(line, "industrySection")).append(',').append(field(line, "zone")).append(',')
                    .append(field(line, "tier")).append(',').append(field(line, "pd")).append(',')
                    .append(field(line, "defaulted").replace("null", "")).append('\n');
        }
        Path jsonl = write("log.jsonl", decisionLog(3L, 0.6, 0.05));
        Path table = write("log.csv", csv.toString());
        String[] options = {"--groups", "industrySection,zone,industrySection*zone", "--favorable",
            "tier=INSTANT_APPROVAL,MITIGATION", "--outcome", "defaulted=true", "--pd", "pd", "--reference",
            "industrySection=C", "--generated-at", "2026-01-01"};
        assertThat(run(concat(options, "--data", jsonl.toString(), "--out", dir.resolve("j").toString()))).isEqualTo(2);
        assertThat(run(concat(options, "--data", table.toString(), "--out", dir.resolve("c").toString()))).isEqualTo(2);
        String fromJson = Files.readString(dir.resolve("j/report.md"));
        String fromCsv = Files.readString(dir.resolve("c/report.md"));
        assertThat(checksSection(fromCsv)).isEqualTo(checksSection(fromJson)).contains("approval-ratio");
    }

    @Test
    void csvWithBadRows_listsEveryBadLineInFileOrder() throws IOException {
        Path data = write("bad.csv", String.join("\n", "industry,approved,pd", "C,true,0.02", "C,true,high",
                "H,\"fal\"se,0.1", "H,false", "H,false,1.5", "C,,0.1", ""));
        assertThat(run("--data", data.toString(), "--groups", "industry", "--favorable", "approved=true", "--pd",
                "pd", "--out", dir.resolve("o").toString())).isEqualTo(3);
        String e = err.toString();
        assertThat(e).contains("credit audit: 5 problems:");
        assertThat(e.indexOf(data + ":3: column 'pd' holds 'high'")).isPositive()
                .isLessThan(e.indexOf(data + ":4: text after a closing double quote"));
        assertThat(e.indexOf(data + ":4:")).isLessThan(e.indexOf(data + ":5: 2 fields, but the header has 3"));
        assertThat(e).contains(data + ":6: PD column 'pd' holds 1.5", data + ":7: no value in the decision column");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    private static String field(String jsonLine, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(jsonLine);
        assertThat(m.find()).as("%s in %s", name, jsonLine).isTrue();
        return m.group(1);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The report from its verdict on, without what names the file (its name and digest differ). */
    private static String checksSection(String md) {
        return md.lines().filter(l -> !l.contains("log.jsonl") && !l.contains("log.csv") && !l.contains("sha256:"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static void appendRows(StringBuilder csv, String industry, int n, String decision, String defaulted,
            String pd) {
        for (int i = 0; i < n; i++) {
            String zone = i % 2 == 0 ? "\"East, \"\"coastal\"\"\"" : "\"West\ninland\"";
            csv.append(industry).append(',').append(zone).append(',').append(decision).append(',').append(defaulted)
                    .append(',').append(pd).append("\r\n");
        }
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
