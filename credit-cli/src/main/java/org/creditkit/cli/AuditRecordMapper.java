package org.creditkit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.fairness.AuditRecord;
import org.creditkit.core.fairness.Grouping;
import org.creditkit.core.fairness.Outcome;

/**
 * Turns the rows of an {@link AuditTable} into {@link AuditRecord}s.
 *
 * <ul>
 *   <li>Group attributes: the value as text; a missing, null or empty value becomes the explicit
 *       group {@value #MISSING}.</li>
 *   <li>Favourable: true when the decision column's value equals one of the favourable values,
 *       ignoring case (so {@code approved=true} matches JSON {@code true}); a missing value is an
 *       error.</li>
 *   <li>Outcome: missing, null or empty is {@link Outcome#UNKNOWN}; the bad value (ignoring case) is
 *       {@link Outcome#BAD}; without repaid values any other value is {@link Outcome#GOOD} (and the column
 *       may then hold only one other value, {@link #checkValues}); with them, a repaid value is
 *       {@link Outcome#GOOD} and any other value {@link Outcome#UNKNOWN}.</li>
 *   <li>PD and score: missing is absent; a value must be a finite number, a PD within [0, 1].</li>
 * </ul>
 */
final class AuditRecordMapper {

    /** The group label given to a missing group attribute value. */
    public static final String MISSING = "(missing)";

    /**
     * What to read from which column.
     *
     * @param groupings the groupings (their attributes are columns)
     * @param favourableColumn the decision column
     * @param favourableValues the values of the decision column that count as favourable
     * @param outcomeColumn the outcome column, if any
     * @param badValue the value of the outcome column meaning "defaulted"
     * @param repaidValues the values of the outcome column meaning "repaid"; empty: every value but the
     *     bad one, which then must be a single value
     * @param scoreColumn the score column (higher = safer), if any
     * @param pdColumn the probability-of-default column, if any
     */
    public record Spec(List<Grouping> groupings, String favourableColumn, Set<String> favourableValues,
            Optional<String> outcomeColumn, Optional<String> badValue, Set<String> repaidValues,
            Optional<String> scoreColumn, Optional<String> pdColumn) {

        /**
         * Copies the collections.
         *
         * @param groupings see {@link #groupings()}
         * @param favourableColumn see {@link #favourableColumn()}
         * @param favourableValues see {@link #favourableValues()}
         * @param outcomeColumn see {@link #outcomeColumn()}
         * @param badValue see {@link #badValue()}
         * @param repaidValues see {@link #repaidValues()}
         * @param scoreColumn see {@link #scoreColumn()}
         * @param pdColumn see {@link #pdColumn()}
         */
        public Spec {
            groupings = List.copyOf(groupings);
            favourableValues = Set.copyOf(favourableValues);
            repaidValues = Set.copyOf(repaidValues);
        }
    }

    private AuditRecordMapper() {
    }

