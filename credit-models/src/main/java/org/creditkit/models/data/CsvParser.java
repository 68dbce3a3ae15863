package org.creditkit.models.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.creditkit.models.ModelException;

/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes, a doubled quote inside quotes
 * is a quote, quoted fields may span lines, CRLF or LF line ends. The first record is the header.
 * Unquoted empty fields and the tokens {@code NA}, {@code NaN}, {@code null} and {@code ?} are
 * missing; a quoted empty string is a present empty value.
 */
final class CsvParser {

    static final Set<String> MISSING = Set.of("", "NA", "N/A", "NAN", "NULL", "?");

    private final Reader in;
    private final String source;
    private long line = 1;
    private int pushback = -2;

    private CsvParser(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    static RawTable parse(Reader in, String source) throws IOException {
        return new CsvParser(in, source).table();
    }

    private RawTable table() throws IOException {
        long headerLine = line;
        List<String> header = record();
        if (header == null) {
            throw new ModelException(source + ": the file is empty; a CSV needs a header row naming the columns");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            String name = h == null ? "" : h.strip();
            if (name.isEmpty()) {
                throw new ModelException(source + ":" + headerLine + ": header column " + (i + 1) + " has no name");
            }
            if (names.contains(name)) {
                throw new ModelException(source + ":" + headerLine + ": header names column (" + name + ") twice");
            }
            names.add(name);
        }
        List<RawTable.RawRecord> records = new ArrayList<>();
        List<SkippedRow> skipped = new ArrayList<>();
        while (true) {
            long start = line;
            List<String> fields = record();
            if (fields == null) {
                break;
            }
            if (fields.size() == 1 && fields.get(0) == null) {
                continue; // blank line
            }
            if (fields.size() != names.size()) {
                skipped.add(new SkippedRow(start, "has " + fields.size() + " fields, the header has " + names.size()));
                continue;
            }
            records.add(new RawTable.RawRecord(start, fields.toArray(new String[0])));
        }
        return new RawTable(names, Collections.nCopies(names.size(), new RawTable.Undeclared()), records, skipped);
    }

    private int read() throws IOException {
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        return in.read();
    }

    /** Reads one record; null at end of input. A missing field is null. */
    private List<String> record() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        pushback = c;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        long quoteStart = 0;
        while (true) {
            c = read();
            if (quoted) {
                if (c == -1) {
                    throw new ModelException(source + ":" + quoteStart + ": quoted field is never closed"
                            + " (a quote inside a quoted field must be doubled: \"\")");
                }
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        pushback = next;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                quoteStart = line;
            } else if (c == ',') {
                fields.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r') {
                int next = read();
                if (next != '\n') {
                    pushback = next;
                }
                line++;
                fields.add(value(field, wasQuoted));
                return fields;
            } else if (c == '\n' || c == -1) {
                if (c == '\n') {
                    line++;
                }
                fields.add(value(field, wasQuoted));
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    private static String value(StringBuilder field, boolean wasQuoted) {
        String s = field.toString();
        if (wasQuoted) {
            return s;
        }
        String t = s.strip();
        return MISSING.contains(t.toUpperCase(Locale.ROOT)) ? null : t;
    }
}
