package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JSON string escape such as {@code &#92;ud800} decodes to half a UTF-16 surrogate pair: no character at all.
 * Accepted, it reached the outputs as {@code ?}, so an application id no longer named the application
 * the bank sent. Every string of a document (values, keys, array elements) is checked.
 */
class UnpairedSurrogateTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StrictApplicationReader READER = StrictApplicationReader.standard();
    private static final String MARK = "SURROGATE-MARK";

    private static List<Problem> problems(String json) {
        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.read(json));
        assertThat(e).as("expected a CreditDataException for %s", json).isNotNull();
        return e.problems();
    }

    /** The JSON path of every string value of the full sample, in the reader's notation. */
    static Stream<String> everyStringPath() {
        List<String> paths = new ArrayList<>();
        collect(sample(), "$", paths);
        assertThat(paths).hasSizeGreaterThan(20).anyMatch(p -> p.contains("]."));
        return paths.stream();
    }

    private static ObjectNode sample() {
        try {
            return (ObjectNode) MAPPER.readTree(ApplicationJson.write(Samples.full()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode n, String path, List<String> out) {
        if (n.isTextual()) {
            out.add(path);
        } else if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                collect(e.getValue(), path + "." + e.getKey(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** The full sample with the string at {@code path} replaced by the JSON text {@code escaped}. */
    private static String withStringAt(String path, String escaped) {
        ObjectNode root = sample();
        JsonNode parent = root;
        String[] parts = path.substring(2).split("\\.|(?=\\[)");
        for (int i = 0; i < parts.length - 1; i++) {
            parent = step(parent, parts[i]);
        }
        String last = parts[parts.length - 1];
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), TextNode.valueOf(MARK));
        } else {
            ((ObjectNode) parent).put(last, MARK);
        }
        return root.toString().replace(MARK, escaped);
    }

    private static JsonNode step(JsonNode n, String part) {
        return part.startsWith("[") ? n.get(Integer.parseInt(part.substring(1, part.length() - 1))) : n.get(part);
    }

    @ParameterizedTest
    @MethodSource("everyStringPath")
    void read_unpairedSurrogateEscapeInAnyString_isRejectedAtItsPathWithColumn(String path) {
        String json = withStringAt(path, "A\\ud800B");

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(path);
            assertThat(p.message()).contains("unpaired UTF-16 surrogate escape \\ud800")
                    .contains("not valid text").contains("\\uD83D\\uDE00").containsPattern("\\(line 1, column \\d+\\)");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\udc00", "A\\ud800B", "AB\\uD800", "\\ud800\\ud800", "\\ude00\\ud83d", "\\ud83d x\\ude00"})
    void read_everyKindOfUnpairedSurrogate_isRejected(String escaped) {
        String json = withStringAt("$.id", escaped);

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.id");
            assertThat(p.message()).contains("unpaired UTF-16 surrogate escape");
        });
    }

    @Test
    void read_unpairedSurrogate_namesTheColumnOfTheString() {
        String json = "{\"id\":\"A\\ud800B\"}";

        assertThat(problems(json)).singleElement().satisfies(p -> assertThat(p.message())
                .contains("unpaired UTF-16 surrogate escape \\ud800 at character 2 of the string")
                .endsWith("(line 1, column 7)"));
    }

    @Test
    void read_unpairedSurrogateInAKey_isRejectedAtItsObject() {
        String json = sample().toString().replaceFirst("\\{", "{\"x\\\\udc00\":1,");

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$");
            assertThat(p.message()).contains("key").contains("unpaired UTF-16 surrogate escape \\udc00");
        });
    }

    @Test
    void read_rawUnpairedSurrogateInAJavaString_isRejected() {
        String json = withStringAt("$.enterprise.name", "X\uDC00Y");

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.enterprise.name");
            assertThat(p.message()).contains("unpaired UTF-16 surrogate").contains("\\udc00");
        });
    }

    @Test
    void read_pairedSurrogateEscape_isAcceptedAsItsCharacter() {
        assertThat(READER.read(withStringAt("$.id", "E\\ud83d\\ude00")).id()).isEqualTo("E\uD83D\uDE00");
        assertThat(READER.read(withStringAt("$.id", "E\uD83D\uDE00")).id()).isEqualTo("E\uD83D\uDE00");
    }

    @Test
    void readBatch_unpairedSurrogateLine_isBadWithItsColumnAndTheOthersRead() {
        String good = sample().toString();
        String text = good + "\n" + withStringAt("$.id", "A\\ud800B") + "\n" + withStringAt("$.id", "E\\ud83d\\ude00")
                + "\n";
        List<String> ids = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();

        BatchReport r = READER.readBatch(new StringReader(text), a -> ids.add(a.application().id()), bad::add);

        assertThat(r).isEqualTo(new BatchReport(3, 2, 1, 1));
        assertThat(ids).containsExactly(Samples.full().id(), "E\uD83D\uDE00");
        assertThat(bad).singleElement().satisfies(b -> assertThat(b.toString())
                .startsWith("line 2: $.id: ").contains("unpaired UTF-16 surrogate escape \\ud800")
                .containsPattern("\\(column \\d+\\)$"));
    }

    @Test
    void readLabeled_unpairedSurrogateInsideWrapper_isRejectedAtItsPath() {
        String json = "{\"application\":" + withStringAt("$.purpose", "\\udfff") + "}";

        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.readLabeled(json));

        assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.location()).isEqualTo("$.application.purpose"));
    }
}
