package org.creditkit.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.chain.ChainProblem.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainVerifierTest {

    private static final TestKeys KEYS = new TestKeys("0123456789abcdef");

    @TempDir
    Path dir;

    private Path write(int records, int every) {
        Path f = dir.resolve("log.jsonl");
        try (ChainWriter w = ChainWriter.to(f, "test").signer(KEYS.signer()).checkpointEvery(every).open()) {
            for (int i = 0; i < records; i++) {
                w.append("rec", "\"i\":" + i + ",\"text\":\"record number " + i + " 数据\"");
            }
        }
        return f;
    }

    /** 100 records in parts of at most 4 KiB. */
    private static void writeRotated(Path f) {
        try (ChainWriter w = ChainWriter.to(f, "test").signer(KEYS.signer()).rotation(Rotation.bySize(4096)).open()) {
            for (int i = 0; i < 100; i++) {
                w.append("rec", "\"i\":" + i + ",\"pad\":\"" + "x".repeat(100) + "\"");
            }
        }
    }

    private static List<String> lines(Path f) throws IOException {
        return new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
    }

    private static void rewrite(Path f, List<String> lines) throws IOException {
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void verify_intactSignedLog_isOk() {
        Path f = write(10, 3);
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.ok()).as(r.toText()).isTrue();
        assertThat(r.records()).isEqualTo(10);
        assertThat(r.checkpoints()).isEqualTo(4);
        assertThat(r.lines()).isEqualTo(15);
        assertThat(r.toText()).startsWith("OK ");
    }

    @Test
    void verify_signedLineSpellingHalfASurrogatePair_isNotText_atItsLineAndByte() {
        Path f = dir.resolve("log.jsonl");
        try (ChainWriter w = ChainWriter.to(f, "test").signer(KEYS.signer()).checkpointEvery(10).open()) {
            w.append("rec", "\"i\":0,\"text\":\"ok\"");
            w.append("rec", "\"i\":1,\"text\":\"A\\ud800\"");   // another writer's escape of half a pair
        }
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.ok()).isFalse();
        assertThat(r.problem().orElseThrow().kind()).isEqualTo(Kind.NOT_TEXT);
        assertThat(r.problem().orElseThrow().line()).isEqualTo(3);
        assertThat(r.toText()).contains(f + ":3").contains("the escape \\ud800 at byte ");
        assertThat(ChainVerifier.verifyLinks(f).intact()).as("continuity alone does not make it text").isFalse();
    }

    @Test
    void verify_lineRehashedAfterABytePastUtf8_isNotText_beforeItsHashIsTrusted() throws IOException {
        Path f = dir.resolve("log.jsonl");
        try (ChainWriter w = ChainWriter.to(f, "test").unsigned().open()) {
            w.append("rec", "\"industry\":\"C\"");
            w.append("rec", "\"industry\":\"C-\"");
        }
        byte[] b = Files.readAllBytes(f);
        String text = new String(b, StandardCharsets.UTF_8);
        int dash = text.indexOf("C-");
        b[dash + 1] = (byte) 0xC0; // C0 then '"': not UTF-8 (an overlong lead)
        Files.write(f, rehash(b));

        ChainReport r = ChainVerifier.verifyLinks(f);
        assertThat(r.intact()).isFalse();
        assertThat(r.problem().orElseThrow().kind()).isEqualTo(Kind.NOT_TEXT);
        assertThat(r.toText()).contains(f + ":3").contains("not valid UTF-8 at byte " + (dash + 1
                - text.lastIndexOf('\n', dash)) + " of the line (0xc0)");
    }

    /** An unsigned chain's hashes and links recomputed, as anyone can. */
    private static byte[] rehash(byte[] b) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String prev = ChainFormat.GENESIS;
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '\n') {
                continue;
            }
            byte[] line = Arrays.copyOfRange(b, start, i);
            String ascii = new String(line, StandardCharsets.ISO_8859_1);
            int p = ascii.indexOf(",\"prev\":\"") + 9;
            int h = ascii.lastIndexOf(",\"hash\":\"");
            String prefix = ascii.substring(0, p) + prev + ascii.substring(p + prev.length(), h);
            byte[] pre = prefix.getBytes(StandardCharsets.ISO_8859_1);
            String hash = java.util.HexFormat.of().formatHex(ChainFormat.sha256().digest(pre));
            out.writeBytes(pre);
            out.writeBytes((",\"hash\":\"" + hash + "\"}\n").getBytes(StandardCharsets.US_ASCII));
            prev = hash;
            start = i + 1;
        }
        return out.toByteArray();
    }

    @Test
    void verify_oneByteChangedInAnyLine_namesThatLine() throws IOException {
        Path f = write(7, 3);
        byte[] original = Files.readAllBytes(f);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < original.length; i++) {
            if (original[i] != '\n') {
                continue;
            }
            for (int at : new int[] {lineStart + 3, (lineStart + i) / 2, i - 3}) {
                byte[] copy = original.clone();
                copy[at] = (byte) (copy[at] == '1' ? '2' : '1');
                Files.write(f, copy);
                ChainReport r = ChainVerifier.verify(f, KEYS.keys());
                assertThat(r.ok()).isFalse();
                ChainProblem p = r.problem().orElseThrow();
                assertThat(p.line()).as("byte %d of line %d: %s", at, line, p).isEqualTo(line);
                assertThat(p.kind()).as("byte %d of line %d: %s", at, line, p).isEqualTo(Kind.ALTERED);
                assertThat(r.lines()).isEqualTo(line - 1);
            }
            line++;
            lineStart = i + 1;
        }
        assertThat(line).isEqualTo(7 + 3 + 1 + 1);
    }

    @Test
    void verify_deletedLine_namesTheLineAfterTheGapAsRemoved() throws IOException {
        Path f = write(7, 3);
        List<String> l = lines(f);
        l.remove(4);
        rewrite(f, l);
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.REMOVED);
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("numbers 4..4");
        });
        assertThat(r.toText()).startsWith("FAILED ").contains(f + ":5");
    }

    @Test
    void verify_twoLinesSwapped_reportsReorderingAtTheFirst() throws IOException {
        Path f = write(7, 3);
        List<String> l = lines(f);
        String x = l.get(2);
        l.set(2, l.get(3));
        l.set(3, x);
        rewrite(f, l);
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.REORDERED);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains(f + ":4");
        });
    }

    @Test
    void verify_duplicatedLine_isInserted() throws IOException {
        Path f = write(5, 10);
        List<String> l = lines(f);
        l.add(3, l.get(2));
        rewrite(f, l);
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.INSERTED);
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void verify_truncatedLastLine_isReportedAsTruncatedAndTheRestVerifies() throws IOException {
        Path f = write(5, 2);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 20));
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(p.line()).isEqualTo(lines(f).size());
        });
        assertThat(r.lines()).isEqualTo(lines(f).size() - 1);
        assertThat(r.toText()).contains("truncated");
    }

    @Test
    void verify_writerNotClosed_reportsTheUnsignedTail() {
        Path f = dir.resolve("crash.jsonl");
        ChainWriter w = ChainWriter.to(f, "test").signer(KEYS.signer()).checkpointEvery(4).open();
        for (int i = 0; i < 6; i++) {
            w.append("rec", "\"i\":" + i);
        }
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.problem()).isEmpty();
        assertThat(r.ok()).isFalse();
        assertThat(r.unsignedLines()).isEqualTo(3);
        assertThat(r.lastCheckpoint()).hasValue(f + ":5");
        assertThat(r.toText()).contains("unsigned tail: the last 3 verified lines");
        w.close();
        assertThat(ChainVerifier.verify(f, KEYS.keys()).ok()).isTrue();
    }

    @Test
    void verify_anotherKey_isRefusedByName() {
        Path f = write(3, 2);
        ChainReport r = ChainVerifier.verify(f, new TestKeys("fedcba9876543210").keys());
        assertThat(r.problem()).get().satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.UNKNOWN_KEY));
    }

    @Test
    void verify_rewrittenChainWithForgedSignature_failsAtTheCheckpoint() throws IOException {
        Path f = write(3, 10);
        Path forged = dir.resolve("forged.jsonl");
        TestKeys impostor = new TestKeys(KEYS.id);
        try (ChainWriter w = ChainWriter.to(forged, "test").signer(impostor.signer()).checkpointEvery(10).open()) {
            for (int i = 0; i < 3; i++) {
                w.append("rec", "\"i\":" + (i == 1 ? 99 : i) + ",\"text\":\"record number " + i + " 数据\"");
            }
        }
        ChainReport r = ChainVerifier.verify(forged, KEYS.keys());
        assertThat(r.problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.BAD_SIGNATURE);
            assertThat(p.line()).isEqualTo(5);
        });
        assertThat(ChainVerifier.verify(f, KEYS.keys()).ok()).isTrue();
    }

    @Test
    void rotation_bySize_keepsTheChainAcrossParts_andAMissingPartIsNamed() throws IOException {
        Path f = dir.resolve("rot.jsonl");
        writeRotated(f);
        Path p2 = ChainFormat.part(f, 2);
        Path p3 = ChainFormat.part(f, 3);
        assertThat(p2).exists().hasFileName("rot.2.jsonl");
        assertThat(p3).exists();
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.ok()).as(r.toText()).isTrue();
        assertThat(r.records()).isEqualTo(100);
        assertThat(r.files().size()).isGreaterThan(2);
        Files.move(p2, dir.resolve("elsewhere.jsonl"));
        assertThat(ChainVerifier.verify(f, KEYS.keys()).problem()).get()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.REMOVED));
    }

    /** A rotated log of at least four parts; returns them. */
    private List<Path> rotatedParts(Path f) {
        writeRotated(f);
        List<Path> parts = ChainVerifier.verify(f, KEYS.keys()).files();
        assertThat(parts).hasSizeGreaterThanOrEqualTo(4);
        return parts;
    }

    @Test
    void rotation_everyPartButTheLast_endsOnASignedHandOverToTheNext_andTheLastOnTheClose() throws IOException {
        Path f = dir.resolve("rot.jsonl");
        List<Path> parts = rotatedParts(f);
        for (int k = 0; k < parts.size(); k++) {
            List<String> l = lines(parts.get(k));
            String last = l.get(l.size() - 1);
            assertThat(last).contains("\"kind\":\"checkpoint\"");
            if (k < parts.size() - 1) {
                assertThat(last).contains("\"next\":" + (k + 2) + ",\"key\":");
            } else {
                assertThat(last).contains("\"closed\":true,\"key\":").doesNotContain("\"next\"");
            }
        }
        assertThat(ChainVerifier.verify(f, KEYS.keys()).closed()).isTrue();
    }

    @Test
    void rotation_middlePartDeleted_isAMissingPart() throws IOException {
        Path f = dir.resolve("rot.jsonl");
        List<Path> parts = rotatedParts(f);
        Files.delete(parts.get(1));
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.REMOVED);
            assertThat(p.message()).startsWith("missing part: part 2").contains(parts.get(1).toString());
        });
    }

    @Test
    void rotation_lastPartDeleted_isAMissingPart_namedByTheSignedHandOver() throws IOException {
        Path f = dir.resolve("rot.jsonl");
        List<Path> parts = rotatedParts(f);
        Path last = parts.get(parts.size() - 1);
        Files.delete(last);
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.ok()).isFalse();
        ChainProblem p = r.problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(Kind.REMOVED);
        Path before = parts.get(parts.size() - 2);
        assertThat(p.file()).isEqualTo(before);
        assertThat(p.line()).isEqualTo(lines(before).size());
        assertThat(p.message()).contains("hands the chain over to part " + parts.size()).contains(last.toString())
                .contains("does not exist");
        assertThat(ChainVerifier.verifyLinks(f).intact()).as("readers refuse it too").isFalse();
        // nor does a writer continue past it as if nothing were missing
        assertThatThrownBy(() -> ChainWriter.to(f, "test").signer(KEYS.signer()).open())
                .isInstanceOf(CreditModelException.class).hasMessageContaining("hand-over to part " + parts.size());
    }

    @Test
    void rotation_lastPartEmptied_isAMissingPart() throws IOException {
        Path f = dir.resolve("rot.jsonl");
        List<Path> parts = rotatedParts(f);
        Files.write(parts.get(parts.size() - 1), new byte[0]);
        assertThat(ChainVerifier.verify(f, KEYS.keys()).problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.REMOVED);
            assertThat(p.message()).contains("holds no line");
        });
        assertThatThrownBy(() -> ChainWriter.to(f, "test").signer(KEYS.signer()).open())
                .isInstanceOf(CreditModelException.class).hasMessageContaining("empty");
    }

    @Test
    void rotation_lastPartAndTheHandOverLineDeleted_isNotOk_theEndIsNotTheClose() throws IOException {
        Path f = dir.resolve("rot.jsonl");
        List<Path> parts = rotatedParts(f);
        Files.delete(parts.get(parts.size() - 1));
        Path before = parts.get(parts.size() - 2);
        List<String> l = lines(before);
        l.remove(l.size() - 1); // the signed hand-over: the part now ends on records or a periodic checkpoint
        rewrite(before, l);
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.problem()).isEmpty();
        assertThat(r.closed()).isFalse();
        assertThat(r.ok()).isFalse();
        assertThat(r.toText()).startsWith("FAILED ");
    }

    @Test
    void rotation_twoPartsSwapped_isReorderedNamingTheParts() throws IOException {
        Path f = dir.resolve("rot.jsonl");
        List<Path> parts = rotatedParts(f);
        Path tmp = dir.resolve("tmp.jsonl");
        Files.move(parts.get(1), tmp);
        Files.move(parts.get(2), parts.get(1));
        Files.move(tmp, parts.get(2));
        ChainProblem p = ChainVerifier.verify(f, KEYS.keys()).problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(Kind.REORDERED);
        assertThat(p.file()).isEqualTo(parts.get(1));
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).contains("holds part 3").contains("part 2 may be in " + parts.get(2));
    }

    @Test
    void rotation_partSubstitutedFromAnotherLogOfTheSameKey_doesNotContinueThePartBefore() throws IOException {
        Path f = dir.resolve("rot.jsonl");
        List<Path> parts = rotatedParts(f);
        Path other = dir.resolve("other").resolve("rot.jsonl");
        Files.createDirectories(other.getParent());
        try (ChainWriter w = ChainWriter.to(other, "test").signer(KEYS.signer()).rotation(Rotation.bySize(4096)).open()) {
            for (int i = 0; i < 100; i++) {
                w.append("rec", "\"i\":" + (i == 40 ? 4000 : i) + ",\"pad\":\"" + "x".repeat(100) + "\"");
            }
        }
        Path otherPart2 = ChainFormat.part(other, 2);
        assertThat(otherPart2).exists();
        Files.copy(otherPart2, parts.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ChainProblem p = ChainVerifier.verify(f, KEYS.keys()).problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(Kind.INSERTED);
        assertThat(p.file()).isEqualTo(parts.get(1));
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).contains("part 2 does not continue part 1").contains("substituted");
    }

    @Test
    void rotation_crashAfterARotation_leavesAnUnsignedTail_thatVerifiesUpToItsLastRecord() throws IOException {
        Path f = dir.resolve("crash.jsonl");
        ChainWriter w = ChainWriter.to(f, "test").signer(KEYS.signer()).checkpointEvery(10)
                .rotation(Rotation.bySize(4096)).open();
        for (int i = 0; i < 60; i++) {
            w.append("rec", "\"i\":" + i + ",\"pad\":\"" + "x".repeat(100) + "\"");
        }
        // the process dies here: no close, so no closing checkpoint (w is abandoned, not closed)
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.files()).hasSizeGreaterThan(1);
        assertThat(r.problem()).as(r.toText()).isEmpty();
        assertThat(r.records()).isEqualTo(60);
        assertThat(r.unsignedLines()).isPositive();
        assertThat(r.closed()).isFalse();
        assertThat(r.ok()).isFalse();
        assertThat(r.toText()).contains("unsigned tail: the last " + r.unsignedLines() + " verified lines");
        // a cut mid-line is reported as truncated, every line before it still verifying
        Path last = r.files().get(r.files().size() - 1);
        byte[] b = Files.readAllBytes(last);
        Files.write(last, Arrays.copyOf(b, b.length - 7));
        ChainReport cut = ChainVerifier.verify(f, KEYS.keys());
        assertThat(cut.problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(p.file()).isEqualTo(last);
        });
        assertThat(cut.records()).isEqualTo(59);
        w.close(); // releases the file handle (the test's JVM must not leak it); the file is already cut
    }

    @Test
    void verifyLinks_rotatedLog_readsEveryPartInOrder_andNamesALineSwappedAcrossParts() throws IOException {
        Path f = dir.resolve("rot.jsonl");
        writeRotated(f);
        ChainReport r = ChainVerifier.verifyLinks(f);
        assertThat(r.intact()).as(r.toText()).isTrue();
        assertThat(r.records()).isEqualTo(100);
        assertThat(r.files()).startsWith(f, ChainFormat.part(f, 2), ChainFormat.part(f, 3));
        assertThat(r.checkpoints()).as("signatures are not read").isZero();

        Path p2 = ChainFormat.part(f, 2);
        Path p3 = ChainFormat.part(f, 3);
        List<String> two = lines(p2);
        List<String> three = lines(p3);
        String moved = two.remove(2);
        three.add(2, moved);
        rewrite(p2, two);
        rewrite(p3, three);
        ChainProblem p = ChainVerifier.verifyLinks(f).problem().orElseThrow();
        assertThat(p.file()).isEqualTo(p2);
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void verifyLinks_checkpointRewritten_isAltered_evenWithoutAKey() throws IOException {
        Path f = write(4, 2);
        List<String> l = lines(f);
        int cp = 0;
        while (!l.get(cp).contains("\"kind\":\"checkpoint\"")) {
            cp++;
        }
        l.set(cp, l.get(cp).replace("\"signature\":\"", "\"signature\":\"A"));
        rewrite(f, l);
        ChainProblem p = ChainVerifier.verifyLinks(f).problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(Kind.ALTERED);
        assertThat(p.line()).isEqualTo(cp + 1);
    }

    @Test
    void isChain_tellsATrailFromAFlatJsonLinesFile() throws IOException {
        Path flat = dir.resolve("flat.jsonl");
        Files.writeString(flat, "{\"seq\":0,\"tier\":\"DECLINE\"}\n");
        assertThat(ChainVerifier.isChain(write(1, 1))).isTrue();
        assertThat(ChainVerifier.isChain(flat)).isFalse();
    }

    @Test
    void open_existingLog_continuesTheChain_butRefusesATruncatedOne() throws IOException {
        Path f = write(3, 2);
        try (ChainWriter w = ChainWriter.to(f, "test").signer(KEYS.signer()).open()) {
            w.append("rec", "\"i\":3");
        }
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.ok()).as(r.toText()).isTrue();
        assertThat(r.records()).isEqualTo(4);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 5));
        assertThatThrownBy(() -> ChainWriter.to(f, "test").signer(KEYS.signer()).open())
                .isInstanceOf(CreditModelException.class).hasMessageContaining("incomplete");
    }

    @Test
    void unsignedLog_verifiesItsChainButIsNotOk() {
        Path f = dir.resolve("dev.jsonl");
        try (ChainWriter w = ChainWriter.to(f, "test").unsigned().open()) {
            w.append("rec", "\"i\":1");
        }
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.problem()).isEmpty();
        assertThat(r.ok()).isFalse();
        assertThat(r.unsignedLines()).isEqualTo(2);
    }

    @Test
    void rotation_daily_startsAPartWhenTheDayChanges_andTheChainHolds() {
        Path f = dir.resolve("day.jsonl");
        Instant[] now = {Instant.parse("2026-03-01T15:59:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        try (ChainWriter w = ChainWriter.to(f, "test").signer(KEYS.signer()).clock(clock)
                .rotation(Rotation.daily(ZoneId.of("Asia/Shanghai"))).open()) {
            w.append("rec", "\"i\":1");
            now[0] = Instant.parse("2026-03-01T16:01:00Z"); // midnight in Shanghai has passed
            w.append("rec", "\"i\":2");
            w.append("rec", "\"i\":3");
        }
        assertThat(ChainFormat.part(f, 2)).exists();
        assertThat(ChainFormat.part(f, 3)).doesNotExist();
        ChainReport r = ChainVerifier.verify(f, KEYS.keys());
        assertThat(r.ok()).as(r.toText()).isTrue();
        assertThat(r.records()).isEqualTo(3);
        assertThat(r.files()).hasSize(2);
    }
}
