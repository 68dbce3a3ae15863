package org.creditkit.core.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.creditkit.core.CreditDataException;

/**
 * A way of splitting records into groups: one attribute ({@code industry}) or the intersection of
 * several ({@code industry*zone}). A record's group label is its attribute values joined by
 * {@code *} in the grouping's order, e.g. {@code C*EAST}.
 *
 * @param attributes the attribute names, at least one, no duplicates
 */
public record Grouping(List<String> attributes) {

    /** The separator of attribute names in a grouping name and of values in a group label. */
    public static final String SEPARATOR = "*";

    /**
     * Checks and copies the attribute names.
     *
     * @param attributes see {@link #attributes()}
     * @throws IllegalArgumentException if there is no attribute, a blank one, one containing
     *     {@code *}, or a duplicate
     */
    public Grouping {
        Objects.requireNonNull(attributes, "attributes");
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("A grouping needs at least one attribute");
        }
        for (String a : attributes) {
            if (a == null || a.isBlank() || a.contains(SEPARATOR)) {
                throw new IllegalArgumentException(
                        "Grouping attribute names must be non-blank and free of '*', got '" + a + "'");
            }
        }
        if (attributes.stream().distinct().count() != attributes.size()) {
            throw new IllegalArgumentException("Grouping " + attributes + " repeats an attribute");
        }
        attributes = List.copyOf(attributes);
    }

    /**
     * Returns the grouping of the given attributes (several = their intersection).
     *
     * @param attributes attribute names
     * @return the grouping
     */
    public static Grouping of(String... attributes) {
        return new Grouping(List.of(attributes));
    }

    /**
     * Parses {@code industry} or {@code industry*zone}.
     *
     * @param text the grouping name
     * @return the grouping
     * @throws IllegalArgumentException if a part is blank or repeated
     */
    public static Grouping parse(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : text.split("\\*", -1)) {
            parts.add(p.trim());
        }
        return new Grouping(parts);
    }

    /**
     * Returns the grouping's name, the attribute names joined by {@code *}.
     *
     * @return e.g. {@code industry*zone}
     */
    public String name() {
        return String.join(SEPARATOR, attributes);
    }

    /**
     * Tells whether this is an intersection of more than one attribute.
     *
     * @return true for two or more attributes
     */
    public boolean isIntersection() {
        return attributes.size() > 1;
    }

    /**
     * Returns a record's group label in this grouping.
     *
     * @param record the record
     * @return the values of the attributes joined by {@code *}
     * @throws CreditDataException if the record lacks one of the attributes; the problem's location
     *     is the missing attribute's name
     */
    public String labelOf(AuditRecord record) {
        StringBuilder sb = new StringBuilder();
        for (String a : attributes) {
            String v = record.attributes().get(a);
            if (v == null) {
                throw new CreditDataException(a, "the record has no attribute '" + a + "', needed by grouping '"
                        + name() + "'; it has " + new TreeSet<>(record.attributes().keySet())
                        + ", it needs " + attributes);
            }
            if (sb.length() > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(v);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return name();
    }
}
