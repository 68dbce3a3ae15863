package org.creditkit.core.fairness;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an audit examined, named so a signed report can be traced to the exact data, model and rule
 * set: the digest of the data file, the models and rule sets that made the decisions (as recorded in
 * the decision log), and the period the decisions cover. Every part may be unknown, and the reports
 * then say so rather than leave it out.
 *
 * <pre>{@code
 * AuditScope scope = AuditScope.of(Optional.of("sha256:9f2c..."), List.of("demo-base@1 (checksum sha256:ab12...)"),
 *         List.of("default-policy sha256:77e0..."), Optional.of("2026-01-01 to 2026-03-31"));
 * AuditConfig.builder().scope(scope)...
 * }</pre>
 *
 * @param dataDigest the digest of the audited file, e.g. {@code sha256:9f2c...}
 * @param models the model ids (and checksums) that made the decisions, each with its count
 * @param ruleSets the rule-set versions (hashes) that made the decisions, each with its count
 * @param period the decision period, e.g. {@code 2026-01-01 to 2026-03-31}
 */
public record AuditScope(Optional<String> dataDigest, List<String> models, List<String> ruleSets,
        Optional<String> period) {

    private static final AuditScope UNKNOWN = new AuditScope(Optional.empty(), List.of(), List.of(), Optional.empty());

    /**
     * Copies the lists.
     *
     * @param dataDigest see {@link #dataDigest()}
     * @param models see {@link #models()}
     * @param ruleSets see {@link #ruleSets()}
     * @param period see {@link #period()}
     */
    public AuditScope {
        Objects.requireNonNull(dataDigest, "dataDigest");
        Objects.requireNonNull(period, "period");
        models = List.copyOf(models);
        ruleSets = List.copyOf(ruleSets);
    }

    /**
     * @param dataDigest see {@link #dataDigest()}
     * @param models see {@link #models()}
     * @param ruleSets see {@link #ruleSets()}
     * @param period see {@link #period()}
     * @return the scope
     */
    public static AuditScope of(Optional<String> dataDigest, List<String> models, List<String> ruleSets,
            Optional<String> period) {
        return new AuditScope(dataDigest, models, ruleSets, period);
    }

    /** @return a scope with nothing known (records handed over in memory) */
    public static AuditScope unknown() {
        return UNKNOWN;
    }

    /**
     * The facts as label and text, in report order; an unknown fact says what would have named it.
     *
     * @return label, text pairs
     */
    public List<String[]> facts() {
        return List.of(
                new String[] {"Data digest", dataDigest.orElse("not recorded (records passed in memory)")},
                new String[] {"Model", models.isEmpty() ? "not recorded in the data (no modelId column)"
                        : String.join("; ", models)},
                new String[] {"Rule set", ruleSets.isEmpty() ? "not recorded in the data (no rulesetVersion column)"
                        : String.join("; ", ruleSets)},
                new String[] {"Decision period", period.orElse("not recorded in the data (no decision time column)")});
    }
}
