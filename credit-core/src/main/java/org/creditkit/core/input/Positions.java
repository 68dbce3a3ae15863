package org.creditkit.core.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditkit.core.Problem;

/**
 * Adds line and column to the problems of a document that parsed but failed validation. Costs
 * nothing on good documents: only a rejected document is scanned a second time, to find where each
 * problem's JSON path starts (a missing field: where its parent object starts).
 */
final class Positions {

    private Positions() {
    }

    /** {@code " (line 3, column 17)"}, or {@code " (column 17)"} for a batch line. */
    static String at(JsonLocation location, boolean line) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return line ? " (column " + location.getColumnNr() + ")"
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    static List<Problem> locate(ObjectMapper mapper, String json, List<Problem> problems, boolean line) {
        Set<String> wanted = new HashSet<>();
        for (Problem p : problems) {
            for (String path = p.location(); path != null; path = parent(path)) {
                wanted.add(path);
            }
        }
        Map<String, JsonLocation> found = new HashMap<>();
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext c = parser.getParsingContext();
                String path = SafeTree.path(t.isStructStart() ? c.getParent() : c);
                if (wanted.contains(path)) {
                    found.putIfAbsent(path, parser.currentTokenLocation());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the document parsed once already; without positions the problems are still complete
        }
        List<Problem> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            JsonLocation loc = null;
            for (String path = p.location(); path != null && loc == null; path = parent(path)) {
                loc = found.get(path);
            }
            out.add(loc == null ? p : Problem.of(p.location(), p.message() + at(loc, line)));
        }
        return out;
    }

    /** {@code $.a.b[2]} to {@code $.a.b}, {@code $['x y']} to {@code $}; null for {@code $} or a non-path. */
    static String parent(String path) {
        if (!path.startsWith("$") || path.length() == 1) {
            return null;
        }
        int end = path.length();
        if (path.endsWith("]")) {
            int open = path.endsWith("']") ? path.lastIndexOf("['") : path.lastIndexOf('[');
            return open > 0 ? path.substring(0, open) : null;
        }
        int dot = path.lastIndexOf('.', end - 1);
        return dot > 0 ? path.substring(0, dot) : null;
    }
}
