package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.creditkit.core.chain.ChainSigner;
import org.creditkit.core.chain.ChainWriter;
import org.creditkit.core.chain.Rotation;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code credit decide --log ... --log-key ... --pseudonym-key ...} then {@code credit log verify}. */
class DecisionTrailCliTest {

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    static Path keys;
    static Path pseudonymKey;
    static Path trail;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = CreditCli.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void decideWithATrail() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PortfolioGenerator.of(GeneratorConfig.builder().count(40).seed(5L).build()).writeJsonLines(bytes);
        Path in = shared.resolve("apps.jsonl");
        Files.write(in, bytes.toByteArray());
        keys = shared.resolve("keys");
        org.creditkit.core.sign.SigningKey.generateInto(keys);
        pseudonymKey = shared.resolve("pseudonym.key");
        assertThat(run("log", "keygen", "--pseudonym-key", pseudonymKey.toString()).exit()).isZero();
        trail = shared.resolve("trail.jsonl");
        Run r = run("decide", "--in", in.toString(), "--out", shared.resolve("d.jsonl").toString(), "--log",
                trail.toString(), "--log-key", keys.resolve("private.pem").toString(), "--pseudonym-key",
                pseudonymKey.toString(), "--checkpoint-every", "10");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private Path copy(List<String> lines) throws IOException {
        Path f = tmp.resolve("tampered.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private static Run verify(Path f) {
        return run("log", "verify", f.toString(), "--key", keys.resolve("public.pem").toString());
    }

    @Test
    void verify_untouchedTrail_exitsZeroWithOk() {
        Run r = verify(trail);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("OK ").contains("40 records").contains("5 signed checkpoints");
    }

    @Test
    void verify_oneByteChangedInARecord_exitsTwoNamingTheLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(trail, StandardCharsets.UTF_8));
        lines.set(6, lines.get(6).replace("\"score\":", "\"score\":1"));
        Run r = verify(copy(lines));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("tampered.jsonl:7: altered");
    }

    @Test
    void verify_deletedLine_exitsTwoNamingWhereLinesWereRemoved() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(trail, StandardCharsets.UTF_8));
        lines.remove(20);
        Run r = verify(copy(lines));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("tampered.jsonl:21: removed");
    }

    @Test
    void verify_swappedLines_exitsTwoNamingTheReordering() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(trail, StandardCharsets.UTF_8));
        String x = lines.get(30);
        lines.set(30, lines.get(31));
        lines.set(31, x);
        Run r = verify(copy(lines));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("tampered.jsonl:31: reordered").contains("tampered.jsonl:32");
    }

    @Test
    void verify_truncatedTail_exitsTwoSayingTruncatedAndUnsigned() throws IOException {
        byte[] b = Files.readAllBytes(trail);
        Path f = tmp.resolve("cut.jsonl");
        Files.write(f, Arrays.copyOf(b, b.length - 300));
        Run r = verify(f);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(": truncated: the last line has no line end").contains("unsigned tail");
    }

    @Test
    void verify_missingFile_exitsThree() {
        assertThat(verify(tmp.resolve("none.jsonl")).exit()).isEqualTo(3);
    }

    @Test
    void decide_trailWithoutKeys_isRefusedUnlessDevelopment() throws IOException {
        Path in = shared.resolve("apps.jsonl");
        Run r = run("decide", "--in", in.toString(), "--out", tmp.resolve("d.jsonl").toString(), "--log",
                tmp.resolve("t.jsonl").toString(), "--pseudonym-key", pseudonymKey.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("--log-key").contains("credit bundle keygen");
        r = run("decide", "--in", in.toString(), "--out", tmp.resolve("d.jsonl").toString(), "--log",
                tmp.resolve("t.jsonl").toString(), "--log-key", keys.resolve("private.pem").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("--pseudonym-key");
        r = run("decide", "--in", in.toString(), "--out", tmp.resolve("d.jsonl").toString(), "--log",
                tmp.resolve("dev.jsonl").toString(), "--development");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("DEVELOPMENT").contains("PUBLIC development key").contains("NO signed checkpoints");
        Run v = verify(tmp.resolve("dev.jsonl"));
        assertThat(v.exit()).isEqualTo(2);
        assertThat(v.err()).contains("not all of it is signed");
    }

    @Test
    void audit_readsTheTrail_countingDecisionRecordsOnly() {
        Run r = run("audit", "--data", trail.toString(), "--groups", "zone", "--favorable",
                "tier=INSTANT_APPROVAL,MITIGATION", "--out", tmp.resolve("audit").toString());
        assertThat(r.exit()).as(r.err()).isLessThanOrEqualTo(2);
        assertThat(r.out()).contains("40 records");
    }

    /**
     * The same decision records as {@link #trail}, re-chained into parts of at most 4 KiB
     * ({@code rotated.jsonl}, {@code rotated.2.jsonl} ...), as a long-running service leaves them.
     */
    private Path rotatedTrail() throws IOException {
        Path f = tmp.resolve("rotated.jsonl");
        String kind = "\"kind\":\"decision\",";
        try (ChainWriter w = ChainWriter.to(f, "decision").signer(ChainSigner.of(SigningKey.read(
                keys.resolve("private.pem")))).rotation(Rotation.bySize(4096)).checkpointEvery(10).open()) {
            for (String l : Files.readAllLines(trail, StandardCharsets.UTF_8)) {
                int at = l.indexOf(kind);
                if (at > 0) {
                    w.append("decision", l.substring(at + kind.length(), l.lastIndexOf(",\"hash\":\"")));
                }
            }
        }
        assertThat(ChainWriter.partFile(f, 3)).as("the records need at least three parts").exists();
        return f;
    }

    private static Run audit(Path data, Path out) {
        return run("audit", "--data", data.toString(), "--groups", "zone", "--favorable",
                "tier=INSTANT_APPROVAL,MITIGATION", "--out", out.toString());
    }

    @Test
    void audit_rotatedTrail_readsEveryPartInChainOrder() throws IOException {
        Path rotated = rotatedTrail();
        assertThat(verify(rotated).exit()).isZero();
        Run r = audit(rotated, tmp.resolve("audit"));
        assertThat(r.exit()).as(r.err()).isLessThanOrEqualTo(2);
        assertThat(r.out()).contains("40 records");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void audit_withProgress_countsTheLinesOfEveryPartAndTheAuditStage_onStderr() throws IOException {
        Path rotated = rotatedTrail();
        Run r = run("audit", "--data", rotated.toString(), "--groups", "zone", "--favorable",
                "tier=INSTANT_APPROVAL,MITIGATION", "--out", tmp.resolve("audit").toString(), "--progress");
        assertThat(r.exit()).as(r.err()).isLessThanOrEqualTo(2);
        long lines = 0;
        for (int part = 1; Files.exists(ChainWriter.partFile(rotated, part)); part++) {
            lines += Files.readAllLines(ChainWriter.partFile(rotated, part)).size();
        }
        assertThat(r.err()).contains(String.format(java.util.Locale.ROOT, "audit: lines read %,d", lines))
                .contains("auditing         1/1 (100%)");
        assertThat(r.out()).doesNotContain("lines read");
    }

    @Test
    void audit_rotatedTrailWithAPartMissingOrALineMovedAcrossParts_exitsTwoNamingTheLine() throws IOException {
        Path rotated = rotatedTrail();
        Path p2 = ChainWriter.partFile(rotated, 2);
        Path p3 = ChainWriter.partFile(rotated, 3);
        List<String> two = new ArrayList<>(Files.readAllLines(p2, StandardCharsets.UTF_8));
        List<String> three = new ArrayList<>(Files.readAllLines(p3, StandardCharsets.UTF_8));
        int moved = two.size() - 2;
        three.add(1, two.remove(moved));
        Files.writeString(p2, String.join("\n", two) + "\n", StandardCharsets.UTF_8);
        Files.writeString(p3, String.join("\n", three) + "\n", StandardCharsets.UTF_8);
        Run r = audit(rotated, tmp.resolve("audit"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(p2 + ":" + (moved + 1)).contains("not one unbroken chain");
        assertThat(r.out()).doesNotContain("Verdict");

        Files.delete(p2);
        Run gap = audit(rotated, tmp.resolve("audit2"));
        assertThat(gap.exit()).isEqualTo(2);
        assertThat(gap.err()).contains("missing part: part 2");
    }

    @Test
    void logVerify_rotatedTrailWithItsLastPartDeletedOrTwoPartsSwapped_exitsTwoNamingThePart() throws IOException {
        Path rotated = rotatedTrail();
        assertThat(verify(rotated).exit()).isZero();
        int parts = 1;
        while (Files.exists(ChainWriter.partFile(rotated, parts + 1))) {
            parts++;
        }
        Path last = ChainWriter.partFile(rotated, parts);
        Path kept = tmp.resolve("kept.jsonl");
        Files.move(last, kept);
        Run missing = verify(rotated);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("missing part").contains("hands the chain over to part " + parts)
                .contains(last.toString());
        Files.move(kept, last);

        Path p2 = ChainWriter.partFile(rotated, 2);
        Path p3 = ChainWriter.partFile(rotated, 3);
        Files.move(p2, kept);
        Files.move(p3, p2);
        Files.move(kept, p3);
        Run swapped = verify(rotated);
        assertThat(swapped.exit()).isEqualTo(2);
        assertThat(swapped.err()).contains(p2 + ":1: reordered: the file of part 2 holds part 3");
    }

    @Test
    void explain_rotatedTrail_findsADecisionInALaterPart() throws IOException {
        Path rotated = rotatedTrail();
        String id = inputs().get(39).get("id").asText();
        Run r = explain("--trail", rotated.toString(), "--id", id);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Decision on application");
    }

    @Test
    void explain_withTrailKey_verifiesTheSignaturesToo_andRefusesAnotherSignersTrail() throws IOException {
        String id = inputs().get(3).get("id").asText();
        Run ok = explain("--trail", trail.toString(), "--id", id, "--trail-key", keys.resolve("public.pem").toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        Path other = tmp.resolve("other-keys");
        org.creditkit.core.sign.SigningKey.generateInto(other);
        Run wrong = explain("--trail", trail.toString(), "--id", id, "--trail-key", other.resolve("public.pem").toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("fails verification").contains("unknown key");
        assertThat(wrong.out()).isEmpty();
        assertThat(explain("--in", shared.resolve("apps.jsonl").toString(), "--id", id, "--trail-key",
                keys.resolve("public.pem").toString()).exit()).isEqualTo(3);
    }

    @Test
    void explain_tamperedTrail_isRefusedWithExitTwoNamingTheFirstBadLine() throws IOException {
        String id = inputs().get(3).get("id").asText();
        List<String> lines = new ArrayList<>(Files.readAllLines(trail, StandardCharsets.UTF_8));
        lines.set(6, lines.get(6).replace("\"score\":", "\"score\":1"));
        Run r = explain("--trail", copy(lines).toString(), "--id", id);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("tampered.jsonl:7").contains("altered");
        assertThat(r.out()).isEmpty();

        lines = new ArrayList<>(Files.readAllLines(trail, StandardCharsets.UTF_8));
        lines.remove(20);
        Run removed = explain("--trail", copy(lines).toString(), "--id", id);
        assertThat(removed.exit()).isEqualTo(2);
        assertThat(removed.err()).contains("tampered.jsonl:21").contains("removed");
    }

    /** Ids, USCCs and names of the input applications. */
    private static List<JsonNode> inputs() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(shared.resolve("apps.jsonl"), StandardCharsets.UTF_8)) {
            out.add(new ObjectMapper().readTree(l).get("application"));
        }
        return out;
    }

    private static List<String> names() throws IOException {
        return inputs().stream().map(a -> a.path("enterprise").path("name").asText()).toList();
    }

    private Run explain(String... extra) {
        List<String> args = new ArrayList<>(List.of("explain", "--principal", "analyst-7", "--access-log",
                tmp.resolve("access.jsonl").toString(), "--log-key", keys.resolve("private.pem").toString(),
                "--pseudonym-key", pseudonymKey.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private List<JsonNode> accesses() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(tmp.resolve("access.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode n = new ObjectMapper().readTree(l);
            if (n.get("kind").asText().equals("access")) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void explain_trail_givesTheDecisionInBothLanguagesWithinTheLevel_andLogsTheAccess() throws IOException {
        String id = inputs().get(3).get("id").asText();
        Run pub = explain("--trail", trail.toString(), "--id", id);
        assertThat(pub.exit()).as(pub.err()).isZero();
        assertThat(pub.out()).contains("Decision on application").contains("Why:").contains("原因：")
                .contains("PIPL art. 24").doesNotContain(id);
        Run internal = explain("--trail", trail.toString(), "--id", id, "--level", "internal", "--lang", "zh");
        assertThat(internal.exit()).as(internal.err()).isZero();
        assertThat(internal.out()).contains("原因：").doesNotContain("Why:").doesNotContain("取值不予显示");
        List<JsonNode> acc = accesses();
        assertThat(acc).hasSize(2);
        assertThat(acc.get(0).get("principal").asText()).isEqualTo("analyst-7");
        assertThat(acc.get(0).get("what").asText()).isEqualTo("decision-explanation");
        assertThat(acc.get(0).get("level").asText()).isEqualTo("public");
        assertThat(acc.get(1).get("level").asText()).isEqualTo("internal");
        assertThat(verify(tmp.resolve("access.jsonl")).exit()).isZero();
        Run none = explain("--trail", trail.toString(), "--id", "no-such-id");
        assertThat(none.exit()).as("an id no decision has is a value that matches nothing").isEqualTo(3);
        assertThat(explain("--trail", trail.toString(), "--id", id, "--level", "secret").exit()).isEqualTo(3);
    }

    @Test
    void explain_scoreBreakdown_masksIdentitiesUnlessAskedAndRecordsTheOptIn() throws IOException {
        JsonNode app = inputs().get(0);
        String uscc = app.path("enterprise").path("uscc").asText();
        String name = app.path("enterprise").path("name").asText();
        Run masked = explain("--in", shared.resolve("apps.jsonl").toString(), "--id", app.get("id").asText());
        assertThat(masked.exit()).as(masked.err()).isZero();
        assertThat(masked.out()).doesNotContain(uscc).doesNotContain(name).contains(uscc.substring(0, 2) + "*")
                .contains("(conditional)");
        Run shown = explain("--in", shared.resolve("apps.jsonl").toString(), "--id", app.get("id").asText(),
                "--show-identities", "--level", "internal");
        assertThat(shown.out()).contains(uscc).contains(name).doesNotContain("(conditional)");
        List<JsonNode> acc = accesses();
        assertThat(acc.get(0).get("identitiesShown").asBoolean()).isFalse();
        assertThat(acc.get(1).get("identitiesShown").asBoolean()).isTrue();
        assertThat(Files.readString(tmp.resolve("access.jsonl"))).doesNotContain(uscc).doesNotContain(name);
    }

    @Test
    void noCommandOutput_carriesAUsccOrAName_withoutShowIdentities() throws IOException {
        Path apps = shared.resolve("apps.jsonl");
        List<Run> runs = new ArrayList<>();
        runs.add(run("score", "--in", apps.toString(), "--out", tmp.resolve("scores.jsonl").toString()));
        runs.add(explain("--in", apps.toString(), "--id", inputs().get(1).get("id").asText()));
        runs.add(explain("--trail", trail.toString(), "--id", inputs().get(1).get("id").asText(), "--level", "internal"));
        runs.add(verify(trail));
        runs.add(run("audit", "--data", trail.toString(), "--groups", "zone", "--favorable",
                "tier=INSTANT_APPROVAL,MITIGATION", "--out", tmp.resolve("audit").toString()));
        runs.add(run("validate", apps.toString()));
        runs.add(run("features", apps.toString(), "--out", tmp.resolve("features.csv").toString()));
        runs.add(run("match", "--in", apps.toString(), "--out", tmp.resolve("matches.jsonl").toString()));
        runs.add(run("psi", "--expected", apps.toString(), "--actual", apps.toString(), "--report",
                tmp.resolve("psi").toString()));
        List<String> names = names();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            found.addAll(IdentityScan.find(runs.get(i).out() + runs.get(i).err(), "output of run " + i, names,
                    tmp.toString(), shared.toString()));
        }
        found.addAll(IdentityScan.findInFiles(tmp, names, f -> false, tmp.toString(), shared.toString()));
        found.addAll(IdentityScan.findInFiles(shared, names,
                f -> f.equals(apps) || f.startsWith(shared.resolve("keys")) || f.equals(pseudonymKey),
                tmp.toString(), shared.toString()));
        assertThat(found).isEmpty();
        assertThat(IdentityScan.find(Files.readString(apps), "input", names)).isNotEmpty();
    }
}
