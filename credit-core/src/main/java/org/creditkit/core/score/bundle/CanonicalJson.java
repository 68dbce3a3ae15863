package org.creditkit.core.score.bundle;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical form a bundle checksum is computed over: object keys sorted (by UTF-16 code units),
 * no whitespace, strings with JSON's minimal escapes, numbers by value (an integral value below
 * 1e15 as an integer, any other as Java's shortest round-trip decimal), and the top-level
 * {@code checksum} field left out. Formatting and key order in the file therefore do not change the
 * checksum; any change of content does.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    /** Canonical text of {@code root} without its top-level {@code checksum} and {@code signature} fields. */
    static String canonical(JsonNode root) {
        StringBuilder sb = new StringBuilder(4096);
        write(root, sb, true);
        return sb.toString();
    }

    /** {@code sha256:<64 hex digits>} over the UTF-8 bytes of the canonical text. */
    static String checksum(JsonNode root) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] digest = md.digest(canonical(root).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static void write(JsonNode n, StringBuilder sb, boolean top) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            sb.append('{');
            boolean first = true;
            for (String name : names) {
                if (top && (name.equals("checksum") || name.equals("signature"))) {
                    continue;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(name, sb);
                sb.append(':');
                write(n.get(name), sb, false);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(n.get(i), sb, false);
            }
            sb.append(']');
        } else if (n.isTextual()) {
            string(n.textValue(), sb);
        } else if (n.isNumber()) {
            sb.append(number(n));
        } else if (n.isBoolean()) {
            sb.append(n.booleanValue());
        } else if (n.isNull()) {
            sb.append("null");
        } else {
            throw new IllegalArgumentException("unexpected JSON node " + n.getNodeType());
        }
    }

    private static String number(JsonNode n) {
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return Long.toString(n.longValue());
        }
        if (n.isBigInteger()) {
            return n.bigIntegerValue().toString();
        }
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }
}
