package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {

    @TempDir
    Path dir;

    /** {@code lines} lines cycling through 16 generated applications, every 7th line bad. */
    private Path batch(int lines) throws IOException {
        PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().count(16).seed(3).build());
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            docs.add(ApplicationJson.write(gen.generate(i)));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            sb.append(i % 7 == 0 ? "{\"id\":" + i + "}" : docs.get(i % 16)).append('\n');
        }
        Path file = dir.resolve("batch.jsonl");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void manyChunks_everyLineReachesOneConsumerInFileOrder_asTheReaderAloneGivesThem() throws IOException {
        int lines = ReadAhead.CHUNK * (ReadAhead.CHUNKS + 3) + 17;
        Path file = batch(lines);
        List<String> expected = new ArrayList<>();
        BatchReport direct = StrictApplicationReader.standard().readBatch(file,
                good -> expected.add("good " + good.application().id()), bad -> expected.add("bad " + bad));
        List<String> got = new ArrayList<>();
        List<Long> goodLines = new ArrayList<>();
        String caller = Thread.currentThread().getName();
        BatchReport report = ReadAhead.read(file, (good, line) -> {
            assertThat(Thread.currentThread().getName()).isEqualTo(caller);
            got.add("good " + good.application().id());
            goodLines.add(line);
        }, bad -> got.add("bad " + bad));
        assertThat(got).isEqualTo(expected);
        assertThat(report).isEqualTo(direct);
        assertThat(report.lines()).isEqualTo(lines);
        assertThat(goodLines).doesNotContain(7L, 14L).contains(1L, 8L, (long) lines);
    }

    @Test
    void consumerThrows_theExceptionLeavesAndTheReadingThreadEnds() throws IOException {
        Path file = batch(ReadAhead.CHUNK * (ReadAhead.CHUNKS + 3));
        int[] seen = {0};
        assertThatThrownBy(() -> ReadAhead.read(file, (LabeledApplication good, long line) -> {
            if (++seen[0] == 300) {
                throw new IllegalStateException("consumer failed at line " + line);
            }
        }, (BadLine bad) -> { })).isInstanceOf(IllegalStateException.class).hasMessageContaining("consumer failed");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("credit-read-ahead"));
    }

    @Test
    void missingFile_isTheReadersUncheckedIoException() {
        assertThatThrownBy(() -> ReadAhead.read(dir.resolve("missing.jsonl"), (good, line) -> { }, bad -> { }))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.jsonl");
    }

    @Test
    void map_workOnOtherThreads_resultsAndBadLinesReachTheCallerInFileOrder_asReadGivesThem() throws IOException {
        int lines = ReadAhead.CHUNK * 9 + 17;
        Path file = batch(lines);
        List<String> expected = new ArrayList<>();
        BatchReport sequential = ReadAhead.read(file, (good, line) -> expected.add(line + " " + good.application().id()),
                bad -> expected.add("bad " + bad));
        List<String> got = new ArrayList<>();
        String caller = Thread.currentThread().getName();
        List<String> workers = java.util.Collections.synchronizedList(new ArrayList<>());
        BatchReport report = ReadAhead.map(file, 3, (good, line) -> {
            workers.add(Thread.currentThread().getName());
            return line + " " + good.application().id();
        }, (String result, long line) -> {
            assertThat(Thread.currentThread().getName()).isEqualTo(caller);
            assertThat(result).startsWith(line + " ");
            got.add(result);
        }, bad -> {
            assertThat(Thread.currentThread().getName()).isEqualTo(caller);
            got.add("bad " + bad);
        });
        assertThat(got).isEqualTo(expected);
        assertThat(report).isEqualTo(sequential);
        assertThat(workers).doesNotContain(caller).allMatch(name -> name.startsWith("credit-work-"));
    }

    @Test
    void map_workThrows_theExceptionLeavesOnTheCallerAndEveryThreadEnds() throws IOException {
        Path file = batch(ReadAhead.CHUNK * 12);
        assertThatThrownBy(() -> ReadAhead.map(file, 2, (good, line) -> {
            if (line == 1000) {
                throw new IllegalStateException("work failed at line " + line);
            }
            return line;
        }, (Long result, long line) -> { }, bad -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("work failed at line 1000");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("credit-work-")
                || t.getName().equals("credit-split"));
    }

    @Test
    void map_missingFile_isTheReadersUncheckedIoException() {
        assertThatThrownBy(() -> ReadAhead.map(dir.resolve("missing.jsonl"), 2, (good, line) -> line,
                (Long result, long line) -> { }, bad -> { }))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.jsonl");
    }
}
