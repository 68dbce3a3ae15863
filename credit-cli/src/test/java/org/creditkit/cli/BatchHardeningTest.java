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

    /** A file whose line 4 repeats line 1's id with another amount (a corrected resubmission appended). */
    private static Path repeatedId(Path dir) throws IOException {
        Path in = portfolio(dir, 3);
        List<String> lines = new ArrayList<>(Files.readAllLines(in));
        String again = lines.get(0).replaceFirst("\"amount\":(\\d+)", "\"amount\":$10");
        assertThat(again).isNotEqualTo(lines.get(0));
        lines.add(again);
        Files.write(in, lines);
        return in;
    }

    @Test
    void everyBatchCommand_rejectsAnIdAlreadyOnAnEarlierLine_namingBothLines(@TempDir Path dir) throws IOException {
        // before, each command processed both lines (exit 0): two decisions, scores or offers under one id
        Path in = repeatedId(dir);
        String id = new ObjectMapper().readTree(Files.readAllLines(in).get(0)).get("application").get("id").asText();
        String problem = "line 4: $.application.id: application id '" + id + "' is already on line 1 of this batch;"
                + " every application needs its own id";
        List<Object[]> runs = List.of(
                new Object[] {new ValidateCommand(), new String[] {in.toString()}, null},
                new Object[] {new FeaturesCommand(), new String[] {in.toString(), "--out", dir.resolve("f.csv").toString()},
                        dir.resolve("f.csv")},
                new Object[] {new ScoreCommand(), new String[] {"--in", in.toString(), "--out", dir.resolve("s.jsonl").toString()},
                        dir.resolve("s.jsonl")},
                new Object[] {new MatchCommand(), new String[] {"--in", in.toString(), "--out", dir.resolve("m.jsonl").toString()},
                        dir.resolve("m.jsonl")},
                new Object[] {new DecideCommand(), new String[] {"--in", in.toString(), "--out", dir.resolve("d1.jsonl").toString(),
                        "--threads", "1"}, dir.resolve("d1.jsonl")},
                new Object[] {new DecideCommand(), new String[] {"--in", in.toString(), "--out", dir.resolve("d3.jsonl").toString(),
                        "--threads", "3"}, dir.resolve("d3.jsonl")});
        for (Object[] r : runs) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertThat(run(r[0], (String[]) r[1])).as(r[0].getClass().getSimpleName()).isEqualTo(CreditCli.EXIT_REJECTED);
            assertThat(out.toString() + err.toString()).as(r[0].getClass().getSimpleName()).contains(problem);
            if (r[2] != null) {
                // the three distinct applications, each once (features: the header and three rows)
                long rows = Files.readAllLines((Path) r[2]).size();
                assertThat(rows).as(r[0].getClass().getSimpleName()).isEqualTo(r[0] instanceof FeaturesCommand ? 4 : 3);
            }
        }
        assertThat(Files.readString(dir.resolve("d1.jsonl"))).isEqualTo(Files.readString(dir.resolve("d3.jsonl")));
    }

    @Test
    void rejectsFile_holdsTheRepeatedLine(@TempDir Path dir) throws IOException {
        Path in = repeatedId(dir);
        Path rejects = dir.resolve("r.jsonl");
        assertThat(run(new DecideCommand(), "--in", in.toString(), "--out", dir.resolve("d.jsonl").toString(),
                "--rejects", rejects.toString())).isEqualTo(CreditCli.EXIT_REJECTED);
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines).hasSize(1);
        JsonNode r = new ObjectMapper().readTree(lines.get(0));
        assertThat(r.get("line").asLong()).isEqualTo(4);
        assertThat(r.toString()).contains("is already on line 1 of this batch");
        assertThat(err.toString()).contains("decided 3 of 4 applications");
    }

    @Test
    void batchIds_manyDistinctIds_noneRepeated_andARepeatFoundAfterGrowth() {
        BatchIds ids = new BatchIds();
        org.creditkit.core.input.LabeledApplication a = org.creditkit.core.input.StrictApplicationReader.standard()
                .readLabeled(firstLine());
        for (int i = 1; i <= 100_000; i++) {
            assertThat(ids.repeat(withId(a, "APP-" + i), i)).isNull();
        }
        org.creditkit.core.input.BadLine bad = ids.repeat(withId(a, "APP-77"), 100_001);
        assertThat(bad).isNotNull();
        assertThat(bad.lineNumber()).isEqualTo(100_001);
        assertThat(bad.problems().get(0).message()).contains("'APP-77' is already on line 77 ");
        assertThat(ids.adjust(new org.creditkit.core.input.BatchReport(100_001, 100_001, 0, 0)))
                .isEqualTo(new org.creditkit.core.input.BatchReport(100_001, 100_000, 1, 1));
    }

    private static String firstLine() {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        PortfolioGenerator.of(GeneratorConfig.builder().count(1).seed(5).build()).writeJsonLines(b);
        return b.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    }

    private static org.creditkit.core.input.LabeledApplication withId(org.creditkit.core.input.LabeledApplication a,
                                                                       String id) {
        org.creditkit.core.domain.LoanApplication x = a.application();
        return new org.creditkit.core.input.LabeledApplication(new org.creditkit.core.domain.LoanApplication(id,
                x.applicationTime(), x.product(), x.amount(), x.termMonths(), x.purpose(), x.guarantee(),
                x.dataUseConsent(), x.enterprise(), x.sources()), a.outcome());
    }

    @Test
    void outputOverATrustedKey_isRefusedAndTheKeyKept(@TempDir Path dir) throws IOException {
        // before, score/decide/match wrote their results over the --trust public key (exit 0)
        Path in = portfolio(dir, 1);
        Path keys = dir.resolve("keys");
        org.creditkit.core.sign.SigningKey.generateInto(keys);
        Path pem = keys.resolve("public.pem");
        byte[] before = Files.readAllBytes(pem);
        for (Object command : List.of(new ScoreCommand(), new DecideCommand(), new MatchCommand())) {
            err.getBuffer().setLength(0);
            assertThat(run(command, "--in", in.toString(), "--out", pem.toString(), "--trust", pem.toString()))
                    .as(command.getClass().getSimpleName()).isEqualTo(CreditCli.EXIT_USAGE);
            assertThat(err.toString()).contains("--trust and --out are the same file (" + pem + ")");
        }
        assertThat(run(new ScoreCommand(), "--in", in.toString(), "--out", pem.toString(), "--trust",
                dir.resolve("other.pem").toString(), "--trust", pem.toString())).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--trust #2 and --out are the same file");
        assertThat(Files.readAllBytes(pem)).isEqualTo(before);
    }

    @Test
    void explain_accessLogThatIsTheTrailOrTheInput_isRefused(@TempDir Path dir) throws IOException {
        // before, --trail T --access-log T appended access records to the decision trail (exit 0)
        Path in = portfolio(dir, 1);
        byte[] before = Files.readAllBytes(in);
        for (String option : List.of("--trail", "--in")) {
            assertThat(run(new ExplainCommand(), option, in.toString(), "--id", "x", "--principal", "p",
                    "--access-log", in.toString(), "--development")).isEqualTo(CreditCli.EXIT_USAGE);
            assertThat(err.toString()).contains(option + " and --access-log are the same file");
        }
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
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