    /**
     * Checks that every column the spec names exists in the table.
     *
     * @param table the table
     * @param spec the spec
     * @throws CreditDataException with one problem per unknown column (location
     *     {@code file column 'name'}), naming the option that named it and the available columns
     */
    public static void checkColumns(AuditTable table, AuditRecordMapper.Spec spec) {
        Map<String, String> named = namedColumns(spec);
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : named.entrySet()) {
            if (!table.columns().contains(e.getKey())) {
                problems.add(Problem.of(table.source() + " column '" + e.getKey() + "'", "unknown column, given in "
                        + e.getValue() + "; " + table.source() + " has the columns " + new TreeSet<>(table.columns())));
            }
        }
        if (!problems.isEmpty()) {
            throw new CreditDataException(problems);
        }
    }

    /**
     * Checks that every favourable value and the outcome's bad and repaid values occur in the table, so
     * that a typo ({@code tier=INSTANT_APROVAL}) or a value the data does not use ({@code defaulted=yes}
     * where the column holds true/false) is refused instead of auditing a decision nobody gets; and,
     * without repaid values, that the outcome column holds only one value besides the bad one: a third
     * value ({@code pending}, {@code unknown}) would otherwise be counted as repaid.
     *
     * @param table the table
     * @param spec the spec
     * @throws CreditDataException with one problem per value that occurs in no row, listing the
     *     values that do occur
     */
    public static void checkValues(AuditTable table, AuditRecordMapper.Spec spec) {
        checkValues(table.source(), spec, distinct(table, spec.favourableColumn()),
                spec.outcomeColumn().map(c -> distinct(table, c)).orElse(Map.of()));
    }

    /**
     * The same check over the distinct values a reader collected: lower-cased value to its first
     * spelling, of the decision column and of the outcome column.
     *
     * @throws CreditDataException with one problem per value that occurs in no row
     */
    static void checkValues(String source, AuditRecordMapper.Spec spec, Map<String, String> decisions,
            Map<String, String> outcomes) {
        List<Problem> problems = new ArrayList<>();
        for (String v : new TreeSet<>(spec.favourableValues())) {
            if (!decisions.containsKey(v.toLowerCase(Locale.ROOT))) {
                problems.add(Problem.of("--favorable " + spec.favourableColumn() + "=" + v, "no row of "
                        + source + " has " + spec.favourableColumn() + " = '" + v + "'; values that occur: "
                        + sample(decisions)));
            }
        }
        if (spec.outcomeColumn().isPresent() && spec.badValue().isPresent()) {
            String column = spec.outcomeColumn().get();
            String bad = spec.badValue().get();
            if (!outcomes.containsKey(bad.toLowerCase(Locale.ROOT))) {
                problems.add(Problem.of("--outcome " + column + "=" + bad, "no row of " + source + " has "
                        + column + " = '" + bad + "', so no default would be counted; values that occur: "
                        + (outcomes.isEmpty() ? "none (the column is empty)" : sample(outcomes))));
            }
            Map<String, String> others = new java.util.TreeMap<>(outcomes);
            others.remove(bad.toLowerCase(Locale.ROOT));
            if (spec.repaidValues().isEmpty() && others.size() > 1) {
                problems.add(Problem.of("--outcome " + column + "=" + bad, source + " has " + others.size()
                        + " values of " + column + " besides '" + bad + "': " + sample(others) + "; each would count"
                        + " as repaid. Name the repaid value(s) with --repaid (any other value then counts as not"
                        + " observed), or leave the column empty where the outcome is not observed"));
            }
            for (String v : new TreeSet<>(spec.repaidValues())) {
                if (v.equalsIgnoreCase(bad)) {
                    problems.add(Problem.of("--repaid " + v, "'" + v + "' is also the defaulted value of --outcome "
                            + column + "=" + bad + "; a value means defaulted or repaid, not both"));
                } else if (!outcomes.containsKey(v.toLowerCase(Locale.ROOT))) {
                    problems.add(Problem.of("--repaid " + v, "no row of " + source + " has " + column + " = '" + v
                            + "', so it names no repayment; values that occur: "
                            + (outcomes.isEmpty() ? "none (the column is empty)" : sample(outcomes))));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CreditDataException(problems);
        }
    }

    /** Lower-cased value to its first spelling in the table, for the non-empty values of a column. */
    private static Map<String, String> distinct(AuditTable table, String column) {
        Map<String, String> values = new java.util.TreeMap<>();
        for (AuditTable.Row row : table.rows()) {
            row.get(column).ifPresent(v -> values.putIfAbsent(v.toLowerCase(Locale.ROOT), v));
        }
        return values;
    }

    private static String sample(Map<String, String> values) {
        List<String> shown = new java.util.TreeMap<>(values).values().stream().limit(20).toList();
        return shown + (values.size() > shown.size() ? " and " + (values.size() - shown.size()) + " more" : "");
    }

    /**
     * The columns the options name, each with the first option that named it.
     *
     * @param spec the spec
     * @return column to option ({@code --groups}, {@code --favorable}, {@code --outcome}, ...)
     */
    static Map<String, String> namedColumns(AuditRecordMapper.Spec spec) {
        Map<String, String> named = new LinkedHashMap<>();
        for (Grouping g : spec.groupings()) {
            g.attributes().forEach(a -> named.putIfAbsent(a, "--groups"));
        }
        named.putIfAbsent(spec.favourableColumn(), "--favorable");
        spec.outcomeColumn().ifPresent(c -> named.putIfAbsent(c, "--outcome"));
        spec.scoreColumn().ifPresent(c -> named.putIfAbsent(c, "--score"));
        spec.pdColumn().ifPresent(c -> named.putIfAbsent(c, "--pd"));
        return named;
    }

    /**
     * Maps every row; collects every bad row before failing.
     *
     * @param table the table
     * @param spec the spec
     * @return one record per row, in order
     * @throws CreditDataException naming unknown columns or favourable or bad values that occur in no
     *     row, with one problem per bad row (location {@code file:line}), or if the table has no rows
     */
    public static List<AuditRecord> map(AuditTable table, AuditRecordMapper.Spec spec) {
        checkColumns(table, spec);
        if (!table.rows().isEmpty()) {
            checkValues(table, spec);
        }
        Set<String> attributes = new TreeSet<>();
        spec.groupings().forEach(g -> attributes.addAll(g.attributes()));
        Set<String> favourable = new TreeSet<>();
        spec.favourableValues().forEach(v -> favourable.add(v.toLowerCase(Locale.ROOT)));
        List<AuditRecord> out = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        for (AuditTable.Row row : table.rows()) {
            try {
                out.add(record(row, spec, attributes, favourable));
            } catch (IllegalArgumentException e) {
                errors.add(Problem.of(table.source() + ":" + row.line(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw AuditTableReader.badLines(table.source(), errors, "bad rows");
        }
        if (out.isEmpty()) {
            throw new CreditDataException(table.source(), "no rows to audit; the file needs at least one data row");
        }
        return out;
    }

    private static AuditRecord record(AuditTable.Row row, AuditRecordMapper.Spec spec, Set<String> attributes,
            Set<String> favourable) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String a : attributes) {
            attrs.put(a, row.get(a).orElse(MISSING));
        }
        return record(row::get, attrs, spec, favourable);
    }

    /**
     * Maps one row given its group attributes.
     *
     * @param row a column's value, absent if missing, null or empty
     * @param attrs the group attribute values (possibly shared between rows)
     * @param spec what to read
     * @param favourable the favourable values, lower case
     * @return the record
     * @throws IllegalArgumentException saying what is wrong with the row
     */
    static AuditRecord record(java.util.function.Function<String, Optional<String>> row, Map<String, String> attrs,
            AuditRecordMapper.Spec spec, Set<String> favourable) {
        Parsed p = parse(row, spec, favourable);
        return new AuditRecord(attrs, p.favourable(), p.pd(), p.score(), p.outcome());
    }

    /**
     * What the audit reads from one row besides its group attributes.
     *
     * @param favourable whether the decision is favourable
     * @param pd the PD, if given
     * @param score the score, if given
     * @param outcome the outcome, {@link Outcome#UNKNOWN} if not given
     */
    record Parsed(boolean favourable, OptionalDouble pd, OptionalDouble score, Outcome outcome) {
    }

    /**
     * Reads the decision, outcome, PD and score of one row.
     *
     * @param row a column's value, absent if missing, null or empty
     * @param spec what to read
     * @param favourable the favourable values, lower case
     * @return the values
     * @throws IllegalArgumentException saying what is wrong with the row
     */
    static Parsed parse(java.util.function.Function<String, Optional<String>> row, AuditRecordMapper.Spec spec,
            Set<String> favourable) {
        String decision = row.apply(spec.favourableColumn()).orElseThrow(() -> new IllegalArgumentException(
                "no value in the decision column '" + spec.favourableColumn() + "'"));
        boolean fav = favourable.contains(decision.toLowerCase(Locale.ROOT));
        Outcome outcome = Outcome.UNKNOWN;
        if (spec.outcomeColumn().isPresent()) {
            Optional<String> v = row.apply(spec.outcomeColumn().get());
            if (v.isPresent()) {
                outcome = v.get().equalsIgnoreCase(spec.badValue().orElseThrow()) ? Outcome.BAD
                        : spec.repaidValues().isEmpty() || repaid(spec, v.get()) ? Outcome.GOOD : Outcome.UNKNOWN;
            }
        }
        OptionalDouble pd = OptionalDouble.empty();
        if (spec.pdColumn().isPresent()) {
            Optional<String> v = row.apply(spec.pdColumn().get());
            if (v.isPresent()) {
                double x = number(v.get(), spec.pdColumn().get());
                if (!(x >= 0.0 && x <= 1.0)) {
                    throw new IllegalArgumentException("PD column '" + spec.pdColumn().get() + "' holds " + v.get()
                            + "; a PD must be within [0, 1]");
                }
                pd = OptionalDouble.of(x);
            }
        }
        OptionalDouble score = OptionalDouble.empty();
        if (spec.scoreColumn().isPresent()) {
            Optional<String> v = row.apply(spec.scoreColumn().get());
            if (v.isPresent()) {
                score = OptionalDouble.of(number(v.get(), spec.scoreColumn().get()));
            }
        }
        return new Parsed(fav, pd, score, outcome);
    }

    private static boolean repaid(AuditRecordMapper.Spec spec, String value) {
        for (String r : spec.repaidValues()) {
            if (r.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static double number(String text, String column) {
        double d;
        try {
            d = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + column + "' holds '" + text + "', which is not a number");
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("column '" + column + "' holds '" + text + "'; it must be finite");
        }
        return d;
    }
}
