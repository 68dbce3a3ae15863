package org.creditkit.core.privacy;

import java.util.Locale;
import org.creditkit.core.feature.Openness;

/**
 * What a caller may read, given by the caller (the engine cannot know who is asking): the public,
 * the enterprise itself or an institution it authorised, or the lending institution's own staff.
 */
public enum AccessLevel {
    /** Anyone: reads {@link Openness#PUBLIC} data only. */
    PUBLIC,
    /** The subject or an authorised institution: also reads {@link Openness#CONDITIONAL} data. */
    CONDITIONAL,
    /** The institution's own authorised staff: reads everything, {@link Openness#NOT_OPEN} included. */
    INTERNAL;

    /**
     * Whether data of this openness may be revealed at this level.
     *
     * @param openness the data's level
     * @return true when it may
     */
    public boolean mayRead(Openness openness) {
        return switch (openness) {
            case PUBLIC -> true;
            case CONDITIONAL -> this != PUBLIC;
            case NOT_OPEN -> this == INTERNAL;
        };
    }

    /**
     * Parses {@code public}, {@code conditional} or {@code internal} (any case).
     *
     * @param text the text
     * @return the level
     * @throws IllegalArgumentException naming the valid values
     */
    public static AccessLevel parse(String text) {
        for (AccessLevel l : values()) {
            if (l.name().equalsIgnoreCase(text.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("access level '" + text + "' is not one of public, conditional, internal");
    }

    /**
     * The lower-case name.
     *
     * @return e.g. {@code conditional}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
