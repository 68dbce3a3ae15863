package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.domain.LoanApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchReadTest {

    private static final StrictApplicationReader READER = StrictApplicationReader.standard();

    private static String withId(LoanApplication a, String id) {
        return ApplicationJson.write(new LoanApplication(id, a.applicationTime(), a.product(), a.amount(),
                a.termMonths(), a.purpose(), a.guarantee(), a.dataUseConsent(), a.enterprise(), a.sources()));
    }

    private record Collected(List<LabeledApplication> good, List<BadLine> bad, BatchReport report) {
    }

    private static Collected read(String text) {
        List<LabeledApplication> good = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        BatchReport report = READER.readBatch(new StringReader(text), good::add, bad::add);
        return new Collected(good, bad, report);
    }

    private static String mixedBatch() {
        return String.join("\n",
                withId(Samples.full(), "G-1"),
                withId(Samples.full(), "B-2").replace("\"termMonths\":12", "\"termMonths\":0"),
                ApplicationJson.write(LabeledApplication.of(Samples.bare(), true, 0.2)),
                "{not json",
                "",
                withId(Samples.bare(), "G-6") + "\r",
                withId(Samples.full(), "B-7").replace("\"C34\"", "\"Q34\"").replace("\"amount\":1500000.00",
                        "\"amount\":-1"),
                withId(Samples.full(), "G-8")) + "\n";
    }

    @Test
    void readBatch_badLines_keepEveryGoodLineAndReportEachBadLineByNumber() {
        Collected c = read(mixedBatch());

        assertThat(c.good()).extracting(g -> g.application().id())
                .containsExactly("G-1", "APP-2025-000002", "G-6", "G-8");
        assertThat(c.good().get(1).outcome()).isPresent();
        assertThat(c.bad()).extracting(BadLine::lineNumber).containsExactly(2L, 4L, 5L, 7L);
        assertThat(c.bad().get(0).problems()).singleElement()
                .satisfies(p -> assertThat(p.location()).isEqualTo("$.termMonths"));
        assertThat(c.bad().get(2).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("blank line"));
        assertThat(c.bad().get(3).problems()).extracting(p -> p.location())
                .containsExactlyInAnyOrder("$.amount", "$.enterprise.industry");
        assertThat(c.report()).isEqualTo(new BatchReport(8, 4, 4, 5));
    }

    @Test
    void readBatch_badLineToString_namesLinePathAndMessage() {
        BadLine first = read(mixedBatch()).bad().get(0);

        assertThat(first.toString()).isEqualTo("line 2: $.termMonths: 0 is out of range; valid: 1..360 (column 107)");
    }

    @Test
    void readBatch_pathAndStreamAndReader_agree(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("batch.jsonl");
        Files.writeString(file, "\uFEFF" + mixedBatch(), StandardCharsets.UTF_8);
        List<LabeledApplication> fromFile = new ArrayList<>();
        List<BadLine> badFromFile = new ArrayList<>();

        BatchReport report = READER.readBatch(file, fromFile::add, badFromFile::add);

        Collected fromReader = read("\uFEFF" + mixedBatch());
        assertThat(report).isEqualTo(fromReader.report());
        assertThat(fromFile).isEqualTo(fromReader.good());
        assertThat(badFromFile).isEqualTo(fromReader.bad());
    }

    @Test
    void splitBatchThenReadBatchLine_handOutWhatReadBatchDoes_lineForLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(("\uFEFF" + mixedBatch()).getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'{', (byte) 0xFF, '}', '\n'});
        byte[] text = bytes.toByteArray();
        List<Object> inOrder = new ArrayList<>();
        BatchReport whole = READER.readBatch(new ByteArrayInputStream(text), inOrder::add, inOrder::add);

        List<Object> halves = new ArrayList<>();
        long lines = READER.splitBatch(new ByteArrayInputStream(text),
                (line, number) -> READER.readBatchLine(number, line, halves::add).ifPresent(halves::add), halves::add);

        assertThat(halves).isEqualTo(inOrder).hasSize(9);
        assertThat(lines).isEqualTo(whole.lines()).isEqualTo(9);
        assertThat(halves).filteredOn(BadLine.class::isInstance).extracting(b -> ((BadLine) b).lineNumber())
                .containsExactly(2L, 4L, 5L, 7L, 9L);
    }

    @Test
    void splitBatch_linesAcrossReads_giveTheSameTextsAsOneRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(("\uFEFF" + mixedBatch() + "\r\n\n").getBytes(StandardCharsets.UTF_8));
        bytes.write(("{\"spelled\":\"\uFFFD\"}\r\n" + "x".repeat(9000) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'{', (byte) 0xE4, (byte) 0xB8, '}', '\n', 'e', 'n', 'd'});
        byte[] text = bytes.toByteArray();
        StrictApplicationReader small = StrictApplicationReader.builder().maxDocumentBytes(8000).build();
        List<String> whole = new ArrayList<>();
        small.splitBatch(new ByteArrayInputStream(text), (t, n) -> whole.add(n + ":" + t), b -> whole.add(b.toString()));

        for (int step : new int[] {1, 7, 1000}) {
            List<String> trickled = new ArrayList<>();
            small.splitBatch(new ByteArrayInputStream(text) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, step));
                }
            }, (t, n) -> trickled.add(n + ":" + t), b -> trickled.add(b.toString()));
            assertThat(trickled).as("reads of %d bytes", step).isEqualTo(whole);
        }
        assertThat(whole).hasSize(14);
        assertThat(whole.get(0)).startsWith("1:{\"").doesNotContain("\uFEFF");
        assertThat(whole.get(5)).startsWith("6:{").doesNotEndWith("\r");
        assertThat(whole.subList(8, 14)).containsExactly("9:", "10:", "11:{\"spelled\":\"\uFFFD\"}",
                "line 12: $: line exceeds 8000 bytes; valid: at most 8000 bytes per line (see Builder.maxDocumentBytes)",
                "line 13: $: line is not valid UTF-8 at byte 2 of the line (0xe4); valid: UTF-8 text (save the file as UTF-8, e.g. a spreadsheet's \"CSV UTF-8\"); a byte that is not UTF-8 would be read as U+FFFD, no longer the text in the file", "14:end");
    }

    @Test
    void readBatch_noFinalLineBreak_readsLastLine() {
        Collected c = read(withId(Samples.bare(), "A") + "\n" + withId(Samples.bare(), "B"));

        assertThat(c.report()).isEqualTo(new BatchReport(2, 2, 0, 0));
        assertThat(c.report().allGood()).isTrue();
    }

    @Test
    void readBatch_emptyInput_hasNoLines() {
        assertThat(read("").report()).isEqualTo(new BatchReport(0, 0, 0, 0));
    }

    @Test
    void readBatch_oversizedLine_isBadAndTheNextLineStillReads() {
        StrictApplicationReader small = StrictApplicationReader.builder().maxDocumentBytes(2000).build();
        String text = withId(Samples.full(), "TOO-BIG") + "\n" + withId(Samples.bare(), "OK") + "\n";
        List<LabeledApplication> good = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();

        BatchReport viaReader = small.readBatch(new StringReader(text), good::add, bad::add);
        BatchReport viaStream = small.readBatch(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                x -> { }, x -> { });

        assertThat(viaReader).isEqualTo(new BatchReport(2, 1, 1, 1)).isEqualTo(viaStream);
        assertThat(good).extracting(g -> g.application().id()).containsExactly("OK");
        assertThat(bad.get(0).toString()).contains("line 1: $: line exceeds 2000 bytes");
    }

    @Test
    void readBatch_invalidUtf8Line_isBadAndOthersRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(withId(Samples.bare(), "A").getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {'\n', '{', (byte) 0xFF, '}', '\n'});
        out.write(withId(Samples.bare(), "C").getBytes(StandardCharsets.UTF_8));
        List<BadLine> bad = new ArrayList<>();

        BatchReport r = READER.readBatch(new ByteArrayInputStream(out.toByteArray()), x -> { }, bad::add);

        assertThat(r).isEqualTo(new BatchReport(3, 2, 1, 1));
        assertThat(bad.get(0).toString()).isEqualTo("line 2: $: line is not valid UTF-8 at byte 2 of the line (0xff); valid: UTF-8 text (save the file as UTF-8, e.g. a spreadsheet's \"CSV UTF-8\"); a byte that is not UTF-8 would be read as U+FFFD, no longer the text in the file");
    }

    @Test
    void readBatch_chineseTextAcrossBufferBoundaries_decodesExactly() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append(withId(Samples.full(), "L-" + i)).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        List<LabeledApplication> good = new ArrayList<>();

        BatchReport r = READER.readBatch(new ByteArrayInputStream(bytes), good::add, b -> {
            throw new AssertionError(b.toString());
        });

        assertThat(r.good()).isEqualTo(300);
        assertThat(good).allSatisfy(g -> assertThat(g.application().enterprise().name())
                .isEqualTo(Samples.enterprise().name()));
    }

    @Test
    void readBatch_generatedInput_isStreamedLineByLine() {
        // a reader producing 5000 lines on demand: the batch never needs the whole input at once
        String line = withId(Samples.bare(), "S") + "\n";
        java.io.Reader lines = new java.io.Reader() {
            private int left = 5000;
            private int pos = line.length();

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (pos == line.length()) {
                    if (left == 0) {
                        return -1;
                    }
                    left--;
                    pos = 0;
                }
                int n = Math.min(len, line.length() - pos);
                line.getChars(pos, pos + n, cbuf, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        long[] seen = {0};

        BatchReport r = READER.readBatch(lines, g -> seen[0]++, b -> {
            throw new AssertionError(b.toString());
        });

        assertThat(r).isEqualTo(new BatchReport(5000, 5000, 0, 0));
        assertThat(seen[0]).isEqualTo(5000);
    }

    @Test
    void read_sharedReaderAcrossThreads_givesTheSameResults() throws InterruptedException {
        String good = ApplicationJson.write(Samples.full());
        String bad = good.replace("\"termMonths\":12", "\"termMonths\":0");
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        assertThat(READER.read(good)).isEqualTo(Samples.full());
                        assertThatThrownBy(() -> READER.read(bad)).hasMessageStartingWith("$.termMonths: 0 is out of range; valid: 1..360 (line 1, column ");
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void readBatch_consumerException_propagates() {
        assertThatThrownBy(() -> READER.readBatch(new StringReader(mixedBatch()), g -> {
            throw new IllegalStateException("stop");
        }, b -> { })).isInstanceOf(IllegalStateException.class).hasMessage("stop");
    }
}
