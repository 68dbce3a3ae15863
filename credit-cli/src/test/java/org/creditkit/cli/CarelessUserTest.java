package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.creditkit.cli.CreditCliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A careless user's (or an attacker's) command lines for the model, audit and monitoring commands:
 * each is refused with what, where and what would be valid, or processed in full; never a plausible
 * wrong result and never a lost input.
 */
class CarelessUserTest {

    @TempDir
    Path tmp;

    /** A small labelled table: a numeric risk driver, a category, noise and the outcome (seeded). */
    static String table(int rows, long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("income,sector,noise,status\n");
        String[] sectors = {"retail", "farming", "services"};
        for (int i = 0; i < rows; i++) {
            double income = 20 + 80 * rnd.nextDouble();
            int s = rnd.nextInt(3);
            double pd = 1 / (1 + Math.exp(-(-1.0 - 0.03 * (income - 60) + 0.6 * s)));
            sb.append(String.format(Locale.ROOT, "%.1f,%s,%d,%s%n", income, sectors[s], rnd.nextInt(5),
                    rnd.nextDouble() < pd ? "bad" : "good"));
        }
        return sb.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private Path trained(Path data) {
        Path model = tmp.resolve("model.json");
        Run r = CreditCliTest.run("train", "--data", data.toString(), "--target", "status", "--bad", "bad",
                "--out", model.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return model;
    }

    @Test
    void train_outputNamingTheData_isRefusedAndTheDataKept() throws IOException {
        Path data = write("data.csv", table(400, 1));
        byte[] before = Files.readAllBytes(data);

        Run r = CreditCliTest.run("train", "--data", data.toString(), "--target", "status", "--bad", "bad",
                "--out", data.toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--data and --out are the same file");
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
    }

    @Test
    void train_metricsOutNamingTheBundle_isRefusedBeforeTraining() throws IOException {
        Path data = write("data.csv", table(400, 1));
        Path o = tmp.resolve("o.json");

        Run r = CreditCliTest.run("train", "--data", data.toString(), "--target", "status", "--bad", "bad",
                "--out", o.toString(), "--metrics-out", o.toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--out and --metrics-out are the same file");
        assertThat(o).doesNotExist();
    }

    @Test
    void train_reportThatIsAFile_isRefusedBeforeTheBundleIsWritten() throws IOException {
        Path data = write("data.csv", table(400, 1));
        Path o = tmp.resolve("o.json");

        Run r = CreditCliTest.run("train", "--data", data.toString(), "--target", "status", "--bad", "bad",
                "--out", o.toString(), "--report", data.toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--report " + data + " is a file, not a directory");
        assertThat(o).doesNotExist();
    }

    @Test
    void evaluate_metricsOutNamingTheModel_isRefusedAndTheModelKept() throws IOException {
        Path data = write("data.csv", table(400, 1));
        Path model = trained(data);
        byte[] before = Files.readAllBytes(model);

        Run r = CreditCliTest.run("evaluate", "--model", model.toString(), "--data", data.toString(), "--target",
                "status", "--bad", "bad", "--metrics-out", model.toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--model and --metrics-out are the same file");
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }

    @Test
    void psi_outNamingTheExpectedData_isRefusedAndTheDataKept() throws IOException {
        Path data = write("data.csv", table(300, 1));
        byte[] before = Files.readAllBytes(data);

        Run r = CreditCliTest.run("psi", "--expected", data.toString(), "--actual", data.toString(), "--out",
                data.toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--expected and --out are the same file");
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
    }

    @Test
    void audit_dataThatTheReportWouldReplace_isRefusedAndTheDataKept() throws IOException {
        Path data = write("report.json", table(300, 1));
        byte[] before = Files.readAllBytes(data);

        Run r = CreditCliTest.run("audit", "--data", data.toString(), "--format", "csv", "--groups", "sector",
                "--favorable", "status=good", "--out", tmp.toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--data and --out (report.json) are the same file");
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
    }

    @Test
    void train_onTwentyRows_isRefusedNamingTheCountsInsteadOfAPerfectModel() throws IOException {
        Path data = write("small.csv", table(20, 3));

        Run r = CreditCliTest.run("train", "--data", data.toString(), "--target", "status", "--bad", "bad",
                "--out", tmp.resolve("o.json").toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).containsPattern("small.csv: \\d+ bad and \\d+ good rows of 20 usable; training needs at"
                + " least 30 of each");
        assertThat(tmp.resolve("o.json")).doesNotExist();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "--max-bins     | 1    | --max-bins 1: expected at least 2",
        "--min-iv       | -1   | --min-iv -1.0: expected 0 or more",
        "--pdo          | 0    | --pdo 0.0: expected points above 0",
        "--base-odds    | -1   | --base-odds -1.0: expected good:bad odds above 0",
        "--target-rate  | 2    | --target-rate 2.0: expected a default rate in (0, 1)",
        "--k0           | -1   | --k0 -1.0: expected a credibility constant",
        "--min-bin-share| 0.9  | --min-bin-share 0.9: expected a share in (0, 0.5]",
        "--cv           | 1    | --cv 1: expected 0 (none) or at least 2 folds",
        "--max-bad-rows | 1.5  | --max-bad-rows 1.5: expected a share in [0, 1]",
        "--industry-digits | 0 | --industry-digits 0: expected at least 1"})
    void train_outOfRangeOption_isRefusedByItsOptionNameBeforeReading(String option, String value, String message)
            throws IOException {
        Path data = write("data.csv", table(400, 1));

        Run r = CreditCliTest.run("train", "--data", data.toString(), "--target", "status", "--bad", "bad",
                "--out", tmp.resolve("o.json").toString(), option, value);

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains(message).doesNotContain("used 400 of 400 rows");
    }

    @Test
    void evaluate_labelOfTheWrongPolarity_isRefusedNotGradedAsAPoorModel() throws IOException {
        Path model = trained(write("data.csv", table(400, 1)));
        Path later = write("later.csv", table(400, 4));

        Run r = CreditCliTest.run("evaluate", "--model", model.toString(), "--data", later.toString(), "--target",
                "status", "--bad", "good");

        assertThat(r.exit()).as(r.out()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("credit evaluate: later.csv: AUC 0.", "is below 0.5 with 95% confidence",
                "the labels are probably inverted", "--target status --bad good",
                "name the value that means default with --bad");
        assertThat(r.out()).doesNotContain("verdict");
    }

    @Test
    void evaluate_categoryValuesTheModelNeverSaw_areNamedWithTheirCountAndTheKnownValues() throws IOException {
        Path model = trained(write("data.csv", table(400, 1)));
        String recased = table(400, 4).replace(",retail,", ",Retail,");
        Path later = write("later.csv", recased);
        long retail = recased.lines().filter(l -> l.contains(",Retail,")).count();

        Run r = CreditCliTest.run("evaluate", "--model", model.toString(), "--data", later.toString(), "--target",
                "status", "--bad", "bad");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: later.csv: column (sector): " + retail + " of 400 rows hold a value the"
                + " model was not trained on: 'Retail' " + retail + " (the model knows 'retail'", "scored as missing",
                "The model knows [");
    }

    @Test
    void psi_skippedRows_areEachReportedWithTheirLineAndExitOne() throws IOException {
        Path expected = write("expected.csv", table(300, 1));
        List<String> lines = new java.util.ArrayList<>(table(300, 1).lines().toList());
        lines.set(5, "1,234.5,retail,1,good");
        lines.set(9, "0x10,retail,1,good");
        Path actual = write("actual.csv", String.join("\n", lines) + "\n");

        Run r = CreditCliTest.run("psi", "--expected", expected.toString(), "--actual", actual.toString());

        assertThat(r.exit()).as(r.out()).isEqualTo(CreditCli.EXIT_REJECTED);
        assertThat(r.err()).contains("--actual actual.csv: skipped line 6: has 5 fields, the header has 4",
                "--actual actual.csv: skipped line 10: value '0x10' of numeric column (income) is not a number");
    }

    @Test
    void psi_actualWithoutAColumnOfExpected_namesTheFileAndTheColumn() throws IOException {
        Path expected = write("expected.csv", table(300, 1));
        Path actual = write("actual.csv", table(300, 2).replace(",status\n", ",outcome\n"));

        Run r = CreditCliTest.run("psi", "--expected", expected.toString(), "--actual", actual.toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--actual has no column (status) that --expected has");
    }

    @Test
    void audit_groupingWithOneGroupOnly_isRefusedInsteadOfPassingWithoutIt() throws IOException {
        String oneSector = table(300, 2).replace(",farming,", ",retail,").replace(",services,", ",retail,");
        Path data = write("decisions.csv", oneSector);
        Path out = tmp.resolve("audit");

        Run r = CreditCliTest.run("audit", "--data", data.toString(), "--groups", "noise,sector", "--favorable",
                "status=good", "--out", out.toString());

        assertThat(r.exit()).as(r.out()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--groups sector: all 300 audited records of decisions.csv are in one group"
                + " ('retail')", "at least two sector values");
        assertThat(out.resolve("report.json")).doesNotExist();
    }

    @Test
    void batchCommands_emptyFile_isRefusedInsteadOfPassingZeroLines() throws IOException {
        Path empty = write("export.jsonl", "");

        Run v = CreditCliTest.run("validate", empty.toString());
        Run f = CreditCliTest.run("features", empty.toString(), "--out", tmp.resolve("f.csv").toString());

        assertThat(v.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(v.err()).contains("export.jsonl' is empty (0 bytes)");
        assertThat(f.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(tmp.resolve("f.csv")).doesNotExist();
        // score, decide and match wrote an empty output and exited 0 on the same file
        for (String command : new String[] {"score", "decide", "match"}) {
            Path o = tmp.resolve(command + ".jsonl");
            Run r = CreditCliTest.run(command, "--in", empty.toString(), "--out", o.toString());
            assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(CreditCli.EXIT_USAGE);
            assertThat(r.err()).as(command).contains("export.jsonl' is empty (0 bytes)");
            assertThat(o).as(command).doesNotExist();
        }
    }

    @Test
    void generate_countZero_isRefusedInsteadOfAnEmptyPortfolio() {
        Run r = CreditCliTest.run("generate", "--count", "0", "--out", tmp.resolve("p.jsonl").toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--count 0: expected at least 1 application");
        assertThat(tmp.resolve("p.jsonl")).doesNotExist();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "--lgd             | 2    | --lgd 2.0: expected a loss given default in (0, 1]",
        "--max-red-share   | NaN  | --max-red-share NaN: expected a share in [0, 1]",
        "--max-drift-flags | -5   | --max-drift-flags -5: expected -1"})
    void monitor_outOfRangeLimit_isRefusedByItsOptionName(String option, String value, String message)
            throws IOException {
        Path book = write("book.jsonl", "{}\n");

        Run r = CreditCliTest.run("monitor", "--book", book.toString(), "--out", tmp.resolve("m").toString(),
                option, value);

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains(message);
    }

    @Test
    void generate_datesInAnotherFormOrOrder_areRefusedSayingTheForm() {
        Path out = tmp.resolve("p.jsonl");

        Run slashes = CreditCliTest.run("generate", "--count", "5", "--from", "01/06/2025", "--out", out.toString());
        Run feb30 = CreditCliTest.run("generate", "--count", "5", "--to", "2024-02-30", "--out", out.toString());
        Run inverted = CreditCliTest.run("generate", "--count", "5", "--from", "2024-06-01", "--to", "2024-01-01",
                "--out", out.toString());

        assertThat(slashes.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(slashes.err()).contains("'01/06/2025' is not a date of the calendar in the form YYYY-MM-DD");
        assertThat(feb30.err()).contains("'2024-02-30' is not a date of the calendar");
        assertThat(inverted.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(inverted.err()).contains("--to 2024-01-01 is before --from 2024-06-01");
        assertThat(out).doesNotExist();
    }

    @Test
    void generate_datesAfterToday_areRefused_notWrittenForEveryReaderToReject() {
        // before: exit 0, and validate then rejected every line as "in the future"
        Path out = tmp.resolve("p.jsonl");
        String tomorrow = java.time.LocalDate.now(org.creditkit.core.domain.LoanApplication.CHINA_TIME).plusDays(2)
                .toString();

        Run r = CreditCliTest.run("generate", "--count", "5", "--from", "2024-01-01", "--to", tomorrow,
                "--out", out.toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--to " + tomorrow + " is after today (").contains("valid: --to on or before ");
        assertThat(out).doesNotExist();
    }

    @Test
    void monitor_bookThatTheOutputWouldReplace_isRefusedAndTheBookKept() throws IOException {
        Path book = write("warnings.jsonl", "{}\n");

        Run r = CreditCliTest.run("monitor", "--book", book.toString(), "--out", tmp.toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--book and --out (warnings.jsonl) are the same file");
        assertThat(book).hasContent("{}");
    }
}
