package org.creditkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch job over a JSON Lines file with good and bad lines: every line decided or rejected by line. */
class BatchJobTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BatchJob.run(args, SparkTests.spark(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_goodAndBadLines_decidesTheGoodAndRejectsEachBadOneWithItsLine() throws IOException {
        SparkSession spark = SparkTests.spark();
        List<String> good = Applications.generate(300, 7L).lines();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>(good.subList(0, 100));
        lines.add("");                                                   // line 101: blank
        lines.add("{\"id\": ");                                          // line 102: not JSON
        lines.add(good.get(100).replace("\"termMonths\":", "\"termMonths\":-1,\"x\":"));   // line 103
        lines.addAll(good.subList(101, 300));
        for (String l : lines) {
            file.write(l.getBytes(StandardCharsets.UTF_8));
            file.write('\n');
        }
        file.write(new byte[] {'{', (byte) 0xC3, '}', '\n'});             // line 303: not UTF-8
        Path in = dir.resolve("applications.jsonl");
        Files.write(in, file.toByteArray());
        Path outDir = dir.resolve("out");

        int code = run("--in", in.toString(), "--out", outDir.toString(), "--master", "ignored-when-a-session-exists");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(spark.read().parquet(outDir.resolve("decisions").toString()).count()).isEqualTo(299);
        List<Row> rejected = spark.read().parquet(outDir.resolve("rejected").toString()).collectAsList();
        Map<Long, Row> byLine = rejected.stream().collect(Collectors.toMap(r -> r.getLong(1), r -> r));
        assertThat(byLine).containsOnlyKeys(101L, 102L, 103L, 303L);
        assertThat(problems(byLine.get(101L))).contains("blank line");
        assertThat(problems(byLine.get(102L))).startsWith("$");
        assertThat(problems(byLine.get(103L))).contains("$.application.termMonths", "$.application.x: unknown field");
        assertThat(byLine.get(103L).getString(2)).as("id of a rejected but readable line").startsWith("SYN-");
        assertThat(problems(byLine.get(303L))).contains("not valid UTF-8");
        assertThat(rejected).allSatisfy(r -> assertThat(r.getString(0)).endsWith("applications.jsonl"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("303 rows: 299 decided", "4 rejected")
                .contains("applications.jsonl:103 (SYN-");
    }

    @Test
    void run_parquetInputWithAudit_writesDecisionsAndTheReport() throws IOException {
        SparkSession spark = SparkTests.spark();
        Path json = dir.resolve("apps.jsonl");
        Files.write(json, Applications.generate(500, 8L).lines());
        Path parquet = dir.resolve("apps.parquet");
        spark.read().json(json.toString()).write().parquet(parquet.toString());

        int code = run("--in", parquet.toString(), "--out", dir.resolve("out").toString(),
                "--audit", dir.resolve("audit").toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isIn(0, 2);
        assertThat(spark.read().parquet(dir.resolve("out/decisions").toString()).count()).isEqualTo(500);
        assertThat(dir.resolve("audit/report.html")).isNotEmptyFile();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("500 rows: 500 decided", "fairness audit: ");
    }

    @Test
    void run_outputExists_refusesWithUsageCode() throws IOException {
        Path in = dir.resolve("a.jsonl");
        Files.write(in, Applications.generate(1, 1L).lines());
        Files.createDirectories(dir.resolve("out"));

        assertThat(run("--in", in.toString(), "--out", dir.resolve("out").toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out", "already exists");
    }

    @Test
    void run_unsignedModelBundle_refusedUnlessAllowedExplicitly() throws IOException {
        Path in = dir.resolve("a.jsonl");
        Files.write(in, Applications.generate(1, 1L).lines());
        Path bundle = dir.resolve("copy.json");
        org.creditkit.core.score.bundle.ModelBundle.defaultBundle().write(bundle);

        assertThat(run("--in", in.toString(), "--out", dir.resolve("out").toString(), "--model", bundle.toString()))
                .isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(bundle.toString(), "refused", "allow unsigned");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(run("--in", in.toString(), "--out", dir.resolve("out").toString(), "--model", bundle.toString(),
                "--allow-unsigned")).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void run_unknownOption_usageCode() {
        assertThat(run("--in", "x", "--out", "y", "--bogus", "1")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--bogus'", "usage:");
    }

    private static String problems(Row r) {
        return r.<Row>getList(3).stream().map(p -> p.getString(0) + ": " + p.getString(1))
                .sorted(Comparator.naturalOrder()).collect(Collectors.joining("; "));
    }
}
