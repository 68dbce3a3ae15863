package org.creditkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.fairness.AuditAccumulator;
import org.creditkit.core.fairness.AuditScope;

/**
 * Where the streaming readers of {@code credit audit} (JSON Lines and CSV) put each row as they read
 * it: the row is mapped ({@link AuditRecordMapper#parse}) and counted into the audit's
 * {@link AuditAccumulator}, its provenance into the scope, its decision and outcome values into
 * the sets the favourable and bad values are checked against; a bad row is kept as a problem at
 * {@code file:line}. Nothing of the row itself is kept, so a file of any length is read in memory
 * proportional to its distinct attribute combinations.
 */
final class AuditRowSink {

    private final String source;
    private final AuditRecordMapper.Spec spec;
    private final AuditAccumulator audit;
    private final List<String> attributes;
    private final String[] values;
    private final Set<String> favourable = new TreeSet<>();
    private final Map<String, String> decisions = new TreeMap<>();
    private final Map<String, String> outcomes = new TreeMap<>();
    private final List<Problem> errors = new ArrayList<>();
    private final AuditScopeCollector scope = new AuditScopeCollector();
    private String where;

    /**
     * @param source the file name, for messages
     * @param spec what to read
     * @param audit where the rows are counted
     */
    AuditRowSink(String source, AuditRecordMapper.Spec spec, AuditAccumulator audit) {
        this.source = source;
        this.where = source;
        this.spec = spec;
        this.audit = audit;
        this.attributes = audit.attributes();
        this.values = new String[attributes.size()];
        spec.favourableValues().forEach(v -> favourable.add(v.toLowerCase(Locale.ROOT)));
    }

    /**
     * Names the file the following lines come from (a part of a rotated decision trail), for the
     * {@code file:line} of their problems.
     *
     * @param file the part
     */
    void part(String file) {
        where = file;
    }

    /**
     * Counts one row.
     *
     * @param line the row's line in the file
     * @param row a column's value, null when missing, null in JSON or empty
     * @param checksumColumn the column holding the model's checksum or version (null if none)
     * @param timeColumn the column holding the decision time (null if none)
     */
    void row(int line, Function<String, String> row, String checksumColumn, String timeColumn) {
        distinct(decisions, decisionSpellings, row.apply(spec.favourableColumn()));
        spec.outcomeColumn().ifPresent(c -> distinct(outcomes, outcomeSpellings, row.apply(c)));
        for (int i = 0; i < values.length; i++) {
            String v = row.apply(attributes.get(i));
            values[i] = v == null ? AuditRecordMapper.MISSING : v;
        }
        AuditRecordMapper.Parsed p;
        try {
            p = AuditRecordMapper.parse(c -> Optional.ofNullable(row.apply(c)), spec, favourable);
        } catch (IllegalArgumentException e) {
            errors.add(Problem.of(where + ":" + line, e.getMessage()));
            return;
        }
        if (!errors.isEmpty()) {
            return; // the audit is refused anyway; keep reading only to list every bad line
        }
        audit.add(values, p.favourable(), p.pd(), p.score(), p.outcome());
        scope.add(row.apply("modelId"), checksumColumn == null ? null : row.apply(checksumColumn),
                row.apply(AuditScopeCollector.RULESET_COLUMN), timeColumn == null ? null : row.apply(timeColumn));
    }

    /**
     * Records a line that is not a row (malformed JSON, a wrong number of CSV fields).
     *
     * @param line the line
     * @param message what is wrong
     */
    void bad(int line, String message) {
        errors.add(Problem.of(where + ":" + line, message));
    }

    /**
     * The problems found so far, to which a reader adds its own (a tokenizer's) in line order.
     *
     * @return the live list
     */
    List<Problem> problems() {
        return errors;
    }

    /**
     * Ends the reading.
     *
     * @param digest the SHA-256 of the file, hex
     * @return what was audited
     * @throws CreditDataException with one problem per bad line (the first 20 listed), if no row
     *     was read, or if a favourable or bad value occurs in no row
     */
    AuditScope finish(String digest) {
        if (!errors.isEmpty()) {
            throw AuditTableReader.badLines(source, errors, "bad lines");
        }
        if (audit.count() == 0) {
            throw new CreditDataException(source, "no rows to audit; the file needs at least one data row");
        }
        AuditRecordMapper.checkValues(source, spec, decisions, outcomes);
        return scope.scope("sha256:" + digest);
    }

    private final Set<String> decisionSpellings = new java.util.HashSet<>();
    private final Set<String> outcomeSpellings = new java.util.HashSet<>();

    private static void distinct(Map<String, String> seen, Set<String> spellings, String value) {
        // lower-case only a spelling not met before: a million rows hold a handful of spellings
        if (value != null && spellings.add(value)) {
            seen.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
        }
    }
}
