package org.creditkit.core.fairness;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One audited decision: its group attributes, whether the decision was favourable, and optionally
 * the model's probability of default, its score and the observed outcome.
 *
 * <p>Example:
 * <pre>{@code
 * AuditRecord r = AuditRecord.of(Map.of("industry", "H", "zone", "EAST"), true)
 *         .withPd(0.031).withOutcome(Outcome.GOOD);
 * }</pre>
 *
 * @param attributes group attribute name to value (any columns: industry, zone, sizeClass...);
 *     sorted, unmodifiable, no blank names
 * @param favourable true if the decision was favourable (for example approved, including approval
 *     with mitigation)
 * @param pd the model's probability of default in [0, 1], if known
 * @param score the model's score (higher = safer), if known
 * @param outcome the observed outcome, {@link Outcome#UNKNOWN} if not observed
 */
public record AuditRecord(Map<String, String> attributes, boolean favourable, OptionalDouble pd,
        OptionalDouble score, Outcome outcome) {

    /**
     * Checks and copies the parts.
     *
     * @param attributes see {@link #attributes()}
     * @param favourable see {@link #favourable()}
     * @param pd see {@link #pd()}
     * @param score see {@link #score()}
     * @param outcome see {@link #outcome()}
     * @throws IllegalArgumentException if an attribute name is blank, the PD is outside [0, 1] or
     *     not finite, or the score is not finite
     * @throws NullPointerException if any part, attribute name or value is null
     */
    public AuditRecord {
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(pd, "pd");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(outcome, "outcome");
        TreeMap<String, String> copy = new TreeMap<>();
        attributes.forEach((k, v) -> {
            Objects.requireNonNull(k, "attribute name");
            Objects.requireNonNull(v, () -> "value of attribute '" + k + "'");
            if (k.isBlank()) {
                throw new IllegalArgumentException("Attribute names must not be blank, got '" + k + "'");
            }
            copy.put(k, v);
        });
        attributes = Collections.unmodifiableMap(copy);
        if (pd.isPresent() && !(pd.getAsDouble() >= 0.0 && pd.getAsDouble() <= 1.0)) {
            throw new IllegalArgumentException("PD must be a probability in [0, 1], got " + pd.getAsDouble());
        }
        if (score.isPresent() && !Double.isFinite(score.getAsDouble())) {
            throw new IllegalArgumentException("Score must be finite, got " + score.getAsDouble());
        }
    }

    /**
     * Returns a record with no PD, score or outcome.
     *
     * @param attributes group attributes
     * @param favourable whether the decision was favourable
     * @return the record
     */
    public static AuditRecord of(Map<String, String> attributes, boolean favourable) {
        return new AuditRecord(attributes, favourable, OptionalDouble.empty(), OptionalDouble.empty(),
                Outcome.UNKNOWN);
    }

    /**
     * Returns a copy with a probability of default.
     *
     * @param probabilityOfDefault the PD in [0, 1]
     * @return the copy
     */
    public AuditRecord withPd(double probabilityOfDefault) {
        return new AuditRecord(attributes, favourable, OptionalDouble.of(probabilityOfDefault), score, outcome);
    }

    /**
     * Returns a copy with a score.
     *
     * @param value the score, higher meaning safer
     * @return the copy
     */
    public AuditRecord withScore(double value) {
        return new AuditRecord(attributes, favourable, pd, OptionalDouble.of(value), outcome);
    }

    /**
     * Returns a copy with an observed outcome.
     *
     * @param observed the outcome
     * @return the copy
     */
    public AuditRecord withOutcome(Outcome observed) {
        return new AuditRecord(attributes, favourable, pd, score, observed);
    }
}
