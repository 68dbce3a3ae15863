package org.creditkit.models.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.creditkit.models.ModelException;

/**
 * Weka ARFF: {@code %} comments, {@code @relation}, {@code @attribute NAME TYPE} with types
 * {@code numeric}/{@code real}/{@code integer}, {@code string}, {@code date} (read as text) and
 * nominal {@code {a, 'b c'}}; then {@code @data} with comma-separated values, single or double
 * quotes with backslash escapes, and {@code ?} for missing. Sparse rows ({@code {...}}) and
 * relational attributes are not supported and say so.
 */
final class ArffParser {

    private final BufferedReader in;
    private final String source;
    private long line;

    private ArffParser(BufferedReader in, String source) {
        this.in = in;
        this.source = source;
    }

    static RawTable parse(BufferedReader in, String source) throws IOException {
        return new ArffParser(in, source).table();
    }

    private RawTable table() throws IOException {
        List<String> names = new ArrayList<>();
        List<RawTable.DeclaredType> types = new ArrayList<>();
        String text;
        boolean data = false;
        while ((text = in.readLine()) != null) {
            line++;
            String t = text.strip();
            if (t.isEmpty() || t.startsWith("%")) {
                continue;
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("@relation")) {
                continue;
            }
            if (lower.startsWith("@attribute")) {
                attribute(t.substring("@attribute".length()).strip(), names, types);
                continue;
            }
            if (lower.startsWith("@data")) {
                data = true;
                break;
            }
            throw new ModelException(where() + "expected @relation, @attribute or @data but found '" + abbreviate(t) + "'");
        }
        if (!data) {
            throw new ModelException(source + ": no @data section; an ARFF file declares @attribute lines then @data");
        }
        if (names.isEmpty()) {
            throw new ModelException(source + ": no @attribute declared before @data");
        }
        List<RawTable.RawRecord> records = new ArrayList<>();
        List<SkippedRow> skipped = new ArrayList<>();
        while ((text = in.readLine()) != null) {
            line++;
            String t = text.strip();
            if (t.isEmpty() || t.startsWith("%")) {
                continue;
            }
            if (t.startsWith("{")) {
                throw new ModelException(where() + "sparse ARFF rows ({index value, ...}) are not supported; "
                        + "write the data in dense form");
            }
            List<String> fields;
            try {
                fields = split(t);
            } catch (IllegalArgumentException e) {
                skipped.add(new SkippedRow(line, e.getMessage()));
                continue;
            }
            if (fields.size() != names.size()) {
                skipped.add(new SkippedRow(line, "has " + fields.size() + " values, " + names.size()
                        + " attributes are declared"));
                continue;
            }
            records.add(new RawTable.RawRecord(line, fields.toArray(new String[0])));
        }
        return new RawTable(names, types, records, skipped);
    }

    private void attribute(String rest, List<String> names, List<RawTable.DeclaredType> types) {
        String name;
        String type;
        if (rest.startsWith("'") || rest.startsWith("\"")) {
            int end = closingQuote(rest, 0);
            if (end < 0) {
                throw new ModelException(where() + "attribute name quote is never closed");
            }
            name = unescape(rest.substring(1, end));
            type = rest.substring(end + 1).strip();
        } else {
            int space = firstWhitespace(rest);
            if (space < 0) {
                throw new ModelException(where() + "@attribute needs a name and a type");
            }
            name = rest.substring(0, space);
            type = rest.substring(space).strip();
        }
        if (names.contains(name)) {
            throw new ModelException(where() + "attribute (" + name + ") is declared twice");
        }
        String lowerType = type.toLowerCase(Locale.ROOT);
        RawTable.DeclaredType declared;
        if (type.startsWith("{")) {
            int close = type.lastIndexOf('}');
            if (close < 0) {
                throw new ModelException(where() + "nominal values of (" + name + ") are not closed with '}'");
            }
            List<String> values;
            try {
                values = split(type.substring(1, close));
            } catch (IllegalArgumentException e) {
                throw new ModelException(where() + "nominal values of (" + name + "): " + e.getMessage(), e);
            }
            if (values.contains(null)) {
                throw new ModelException(where() + "nominal values of (" + name + ") include an empty or '?' value");
            }
            declared = new RawTable.NominalType(values);
        } else if (lowerType.equals("numeric") || lowerType.equals("real") || lowerType.equals("integer")) {
            declared = new RawTable.NumericType();
        } else if (lowerType.equals("string") || lowerType.startsWith("date")) {
            declared = new RawTable.StringType();
        } else {
            throw new ModelException(where() + "attribute (" + name + ") has type '" + type
                    + "'; supported: numeric, real, integer, string, date, {nominal values}");
        }
        names.add(name);
        types.add(declared);
    }

    /** Splits comma-separated values honouring quotes; '?' or an empty unquoted value is null. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String value;
            if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
                int end = closingQuote(text, i);
                if (end < 0) {
                    throw new IllegalArgumentException("quote opened at column " + (i + 1) + " is never closed");
                }
                value = unescape(text.substring(i + 1, end));
                i = end + 1;
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i < n && text.charAt(i) != ',') {
                    throw new IllegalArgumentException("unexpected '" + text.charAt(i) + "' after a quoted value at column "
                            + (i + 1));
                }
            } else {
                int comma = text.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                String raw = text.substring(i, end).strip();
                value = raw.isEmpty() || raw.equals("?") ? null : raw;
                i = end;
            }
            out.add(value);
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
    }

    private static int closingQuote(String text, int open) {
        char q = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                switch (next) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    default -> b.append(next);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private String where() {
        return source + ":" + line + ": ";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
