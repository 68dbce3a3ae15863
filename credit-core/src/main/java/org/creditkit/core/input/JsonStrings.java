package org.creditkit.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.Problem;

/**
 * Finds the strings and keys of a JSON document that hold half a UTF-16 surrogate pair, for the readers
 * of JSON files that build a tree without {@link StrictApplicationReader}'s checks (model bundles): JSON
 * lets an escape spell {@code "&#92;ud800"}, which is not text and is written out (and hashed) as
 * {@code ?}. Each is located at {@code file:line:column} and named by its JSON path, with
 * {@link Utf8#unpairedSurrogateProblem}'s message.
 */
public final class JsonStrings {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonStrings() {
    }

    /**
     * Every string or key of {@code text} holding an unpaired surrogate. Costs one scan of the text when
     * it has no {@code &#92;uD...} escape of a surrogate (every document written by creditkit), and one streaming
     * parse otherwise.
     *
     * @param text   a JSON document (already parsed once: syntax errors are not reported here)
     * @param source the file, for the locations
     * @return the problems, at {@code source:line:column}, each message starting with the JSON path
     */
    public static List<Problem> unpairedSurrogates(String text, String source) {
        if (!mayHoldSurrogateEscape(text)) {
            return List.of();
        }
        List<Problem> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME && t != JsonToken.VALUE_STRING) {
                    continue;
                }
                String s = p.getText();
                int bad = Utf8.unpairedSurrogate(s);
                if (bad >= 0) {
                    boolean key = t == JsonToken.FIELD_NAME;
                    JsonLocation at = p.currentTokenLocation();
                    String path = SafeTree.path(key ? p.getParsingContext().getParent() : p.getParsingContext());
                    out.add(Problem.of(source + ":" + at.getLineNr() + ":" + at.getColumnNr(), path + ": "
                            + Utf8.unpairedSurrogateProblem(key ? "key" : "string", s, bad)));
                }
            }
        } catch (IOException e) {
            // the document parsed once already; a syntax error is the caller's to report
        }
        return out;
    }

    /** Whether {@code text} has a backslash, {@code u} and {@code d}/{@code D}: the start of a surrogate escape. */
    private static boolean mayHoldSurrogateEscape(String text) {
        for (int i = text.indexOf('\\'); i >= 0 && i + 2 < text.length(); i = text.indexOf('\\', i + 1)) {
            char u = text.charAt(i + 1);
            if (u == '\\') {
                i++;
            } else if (u == 'u' && (text.charAt(i + 2) == 'd' || text.charAt(i + 2) == 'D')) {
                return true;
            }
        }
        return false;
    }
}
