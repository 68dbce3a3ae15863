package org.creditkit.core.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;

/**
 * A fairness audit fed one decision at a time, so that a decision log of any length is audited in
 * memory proportional to its distinct attribute combinations, not to its rows: each decision is
 * counted into its cell (one combination of every attribute's value, e.g. {@code C, EAST, SMALL,
 * PRIVATE}), and each grouping's groups are sums of cells when the report is made. Only the risks of
 * decisions with an observed outcome are kept (one {@code double} each, for the groups' AUC).
 *
 * <pre>{@code
 * AuditAccumulator audit = new AuditAccumulator(config);
 * String[] values = new String[audit.attributes().size()];   // in attributes() order
 * for (Decision d : log) {
 *     values[0] = d.industry(); values[1] = d.zone();
 *     audit.add(values, d.approved(), OptionalDouble.of(d.pd()), OptionalDouble.empty(), d.outcome());
 * }
 * AuditReport report = audit.report();
 * }</pre>
 *
 * <p>{@link FairnessAudit#run} is this over a collection. Not thread-safe: one accumulator per
 * thread.
 */
public final class AuditAccumulator {

    /** How many records lacking attributes are listed before the rest are only counted. */
    static final int MAX_LISTED_PROBLEMS = 20;

    private final AuditConfig config;
    private final List<String> attributes;
    private final Map<Key, FairnessAudit.GroupStats> cells = new HashMap<>();
    private final Key probe = new Key();
    private final String[] scratch;
    private int records;
    private int withOutcome;
    private int withPd;
    private final long[] benefitCounts = new long[3];
    private final List<Problem> problems = new ArrayList<>();
    private int lacking;

    /**
     * Starts an empty audit.
     *
     * @param config what to compute
     */
    public AuditAccumulator(AuditConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.attributes = attributesOf(config);
        this.scratch = new String[attributes.size()];
    }

    /** The sorted, distinct attributes of every grouping. */
    static List<String> attributesOf(AuditConfig config) {
        TreeSet<String> names = new TreeSet<>();
        config.groupings().forEach(g -> names.addAll(g.attributes()));
        return List.copyOf(names);
    }

    /**
     * The attributes every decision needs, in the order {@link #add(String[], boolean, OptionalDouble,
     * OptionalDouble, Outcome)} takes their values: the groupings' attributes, sorted by name.
     *
     * @return the attribute names
     */
    public List<String> attributes() {
        return attributes;
    }

