package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The batch commands on hostile input: streaming, rejects files, refused output paths, atomic outputs. */
class BatchHardeningTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            return CreditCli.EXIT_USAGE;
        });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static Path portfolio(Path dir, int n) throws IOException {
        Path f = dir.resolve("apps.jsonl");
        try (OutputStream o = Files.newOutputStream(f)) {
            PortfolioGenerator.of(GeneratorConfig.builder().count(n).seed(5).build()).writeJsonLines(o);
        }
        return f;
    }

    @Test
    void score_inputAsOutput_isRefusedAndTheInputKept(@TempDir Path dir) throws IOException {
        Path in = portfolio(dir, 3);
        byte[] before = Files.readAllBytes(in);

        assertThat(run(new ScoreCommand(), "--in", in.toString(), "--out", in.toString())).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--in and --out are the same file");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
    }

    @Test
    void score_inputAsOutputThroughAnotherSpelling_isRefused(@TempDir Path dir) throws IOException {
        Path in = portfolio(dir, 1);
        Path other = dir.resolve("sub/../apps.jsonl");
        Files.createDirectories(dir.resolve("sub"));

        assertThat(run(new ScoreCommand(), "--in", in.toString(), "--out", other.toString())).isEqualTo(CreditCli.EXIT_USAGE);
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), in);
        assertThat(run(new ScoreCommand(), "--in", in.toString(), "--out", link.toString())).isEqualTo(CreditCli.EXIT_USAGE);
    }

    @Test
    void decide_outAsLog_isRefused(@TempDir Path dir) throws IOException {
        Path in = portfolio(dir, 2);
        Path o = dir.resolve("d.jsonl");

        assertThat(run(new DecideCommand(), "--in", in.toString(), "--out", o.toString(), "--log", o.toString(),
                "--development")).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--out and --log are the same file");
        assertThat(o).doesNotExist();
    }

    @Test
    void decide_rejectsAsOut_isRefused(@TempDir Path dir) throws IOException {
        Path in = portfolio(dir, 2);
        Path o = dir.resolve("d.jsonl");

        assertThat(run(new DecideCommand(), "--in", in.toString(), "--out", o.toString(), "--rejects", o.toString()))
                .isEqualTo(CreditCli.EXIT_USAGE);
    }

    @Test
    void score_rejectsFile_holdsLineProblemsAndInputToResubmit(@TempDir Path dir) throws IOException {
        Path in = portfolio(dir, 3);
        List<String> good = Files.readAllLines(in);
        String broken = good.get(1).replace("\"termMonths\":", "\"termMonths\":9999,\"x\":");
        Files.write(in, List.of(good.get(0), broken, "not json", good.get(2), "{\"amount\":1e-999999999}"));
        Path rejects = dir.resolve("rejects.jsonl");
        Path res = dir.resolve("scores.jsonl");

        assertThat(run(new ScoreCommand(), "--in", in.toString(), "--out", res.toString(), "--rejects",
                rejects.toString())).isEqualTo(1);
        assertThat(Files.readAllLines(res)).hasSize(2);
        List<JsonNode> r = new ArrayList<>();
        for (String line : Files.readAllLines(rejects)) {
            r.add(new ObjectMapper().readTree(line));
        }
        assertThat(r).extracting(n -> n.get("line").asLong()).containsExactly(2L, 3L, 5L);
        assertThat(r.get(0).get("problems").get(0).get("path").asText()).startsWith("$");
        assertThat(r.get(1).get("input").asText()).isEqualTo("not json");
        assertThat(r.get(2).get("problems").get(0).get("message").asText()).contains("out of range");
        // fixed and resubmitted: the inputs of the rejects file are the lines as read
        assertThat(r.get(0).get("input").asText()).isEqualTo(broken);
        assertThat(err.toString()).contains("line 2: ").contains("3 rejected");
    }

    @Test
    void score_singleJsonDocumentOverTheLimit_isRejectedBeforeReadingItWhole(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("big.json");
        try (BufferedWriter w = Files.newBufferedWriter(in)) {
            w.write("{\"purpose\":\"");
            for (int i = 0; i < 3_000; i++) {
                w.write("x".repeat(1000));
            }
            w.write("\"}");
        }

        assertThat(run(new ScoreCommand(), "--in", in.toString(), "--out", dir.resolve("o.jsonl").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("document exceeds 1048576 bytes");
    }

    @Test
    void score_directoryAsRejects_isRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        Path in = portfolio(dir, 2);
        Path res = dir.resolve("scores.jsonl");
        Files.writeString(res, "previous results\n");
        Path rejectsDir = Files.createDirectories(dir.resolve("rejects-dir"));

        assertThat(run(new ScoreCommand(), "--in", in.toString(), "--out", res.toString(), "--rejects",
                rejectsDir.toString())).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("is a directory");
        assertThat(Files.readString(res)).isEqualTo("previous results\n");
    }

    @Test
    void atomicOutput_notCommitted_leavesTheOldFileAndNoTemporary(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.jsonl");
        Files.writeString(target, "old\n");
        try (BatchFiles.AtomicOutput o = BatchFiles.AtomicOutput.open(target)) {
            o.writer().write("half a fi");
        }
        assertThat(Files.readString(target)).isEqualTo("old\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        try (BatchFiles.AtomicOutput o = BatchFiles.AtomicOutput.open(target)) {
            o.writer().write("new\n");
            o.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("new\n");
    }

    @Test
    void validate_rejectsFile_andExit1(@TempDir Path dir) throws IOException {
        Path in = portfolio(dir, 2);
        Files.writeString(in, "[]\n", StandardOpenOption.APPEND);
        Path rejects = dir.resolve("r.jsonl");

        assertThat(run(new ValidateCommand(), in.toString(), "--rejects", rejects.toString())).isEqualTo(1);
        assertThat(Files.readAllLines(rejects)).singleElement().asString().contains("\"line\":3");
    }

    @Test
    void validateAndScore_halfASurrogatePairInAnId_isABadLineAndTheOthersGoOn(@TempDir Path dir) throws IOException {
        Path in = portfolio(dir, 3);
        List<String> lines = Files.readAllLines(in);
        String id = lines.get(1).replaceAll("^.*?\"id\":\"([^\"]*)\".*$", "$1");
        lines.set(1, lines.get(1).replace("\"id\":\"" + id + "\"", "\"id\":\"A\\ud800B\""));
        Files.write(in, lines);
        Path scores = dir.resolve("scores.jsonl");

        assertThat(run(new ValidateCommand(), in.toString())).isEqualTo(1);
        assertThat(out.toString() + err).contains("line 2: $.application.id: string holds an unpaired UTF-16 surrogate escape \\ud800");
        assertThat(run(new ScoreCommand(), "--in", in.toString(), "--out", scores.toString())).isEqualTo(1);
        assertThat(Files.readAllLines(scores)).hasSize(2).noneMatch(l -> l.contains("A?B"));
    }

    @Test
    void features_outputWrittenAtomically_andInputAsOutputRefused(@TempDir Path dir) throws IOException {
        Path in = portfolio(dir, 3);
        Path csv = dir.resolve("f.csv");

        assertThat(run(new FeaturesCommand(), in.toString(), "--out", csv.toString())).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(4);
        assertThat(run(new FeaturesCommand(), in.toString(), "--out", in.toString())).isEqualTo(CreditCli.EXIT_USAGE);
    }

    /**
     * One million bad lines through {@code credit score --rejects} in a separate JVM with a 256 MiB heap:
     * every line is reported in the rejects file, stderr stays short, nothing is kept in memory.
     */
    @Test
    void score_millionBadLines_runsIn256MiBHeap(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("bad.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(in)) {
            for (int i = 0; i < 1_000_000; i++) {
                w.write("[]\n");
            }
        }
        Path rejects = dir.resolve("rejects.jsonl");
        Path errFile = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CreditCli.class.getName(), "score", "--in", in.toString(), "--out", dir.resolve("o.jsonl").toString(),
                "--rejects", rejects.toString())
                .redirectError(errFile.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(Files.readString(errFile)).isEqualTo(1);
        assertThat(Files.readString(errFile)).contains("scored 0 of 1000000 applications").contains("1000000 rejected");
        long lines;
        try (var s = Files.lines(rejects)) {
            lines = s.count();
        }
        assertThat(lines).isEqualTo(1_000_000);
        assertThat(Files.size(errFile)).isLessThan(100_000);
    }
}
