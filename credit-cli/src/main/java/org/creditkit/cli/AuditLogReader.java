package org.creditkit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.chain.BrokenChainException;
import org.creditkit.core.chain.ChainVerifier;
import org.creditkit.core.fairness.AuditAccumulator;
import org.creditkit.core.fairness.AuditScope;
import org.creditkit.core.input.Utf8;

/**
 * Streams a JSON Lines decision log into audit records, keeping only what the audit uses: each line
 * is parsed with Jackson's streaming parser, the named columns (groups, decision, outcome, PD,
 * score) and the provenance columns ({@code modelId}, {@code bundleChecksum}/{@code modelVersion},
 * {@code rulesetVersion}, {@code time}/{@code decisionDate}/{@code decidedAt}) are read and every
 * other field is skipped unparsed, nested objects and arrays included. So a log may carry any number
 * of fields the audit does not use (reasons with lineage, quality flags, chain hashes) and grow new
 * ones without breaking the audit. Lines are split as bytes and parsed from the bytes (no
 * {@code String} per line), the file digested in the same pass, and each row is counted into the
 * audit as it is read ({@link AuditRowSink}): memory does not grow with the number of lines.
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
     * Reads a JSON Lines file into an audit.
     *
     * @param file the file
     * @param spec what to read
     * @param audit where each row is counted
     * @return what was audited (the file's SHA-256, computed from the bytes read, not a second pass)
     * @throws BrokenChainException when the file is a decision trail whose parts are not one
     *     unbroken chain (nothing is read)
     * @throws CreditDataException with one problem per bad line ({@code file:line}, the first 20
     *     listed), per named column no line has, or if there is no data line
     */
    static AuditScope read(Path file, AuditRecordMapper.Spec spec, AuditAccumulator audit) {
        return read(file, spec, audit, n -> { });
    }

    /**
     * Reads a JSON Lines file into an audit, reporting progress.
     *
     * @param file the file
     * @param spec what to read
     * @param audit where each row is counted
     * @param linesRead called with the number of lines read so far (of all parts), after each line;
     *     the receiver throttles
     * @return what was audited
     * @throws BrokenChainException as {@link #read(Path, AuditRecordMapper.Spec, AuditAccumulator)}
     * @throws CreditDataException as {@link #read(Path, AuditRecordMapper.Spec, AuditAccumulator)}
     */
    static AuditScope read(Path file, AuditRecordMapper.Spec spec, AuditAccumulator audit, LongConsumer linesRead) {
        String source = file.toString();
        Map<String, String> named = AuditRecordMapper.namedColumns(spec);
        Set<String> wantedNames = new LinkedHashSet<>(named.keySet());
        wantedNames.addAll(AuditScopeCollector.MODEL_COLUMNS);
        wantedNames.add(AuditScopeCollector.RULESET_COLUMN);
        wantedNames.addAll(AuditScopeCollector.TIME_COLUMNS);
        wantedNames.addAll(TRAIL_FIELDS);
        Map<String, Integer> slot = new HashMap<>();
        for (String w : wantedNames) {
            slot.put(w, slot.size());
        }
        String[] values = new String[slot.size()];
        Function<String, String> row = c -> {
            Integer i = slot.get(c);
            return i == null ? null : values[i];
        };
        int seq = slot.get("seq");
        int prev = slot.get("prev");
        int kind = slot.get("kind");
        int hash = slot.get("hash");
        int[] namedSlots = named.keySet().stream().mapToInt(slot::get).toArray();
        boolean[] seenNamed = new boolean[slot.size()];

        Set<String> seenColumns = new TreeSet<>();
        AuditRowSink sink = new AuditRowSink(source, spec, audit);
        boolean[] trail = {false};
        MessageDigest digest = sha256();
        long[] total = {0};
        LineReader lines = (lineNo, buf, off, len) -> {
            linesRead.accept(++total[0]);
            if (isBlank(buf, off, len)) {
                return;
            }
            // Jackson reads an overlong C0 80 as U+0000 and ED A0 80 as half a surrogate pair: a group named
            // "C" + U+0000 audited beside "C", printed alike; so every byte of the line is checked first
            int bad = Utf8.malformedOffset(buf, off, len);
            if (bad >= 0) {
                sink.bad(lineNo, Utf8.lineNotUtf8(bad + 1, buf[off + bad]));
                return;
            }
            Arrays.fill(values, null);
            String error = parse(buf, off, len, slot, values, lineNo <= COLUMN_SAMPLE_LINES ? seenColumns : null);
            if (error != null) {
                sink.bad(lineNo, error);
                return;
            }
            if (values[seq] != null && values[prev] != null && values[kind] != null && values[hash] != null) {
                trail[0] = true;
                if (!AuditTableReader.TRAIL_RECORD.equals(values[kind])) {
                    return; // a header or checkpoint of a decision trail, not a decision
                }
            }
            for (int i : namedSlots) {
                if (values[i] != null) {
                    seenNamed[i] = true;
                }
            }
            sink.row(lineNo, row, values[slot.get("bundleChecksum")] != null ? "bundleChecksum" : "modelVersion",
                    firstTime(values, slot));
        };
        for (Path part : parts(file)) {
            sink.part(part.toString());
            try (InputStream in = Files.newInputStream(part)) {
                lines(in, digest, lines); // the parts digested as one byte stream, in chain order
            } catch (IOException e) {
                throw new CreditDataException(part.toString(), "cannot read the audit data: " + e.getMessage()
                        + "; pass a readable UTF-8 file", e);
            }
        }
        if (trail[0]) {
            seenColumns.removeAll(TRAIL_FIELDS);
        }
        List<Problem> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : named.entrySet()) {
            if (!seenNamed[slot.get(e.getKey())] && !seenColumns.contains(e.getKey())) {
                unknown.add(Problem.of(source + " column '" + e.getKey() + "'", "unknown column, given in "
                        + e.getValue() + "; " + source + " has the columns " + seenColumns));
            }
        }
        if (!unknown.isEmpty()) {
            throw new CreditDataException(unknown);
        }
        return sink.finish(HexFormat.of().formatHex(digest.digest()));
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

    /** Receives one line of a file as bytes (without its line end). */
    @FunctionalInterface
    interface LineReader {
        /**
         * @param lineNo the line number, from 1
         * @param buf the bytes (valid only during the call)
         * @param off where the line starts
         * @param len its length, without the {@code \n}
         */
        void line(int lineNo, byte[] buf, int off, int len);
    }

    /**
     * Splits a stream into lines of bytes, a UTF-8 byte-order mark at the start dropped, feeding
     * every byte read to the digest: one pass over the file, no {@code String} per line.
     */
    static void lines(InputStream in, MessageDigest digest, LineReader out) throws IOException {
        byte[] buf = new byte[1 << 16];
        int start = 0;
        int end = 0;
        int lineNo = 0;
        while (true) {
            if (end == buf.length) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                } else {
                    buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
                }
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                break;
            }
            digest.update(buf, end, n);
            int from = end;
            end += n;
            for (int i = from; i < end; i++) {
                if (buf[i] == '\n') {
                    emit(++lineNo, buf, start, i - start, out);
                    start = i + 1;
                }
            }
        }
        if (end > start) {
            emit(++lineNo, buf, start, end - start, out);
        }
    }

    private static void emit(int lineNo, byte[] buf, int off, int len, LineReader out) {
        if (lineNo == 1 && len >= 3 && (buf[off] & 0xFF) == 0xEF && (buf[off + 1] & 0xFF) == 0xBB
                && (buf[off + 2] & 0xFF) == 0xBF) {
            out.line(lineNo, buf, off + 3, len - 3); // a UTF-8 byte-order mark
        } else {
            out.line(lineNo, buf, off, len);
        }
    }

    private static boolean isBlank(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The chain fields of a hash-chained decision trail ({@code credit decide --log}); not columns. */
    private static final List<String> TRAIL_FIELDS = List.of("seq", "prev", "kind", "hash");

    /** The first time column this line has a value in, or null. */
    private static String firstTime(String[] values, Map<String, Integer> slot) {
        for (String c : AuditScopeCollector.TIME_COLUMNS) {
            if (values[slot.get(c)] != null) {
                return c;
            }
        }
        return null;
    }

    /** Why a value read for the audit is refused (half a surrogate pair: a group or value that is not text), or null. */
    static String notText(String field, String value) {
        int half = Utf8.unpairedSurrogate(value);
        return half < 0 ? null : "field '" + field + "': " + Utf8.unpairedSurrogateProblem("string", value, half);
    }

    /**
     * Parses one line, putting the wanted top-level scalar fields into {@code values} (null absent,
     * arrays of scalars joined by {@code |}) and skipping the rest.
     *
     * @return null, or what is wrong with the line
     */
    private static String parse(byte[] buf, int off, int len, Map<String, Integer> slot, String[] values,
            Set<String> columns) {
        try (JsonParser p = JSON.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                String line = new String(buf, off, len, StandardCharsets.UTF_8).strip();
                return "expected a JSON object, got " + (line.length() <= 40 ? line : line.substring(0, 40) + "...");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                int half = Utf8.unpairedSurrogate(name);
                if (half >= 0) {
                    return Utf8.unpairedSurrogateProblem("key", name, half);
                }
                if (columns != null) {
                    columns.add(name);
                }
                JsonToken v = p.nextToken();
                Integer at = slot.get(name);
                if (at == null) {
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
                        String problem = notText(name, p.getText());
                        if (problem != null) {
                            return problem;
                        }
                        joined.append(p.getText());
                    }
                    values[at] = joined.length() == 0 ? null : joined.toString();
                } else if (v != JsonToken.VALUE_NULL) {
                    String text = p.getText();
                    String problem = notText(name, text);
                    if (problem != null) {
                        return problem;
                    }
                    values[at] = text.isEmpty() ? null : text;
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
