package org.creditkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.creditkit.core.chain.ChainReport;
import org.creditkit.core.chain.ChainSigner;
import org.creditkit.core.chain.ChainVerifier;
import org.creditkit.core.chain.CheckpointKeys;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.sign.TrustStore;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.audit.DecisionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch job over a JSON Lines file with good and bad lines: every line decided or rejected by line; and
 * its masked decision trail, one verifiable chain per partition with the records one JVM writes.
 */
class BatchJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});  // line 1: a byte-order mark, dropped
        for (String l : lines) {
            file.write(l.getBytes(StandardCharsets.UTF_8));
            file.write('\n');
        }
        file.write(new byte[] {'{', (byte) 0xC3, '}', '\n'});             // line 303: not UTF-8
        file.write(good.get(0).replaceFirst("\"id\":\"", "\"id\":\"\\\\ud800").getBytes(StandardCharsets.UTF_8));
        file.write('\n');                                                 // line 304: half a surrogate pair
        Path in = dir.resolve("applications.jsonl");
        Files.write(in, file.toByteArray());
        Path outDir = dir.resolve("out");

        int code = run("--in", in.toString(), "--out", outDir.toString(), "--master", "ignored-when-a-session-exists");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(spark.read().parquet(outDir.resolve("decisions").toString()).count()).isEqualTo(299);
        List<Row> rejected = spark.read().parquet(outDir.resolve("rejected").toString()).collectAsList();
        Map<Long, Row> byLine = rejected.stream().collect(Collectors.toMap(r -> r.getLong(1), r -> r));
        assertThat(byLine).containsOnlyKeys(101L, 102L, 103L, 303L, 304L);
        assertThat(problems(byLine.get(101L))).contains("blank line");
        assertThat(problems(byLine.get(102L))).startsWith("$");
        assertThat(problems(byLine.get(103L))).contains("$.application.termMonths", "$.application.x: unknown field");
        assertThat(byLine.get(103L).getString(2)).as("id of a rejected but readable line").startsWith("SYN-");
        // in credit decide's words, with the byte
        assertThat(problems(byLine.get(303L))).startsWith("$: line is not valid UTF-8 at byte 2 of the line (0xc3); "
                + "valid: UTF-8 text");
        assertThat(problems(byLine.get(304L))).contains("string holds an unpaired UTF-16 surrogate escape \\ud800");
        assertThat(byLine.get(304L).isNullAt(2)).as("no id that is not text").isTrue();
        assertThat(rejected).allSatisfy(r -> assertThat(r.getString(0)).endsWith("applications.jsonl"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("304 rows: 299 decided", "5 rejected")
                .contains("applications.jsonl:103 (SYN-");
        // what the Parquet holds: every column of Schemas.DECISIONS, and each row's data-quality flags and
        // missing sources as the checker and the scorer give them in one JVM
        Dataset<Row> decisions = spark.read().parquet(outDir.resolve("decisions").toString());
        assertThat(decisions.schema()).isEqualTo(Schemas.DECISIONS);
        Map<String, List<String>> flags = new HashMap<>();
        Map<String, List<String>> missing = new HashMap<>();
        Map<DataQualityFlag, Long> counts = new EnumMap<>(DataQualityFlag.class);
        try (CreditEngine engine = CreditEngine.defaults()) {
            for (LabeledApplication a : Applications.generate(300, 7L).labeled()) {
                CreditEngine.Evaluation e = engine.evaluate(a.application(), Optional.empty());
                flags.put(a.application().id(), e.quality().flags().stream().sorted().map(Enum::name).toList());
                missing.put(a.application().id(), e.score().missingSources().stream().map(Enum::name).toList());
                if (!a.application().id().equals(byLine.get(103L).getString(2))) {
                    e.quality().flags().forEach(f -> counts.merge(f, 1L, Long::sum));
                }
            }
        }
        List<Row> written = decisions.select("applicationId", "dataQuality", "missingSources", "confidence")
                .collectAsList();
        assertThat(written).hasSize(299).allSatisfy(r -> {
            assertThat(r.getList(1)).as("dataQuality of %s", r.getString(0)).isEqualTo(flags.get(r.getString(0)));
            assertThat(r.getList(2)).as("missingSources of %s", r.getString(0)).isEqualTo(missing.get(r.getString(0)));
        }).anySatisfy(r -> assertThat(r.getList(1)).isNotEmpty());
        assertThat(counts).isNotEmpty();
        StringJoiner summary = new StringJoiner(", ", "data-quality flags (column dataQuality) {", "}");
        counts.forEach((f, n) -> summary.add(f.name() + "=" + n));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(summary.toString());
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
    void run_match_writesOneRowPerApplicationAndProduct_andRejectsEachBadLineWithItsLine() throws IOException {
        SparkSession spark = SparkTests.spark();
        List<String> lines = new ArrayList<>(Applications.generate(60, 9L).lines());
        lines.add(30, "{\"id\": ");                                    // line 31: not JSON
        lines.add("");                                                 // line 62: blank
        Path in = dir.resolve("applications.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path outDir = dir.resolve("out");

        int code = run("--match", "--in", in.toString(), "--out", outDir.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        List<Row> matches = spark.read().parquet(outDir.resolve("matches").toString()).collectAsList();
        Map<String, Long> perProduct = matches.stream()
                .collect(Collectors.groupingBy(r -> r.<String>getAs("product"), Collectors.counting()));
        assertThat(perProduct).as("every application has a row for every product").hasSizeGreaterThan(1)
                .allSatisfy((product, n) -> assertThat(n).isEqualTo(60));
        assertThat(matches.stream().filter(r -> Integer.valueOf(1).equals(r.getAs("rank"))).count())
                .as("at most one best offer per application").isLessThanOrEqualTo(60);
        Map<Long, Row> rejected = spark.read().parquet(outDir.resolve("rejected").toString()).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getLong(1), r -> r));
        assertThat(rejected).containsOnlyKeys(31L, 62L);
        assertThat(problems(rejected.get(62L))).contains("blank line");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("62 rows: 60 matched", "(" + matches.size() + " rows, one per application and product)",
                        "2 rejected", "best offer by product {", "applications.jsonl:31");
        assertThat(outDir.resolve("decisions")).doesNotExist();
    }

    @Test
    void run_matchWithAuditOrTrail_isAUsageError() {
        assertThat(run("--match", "--in", "x", "--out", "y", "--audit", "a")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--audit is for decisions, not --match");
        assertThat(run("--match", "--in", "x", "--out", "y", "--trail", "t", "--log-key", "k", "--pseudonym-key", "p"))
                .isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--trail is for decisions, not --match");
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

    @Test
    void trail_onePartPerPartition_eachVerifies_andHoldsTheRecordsOneJvmWrites_masked() throws IOException {
        Path keys = dir.resolve("keys");
        SigningKey signing = SigningKey.generateInto(keys);
        PseudonymKey pseudonyms = PseudonymKey.generate(new SecureRandom());
        pseudonyms.writeTo(keys.resolve("pseudonym.key"));
        Applications apps = Applications.generate(200, 19L);
        // two input files, so at least two partitions and two chains; one bad line, which is no decision
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("a.jsonl"), apps.lines().subList(0, 100), StandardCharsets.UTF_8);
        List<String> second = new ArrayList<>(apps.lines().subList(100, 200));
        second.add("{\"id\": \"broken\"");
        Files.write(in.resolve("b.jsonl"), second, StandardCharsets.UTF_8);
        Path trail = dir.resolve("trail");

        int code = run("--in", in.toString(), "--out", dir.resolve("out").toString(), "--trail", trail.toString(),
                "--log-key", keys.resolve("private.pem").toString(), "--pseudonym-key",
                keys.resolve("pseudonym.key").toString(), "--checkpoint-every", "50");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        List<Path> parts;
        try (Stream<Path> s = Files.list(trail)) {
            parts = s.sorted().toList();
        }
        assertThat(parts).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(p -> assertThat(p.getFileName().toString()).matches("part-\\d{5}\\.jsonl"));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("decision trail: 200 decisions in " + parts.size() + " signed chain(s)");
        CheckpointKeys trusted = CheckpointKeys.of(TrustStore.read(List.of(keys.resolve("public.pem"))));
        long records = 0;
        Map<String, ObjectNode> spark = new HashMap<>();
        for (Path p : parts) {
            ChainReport r = ChainVerifier.verify(p, trusted);
            assertThat(r.ok()).as(r.toText()).isTrue();
            records += r.records();
            spark.putAll(decisions(p));
        }
        assertThat(records).isEqualTo(200);

        // the same applications through CreditEngine and its DecisionLog in this JVM, with the same keys
        Path jvmTrail = dir.resolve("jvm.jsonl");
        try (CreditEngine engine = CreditEngine.builder().decisionLog(DecisionLog.to(jvmTrail)
                .signer(ChainSigner.of(signing)).pseudonymKey(pseudonyms).open()).build()) {
            for (LabeledApplication a : apps.labeled()) {
                engine.decide(a);     // with its outcome, as the job reads labeled lines
            }
        }
        Map<String, ObjectNode> jvm = decisions(jvmTrail);
        assertThat(spark).hasSize(200).isEqualTo(jvm);

        // masked: the application ids and USCCs appear only as keyed pseudonyms
        String all = Files.readString(parts.get(0)) + Files.readString(parts.get(parts.size() - 1));
        for (LabeledApplication a : apps.labeled()) {
            assertThat(all).doesNotContain("\"" + a.application().id() + "\"")
                    .doesNotContain(a.application().enterprise().uscc().value());
            assertThat(spark).containsKey(pseudonyms.pseudonym(a.application().id()));
        }
    }

    @Test
    void trail_withoutBothKeys_orKeysWithoutTrail_isAUsageError() {
        assertThat(run("--in", "x", "--out", "y", "--trail", "t", "--log-key", "k")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--trail needs --pseudonym-key");
        assertThat(run("--in", "x", "--out", "y", "--pseudonym-key", "k")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--pseudonym-key is for the decision trail");
        assertThat(run("--in", "x", "--out", "y", "--trail", "t", "--log-key", "k", "--pseudonym-key", "p",
                "--checkpoint-every", "0")).isEqualTo(3);
    }

    /** The decision records of a trail by application pseudonym, without the fields that differ per write. */
    private static Map<String, ObjectNode> decisions(Path trail) throws IOException {
        Map<String, ObjectNode> out = new HashMap<>();
        for (String line : Files.readAllLines(trail, StandardCharsets.UTF_8)) {
            ObjectNode n = (ObjectNode) JSON.readTree(line);
            if (n.path("kind").asText().equals("decision")) {
                n.remove(List.of("seq", "prev", "hash", "time"));
                out.put(n.path("application").asText(), n);
            }
        }
        return out;
    }
}
