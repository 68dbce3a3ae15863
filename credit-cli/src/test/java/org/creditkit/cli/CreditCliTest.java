package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureDocs;
import org.creditkit.core.feature.StandardFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CreditCliTest {

    @TempDir
    Path tmp;

    /** Exit code, stdout and stderr of one run. */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = CreditCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path generate(int count, long seed) {
        Path file = tmp.resolve("p-" + count + "-" + seed + ".jsonl");
        Run r = run("generate", "--count", "" + count, "--seed", "" + seed, "--out", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "validate", "features", "demo", "train", "evaluate", "psi", "score", "explain",
        "rules", "decide", "audit", "log"})
    void help_everyCommand_printsUsageAndExitsZero(String command) {
        Run r = run(command, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: credit " + command).contains("--help");
    }

    @Test
    void noCommand_printsTheCommandListOnStderr_exit3() {
        Run r = run();
        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE).isEqualTo(3);
        assertThat(r.err()).contains("a command is required").contains("generate").contains("validate")
                .contains("features").contains("demo").contains("audit");
    }

    @Test
    void exitCodes_areTheDocumentedContract() {
        assertThat(List.of(CreditCli.EXIT_OK, CreditCli.EXIT_REJECTED, CreditCli.EXIT_VERDICT, CreditCli.EXIT_USAGE,
                CreditCli.EXIT_INTERNAL)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void validate_singlePrettyPrintedJsonDocument_isAccepted() throws IOException {
        Path lines = generate(2, 9);
        String first = Files.readAllLines(lines).get(0);
        Path doc = tmp.resolve("application.json");
        Files.writeString(doc, new com.fasterxml.jackson.databind.ObjectMapper()
                .writerWithDefaultPrettyPrinter().writeValueAsString(
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(first)));
        assertThat(Files.readAllLines(doc).size()).isGreaterThan(10);
        Run r = run("validate", doc.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("1 lines: 1 good, 0 bad");
    }

    @Test
    void validate_singleBadJsonDocument_exit1WithJsonPath() throws IOException {
        Path doc = tmp.resolve("bad.json");
        Files.writeString(doc, "{\n  \"application\": {\"id\": \"A1\"}\n}\n");
        Run r = run("validate", doc.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(doc + ": $.application").contains("1 lines: 0 good, 1 bad");
    }

    @Test
    void generate_sameSeed_sameBytes_andValidateAcceptsIt() throws IOException {
        Path a = generate(300, 5);
        Path b = tmp.resolve("again.jsonl");
        assertThat(run("generate", "--count", "300", "--seed", "5", "--threads", "1", "--out", b.toString()).exit())
                .isZero();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readAllLines(a)).hasSize(300);

        Run v = run("validate", a.toString());
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).contains("300 lines: 300 good, 0 bad (0 problems)").contains("data-quality flags");
    }

    @Test
    void generate_withBiases_acceptedAndBadBiasIsAUsageError() {
        Path f = tmp.resolve("biased.jsonl");
        assertThat(run("generate", "--count", "50", "--out", f.toString(), "--outcome-bias", "H=0.7",
                "--scoring-bias", "I=0.5").exit()).isZero();
        Run bad = run("generate", "--count", "50", "--out", f.toString(), "--outcome-bias", "Z=0.7");
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err()).contains("valid: A..T").doesNotContain("at org.");
        Run twice = run("generate", "--count", "5", "--out", f.toString(), "--scoring-bias", "I=1",
                "--scoring-bias", "I=2");
        assertThat(twice.exit()).isEqualTo(3);
        assertThat(twice.err()).contains("twice for industry section I");
    }

    @Test
    void generate_progressFlag_reportsOnStderrOnly() {
        Path f = tmp.resolve("progress.jsonl");
        Run r = run("generate", "--count", "2500", "--out", f.toString(), "--progress");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("generated 2,500 / 2,500 (100%)");
        assertThat(r.out()).doesNotContain("\r").contains("generated 2,500 applications");
        Run quiet = run("generate", "--count", "2500", "--out", f.toString());
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void generate_missingOut_isAUsageError() {
        Run r = run("generate", "--count", "5");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("--out");
    }

    @Test
    void validate_badLines_reportedByLineAndPath_exitOne_noStackTrace() throws IOException {
        Path good = generate(3, 9);
        List<String> lines = Files.readAllLines(good);
        String badUscc = lines.get(1).replaceFirst("\"uscc\":\"([0-9A-Z]{17})[0-9A-Z]\"", "\"uscc\":\"$1!\"");
        String negative = lines.get(2).replaceFirst("\"amount\":\\d+", "\"amount\":-5");
        Path mixed = tmp.resolve("mixed.jsonl");
        Files.write(mixed, List.of(lines.get(0), badUscc, negative, "{not json"), StandardCharsets.UTF_8);

        Run r = run("validate", mixed.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("line 2: $.application.enterprise.uscc:")
                .contains("line 3: $.application.amount:")
                .contains("line 4: $")
                .contains("4 lines: 1 good, 3 bad")
                .doesNotContain("line 1:");
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validate_missingFile_isAUsageError() {
        Run r = run("validate", tmp.resolve("nope.jsonl").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("does not exist").contains("credit validate --help");
    }

    @Test
    void validate_unknownOption_isAUsageError() {
        Run r = run("validate", "--frobnicate", "x");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("Unknown option");
    }

    @Test
    void features_writesOneRowPerApplication_emptyCellsForMissing() throws IOException {
        Path portfolio = generate(200, 3);
        Path csv = tmp.resolve("out/features.csv");
        Run r = run("features", portfolio.toString(), "--out", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(201);
        String[] header = rows.get(0).split(",", -1);
        assertThat(header).hasSize(4 + StandardFeatures.COUNT + 2);
        assertThat(header[0]).isEqualTo("id");
        assertThat(header[4]).isEqualTo("debt_to_asset");
        assertThat(header[header.length - 2]).isEqualTo("defaulted12m");
        assertThat(header[header.length - 1]).isEqualTo("truePd");
        boolean sawEmpty = false;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            assertThat(cells).hasSize(header.length);
            assertThat(cells[0]).startsWith("SYN-");
            assertThat(cells[header.length - 2]).isIn("0", "1");
            assertThat(Double.parseDouble(cells[header.length - 1])).isBetween(0.0, 1.0);
            for (int i = 4; i < 4 + StandardFeatures.COUNT; i++) {
                if (cells[i].isEmpty()) {
                    sawEmpty = true;
                } else {
                    assertThat(Double.parseDouble(cells[i])).isFinite();
                }
            }
        }
        assertThat(sawEmpty).as("some features are missing in a realistic portfolio").isTrue();
        assertThat(r.out()).contains("200 applications x 44 indicators");
    }

    @Test
    void features_directoryAsOut_isAUsageError_beforeAnythingIsRead() throws IOException {
        Path portfolio = generate(2, 3);
        Path dir = Files.createDirectories(tmp.resolve("a-directory"));
        Run r = run("features", portfolio.toString(), "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).startsWith("credit features: --out " + dir + " is a directory").doesNotContain("\tat ");
    }

    @Test
    void features_unwritableOut_oneLineError_exit3() throws IOException {
        Path portfolio = generate(2, 3);
        Path notADirectory = Files.writeString(tmp.resolve("a-file"), "x");
        Path csv = notADirectory.resolve("features.csv");
        Run r = run("features", portfolio.toString(), "--out", csv.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("credit features: cannot write " + csv).doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void features_catalogueMarkdown_printsTheReference() {
        Run r = run("features", "--catalogue-md");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(FeatureDocs.markdown(FeatureCatalogue.standard()));
    }

    @Test
    void features_withoutOut_isAUsageError() throws IOException {
        Path portfolio = generate(2, 3);
        Run r = run("features", portfolio.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("--out");
    }

    @Test
    void demo_smallPortfolio_runsEveryStep_andKeepsFilesInOutDir() throws java.io.IOException {
        Path dir = tmp.resolve("demo");
        Run r = run("demo", "--count", "3000", "--seed", "4", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("[1/9] generate  3,000 + 1,500 applications")
                .contains("[2/9] validate  3000 lines: 3000 good, 0 bad")
                .contains("[3/9] features  3,000 x 44 indicators")
                .contains("By industry section").contains("C Manufacturing").contains("By economic zone:")
                .contains("Oracle AUC")
                .contains("[4/9] train     trained scorecard on used 3000 of 3000 rows")
                .contains("[5/9] score").contains("AUC against recorded outcomes").contains("oracle AUC (true PDs)")
                .contains("[6/9] decide    decided 1500 of 1500 applications").contains("INSTANT_APPROVAL")
                .contains("[7/9] audit     Fairness audit of decision-log.jsonl: 1500 records, 1500 with an outcome")
                .contains("Verdict: ").contains("HTML report: ")
                .contains("[8/9] probe").contains("zone ").contains("ownership ").contains("sizeClass ")
                .contains("score industry: ").contains("score zone: 0 of ")
                .contains("demo finished");
        for (String f : new String[] {"portfolio.jsonl", "holdout.jsonl", "features.csv", "model.json",
            "train-metrics.json", "decisions.jsonl", "decision-log.jsonl", "audit/report.html", "audit/report.json",
            "audit/report.md", "counterfactual.md", "keys/private.pem", "keys/public.pem", "keys/pseudonym.key"}) {
            assertThat(dir.resolve(f)).exists();
        }
        assertThat(r.out()).contains("generated the demo's own keys").contains("trail: OK ");
        // the audit report names what it audited, read from the decision trail
        String audited = Files.readString(dir.resolve("audit/report.md"));
        assertThat(audited).contains("- Data digest: sha256:", "(checksum sha256:", "- Rule set: ", "- Decision period: 20",
                "- Audit date: 20").doesNotContain("not recorded");
        // masking by default: no file the demo writes about the applicants (everything but the generated
        // application documents themselves and the keys) carries a USCC or an enterprise name
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("holdout.jsonl"))) {
                names.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).path("application")
                        .path("enterprise").path("name").asText());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>(IdentityScan.find(r.out() + r.err(), "demo output", names, tmp.toString()));
        found.addAll(IdentityScan.findInFiles(dir, names, f -> f.getFileName().toString().equals("portfolio.jsonl")
                || f.getFileName().toString().equals("holdout.jsonl")
                // the loan book is generated input like the portfolio: its applications are what monitoring reads
                || f.getFileName().toString().equals("book.jsonl") || f.startsWith(dir.resolve("keys")),
                tmp.toString()));
        assertThat(found).isEmpty();
        assertThat(names).hasSize(1500);
    }

    @Test
    void demo_badCount_isAUsageError() {
        Run r = run("demo", "--count", "1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("--count must be >= 2");
    }
}
