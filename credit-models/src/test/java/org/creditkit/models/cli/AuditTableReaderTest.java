package org.creditkit.models.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.creditkit.core.fairness.AuditException;
import org.junit.jupiter.api.Test;

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
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("t.csv: 4 bad lines")
                .hasMessageContaining("line 3: 1 fields, but the header has 2")
                .hasMessageContaining("line 4: text after a closing double quote")
                .hasMessageContaining("line 5: a double quote inside an unquoted field")
                .hasMessageContaining("line 6: a quoted field is not closed");
    }

    @Test
    void csv_duplicateHeader_isRejected() {
        assertThatThrownBy(() -> AuditTableReader.csv("a,a\n1,2\n", "t.csv"))
                .hasMessageContaining("duplicate column name 'a'");
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
                .hasMessageContaining("line 2: field 'a' is an object");
        assertThatThrownBy(() -> AuditTableReader.jsonLines("{\"a\":[[1]]}\n", "t.jsonl"))
                .hasMessageContaining("line 1: field 'a' is an array of non-scalars");
    }

    @Test
    void format_fromFileName() {
        assertThat(AuditTableReader.Format.fromFileName(Path.of("x.CSV"))).isEqualTo(AuditTableReader.Format.CSV);
        assertThat(AuditTableReader.Format.fromFileName(Path.of("x.ndjson"))).isEqualTo(AuditTableReader.Format.JSONL);
        assertThatThrownBy(() -> AuditTableReader.Format.fromFileName(Path.of("x.txt")))
                .hasMessageContaining("--format jsonl or --format csv");
    }
}
