package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.domain.LoanApplication;
import org.junit.jupiter.api.Test;

/**
 * Random corruptions of a valid document (fixed seeds): the reader either returns an application that
 * writes and reads back to itself, or throws {@link CreditDataException} with located problems — never
 * any other exception.
 */
class ReaderFuzzTest {

    private static final StrictApplicationReader READER = StrictApplicationReader.standard();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String VALID = ApplicationJson.write(Samples.full());

    private static void checkOutcome(String json) {
        LoanApplication read;
        try {
            read = READER.read(json);
        } catch (CreditDataException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.location()).startsWith("$");
                assertThat(p.message()).isNotBlank();
            });
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("unexpected " + e + " for " + json, e);
        }
        assertThat(READER.read(ApplicationJson.write(read))).isEqualTo(read);
    }

    @Test
    void read_randomCharacterEdits_neverEscapeAsOtherExceptions() {
        Random random = new Random(42);
        String alphabet = "{}[]:,\"\\-+.0123456789eEnulltrfaseINaZ \t\n\u00e9\u4e2d";
        for (int i = 0; i < 1000; i++) {
            StringBuilder sb = new StringBuilder(VALID);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int pos = random.nextInt(sb.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(pos);
                    case 1 -> sb.insert(pos, c);
                    default -> sb.setCharAt(pos, c);
                }
            }
            checkOutcome(sb.toString());
        }
    }

    private record Slot(JsonNode parent, String field, int index, String path) {
    }

    private static void slots(JsonNode n, String path, List<Slot> out) {
        if (n.isObject()) {
            Iterator<String> names = n.fieldNames();
            while (names.hasNext()) {
                String f = names.next();
                out.add(new Slot(n, f, -1, path + "." + f));
                slots(n.get(f), path + "." + f, out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(new Slot(n, null, i, path + "[" + i + "]"));
                slots(n.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static JsonNode randomValue(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> F.nullNode();
            case 1 -> F.textNode("");
            case 2 -> F.textNode("x");
            case 3 -> F.numberNode(-1);
            case 4 -> F.numberNode(0);
            case 5 -> F.numberNode(new BigDecimal("1.005"));
            case 6 -> F.numberNode(new BigDecimal("1E+300"));
            case 7 -> F.booleanNode(true);
            case 8 -> F.arrayNode();
            case 9 -> F.objectNode();
            case 10 -> F.numberNode(new BigInteger("99999999999999999999"));
            case 11 -> F.textNode("2025-13-01");
            case 12 -> F.textNode("2099-01-01");
            case 13 -> F.textNode("2099-01-01T00:00:00Z");
            case 14 -> F.numberNode(Integer.MAX_VALUE);
            default -> F.textNode("-0.01");
        };
    }

    @Test
    void read_randomValueReplacements_areRejectedWithPathsOrReadBackExactly() throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            JsonNode root = MAPPER.readTree(VALID);
            List<Slot> all = new ArrayList<>();
            slots(root, "$", all);
            Slot s = all.get(random.nextInt(all.size()));
            JsonNode value = randomValue(random);
            if (random.nextInt(5) == 0 && s.field() != null) {
                ((ObjectNode) s.parent()).remove(s.field());
            } else if (s.field() != null) {
                ((ObjectNode) s.parent()).set(s.field(), value);
            } else {
                ((ArrayNode) s.parent()).set(s.index(), value);
            }
            checkOutcome(root.toString());
        }
    }

    @Test
    void read_replacedValue_isReportedAtOrBelowItsPath() throws IOException {
        // a wrong type at any leaf is reported at that leaf's path
        JsonNode root = MAPPER.readTree(VALID);
        List<Slot> all = new ArrayList<>();
        slots(root, "$", all);
        for (Slot s : all) {
            JsonNode copy = MAPPER.readTree(VALID);
            JsonNode parent = copy.at(pointer(s.path().substring(0, s.path().length()
                    - (s.field() != null ? s.field().length() + 1 : String.valueOf(s.index()).length() + 2))));
            if (s.field() != null) {
                ((ObjectNode) parent).set(s.field(), F.objectNode().put("wrong", 1));
            } else {
                ((ArrayNode) parent).set(s.index(), F.objectNode().put("wrong", 1));
            }
            boolean wasObject = s.field() != null ? s.parent().get(s.field()).isObject()
                    : s.parent().get(s.index()).isObject();
            try {
                READER.read(copy.toString());
                fail("accepted an object at %s", s.path());
            } catch (CreditDataException e) {
                String expected = wasObject ? s.path() + "." : s.path();
                assertThat(e.problems()).extracting(Problem::location).as(s.path())
                        .anySatisfy(l -> assertThat(l).startsWith(expected));
            }
        }
    }

    /** {@code $.a.b[2]} to the JSON pointer {@code /a/b/2}. */
    private static String pointer(String path) {
        return path.substring(1).replace(".", "/").replace("[", "/").replace("]", "");
    }
}
