package org.creditkit.rules.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.SourceLineage;
import org.creditkit.rules.Tier;

/**
 * One decision record read back from a decision trail: what {@link DecisionLog} wrote, without
 * identifiers. Enough to explain the decision without scoring again.
 *
 * @param location where it is ({@code file:line})
 * @param time when the decision was recorded
 * @param application the application's pseudonym
 * @param enterprise the enterprise's pseudonym
 * @param modelId model bundle {@code id@version}
 * @param bundleChecksum the bundle's checksum
 * @param rulesetVersion the ruleset hash
 * @param tier the tier
 * @param approvedAmount the approved (or proposed) amount in CNY
 * @param approvedTermMonths the term
 * @param interestRate the annual rate
 * @param conditions mitigation conditions (enum names)
 * @param qualityFlags data-quality flags (enum names)
 * @param score the score
 * @param pd the probability of default
 * @param grade the grade
 * @param firedRules the rules that fired
 * @param reasons the reasons, score reasons first
 */
public record DecisionRecord(String location, Instant time, String application, String enterprise, String modelId,
                             String bundleChecksum, String rulesetVersion, Tier tier, BigDecimal approvedAmount,
                             int approvedTermMonths, double interestRate, List<String> conditions,
                             List<String> qualityFlags, double score, double pd, String grade, List<String> firedRules,
                             List<RecordedReason> reasons) {

    /**
     * A reason as recorded.
     *
     * @param code the reason code (a score reason {@code R-...} or a rule name)
     * @param feature the feature behind a score reason
     * @param value the feature's value, when it was present
     * @param pointsLost the score points it cost (score reasons)
     * @param en English text
     * @param zh Chinese text
     * @param lineage the sources, systems and as-of times of its data
     */
    public record RecordedReason(String code, Optional<String> feature, OptionalDouble value, OptionalDouble pointsLost,
                                 String en, String zh, List<SourceLineage> lineage) {

        /** Checks the fields and copies the lineage. */
        public RecordedReason {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(pointsLost, "pointsLost");
            Objects.requireNonNull(en, "en");
            Objects.requireNonNull(zh, "zh");
            lineage = List.copyOf(lineage);
        }
    }

    /** Copies the lists. */
    public DecisionRecord {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(approvedAmount, "approvedAmount");
        conditions = List.copyOf(conditions);
        qualityFlags = List.copyOf(qualityFlags);
        firedRules = List.copyOf(firedRules);
        reasons = List.copyOf(reasons);
    }

    /**
     * Reads a decision line of a trail.
     *
     * @param n the parsed line
     * @param location {@code file:line}, for messages
     * @return the record
     * @throws IllegalArgumentException naming the field when the line is not a decision record
     */
    static DecisionRecord of(JsonNode n, String location) {
        List<RecordedReason> reasons = new ArrayList<>();
        for (JsonNode r : n.path("reasons")) {
            List<SourceLineage> lineage = new ArrayList<>();
            for (JsonNode l : r.path("lineage")) {
                lineage.add(new SourceLineage(DataSource.valueOf(text(l, "source", location)), text(l, "system", location),
                        Instant.parse(text(l, "asOf", location))));
            }
            reasons.add(new RecordedReason(text(r, "code", location),
                    r.hasNonNull("feature") ? Optional.of(r.get("feature").asText()) : Optional.empty(),
                    r.hasNonNull("value") ? OptionalDouble.of(r.get("value").asDouble()) : OptionalDouble.empty(),
                    r.hasNonNull("points") ? OptionalDouble.of(r.get("points").asDouble()) : OptionalDouble.empty(),
                    text(r, "en", location), text(r, "zh", location), lineage));
        }
        return new DecisionRecord(location, Instant.parse(text(n, "time", location)), text(n, "application", location),
                text(n, "enterprise", location), text(n, "modelId", location), text(n, "bundleChecksum", location),
                text(n, "rulesetVersion", location), Tier.valueOf(text(n, "tier", location)),
                new BigDecimal(text(n, "approvedAmount", location)), n.path("approvedTermMonths").asInt(),
                n.path("interestRate").asDouble(), strings(n.path("conditions")), strings(n.path("qualityFlags")),
                n.path("score").asDouble(), n.path("pd").asDouble(), text(n, "grade", location),
                strings(n.path("firedRules")), reasons);
    }

    private static String text(JsonNode n, String field, String location) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw new IllegalArgumentException(location + ": the decision record has no '" + field + "' value");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
