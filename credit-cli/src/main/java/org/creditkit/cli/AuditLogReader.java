package org.creditkit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.chain.BrokenChainException;
import org.creditkit.core.chain.ChainVerifier;
import org.creditkit.core.fairness.AuditRecord;
import org.creditkit.core.fairness.AuditScope;

/**
 * Streams a JSON Lines decision log into audit records, keeping only what the audit uses: each line
 * is parsed with Jackson's streaming parser, the named columns (groups, decision, outcome, PD,
 * score) and the provenance columns ({@code modelId}, {@code bundleChecksum}/{@code modelVersion},
 * {@code rulesetVersion}, {@code time}/{@code decisionDate}/{@code decidedAt}) are read and every
 * other field is skipped unparsed, nested objects and arrays included. So a log may carry any number
 * of fields the audit does not use (reasons with lineage, quality flags, chain hashes) and grow new
 * ones without breaking the audit, and a million decisions need memory for a million small records
 * only: the group-attribute maps are shared between rows with the same values.
 *
 * <p>A hash-chained decision trail ({@code credit decide --log}, docs/decision-log.md) is read
 * whole: its rotated parts ({@code L.jsonl}, {@code L.2.jsonl} ...) in chain order, once they are
 * found to be one unbroken chain (a broken one is refused, naming its first bad line). Only its
 * {@code decision} records are rows; headers and checkpoints are passed over.
 *
 * <p>The same refusals as the table reader: a line that is not a JSON object, a named column whose
 * value is an object or an array of non-scalars, a named column that no line has, and the row
 * errors of {@link AuditRecordMapper} — each with its {@code file:line}, all collected before
 * failing.
 */
final class AuditLogReader {

    private static final JsonFactory JSON = new JsonFactory();
    /** Lines whose top-level field names are collected for the "file has the columns" message. */
    private static final int COLUMN_SAMPLE_LINES = 1000;

    private AuditLogReader() {
    }

    /**
     * The records and what was audited.
     *
     * @param records one per data line, in order
     * @param scope the data digest, models, rule sets and period
     */
    record Result(List<AuditRecord> records, AuditScope scope) {
    }

    /**
     * Reads a JSON Lines file.
     *
     * @param file the file
     * @param spec what to read
     * @return the records and scope
     * @throws BrokenChainException when the file is a decision trail whose parts are not one
     *     unbroken chain (nothing is read)
     * @throws CreditDataException with one problem per bad line ({@code file:line}, the first 20
     *     listed), per named column no line has, or if there is no data line
     */
    static Result read(Path file, AuditRecordMapper.Spec spec) {
        return read(file, spec, n -> { });
    }

