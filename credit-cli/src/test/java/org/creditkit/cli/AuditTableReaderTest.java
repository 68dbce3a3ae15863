package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTableReaderTest {

    @Test
    void csv_rfc4180QuotesEscapesAndEmbeddedLineBreaks() {
        String text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"multi\nline\",\r\n\n3,,z";
        AuditTable t = AuditTableReader.csv(text, "t.csv");
        assertThat(t.columns()).containsExactly("a", "b", "c");
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0).values()).isEqualTo(Map.of("a", "1", "b", "x, y", "c", "say \"hi\""));
        assertThat(t.rows().get(1).values()).isEqualTo(Map.of("a", "2", "b", "multi\nline", "c", ""));
        assertThat(t.rows().get(1).get("c")).isEmpty();
        assertThat(t.rows().get(0).line()).isEqualTo(2);
        assertThat(t.rows().get(1).line()).isEqualTo(3);
        assertThat(t.rows().get(2).line()).isEqualTo(6);
    }

    @Test
    void csv_malformedLines_areAllReportedWithLineNumbers() {
        String text = "a,b\n1,2\n3\n4,\"x\"y\n5,a\"b\n6,\"open";
        assertThatThrownBy(() -> AuditTableReader.csv(text, "t.csv"))
                .isInstanceOfSatisfying(CreditDataException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::location)
                            .containsExactly("t.csv:4", "t.csv:5", "t.csv:6", "t.csv:3");
                    assertThat(e.getMessage()).startsWith("4 problems:")
                            .contains("t.csv:3: 1 fields, but the header has 2")
                            .contains("t.csv:4: text after a closing double quote; a quoted field must end")
                            .contains("t.csv:5: a double quote inside an unquoted field; quote the whole field")
                            .contains("t.csv:6: a quoted field is not closed before the end of the file");
                });
    }

    @Test
    void csv_manyBadLines_listsTheFirstAndCountsTheRest() {
        StringBuilder text = new StringBuilder("a,b\n");
        int bad = AuditTableReader.MAX_LISTED_ERRORS + 5;
        for (int i = 0; i < bad; i++) {
            text.append("x\n");
        }
        assertThatThrownBy(() -> AuditTableReader.csv(text.toString(), "t.csv"))
                .isInstanceOfSatisfying(CreditDataException.class, e -> {
                    List<Problem> expected = new ArrayList<>();
                    for (int line = 2; line < 2 + AuditTableReader.MAX_LISTED_ERRORS; line++) {
                        expected.add(Problem.of("t.csv:" + line, "1 fields, but the header has 2"));
                    }
                    expected.add(Problem.of("t.csv", "5 more bad lines not listed; " + bad + " bad lines in all"));
                    assertThat(e.problems()).containsExactlyElementsOf(expected);
                });
    }

    @Test
    void csv_duplicateHeader_isRejected() {
        assertThatThrownBy(() -> AuditTableReader.csv("a,a\n1,2\n", "t.csv"))
                .isInstanceOf(CreditDataException.class)
                .hasMessageContaining("t.csv:1: duplicate column name 'a' in the header");
    }

    @Test
    void jsonLines_scalarsBecomeTextAndNullIsAbsent() {
        AuditTable t = AuditTableReader.jsonLines(
                "{\"a\":\"x\",\"b\":true,\"c\":0.25,\"d\":null}\n\n{\"a\":\"y\",\"e\":7}\n", "t.jsonl");
        assertThat(t.columns()).containsExactly("a", "b", "c", "d", "e");
        assertThat(t.rows().get(0).values()).isEqualTo(Map.of("a", "x", "b", "true", "c", "0.25"));
        assertThat(t.rows().get(1).line()).isEqualTo(3);
        assertThat(t.rows().get(1).get("b")).isEmpty();
    }

    @Test
    void jsonLines_arrayOfScalars_becomesOneJoinedValue() {
        AuditTable t = AuditTableReader.jsonLines(
                "{\"tier\":\"MITIGATION\",\"conditions\":[\"COLLATERAL\",\"REDUCED_LIMIT\"],\"reasons\":[]}\n", "t.jsonl");
        assertThat(t.rows().get(0).values())
                .isEqualTo(Map.of("tier", "MITIGATION", "conditions", "COLLATERAL|REDUCED_LIMIT", "reasons", ""));
    }

    @Test
    void jsonLines_nestedObject_isRejectedWithItsLine() {
        assertThatThrownBy(() -> AuditTableReader.jsonLines("{\"a\":1}\n{\"a\":{\"b\":2}}\n", "t.jsonl"))
                .isInstanceOf(CreditDataException.class)
                .hasMessageContaining("t.jsonl:2: field 'a' is an object");
        assertThatThrownBy(() -> AuditTableReader.jsonLines("{\"a\":[[1]]}\n", "t.jsonl"))
                .isInstanceOf(CreditDataException.class)
                .hasMessageContaining("t.jsonl:1: field 'a' is an array of non-scalars");
    }

    @Test
    void read_unreadableFile_isBadDataWithTheFileAndTheIoCause(@TempDir Path dir) {
        Path missing = dir.resolve("d.csv");
        assertThatThrownBy(() -> AuditTableReader.read(missing, AuditTableReader.Format.CSV))
                .isInstanceOfSatisfying(CreditDataException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::location).containsExactly(missing.toString());
                    assertThat(e.getMessage()).startsWith(missing + ": cannot read the audit data: ");
                    assertThat(e).hasCauseInstanceOf(NoSuchFileException.class);
                });
    }

    @Test
    void format_fromFileName() {
        assertThat(AuditTableReader.Format.fromFileName(Path.of("x.CSV"))).isEqualTo(AuditTableReader.Format.CSV);
        assertThat(AuditTableReader.Format.fromFileName(Path.of("x.ndjson"))).isEqualTo(AuditTableReader.Format.JSONL);
        assertThatThrownBy(() -> AuditTableReader.Format.fromFileName(Path.of("x.txt")))
                .isInstanceOf(CreditDataException.class)
                .hasMessageContaining("x.txt: cannot tell the format from the file name")
                .hasMessageContaining("--format jsonl or --format csv");
    }
}
