package org.creditkit.rules;

import java.util.Objects;

/**
 * A reason attached to a decision, in English and Chinese: a score reason code (from the scorecard)
 * or a rule reason (whose code is the rule name).
 *
 * @param code stable code, never blank
 * @param en English text
 * @param zh Chinese text
 */
public record Reason(String code, String en, String zh) {

    /** Checks the fields. */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
        if (code.isBlank()) {
            throw new IllegalArgumentException("A reason code must not be blank (en: '" + en + "')");
        }
    }

    /**
     * Creates a reason.
     *
     * @param code stable code
     * @param en English text
     * @param zh Chinese text
     * @return the reason
     */
    public static Reason of(String code, String en, String zh) {
        return new Reason(code, en, zh);
    }
}
