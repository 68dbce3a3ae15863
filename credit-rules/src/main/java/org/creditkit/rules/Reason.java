package org.creditkit.rules;

import java.util.List;
import java.util.Objects;
import org.creditkit.core.domain.SourceLineage;

/**
 * A reason attached to a decision, in English and Chinese: a score reason code (from the scorecard)
 * or a rule reason (whose code is the rule name).
 *
 * @param code stable code, never blank
 * @param en English text
 * @param zh Chinese text
 * @param lineage the source systems and as-of times of the data behind the reason: for a score
 *     reason, the sources of its feature; for a rule reason decided by {@link CreditEngine}, the
 *     sources of the rule-input facts its rule reads (empty when the rule reads none, or when a
 *     {@link RuleInput} was decided directly, without the application it came from)
 */
public record Reason(String code, String en, String zh, List<SourceLineage> lineage) {

    /** Checks the fields and copies the lineage. */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
        lineage = List.copyOf(lineage);
        if (code.isBlank()) {
            throw new IllegalArgumentException("A reason code must not be blank (en: '" + en + "')");
        }
    }

    /**
     * A reason without lineage (a rule reason, before the engine gives it one).
     *
     * @param code stable code
     * @param en English text
     * @param zh Chinese text
     */
    public Reason(String code, String en, String zh) {
        this(code, en, zh, List.of());
    }

    /**
     * Creates a reason without lineage.
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
