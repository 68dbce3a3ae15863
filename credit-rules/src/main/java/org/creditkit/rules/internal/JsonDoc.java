package org.creditkit.rules.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.creditkit.rules.RuleProblem;
import org.creditkit.rules.RuleSetException;

/**
 * A strictly parsed JSON document (duplicate keys and NaN rejected) that remembers where each key
 * and value stands, so problems found later can be reported as {@code file:line:column}.
 */
public final class JsonDoc {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String file;
    private final JsonNode root;
    private final Map<String, int[]> locations;

    private JsonDoc(String file, JsonNode root, Map<String, int[]> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    /**
     * Parses a document.
     *
     * @throws RuleSetException with the location of the syntax error
     */
    public static JsonDoc parse(String file, String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new RuleSetException(file, java.util.List.of(RuleProblem.of(file, 1, 1, "empty JSON document")));
            }
            return new JsonDoc(file, root, locate(file, text));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : at.getLineNr();
            int col = at == null ? 1 : at.getColumnNr();
            throw new RuleSetException(file, java.util.List.of(RuleProblem.of(file, line, col,
                    "invalid JSON: " + e.getOriginalMessage())));
        }
    }

    /**
     * Parses every file of a set and reads each with {@code reader}, collecting every problem of every
     * file (syntax errors and the reader's) before refusing: the one loop scenario files of both the
     * decision rules and the early-warning rules go through.
     *
     * @param origin where the files are, for the exception
     * @param files  file name to JSON text
     * @param reader reads one parsed file, adding its problems to the fields' list; returns null when
     *               it found problems
     * @param <T>    what a file holds
     * @return what each file held, in file-name order
     * @throws RuleSetException listing every problem with its file, line and column
     */
    public static <T> java.util.List<T> readEach(String origin, java.util.SortedMap<String, String> files,
            java.util.function.BiFunction<JsonFields, String, T> reader) {
        java.util.List<RuleProblem> problems = new java.util.ArrayList<>();
        java.util.List<T> out = new java.util.ArrayList<>();
        for (var e : files.entrySet()) {
            JsonDoc doc;
            try {
                doc = parse(e.getKey(), e.getValue());
            } catch (RuleSetException ex) {
                problems.addAll(ex.ruleProblems());
                continue;
            }
            T value = reader.apply(new JsonFields(doc, problems), e.getKey());
            if (value != null) {
                out.add(value);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(origin, problems);
        }
        return java.util.List.copyOf(out);
    }

    /**
     * Where each key and value stands; refuses a string or key holding half a UTF-16 surrogate pair
     * ({@code "&#92;ud800"}): JSON lets an escape spell it, but it is not text, and a product name or
     * scenario id holding it would be written out as {@code ?}.
     */
    private static Map<String, int[]> locate(String file, String text) {
        Map<String, int[]> out = new HashMap<>();
        java.util.List<RuleProblem> halves = new java.util.ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                int half = t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME
                        ? org.creditkit.core.input.Utf8.unpairedSurrogate(p.getText()) : -1;
                if (half >= 0) {
                    JsonLocation at = p.currentTokenLocation();
                    halves.add(RuleProblem.of(file, at.getLineNr(), at.getColumnNr(), "at "
                            + p.getParsingContext().pathAsPointer() + ": " + org.creditkit.core.input.Utf8
                            .unpairedSurrogateProblem(t == JsonToken.FIELD_NAME ? "key" : "string", p.getText(), half)));
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.FIELD_NAME || !out.containsKey(pointer)) {
                    JsonLocation at = p.currentTokenLocation();
                    out.put(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("JSON re-read for locations failed after a successful parse", e);
        }
        if (!halves.isEmpty()) {
            throw new RuleSetException(file, halves);
        }
        return out;
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** A problem at the JSON pointer (or the closest enclosing key that has a location). */
    public RuleProblem problem(String pointer, String message) {
        String p = pointer;
        while (true) {
            int[] at = locations.get(p);
            if (at != null) {
                return RuleProblem.of(file, at[0], at[1], path(pointer) + ": " + message);
            }
            if (p.isEmpty()) {
                return RuleProblem.of(file, 1, 1, path(pointer) + ": " + message);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** {@code /a/b/0} as {@code $.a.b[0]}. */
    public static String path(String pointer) {
        StringBuilder sb = new StringBuilder("$");
        if (pointer.isEmpty()) {
            return sb.toString();
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            String name = part.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(name).append(']');
            } else {
                sb.append('.').append(name);
            }
        }
        return sb.toString();
    }
}
