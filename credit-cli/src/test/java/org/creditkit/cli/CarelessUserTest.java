package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void monitor_bookThatTheOutputWouldReplace_isRefusedAndTheBookKept() throws IOException {
        Path book = write("warnings.jsonl", "{}\n");

        Run r = CreditCliTest.run("monitor", "--book", book.toString(), "--out", tmp.toString());

        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--book and --out (warnings.jsonl) are the same file");
        assertThat(book).hasContent("{}");
    }
}
