package org.creditkit.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.creditkit.rules.RuleProblem;

/**
 * Reads typed fields out of a {@link JsonDoc}, collecting every problem (with its location) instead
 * of stopping at the first; invalid fields yield a fallback value so reading can go on.
 */
public final class JsonFields {

    private final JsonDoc doc;
    private final List<RuleProblem> problems;

    public JsonFields(JsonDoc doc, List<RuleProblem> problems) {
        this.doc = doc;
        this.problems = problems;
    }

    public JsonDoc doc() {
        return doc;
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    public void problem(String pointer, String message) {
        problems.add(doc.problem(pointer, message));
    }

    /** Checks that {@code node} is an object with all {@code required} keys and no key outside required+optional. */
    public boolean object(String pointer, JsonNode node, Set<String> required, Set<String> optional) {
        if (node == null || !node.isObject()) {
            problem(pointer, "must be a JSON object, got " + kind(node));
            return false;
        }
        Set<String> allowed = new TreeSet<>(required);
        allowed.addAll(optional);
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problem(pointer + "/" + key, "unknown key '" + key + "'; valid keys are " + allowed);
            }
        }
        for (String key : new TreeSet<>(required)) {
            if (!node.has(key)) {
                problem(pointer, "missing key '" + key + "'");
            }
        }
        return true;
    }

    public BigDecimal decimal(String pointer, JsonNode node, BigDecimal min, BigDecimal max, boolean minExclusive) {
        if (node == null) {
            return min;
        }
        if (!node.isNumber()) {
            problem(pointer, "must be a number, got " + kind(node));
            return min;
        }
        BigDecimal v = node.decimalValue();
        boolean low = minExclusive ? v.compareTo(min) <= 0 : v.compareTo(min) < 0;
        if (low || v.compareTo(max) > 0) {
            problem(pointer, v.toPlainString() + " is out of range, must be in " + (minExclusive ? "(" : "[")
                    + min.toPlainString() + ", " + max.toPlainString() + "]");
        }
        return v;
    }

    public double number(String pointer, JsonNode node, double min, double max, boolean minExclusive) {
        return decimal(pointer, node, BigDecimal.valueOf(min), BigDecimal.valueOf(max), minExclusive).doubleValue();
    }

    public int integer(String pointer, JsonNode node, int min, int max) {
        if (node == null) {
            return min;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problem(pointer, "must be a whole number, got " + kind(node));
            return min;
        }
        int v = node.intValue();
        if (v < min || v > max) {
            problem(pointer, v + " is out of range, must be in [" + min + ", " + max + "]");
        }
        return v;
    }

    public boolean bool(String pointer, JsonNode node) {
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            problem(pointer, "must be true or false, got " + kind(node));
            return false;
        }
        return node.booleanValue();
    }

    public String text(String pointer, JsonNode node) {
        if (node == null) {
            return "";
        }
        if (!node.isTextual()) {
            problem(pointer, "must be a string, got " + kind(node));
            return "";
        }
        return node.textValue();
    }

    public <E extends Enum<E>> E enumValue(String pointer, JsonNode node, Class<E> type, E fallback) {
        String s = text(pointer, node);
        if (node == null || !node.isTextual()) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        problem(pointer, "'" + s + "' is not a valid " + type.getSimpleName() + "; valid values are " + names
                + Names.nearest(s, names).map(n -> "; did you mean '" + n + "'?").orElse(""));
        return fallback;
    }

    public List<JsonNode> array(String pointer, JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(pointer, "must be a JSON array, got " + kind(node));
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + (node.isValueNode() ? " " + node : "");
    }
}