    /**
     * Reads a JSON Lines file, reporting progress.
     *
     * @param file the file
     * @param spec what to read
     * @param linesRead called with the number of lines read so far, after each line (throttle it)
     * @return the records and scope
     * @throws BrokenChainException when the file is a decision trail whose parts are not one
     *     unbroken chain (nothing is read)
     * @throws CreditDataException as {@link #read(Path, AuditRecordMapper.Spec)}
     */
    static Result read(Path file, AuditRecordMapper.Spec spec, LongConsumer linesRead) {
        String source = file.toString();
        Set<String> attributes = new TreeSet<>();
        spec.groupings().forEach(g -> attributes.addAll(g.attributes()));
        Map<String, String> named = AuditRecordMapper.namedColumns(spec);
        Set<String> wanted = new LinkedHashSet<>(named.keySet());
        wanted.addAll(AuditScopeCollector.MODEL_COLUMNS);
        wanted.add(AuditScopeCollector.RULESET_COLUMN);
        wanted.addAll(AuditScopeCollector.TIME_COLUMNS);
        wanted.addAll(TRAIL_FIELDS);
        Set<String> favourable = new TreeSet<>();
        spec.favourableValues().forEach(v -> favourable.add(v.toLowerCase(Locale.ROOT)));

        Set<String> seenColumns = new TreeSet<>();
        Set<String> seenNamed = new LinkedHashSet<>();
        Map<List<String>, Map<String, String>> sharedAttributes = new HashMap<>();
        List<AuditRecord> records = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        AuditScopeCollector scope = new AuditScopeCollector();
        Map<String, String> values = new HashMap<>();
        Map<String, String> decisions = new HashMap<>();
        Map<String, String> outcomes = new HashMap<>();
        String outcomeColumn = spec.outcomeColumn().orElse(null);
        boolean trail = false;
        long totalLines = 0;
        List<Path> parts = parts(file);
        for (Path part : parts) {
            String partName = part.toString();
            int lineNo = 0;
            try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lineNo++;
                    linesRead.accept(++totalLines);
                    if (lineNo == 1 && line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    values.clear();
                    String error = parse(line, wanted, values, totalLines <= COLUMN_SAMPLE_LINES ? seenColumns : null);
                    if (error != null) {
                        errors.add(Problem.of(partName + ":" + lineNo, error));
                        continue;
                    }
                    if (isTrailLine(values)) {
                        trail = true;
                        if (!AuditTableReader.TRAIL_RECORD.equals(values.get("kind"))) {
                            continue; // a header or checkpoint of a decision trail, not a decision
                        }
                    }
                    for (String c : named.keySet()) {
                        if (values.containsKey(c)) {
                            seenNamed.add(c);
                        }
                    }
                    distinct(decisions, values.get(spec.favourableColumn()));
                    if (outcomeColumn != null) {
                        distinct(outcomes, values.get(outcomeColumn));
                    }
                    List<String> key = new ArrayList<>(attributes.size());
                    for (String a : attributes) {
                        String v = values.get(a);
                        key.add(v == null || v.isEmpty() ? AuditRecordMapper.MISSING : v);
                    }
                    Map<String, String> attrs = sharedAttributes.computeIfAbsent(key, k -> {
                        Map<String, String> m = new LinkedHashMap<>();
                        int i = 0;
                        for (String a : attributes) {
                            m.put(a, k.get(i++));
                        }
                        return m;
                    });
                    try {
                        records.add(AuditRecordMapper.record(c -> Optional.ofNullable(values.get(c)).filter(v -> !v.isEmpty()),
                                attrs, spec, favourable));
                    } catch (IllegalArgumentException e) {
                        errors.add(Problem.of(partName + ":" + lineNo, e.getMessage()));
                        continue;
                    }
                    scope.add(values.get("modelId"), values.getOrDefault("bundleChecksum", values.get("modelVersion")),
                            values.get(AuditScopeCollector.RULESET_COLUMN), firstTime(values));
                }
            } catch (IOException e) {
                throw new CreditDataException(partName, "cannot read the audit data: " + e.getMessage()
                        + "; pass a readable UTF-8 file", e);
            }
        }
        if (trail) {
            seenColumns.removeAll(TRAIL_FIELDS);
        }
        List<Problem> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : named.entrySet()) {
            if (!seenNamed.contains(e.getKey()) && !seenColumns.contains(e.getKey())) {
                unknown.add(Problem.of(source + " column '" + e.getKey() + "'", "unknown column, given in "
                        + e.getValue() + "; " + source + " has the columns " + seenColumns));
            }
        }
        if (!unknown.isEmpty()) {
            throw new CreditDataException(unknown);
        }
        if (!errors.isEmpty()) {
            throw AuditTableReader.badLines(source, errors, "bad lines");
        }
        if (records.isEmpty()) {
            throw new CreditDataException(source, "no rows to audit; the file needs at least one data row");
        }
        AuditRecordMapper.checkValues(source, spec, decisions, outcomes);
        return new Result(records, scope.scope(parts));
    }

    /**
     * The files to read: a flat file alone, or every part of a decision trail in chain order once
     * {@link ChainVerifier#verifyLinks} has found them one unbroken chain.
     *
     * @throws BrokenChainException naming the first bad line of a trail that is not one chain
     */
    private static List<Path> parts(Path file) {
        if (!ChainVerifier.isChain(file)) {
            return List.of(file);
        }
        return ChainVerifier.verifyLinks(file).requireIntact("the decision trail " + file).files();
    }

    private static void distinct(Map<String, String> seen, String value) {
        if (value != null && !value.isEmpty()) {
            seen.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
        }
    }

    /** The chain fields of a hash-chained decision trail ({@code credit decide --log}); not columns. */
    private static final List<String> TRAIL_FIELDS = List.of("seq", "prev", "kind", "hash");

    private static boolean isTrailLine(Map<String, String> values) {
        return values.containsKey("seq") && values.containsKey("prev") && values.containsKey("kind")
                && values.containsKey("hash");
    }

    private static String firstTime(Map<String, String> values) {
        for (String c : AuditScopeCollector.TIME_COLUMNS) {
            String v = values.get(c);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    /**
     * Parses one line, putting the wanted top-level scalar fields into {@code values} (null absent,
     * arrays of scalars joined by {@code |}) and skipping the rest.
     *
     * @return null, or what is wrong with the line
     */
    private static String parse(String line, Set<String> wanted, Map<String, String> values, Set<String> columns) {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "expected a JSON object, got " + (line.length() <= 40 ? line : line.substring(0, 40) + "...");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                if (columns != null) {
                    columns.add(name);
                }
                JsonToken v = p.nextToken();
                if (!wanted.contains(name)) {
                    p.skipChildren();
                    continue;
                }
                if (v == JsonToken.START_OBJECT) {
                    return "field '" + name + "' is an object; JSON Lines for an audit need scalar values (string, "
                            + "number, boolean or null) or arrays of them";
                }
                if (v == JsonToken.START_ARRAY) {
                    StringBuilder joined = new StringBuilder();
                    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                        if (e == JsonToken.START_OBJECT || e == JsonToken.START_ARRAY) {
                            return "field '" + name + "' is an array of non-scalars; JSON Lines for an audit need "
                                    + "scalar values (string, number, boolean or null) or arrays of them";
                        }
                        if (joined.length() > 0) {
                            joined.append('|');
                        }
                        joined.append(p.getText());
                    }
                    values.put(name, joined.toString());
                } else if (v != JsonToken.VALUE_NULL) {
                    values.put(name, p.getText());
                }
            }
            if (p.nextToken() != null) {
                return "text after the JSON object; each line must hold exactly one JSON object";
            }
            return null;
        } catch (JsonProcessingException e) {
            return "not valid JSON (" + e.getOriginalMessage() + "); each line must hold one JSON object";
        } catch (IOException e) {
            return "cannot parse the line: " + e.getMessage();
        }
    }
}
