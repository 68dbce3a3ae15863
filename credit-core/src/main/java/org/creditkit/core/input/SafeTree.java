package org.creditkit.core.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds a Jackson tree from a parser without ever converting a number Jackson's way: every number is
 * range-checked on its text first ({@link #numberProblem(String)}), so no exponent can reach
 * {@link BigDecimal} or {@code double} parsing (where {@code 1e2147483648} throws and
 * {@code 1e-999999999} allocates gigabytes). Unknown fields are built too, so their numbers are
 * checked like every other.
 */
final class SafeTree {

    /** Largest decimal exponent of a number's leading digit: |x| &lt; 1e101. */
    static final int MAX_MAGNITUDE = 100;
    /** Smallest decimal exponent of a non-zero number's leading digit: |x| &gt;= 1e-100. */
    static final int MIN_MAGNITUDE = -100;
    /** Largest written exponent, even of a zero ({@code 0e-999999999} would carry a huge scale). */
    static final int MAX_WRITTEN_EXPONENT = 200;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A value refused while building: where and why; the parser stays positioned on it. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        /** The location of the refused token. */
        final transient JsonLocation location;
        /** The JSON path to report, or null for the parser's current path. */
        final String path;

        Refusal(String message, JsonLocation location) {
            this(message, location, null);
        }

        Refusal(String message, JsonLocation location, String path) {
            super(message, null, false, false);
            this.location = location;
            this.path = path;
        }
    }

    private final int maxKeyLength;
    /** Whether the parser is reading the next key of an object (for {@link #failurePath}). */
    private boolean betweenMembers;
    /** The key before the one being read. */
    private String keyBefore;

    SafeTree(int maxKeyLength) {
        this.maxKeyLength = maxKeyLength;
    }

    /** The value starting at the parser's current token; nesting is bounded by the parser's limit. */
    JsonNode value(JsonParser p) throws IOException, Refusal {
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> NODES.textNode(text(p));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p, t == JsonToken.VALUE_NUMBER_INT);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new Refusal("unexpected " + t + "; valid: a JSON value", p.currentTokenLocation());
        };
    }

    private ObjectNode object(JsonParser p) throws IOException, Refusal {
        ObjectNode o = NODES.objectNode();
        for (JsonToken t = nextMember(p); t != JsonToken.END_OBJECT; t = nextMember(p)) {
            String name = p.currentName();
            if (name.length() > maxKeyLength) {
                throw new Refusal("key " + TreeValidator.quote(name) + " is longer than " + maxKeyLength
                        + " characters; valid: a key of at most " + maxKeyLength + " characters (the format's "
                        + "keys are short names, see docs/json-format.md)", p.currentTokenLocation());
            }
            int bad = Utf8.unpairedSurrogate(name);
            if (bad >= 0) {
                throw new Refusal(Utf8.unpairedSurrogateProblem("key", name, bad), p.currentTokenLocation(),
                        path(p.getParsingContext().getParent()));
            }
            p.nextToken();
            o.set(name, value(p));
        }
        return o;
    }

    /** A string value, refused when it holds half a surrogate pair. */
    private static String text(JsonParser p) throws IOException, Refusal {
        String s = p.getText();
        int bad = Utf8.unpairedSurrogate(s);
        if (bad >= 0) {
            throw new Refusal(Utf8.unpairedSurrogateProblem("string", s, bad), p.currentTokenLocation());
        }
        return s;
    }

    /** The next key (or the end) of an object, remembering that a failure now is in a key. */
    private JsonToken nextMember(JsonParser p) throws IOException {
        keyBefore = p.getParsingContext().getCurrentName();
        betweenMembers = true;
        JsonToken t = p.nextToken();
        betweenMembers = false;
        return t;
    }

    private ArrayNode array(JsonParser p) throws IOException, Refusal {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            a.add(value(p));
        }
        return a;
    }

    private static JsonNode number(JsonParser p, boolean integral) throws IOException, Refusal {
        String text = p.getText();
        String problem = numberProblem(text);
        if (problem != null) {
            throw new Refusal(problem, p.currentTokenLocation());
        }
        if (integral) {
            if (text.length() <= 18) {
                long v = Long.parseLong(text);
                return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
            }
            BigInteger v = new BigInteger(text);
            return v.bitLength() < 64 ? NODES.numberNode(v.longValue()) : NODES.numberNode(v);
        }
        return DecimalNode.valueOf(isZero(text) ? BigDecimal.ZERO : new BigDecimal(text));
    }

    private static boolean isZero(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return true;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /** {@link #numberKind}: a number within range whose digits are all zero. */
    static final int ZERO = 0;
    /** {@link #numberKind}: a non-zero number within range. */
    static final int NON_ZERO = 1;
    /** {@link #numberKind}: not a JSON number. */
    static final int MALFORMED = 2;
    /** {@link #numberKind}: a number out of the range creditkit reads. */
    static final int OUT_OF_RANGE = 3;

    /**
     * Why the JSON number {@code text} is out of the range creditkit reads, or {@code null}: the
     * written exponent must be within ±{@value #MAX_WRITTEN_EXPONENT} and a non-zero value's magnitude
     * within 1e{@value #MIN_MAGNITUDE} &lt;= |x| &lt; 1e101. Works on the text alone (never converts),
     * so any exponent, however long, is safe.
     */
    static String numberProblem(String text) {
        return switch (numberKind(text.toCharArray(), 0, text.length())) {
            case MALFORMED -> "number " + TreeValidator.quote(text) + " is malformed";
            case OUT_OF_RANGE -> outOfRange(text);
            default -> null;
        };
    }

    /**
     * The range check of {@link #numberProblem(String)} on {@code text[off, off + len)} without
     * allocating (the streaming reader's number buffer): {@link #ZERO}, {@link #NON_ZERO},
     * {@link #MALFORMED} or {@link #OUT_OF_RANGE}.
     */
    static int numberKind(char[] text, int off, int len) {
        int i = off;
        int n = off + len;
        if (i < n && text[i] == '-') {
            i++;
        }
        int intDigits = 0;
        int firstNonZero = -1;
        int digits = 0;
        for (; i < n && text[i] >= '0' && text[i] <= '9'; i++, intDigits++, digits++) {
            if (firstNonZero < 0 && text[i] != '0') {
                firstNonZero = digits;
            }
        }
        if (i < n && text[i] == '.') {
            for (i++; i < n && text[i] >= '0' && text[i] <= '9'; i++, digits++) {
                if (firstNonZero < 0 && text[i] != '0') {
                    firstNonZero = digits;
                }
            }
        }
        long exponent = 0;
        if (i < n && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            boolean negative = false;
            if (i < n && (text[i] == '+' || text[i] == '-')) {
                negative = text[i] == '-';
                i++;
            }
            for (; i < n; i++) {
                char c = text[i];
                if (c < '0' || c > '9') {
                    return MALFORMED;
                }
                exponent = exponent * 10 + (c - '0');
                if (exponent > MAX_WRITTEN_EXPONENT) {
                    return OUT_OF_RANGE;
                }
            }
            exponent = negative ? -exponent : exponent;
        }
        if (i != n) {
            return MALFORMED;
        }
        if (firstNonZero < 0) {
            return ZERO;
        }
        long magnitude = (long) intDigits - 1 - firstNonZero + exponent;
        return magnitude > MAX_MAGNITUDE || magnitude < MIN_MAGNITUDE ? OUT_OF_RANGE : NON_ZERO;
    }

    private static String outOfRange(String text) {
        return "number " + TreeValidator.quote(text) + " is out of range; valid: 0 or a "
                + "magnitude from 1e" + MIN_MAGNITUDE + " to below 1e" + (MAX_MAGNITUDE + 1)
                + ", written with an exponent within -" + MAX_WRITTEN_EXPONENT + ".." + MAX_WRITTEN_EXPONENT;
    }

    /** The JSON path of the parser's current position: {@code $.sources.tax.declaredSales.values[3]}. */
    static String path(JsonParser parser) {
        return path(parser.getParsingContext());
    }

    /**
     * Where a parse failed: the current position, or, when this tree was reading the next key of an
     * object (a key beyond the string-length limit), the object holding that key, never the previous
     * member.
     */
    String failurePath(JsonParser parser) {
        JsonStreamContext c = parser.getParsingContext();
        return failedInKey(c) ? path(c.getParent()) : path(c);
    }

    /** {@code " (in the key after 'purpose')"} when {@link #failurePath} names the object; empty otherwise. */
    String failureKeyNote(JsonParser parser) {
        JsonStreamContext c = parser.getParsingContext();
        return failedInKey(c) ? " (in the key after " + TreeValidator.quote(clipKey(c.getCurrentName())) + ")" : "";
    }

    /**
     * Whether the failure came while reading a key: the parser reads a key and the value after it in one
     * step, so a failure in the value has already set the new key; one in the key has not.
     */
    private boolean failedInKey(JsonStreamContext c) {
        return betweenMembers && c.inObject() && c.getCurrentName() != null
                && c.getCurrentName().equals(keyBefore);
    }

    /** The JSON path of a parsing context's current position. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push(TreeValidator.member("", clipKey(c.getCurrentName())));
            }
        }
        return "$" + String.join("", parts);
    }

    /** A key as shown in a path: at most 64 characters. */
    static String clipKey(String key) {
        return key.length() <= 64 ? key : key.substring(0, 64) + "...";
    }
}
