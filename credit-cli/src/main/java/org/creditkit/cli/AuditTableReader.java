package org.creditkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.fairness.AuditAccumulator;
import org.creditkit.core.fairness.AuditScope;
import org.creditkit.core.input.Utf8;

/**
 * Reads the input of {@code credit audit}: flat JSON Lines (one object per line, scalar fields; an
 * array of scalars, such as the decision log's {@code conditions}, becomes one value joined by
 * {@code |}, e.g. {@code GUARANTEE_INSTITUTION|REDUCED_LIMIT}; in a decision trail written by
 * {@code credit decide --log} only the decision records are rows, and their nested fields and chain
 * fields are not columns) or
 * CSV (RFC 4180: comma separated, a header row, fields optionally in double quotes with {@code ""}
 * for a quote, line breaks allowed inside quotes, LF or CRLF line ends). Every malformed line is
 * reported with its line number; nothing is dropped silently. Blank lines are not rows.
 *
 * <p>Bad input is a {@link CreditDataException} with one {@link Problem} per bad line, located at
 * {@code file:line}.
 */
final class AuditTableReader {

    /** Input formats. */
    public enum Format {
        /** JSON Lines: one flat JSON object per line. */
        JSONL,
        /** Comma-separated values with a header row. */
        CSV;

        /**
         * Guesses the format from a file name: {@code .csv} is CSV; {@code .jsonl}, {@code .ndjson},
         * {@code .json} are JSON Lines.
         *
         * @param file the file
         * @return the format
         * @throws CreditDataException if the extension is not one of those (location: the file)
         */
        public static Format fromFileName(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
                return JSONL;
            }
            throw new CreditDataException(file.toString(), "cannot tell the format from the file name; valid "
                    + "names end in .csv, .jsonl, .ndjson or .json, else pass --format jsonl or --format csv");
        }
    }

    /** How many bad lines are listed as problems before the rest are only counted. */
    static final int MAX_LISTED_ERRORS = 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditTableReader() {
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @param format its format
     * @return the table
     * @throws CreditDataException with one problem per malformed line ({@code file:line}), or if the
     *     file cannot be read (location: the file)
     */
    public static AuditTable read(Path file, Format format) {
        String text;
        try {
            text = Utf8.readString(file, m -> {
                throw new CreditDataException(file + ":" + m.line(), Utf8.notUtf8(m.where()));
            }).orElseThrow();
        } catch (IOException e) {
            throw new CreditDataException(file.toString(), "cannot read the audit data: " + e.getMessage()
                    + "; pass a readable UTF-8 file", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String source = file.toString();
        return format == Format.CSV ? csv(text, source) : jsonLines(text, source);
    }

    /**
     * Parses JSON Lines text.
     *
     * @param text the text
     * @param source the file name, for messages
     * @return the table
     * @throws CreditDataException with one problem per malformed line ({@code source:line})
     */
    public static AuditTable jsonLines(String text, String source) {
        Set<String> columns = new LinkedHashSet<>();
        List<AuditTable.Row> rows = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                errors.add(Problem.of(source + ":" + lineNo, "not valid JSON (" + e.getOriginalMessage()
                        + "); each line must hold one JSON object"));
                continue;
            }
            if (node == null || !node.isObject()) {
                errors.add(Problem.of(source + ":" + lineNo, "expected a JSON object, got " + abbreviate(line)));
                continue;
            }
            boolean trail = isTrailLine(node);
            if (trail && !node.path("kind").asText().equals(TRAIL_RECORD)) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean ok = true;
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                JsonNode v = f.getValue();
                if (trail && (TRAIL_FIELDS.contains(f.getKey()) || (v.isContainerNode() && !scalarsOnly(v)))) {
                    continue;
                }
                columns.add(f.getKey());
                if (v.isArray() && scalarsOnly(v)) {
                    // lists such as the decision log's conditions, reasons and firedRules: one value, '|'-joined
                    values.put(f.getKey(), joined(v));
                } else if (v.isContainerNode()) {
                    errors.add(Problem.of(source + ":" + lineNo, "field '" + f.getKey() + "' is "
                            + (v.isArray() ? "an array of non-scalars" : "an object")
                            + "; JSON Lines for an audit need scalar values (string, number, boolean or null) "
                            + "or arrays of them"));
                    ok = false;
                } else if (!v.isNull()) {
                    values.put(f.getKey(), v.asText());
                }
                int inKey = Utf8.unpairedSurrogate(f.getKey());
                String half = inKey >= 0 ? Utf8.unpairedSurrogateProblem("key", f.getKey(), inKey)
                        : AuditLogReader.notText(f.getKey(), v.isArray() ? joined(v) : v.asText());
                if (half != null) {
                    errors.add(Problem.of(source + ":" + lineNo, half));
                    ok = false;
                }
            }
            if (ok) {
                rows.add(new AuditTable.Row(lineNo, values));
            }
        }
        failIfAny(source, errors);
        return new AuditTable(source, new ArrayList<>(columns), rows);
    }

    /** The kind of a decision record in a decision trail (the other lines are headers and checkpoints). */
    static final String TRAIL_RECORD = "decision";
    private static final Set<String> TRAIL_FIELDS = Set.of("seq", "prev", "kind", "hash");

    /**
     * Whether a line is a line of a hash-chained decision trail ({@code credit decide --log}): its
     * headers and checkpoints are not rows, and its nested fields (reasons with lineage) are not columns.
     */
    private static boolean isTrailLine(JsonNode node) {
        return node.has("seq") && node.has("prev") && node.has("kind") && node.has("hash");
    }

    private static boolean scalarsOnly(JsonNode array) {
        for (JsonNode e : array) {
            if (e.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String joined(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : array) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(e.asText());
        }
        return sb.toString();
    }

    /**
     * Parses CSV text with a header row.
     *
     * @param text the text
     * @param source the file name, for messages
     * @return the table
     * @throws CreditDataException with one problem per malformed line ({@code source:line})
     */
    public static AuditTable csv(String text, String source) {
        List<Problem> errors = new ArrayList<>();
        List<CsvRecord> records = csvRecords(text, source, errors);
        if (records.isEmpty()) {
            errors.add(Problem.of(source + ":1", "no header row; a CSV file needs a header naming its columns"));
            failIfAny(source, errors);
        }
        List<String> columns = new ArrayList<>();
        header(records.get(0), source, errors, columns, new HashMap<>());
        List<AuditTable.Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            CsvRecord rec = records.get(r);
            if (rec.fields().size() != columns.size()) {
                errors.add(Problem.of(source + ":" + rec.line(), rec.fields().size()
                        + " fields, but the header has " + columns.size()));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                values.put(columns.get(c), rec.fields().get(c));
            }
            rows.add(new AuditTable.Row(rec.line(), values));
        }
        failIfAny(source, errors);
        return new AuditTable(source, columns, rows);
    }

    record CsvRecord(int line, List<String> fields) {
    }

    /** RFC 4180 tokenizer; fully empty lines are skipped. */
    static List<CsvRecord> csvRecords(String text, String source, List<Problem> errors) {
        List<CsvRecord> out = new ArrayList<>();
        try {
            csvRecords(new StringReader(text), source, errors, out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return out;
    }

    /**
     * RFC 4180 tokenizer over a stream: each record is handed on as soon as it ends, so a file of
     * any length is tokenized in memory for one record; fully empty lines are skipped.
     */
    static void csvRecords(Reader in, String source, List<Problem> errors, Consumer<CsvRecord> out)
            throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean inQuotes = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
        boolean badRecord = false;
        int next = in.read();
        while (next >= 0) {
            char ch = (char) next;
            next = in.read();
            if (inQuotes) {
                if (ch == '"') {
                    if (next == '"') {
                        field.append('"');
                        next = in.read();
                    } else {
                        inQuotes = false;
                        afterQuote = true;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
                continue;
            }
            if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = true;
            } else if (ch == '\r' && next == '\n') {
                continue;
            } else if (ch == '\n') {
                if (fieldStarted || field.length() > 0 || afterQuote || !fields.isEmpty()) {
                    fields.add(field.toString());
                    if (!badRecord) {
                        out.accept(new CsvRecord(recordLine, List.copyOf(fields)));
                    }
                }
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                fieldStarted = false;
                badRecord = false;
                line++;
                recordLine = line;
            } else if (ch == '"') {
                if (field.length() == 0 && !afterQuote) {
                    inQuotes = true;
                    fieldStarted = true;
                } else {
                    if (!badRecord) {
                        errors.add(Problem.of(source + ":" + line, "a double quote inside an unquoted field; "
                                + "quote the whole field and double the quote (\"\")"));
                    }
                    badRecord = true;
                }
            } else {
                if (afterQuote) {
                    if (!badRecord) {
                        errors.add(Problem.of(source + ":" + line, "text after a closing double quote; "
                                + "a quoted field must end at a comma or line end"));
                    }
                    badRecord = true;
                }
                field.append(ch);
                fieldStarted = true;
            }
        }
        if (inQuotes) {
            errors.add(Problem.of(source + ":" + recordLine, "a quoted field is not closed before the end of "
                    + "the file; close it with a double quote"));
        } else if (fieldStarted || field.length() > 0 || afterQuote || !fields.isEmpty()) {
            fields.add(field.toString());
            if (!badRecord) {
                out.accept(new CsvRecord(recordLine, List.copyOf(fields)));
            }
        }
    }

    /**
     * Streams a CSV file into an audit: the header is checked (names present and unique, every
     * column the options name present) before any row, then each record is counted as it is read
     * ({@link AuditRowSink}); nothing but one record is held.
     *
     * @param file the file
     * @param spec what to read
     * @param audit where each row is counted
     * @return what was audited (the file's SHA-256 computed from the bytes read)
     * @throws CreditDataException with one problem per bad line ({@code file:line}, the first 20
     *     listed), per unknown column, or if there is no header or no row
     */
    static AuditScope readCsv(Path file, AuditRecordMapper.Spec spec, AuditAccumulator audit) {
        return readCsv(file, spec, audit, n -> { });
    }

    /**
     * Streams a CSV file into an audit, reporting progress.
     *
     * @param file the file
     * @param spec what to read
     * @param audit where each row is counted
     * @param recordsRead called with the number of CSV records read so far (the header included),
     *     after each one; the receiver throttles
     * @return what was audited
     * @throws CreditDataException as {@link #readCsv(Path, AuditRecordMapper.Spec, AuditAccumulator)}
     */
    static AuditScope readCsv(Path file, AuditRecordMapper.Spec spec, AuditAccumulator audit,
            java.util.function.LongConsumer recordsRead) {
        String source = file.toString();
        AuditRowSink sink = new AuditRowSink(source, spec, audit);
        List<Problem> errors = sink.problems();
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> columns = new ArrayList<>();
        String[] checksumColumn = {null};
        String[] timeColumn = {null};
        try (Reader in = new BufferedReader(new InputStreamReader(new DigestInputStream(Files.newInputStream(file),
                digest), StandardCharsets.UTF_8.newDecoder()), 1 << 16)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            long[] read = {0};
            csvRecords(in, source, errors, rec -> {
                recordsRead.accept(++read[0]);
                if (columns.isEmpty()) {
                    header(rec, source, errors, columns, index);
                    AuditRecordMapper.checkColumns(new AuditTable(source, columns, List.of()), spec);
                    checksumColumn[0] = AuditScopeCollector.MODEL_COLUMNS.subList(1, 3).stream()
                            .filter(index::containsKey).findFirst().orElse(null);
                    timeColumn[0] = AuditScopeCollector.TIME_COLUMNS.stream().filter(index::containsKey)
                            .findFirst().orElse(null);
                    return;
                }
                if (rec.fields().size() != columns.size()) {
                    sink.bad(rec.line(), rec.fields().size() + " fields, but the header has " + columns.size());
                    return;
                }
                sink.row(rec.line(), c -> {
                    Integer i = index.get(c);
                    String v = i == null ? null : rec.fields().get(i);
                    return v == null || v.isEmpty() ? null : v;
                }, checksumColumn[0], timeColumn[0]);
            });
        } catch (CharacterCodingException e) {
            // located by a second read, only now: the decoder says only "Input length = 1"
            Utf8.Malformed m;
            try {
                m = Utf8.firstMalformed(Files.readAllBytes(file)).orElse(null);
            } catch (IOException again) {
                m = null;
            }
            throw new CreditDataException(m == null ? source : source + ":" + m.line(),
                    Utf8.notUtf8(m == null ? "some byte" : m.where()));
        } catch (IOException e) {
            throw new CreditDataException(source, "cannot read the audit data: " + e.getMessage()
                    + "; pass a readable UTF-8 file", e);
        }
        if (columns.isEmpty()) {
            errors.add(Problem.of(source + ":1", "no header row; a CSV file needs a header naming its columns"));
        }
        return sink.finish(HexFormat.of().formatHex(digest.digest()));
    }

    private static void header(CsvRecord header, String source, List<Problem> errors, List<String> columns,
            Map<String, Integer> index) {
        for (String c : header.fields()) {
            String name = c.trim();
            if (name.isEmpty()) {
                errors.add(Problem.of(source + ":" + header.line(), "empty column name in the header; "
                        + "every column needs a name"));
            } else if (index.putIfAbsent(name, columns.size()) != null) {
                errors.add(Problem.of(source + ":" + header.line(), "duplicate column name '" + name
                        + "' in the header; column names must be unique"));
            }
            columns.add(name);
        }
    }

    private static void failIfAny(String source, List<Problem> errors) {
        if (!errors.isEmpty()) {
            throw badLines(source, errors, "bad lines");
        }
    }

    /**
     * One exception for every bad line: the first {@link #MAX_LISTED_ERRORS} problems as they are,
     * the rest counted in one more problem located at {@code source}.
     *
     * @param what the plural noun the count names, such as {@code bad lines}
     */
    static CreditDataException badLines(String source, List<Problem> errors, String what) {
        if (errors.size() <= MAX_LISTED_ERRORS) {
            return new CreditDataException(errors);
        }
        List<Problem> listed = new ArrayList<>(errors.subList(0, MAX_LISTED_ERRORS));
        listed.add(Problem.of(source, (errors.size() - MAX_LISTED_ERRORS) + " more " + what + " not listed; "
                + errors.size() + " " + what + " in all"));
        return new CreditDataException(listed);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
