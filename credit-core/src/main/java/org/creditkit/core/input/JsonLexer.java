package org.creditkit.core.input;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;

/**
 * The streaming reader's tokenizer: JSON text in a {@code String} to Jackson's {@link JsonToken}s,
 * with the few accessors {@link StreamingReader} uses, named as {@code JsonParser} names them.
 *
 * <p>It accepts a strict subset of JSON and throws {@link #GIVE_UP} at anything else, so that the
 * reader falls back to Jackson and the tree walk, which decide and report: an escape sequence in a
 * string, a control character, a UTF-16 surrogate (paired or not), whitespace other than space, tab, line feed and carriage return, a
 * number that does not follow RFC 8259's grammar or is longer than the reader's limit, a string or key
 * over its limit, nesting deeper than the limit, a value where a key belongs, a missing or extra
 * comma or colon, anything after the root value. A token it does return is the token Jackson returns
 * for the same text, with the same value: doubles come from the same correctly rounded parser Jackson
 * uses ({@link NumberInput#parseDouble(char[], int, int, boolean)} with the fast parser). It replaced
 * Jackson's {@code ReaderBasedJsonParser}, the largest part of the reader's profile, for 8-10% of a
 * read (docs/performance.md).
 *
 * <p>One instance per document, read to its end before the thread's next document; not thread-safe.
 */
final class JsonLexer {