    /**
     * Counts one record. A record lacking an attribute some grouping needs is not counted; it is
     * listed by its position (counting from 1) when {@link #report()} refuses the audit.
     *
     * @param r the record
     */
    public void add(AuditRecord r) {
        Objects.requireNonNull(r, "record");
        int position = records + lacking + 1;
        List<String> missing = null;
        for (int i = 0; i < scratch.length; i++) {
            String v = r.attributes().get(attributes.get(i));
            if (v == null) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(attributes.get(i));
            }
            scratch[i] = v;
        }
        if (missing != null) {
            lacking(position, missing, r.attributes().keySet());
            return;
        }
        count(scratch, r.favourable(), r.pd().orElse(Double.NaN), r.score().orElse(Double.NaN), r.outcome());
    }

    /**
     * Counts one decision given its attribute values, without building a record.
     *
     * @param values one value per {@link #attributes()} name, in that order (copied when a new
     *     combination is seen, so the array may be reused)
     * @param favourable whether the decision was favourable
     * @param pd the probability of default in [0, 1], if known
     * @param score the score (higher = safer), if known
     * @param outcome the observed outcome, {@link Outcome#UNKNOWN} if not observed
     * @throws IllegalArgumentException if the number of values is not the number of attributes, the
     *     PD is outside [0, 1] or the score is not finite (the decision is not counted)
     * @throws NullPointerException if a value or the outcome is null
     */
    public void add(String[] values, boolean favourable, OptionalDouble pd, OptionalDouble score, Outcome outcome) {
        if (values.length != attributes.size()) {
            throw new IllegalArgumentException(values.length + " attribute values for the " + attributes.size()
                    + " attributes " + attributes);
        }
        for (int i = 0; i < values.length; i++) {
            Objects.requireNonNull(values[i], attributes.get(i));
        }
        Objects.requireNonNull(outcome, "outcome");
        if (pd.isPresent() && !(pd.getAsDouble() >= 0.0 && pd.getAsDouble() <= 1.0)) {
            throw new IllegalArgumentException("PD must be a probability in [0, 1], got " + pd.getAsDouble());
        }
        if (score.isPresent() && !Double.isFinite(score.getAsDouble())) {
            throw new IllegalArgumentException("Score must be finite, got " + score.getAsDouble());
        }
        count(values, favourable, pd.orElse(Double.NaN), score.orElse(Double.NaN), outcome);
    }

    private void count(String[] values, boolean favourable, double pd, double score, Outcome outcome) {
        probe.set(values);
        FairnessAudit.GroupStats cell = cells.get(probe);
        if (cell == null) {
            Key key = new Key();
            key.set(values.clone());
            cell = new FairnessAudit.GroupStats("", List.of(key.values), config.thresholds().pdBandEdges());
            cells.put(key, cell);
        }
        cell.add(favourable, pd, score, outcome);
        records++;
        if (outcome != Outcome.UNKNOWN) {
            withOutcome++;
            benefitCounts[FairnessAudit.benefit(favourable, outcome)]++;
        }
        if (!Double.isNaN(pd)) {
            withPd++;
        }
    }

    private void lacking(int position, List<String> missing, java.util.Set<String> has) {
        lacking++;
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            List<String> users = config.groupings().stream()
                    .filter(g -> g.attributes().stream().anyMatch(missing::contains)).map(Grouping::name).toList();
            problems.add(Problem.of("record " + position, "no attribute " + quoted(missing) + ", needed by "
                    + (users.size() == 1 ? "grouping " : "groupings ") + quoted(users) + "; it has "
                    + new TreeSet<>(has) + ", every record needs " + attributes));
        }
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    /**
     * The number of decisions counted so far.
     *
     * @return the count
     */
    public int count() {
        return records;
    }

    /**
     * Makes the report over every decision counted so far. The accumulator can go on counting.
     *
     * @return the report
     * @throws CreditDataException if no record was counted (location {@code records}), if records
     *     lacked grouping attributes (one problem per such record, location {@code record N}, at most
     *     {@value #MAX_LISTED_PROBLEMS} listed) or if a named reference group does not occur in the
     *     data (location {@code reference of grouping 'g'})
     */
    public AuditReport report() {
        return report(config);
    }

    /**
     * Makes the report naming what was audited, for a scope known only once the data is read.
     *
     * @param scope the data digest, models, rule sets and period
     * @return the report
     * @throws CreditDataException as {@link #report()}
     */
    public AuditReport report(AuditScope scope) {
        return report(config.withScope(scope));
    }

    private AuditReport report(AuditConfig reportConfig) {
        if (lacking > 0) {
            List<Problem> all = new ArrayList<>(problems);
            if (lacking > problems.size()) {
                all.add(Problem.of("records", (lacking - problems.size()) + " more records lack grouping "
                        + "attributes; " + lacking + " of " + (lacking + records) + " in all"));
            }
            throw new CreditDataException(all);
        }
        if (records == 0) {
            throw new CreditDataException("records", "no records to audit: the input holds no decision; "
                    + "an audit needs at least one");
        }
        return FairnessAudit.report(reportConfig, cells.values(), records, withOutcome, withPd, benefitCounts.clone());
    }

    /** A combination of attribute values; one mutable instance probes the map without allocating. */
    private static final class Key {
        String[] values;
        int hash;

        void set(String[] v) {
            values = v;
            hash = Arrays.hashCode(v);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.values, values);
        }
    }
}
