package org.creditkit.core.fairness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an audit computes and how: the groupings, the reference of each, the thresholds and the
 * statistical methods. Build one with {@link #builder()}:
 * <pre>{@code
 * AuditConfig config = AuditConfig.builder()
 *         .grouping(Grouping.of("industry"))
 *         .grouping(Grouping.of("industry", "zone"))
 *         .reference("industry", "C")                  // named reference for one grouping
 *         .defaultReference(ReferenceKind.LARGEST)     // all other groupings
 *         .thresholds(FairnessThresholds.defaults())
 *         .build();
 * }</pre>
 *
 * @param groupings the groupings to audit, in report order, at least one, no duplicates
 * @param namedReferences grouping name to the label of its reference group
 * @param defaultReference how the reference is chosen for groupings without a named one; an
 *     intersection such as {@code industry*zone} first narrows the candidates to the groups inside
 *     the named reference of any of its attributes (with {@code industry = C} named: the
 *     {@code C*...} groups)
 * @param thresholds check thresholds and minimum sizes
 * @param differenceMethod interval method for rate differences
 * @param significanceTest test for the p-value of a rate difference
 * @param bootstrapReplicates bootstrap replicates: of every group's bootstrap intervals, and of the
 *     difference intervals when {@code differenceMethod} is BOOTSTRAP
 * @param seed seed of the bootstrap (each comparison derives its own stream from it)
 * @param title report title
 * @param dataSource what was audited (file name or description), shown in the reports
 * @param generatedAt a timestamp to print in the reports; absent keeps reports byte-for-byte
 *     reproducible
 * @param scope what was audited: data digest, models, rule sets, decision period
 */
public record AuditConfig(List<Grouping> groupings, Map<String, String> namedReferences,
        ReferenceKind defaultReference, FairnessThresholds thresholds, DifferenceMethod differenceMethod,
        SignificanceTest significanceTest, int bootstrapReplicates, long seed, String title, String dataSource,
        Optional<String> generatedAt, AuditScope scope) {

    /**
     * Checks and copies the parts.
     *
     * @param groupings see {@link #groupings()}
     * @param namedReferences see {@link #namedReferences()}
     * @param defaultReference see {@link #defaultReference()}
     * @param thresholds see {@link #thresholds()}
     * @param differenceMethod see {@link #differenceMethod()}
     * @param significanceTest see {@link #significanceTest()}
     * @param bootstrapReplicates see {@link #bootstrapReplicates()}
     * @param seed see {@link #seed()}
     * @param title see {@link #title()}
     * @param dataSource see {@link #dataSource()}
     * @param generatedAt see {@link #generatedAt()}
     * @param scope see {@link #scope()}
     * @throws IllegalArgumentException if there is no grouping, a duplicate grouping, a named
     *     reference for a grouping not audited, or fewer than 100 bootstrap replicates
     */
    public AuditConfig {
        Objects.requireNonNull(defaultReference, "defaultReference");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(differenceMethod, "differenceMethod");
        Objects.requireNonNull(significanceTest, "significanceTest");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(scope, "scope");
        groupings = List.copyOf(groupings);
        if (groupings.isEmpty()) {
            throw new IllegalArgumentException("An audit needs at least one grouping");
        }
        List<String> names = groupings.stream().map(Grouping::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("Groupings repeat: " + names);
        }
        namedReferences = Collections.unmodifiableMap(new LinkedHashMap<>(namedReferences));
        for (String g : namedReferences.keySet()) {
            if (!names.contains(g)) {
                throw new IllegalArgumentException("Reference given for grouping '" + g
                        + "', which is not audited; audited groupings are " + names);
            }
        }
        if (bootstrapReplicates < 100) {
            throw new IllegalArgumentException("bootstrapReplicates must be at least 100, got " + bootstrapReplicates);
        }
    }

    /**
     * Returns this configuration naming what was audited, for a scope known only once the data is
     * read (its digest, models, rule sets and period).
     *
     * @param value the scope
     * @return the copy
     */
    public AuditConfig withScope(AuditScope value) {
        return new AuditConfig(groupings, namedReferences, defaultReference, thresholds, differenceMethod,
                significanceTest, bootstrapReplicates, seed, title, dataSource, generatedAt, value);
    }

    /**
     * Returns a builder with the defaults: reference LARGEST, default thresholds, Newcombe
     * intervals, Fisher exact test, 1000 bootstrap replicates, seed 20240601, title
     * "Fairness audit", data source "records", no timestamp.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AuditConfig}; every setter returns the builder. */
    public static final class Builder {
        private final List<Grouping> groupings = new ArrayList<>();
        private final Map<String, String> references = new LinkedHashMap<>();
        private ReferenceKind defaultReference = ReferenceKind.LARGEST;
        private FairnessThresholds thresholds = FairnessThresholds.defaults();
        private DifferenceMethod differenceMethod = DifferenceMethod.NEWCOMBE;
        private SignificanceTest significanceTest = SignificanceTest.FISHER_EXACT;
        private int bootstrapReplicates = 1000;
        private long seed = 20240601L;
        private String title = "Fairness audit";
        private String dataSource = "records";
        private Optional<String> generatedAt = Optional.empty();
        private AuditScope scope = AuditScope.unknown();

        private Builder() {
        }

        /**
         * Adds a grouping.
         *
         * @param grouping the grouping
         * @return this builder
         */
        public Builder grouping(Grouping grouping) {
            groupings.add(Objects.requireNonNull(grouping, "grouping"));
            return this;
        }

        /**
         * Names the reference group of a grouping.
         *
         * @param groupingName e.g. {@code industry} or {@code industry*zone}
         * @param groupLabel e.g. {@code C} or {@code C*EAST}
         * @return this builder
         */
        public Builder reference(String groupingName, String groupLabel) {
            references.put(Objects.requireNonNull(groupingName), Objects.requireNonNull(groupLabel));
            return this;
        }

        /**
         * Sets how references are chosen for groupings without a named one.
         *
         * @param kind the rule
         * @return this builder
         */
        public Builder defaultReference(ReferenceKind kind) {
            this.defaultReference = kind;
            return this;
        }

        /**
         * Sets the thresholds.
         *
         * @param value the thresholds
         * @return this builder
         */
        public Builder thresholds(FairnessThresholds value) {
            this.thresholds = value;
            return this;
        }

        /**
         * Sets the interval method for differences.
         *
         * @param value the method
         * @return this builder
         */
        public Builder differenceMethod(DifferenceMethod value) {
            this.differenceMethod = value;
            return this;
        }

        /**
         * Sets the significance test.
         *
         * @param value the test
         * @return this builder
         */
        public Builder significanceTest(SignificanceTest value) {
            this.significanceTest = value;
            return this;
        }

        /**
         * Sets the bootstrap replicates and seed.
         *
         * @param replicates at least 100
         * @param seedValue the seed
         * @return this builder
         */
        public Builder bootstrap(int replicates, long seedValue) {
            this.bootstrapReplicates = replicates;
            this.seed = seedValue;
            return this;
        }

        /**
         * Sets the report title.
         *
         * @param value the title
         * @return this builder
         */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /**
         * Sets what was audited.
         *
         * @param value e.g. a file name
         * @return this builder
         */
        public Builder dataSource(String value) {
            this.dataSource = value;
            return this;
        }

        /**
         * Sets the timestamp printed in reports (omit for reproducible output).
         *
         * @param value e.g. an ISO-8601 instant
         * @return this builder
         */
        public Builder generatedAt(String value) {
            this.generatedAt = Optional.of(value);
            return this;
        }

        /**
         * Names what was audited (data digest, models, rule sets, decision period); default: unknown.
         *
         * @param value the scope
         * @return this builder
         */
        public Builder scope(AuditScope value) {
            this.scope = Objects.requireNonNull(value, "scope");
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException as {@link AuditConfig#AuditConfig} documents
         */
        public AuditConfig build() {
            return new AuditConfig(groupings, references, defaultReference, thresholds, differenceMethod,
                    significanceTest, bootstrapReplicates, seed, title, dataSource, generatedAt, scope);
        }
    }
}