    /** Thrown to give up; preallocated and without a stack trace, as giving up is an ordinary outcome. */
    static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super("not accepted by the streaming tokenizer", null, false, false);
        }
    }

    /** The one instance thrown. */
    static final GiveUp GIVE_UP = new GiveUp();

    /**
     * Each thread's copy of the text: reading a {@code char[]} keeps one compiled path for documents in
     * Latin-1 and in UTF-16 strings ({@code String.charAt} over both measured 40% slower in a JVM that
     * reads both), and reusing it avoids allocating twice the document per read. Texts above 64 Ki
     * characters get a buffer of their own.
     */
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[8192]);
    private static final int MAX_KEPT_BUFFER = 1 << 16;

    /** Nesting tracked in a 64-bit stack: the format needs 6 levels, deeper documents go to Jackson. */
    private static final int MAX_TRACKED_DEPTH = 63;

    // what may come next
    private static final int VALUE = 0;
    private static final int NAME_OR_END = 1;
    private static final int VALUE_OR_END = 2;
    private static final int COMMA_OR_END = 3;

    private final char[] c;
    private final int n;
    private final int maxDepth;
    private final int maxString;
    private final int maxNumber;
    private final int maxName;
    private int pos;
    private int state = VALUE;
    /** Bit {@code d} set: the container at depth {@code d + 1} is an object. */
    private long objects;
    private int depth;
    private JsonToken token;
    /** The current token's text: a string's or key's characters without quotes, a number's text. */
    private int start;
    private int end;
    private String name;

    JsonLexer(String json, ReaderSettings settings) {
        if (json.length() > settings.maxDocumentBytes()) {
            throw GIVE_UP;
        }
        n = json.length();
        char[] buffer = BUFFER.get();
        if (buffer.length < n) {
            buffer = new char[Math.max(n, 2 * buffer.length)];
            if (buffer.length <= MAX_KEPT_BUFFER) {
                BUFFER.set(buffer);
            }
        }
        json.getChars(0, n, buffer, 0);
        c = buffer;
        maxDepth = Math.min(settings.maxNestingDepth(), MAX_TRACKED_DEPTH);
        maxString = settings.maxStringLength();
        maxNumber = settings.maxNumberLength();
        maxName = Math.max(settings.maxKeyLength(), settings.maxStringLength());
    }

    /** The next token, or {@code null} after the root value at the end of the text. */
    JsonToken nextToken() {
        int i = skipSpace(pos);
        if (i == n) {
            if (depth == 0 && state == COMMA_OR_END) {
                pos = i;
                token = null;
                return null;
            }
            throw GIVE_UP;
        }
        char ch = c[i];
        switch (state) {
            case COMMA_OR_END -> {
                if (depth == 0) {
                    throw GIVE_UP; // something after the root value
                }
                boolean inObject = (objects >>> (depth - 1) & 1) != 0;
                if (ch == ',') {
                    i = skipSpace(i + 1);
                    if (i == n) {
                        throw GIVE_UP;
                    }
                    return inObject ? name(i) : value(i);
                }
                return close(i, ch, inObject);
            }
            case NAME_OR_END -> {
                return ch == '}' ? close(i, ch, true) : name(i);
            }
            case VALUE_OR_END -> {
                return ch == ']' ? close(i, ch, false) : value(i);
            }
            default -> {
                return value(i);
            }
        }
    }

    /**
     * Moves to the next token and tells whether it is the key {@code expected}: with {@code false} the
     * lexer stands on whatever came instead.
     */
    boolean nextFieldName(String expected) {
        if (nextToken() != JsonToken.FIELD_NAME || end - start != expected.length()) {
            return false;
        }
        for (int k = 0, at = start; at < end; k++, at++) {
            if (c[at] != expected.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    JsonToken currentToken() {
        return token;
    }

    /** The current key (on a {@link JsonToken#FIELD_NAME}). */
    String currentName() {
        if (token != JsonToken.FIELD_NAME) {
            throw GIVE_UP;
        }
        if (name == null) {
            name = new String(c, start, end - start);
        }
        return name;
    }

    /** The current token's text: a string's value, a key, a number's text. */
    String getText() {
        return token == JsonToken.FIELD_NAME ? currentName() : new String(c, start, end - start);
    }

    /** The characters holding the current token's text, from {@link #getTextOffset} on. */
    char[] getTextCharacters() {
        return c;
    }

    int getTextOffset() {
        return start;
    }

    int getTextLength() {
        return end - start;
    }

    /** The current integer token's value; one of more than 18 characters goes to {@link Long#parseLong}. */
    long getLongValue() {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw GIVE_UP;
        }
        int len = end - start;
        if (len > 18) {
            return Long.parseLong(new String(c, start, len));
        }
        boolean negative = c[start] == '-';
        long v = 0;
        for (int at = negative ? start + 1 : start; at < end; at++) {
            v = 10 * v + (c[at] - '0');
        }
        return negative ? -v : v;
    }

    /** The current decimal token's value, as Jackson's fast, correctly rounded parser gives it. */
    double getDoubleValue() {
        if (token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw GIVE_UP;
        }
        return NumberInput.parseDouble(c, start, end - start, true);
    }

    // ---------------------------------------------------------------- the grammar

    private int skipSpace(int i) {
        while (i < n) {
            char ch = c[i];
            if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    private JsonToken close(int i, char ch, boolean inObject) {
        if (ch != (inObject ? '}' : ']')) {
            throw GIVE_UP;
        }
        depth--;
        pos = i + 1;
        state = COMMA_OR_END;
        return token = inObject ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }

    /** A key and its colon, at {@code i}. */
    private JsonToken name(int i) {
        if (c[i] != '"') {
            throw GIVE_UP;
        }
        int e = stringEnd(i + 1, maxName);
        start = i + 1;
        end = e;
        name = null;
        int colon = skipSpace(e + 1);
        if (colon == n || c[colon] != ':') {
            throw GIVE_UP;
        }
        pos = colon + 1;
        state = VALUE;
        return token = JsonToken.FIELD_NAME;
    }

    /** A value, at {@code i}. */
    private JsonToken value(int i) {
        char ch = c[i];
        switch (ch) {
            case '{', '[' -> {
                if (depth == maxDepth) {
                    throw GIVE_UP;
                }
                boolean object = ch == '{';
                objects = object ? objects | 1L << depth : objects & ~(1L << depth);
                depth++;
                pos = i + 1;
                state = object ? NAME_OR_END : VALUE_OR_END;
                return token = object ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
            }
            case '"' -> {
                int e = stringEnd(i + 1, maxString);
                start = i + 1;
                end = e;
                pos = e + 1;
                state = COMMA_OR_END;
                return token = JsonToken.VALUE_STRING;
            }
            case 't' -> {
                return literal(i, "true", JsonToken.VALUE_TRUE);
            }
            case 'f' -> {
                return literal(i, "false", JsonToken.VALUE_FALSE);
            }
            case 'n' -> {
                return literal(i, "null", JsonToken.VALUE_NULL);
            }
            default -> {
                return number(i);
            }
        }
    }

    /** Where the string starting at {@code i} (after its quote) ends: its closing quote. */
    private int stringEnd(int i, int maxLength) {
        int limit = Math.min(n, i + maxLength + 1); // a string of maxLength characters, then its quote
        for (int at = i; at < limit; at++) {
            char ch = c[at];
            if (ch == '"') {
                return at;
            }
            if (ch == '\\' || ch < 0x20 || Character.isSurrogate(ch)) {
                // an escape (rare in the format), a control character, or a surrogate (a character
                // beyond the BMP, or half of one, which SafeTree refuses): Jackson and the tree decide
                throw GIVE_UP;
            }
        }
        throw GIVE_UP; // unterminated, or longer than the limit
    }

    private JsonToken literal(int i, String word, JsonToken t) {
        int len = word.length();
        if (i + len > n) {
            throw GIVE_UP;
        }
        for (int k = 1; k < len; k++) {
            if (c[i + k] != word.charAt(k)) {
                throw GIVE_UP;
            }
        }
        start = i;
        end = i + len;
        pos = end;
        state = COMMA_OR_END; // "truex": the next call finds 'x' where a comma or end belongs
        return token = t;
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, at {@code i}. */
    private JsonToken number(int i) {
        int at = i;
        if (c[at] == '-') {
            at++;
        }
        if (at == n || c[at] < '0' || c[at] > '9') {
            throw GIVE_UP;
        }
        if (c[at] == '0') {
            at++; // a leading zero stands alone: "01" leaves '1' where a comma belongs
        } else {
            at = digits(at);
        }
        boolean decimal = false;
        if (at < n && c[at] == '.') {
            int d = digits(at + 1);
            if (d == at + 1) {
                throw GIVE_UP;
            }
            at = d;
            decimal = true;
        }
        if (at < n && (c[at] == 'e' || c[at] == 'E')) {
            at++;
            if (at < n && (c[at] == '+' || c[at] == '-')) {
                at++;
            }
            int d = digits(at);
            if (d == at) {
                throw GIVE_UP;
            }
            at = d;
            decimal = true;
        }
        if (at - i > maxNumber) {
            throw GIVE_UP;
        }
        start = i;
        end = at;
        pos = at;
        state = COMMA_OR_END;
        return token = decimal ? JsonToken.VALUE_NUMBER_FLOAT : JsonToken.VALUE_NUMBER_INT;
    }

    private int digits(int i) {
        while (i < n && c[i] >= '0' && c[i] <= '9') {
            i++;
        }
        return i;
    }
}
