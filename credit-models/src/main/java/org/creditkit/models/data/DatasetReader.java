package org.creditkit.models.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.creditkit.core.codes.IndustryScheme;
import org.creditkit.core.input.Utf8;
import org.creditkit.models.ModelException;

/**
 * Reads CSV and ARFF files into a {@link Dataset} under a {@link ColumnMapping}.
 *
 * <p>Example:
 * <pre>{@code
 * LoadResult loaded = DatasetReader.read(Path.of("credit-g.arff"), ColumnMapping.of("class", "bad"));
 * System.err.println(loaded.summary());   // used 1000 of 1000 rows (0 skipped, 300 bads)
 * }</pre>
 *
 * <p>Rules: a row whose target is missing, whose numeric value is not a number, whose nominal
 * value is not declared or whose true PD is outside [0,1] is skipped and reported with its line. A
 * row whose industry code is missing, all zeros or unknown in the grouping's scheme is kept with no
 * industry (scored by the base model alone) and counted in a note. A missing feature value is kept as missing. ARFF nominal and
 * string attributes are categorical; a CSV column is categorical when listed in
 * {@code --categorical} or when most of its values are not numbers (noted in the result).
 */
public final class DatasetReader {

    /** Source formats. */
    public enum Format {
        /** RFC 4180 comma-separated values with a header row. */
        CSV,
        /** Weka attribute-relation file format. */
        ARFF
    }

    private DatasetReader() {
    }

    /**
     * Reads a file, choosing the format by extension: {@code .jsonl}/{@code .ndjson} is the
     * project's portfolio format ({@link PortfolioReader}), {@code .arff} is ARFF, anything else CSV.
     *
     * @param file the data file
     * @param mapping the column mapping
     * @return the dataset with the account of skipped rows
     * @throws ModelException if the file cannot be read, a mapped column is absent, no row is bad,
     *         or more than {@link ColumnMapping#maxBadRowShare()} of the rows are unusable
     */
    public static LoadResult read(Path file, ColumnMapping mapping) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return PortfolioReader.read(file, mapping);
        }
        Format format = name.endsWith(".arff") ? Format.ARFF : Format.CSV;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, format, file.toString(), mapping);
        } catch (ModelException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                // the strict decoder stopped without saying where: find the line and byte for the message
                throw new ModelException(file + ": " + notUtf8(file), e.getCause());
            }
            throw e;
        } catch (IOException e) {
            throw new ModelException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where a file that the strict decoder refused stops being UTF-8, as the problem's text. */
    private static String notUtf8(Path file) {
        try {
            return Utf8.notUtf8(Utf8.firstMalformed(Files.readAllBytes(file)).map(Utf8.Malformed::where)
                    .orElse("some byte"));
        } catch (IOException e) {
            return Utf8.notUtf8("some byte");
        }
    }

    /**
     * Reads from a character stream.
     *
     * @param in the text
     * @param format its format
     * @param source a name for messages (file name)
     * @param mapping the column mapping
     * @return the dataset with the account of skipped rows
     * @throws ModelException as {@link #read(Path, ColumnMapping)}
     */
    public static LoadResult read(Reader in, Format format, String source, ColumnMapping mapping) {
        RawTable table;
        try {
            BufferedReader text = skipByteOrderMark(in instanceof BufferedReader b ? b : new BufferedReader(in));
            table = switch (format) {
                case CSV -> CsvParser.parse(text, source);
                case ARFF -> ArffParser.parse(text, source);
            };
        } catch (IOException e) {
            throw new ModelException("Cannot read " + source + ": " + e.getMessage(), e);
        }
        return convert(table, source, mapping);
    }

    /**
     * Skips a leading byte-order mark (U+FEFF), which spreadsheet programs write before UTF-8 CSV: left
     * in, it became part of the first column's name, so {@code --target} or {@code --features} naming
     * that column failed with a list showing the same name, and a bundle trained on such a file asked
     * later data for an invisible-prefixed feature.
     */
    private static BufferedReader skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    private static int column(RawTable t, String name, String flag, String source) {
        int i = t.names().indexOf(name);
        if (i < 0) {
            throw new ModelException(source + ": " + flag + " names column (" + name + ") which is not in the file; columns: "
                    + t.names());
        }
        return i;
    }

    static LoadResult convert(RawTable t, String source, ColumnMapping m) {
        List<String> notes = new ArrayList<>();
        int targetCol = m.labelled() ? column(t, m.target(), "--target", source) : -1;
        int industryCol = m.industry().map(c -> column(t, c, "--industry", source)).orElse(-1);
        int pdCol = m.truePd().map(c -> column(t, c, "--true-pd", source)).orElse(-1);
        for (String x : m.exclude()) {
            column(t, x, "--exclude", source);
        }
        for (String x : m.categorical()) {
            column(t, x, "--categorical", source);
        }
        List<Integer> featureCols = new ArrayList<>();
        if (!m.features().isEmpty()) {
            for (String f : m.features()) {
                int c = column(t, f, "--features", source);
                if (c == industryCol || c == pdCol) {
                    throw new ModelException(source + ": column (" + f + ") is mapped as industry or true PD and cannot be a feature");
                }
                featureCols.add(c);
            }
        } else {
            for (int c = 0; c < t.names().size(); c++) {
                if (c != targetCol && c != industryCol && c != pdCol && !m.exclude().contains(t.names().get(c))) {
                    featureCols.add(c);
                }
            }
        }
        if (featureCols.isEmpty()) {
            throw new ModelException(source + ": no feature columns remain after --features/--exclude");
        }
        // Decide the kind of each feature and its levels.
        int nf = featureCols.size();
        boolean[] categorical = new boolean[nf];
        List<Map<String, Integer>> levels = new ArrayList<>();
        boolean[] declaredLevels = new boolean[nf];
        for (int i = 0; i < nf; i++) {
            int c = featureCols.get(i);
            String name = t.names().get(c);
            RawTable.DeclaredType type = t.types().get(c);
            Map<String, Integer> lv = new LinkedHashMap<>();
            if (type instanceof RawTable.NominalType nominal) {
                categorical[i] = true;
                declaredLevels[i] = true;
                for (String v : nominal.values()) {
                    lv.putIfAbsent(v, lv.size());
                }
            } else if (type instanceof RawTable.StringType) {
                categorical[i] = true;
            } else if (m.categorical().contains(name)) {
                categorical[i] = true;
            } else if (type instanceof RawTable.Undeclared) {
                int present = 0;
                int numbers = 0;
                for (RawTable.RawRecord r : t.records()) {
                    String v = r.values()[c];
                    if (v != null) {
                        present++;
                        if (isNumber(v)) {
                            numbers++;
                        }
                    }
                }
                if (present > 0 && numbers * 2 < present) {
                    categorical[i] = true;
                    notes.add("column (" + name + ") treated as categorical: " + (present - numbers) + " of " + present
                            + " values are not numbers");
                }
            }
            levels.add(lv);
        }
        RawTable.DeclaredType targetType = targetCol >= 0 ? t.types().get(targetCol) : new RawTable.Undeclared();
        if (targetType instanceof RawTable.NominalType nominal && !nominal.values().contains(m.badValue())) {
            throw new ModelException(source + ": --bad '" + m.badValue() + "' is not a declared value of target ("
                    + m.target() + "); declared: " + nominal.values());
        }
        Map<String, Integer> industryLevels = new HashMap<>();
        List<String> industryNames = new ArrayList<>();
        int n = t.records().size();
        double[][] cols = new double[nf][n];
        int[] target = new int[n];
        long[] lines = new long[n];
        int[] industry = industryCol >= 0 ? new int[n] : new int[0];
        double[] pd = pdCol >= 0 ? new double[n] : new double[0];
        List<SkippedRow> skipped = new ArrayList<>(t.skipped());
        Set<String> targetValues = new LinkedHashSet<>();
        Set<String> leftOutValues = new java.util.TreeSet<>();
        int leftOut = 0;
        int used = 0;
        int noIndustry = 0;
        Set<String> unknownExamples = new LinkedHashSet<>();
        rows:
        for (RawTable.RawRecord r : t.records()) {
            String[] v = r.values();
            String y = targetCol >= 0 ? v[targetCol] : "";
            if (y == null) {
                skipped.add(new SkippedRow(r.line(), "target (" + m.target() + ") is missing"));
                continue;
            }
            if (targetType instanceof RawTable.NominalType nominal && !nominal.values().contains(y)) {
                skipped.add(new SkippedRow(r.line(), "target (" + m.target() + ") value '" + y
                        + "' is not declared; declared: " + nominal.values()));
                continue;
            }
            if (!m.goodValues().isEmpty() && !y.equals(m.badValue()) && !m.goodValues().contains(y)) {
                // neither default nor repaid (e.g. still running): left out on the user's --good, and counted
                targetValues.add(y);
                leftOut++;
                leftOutValues.add(y);
                continue;
            }
            for (int i = 0; i < nf; i++) {
                String s = v[featureCols.get(i)];
                String name = t.names().get(featureCols.get(i));
                if (s == null) {
                    continue;
                }
                if (categorical[i]) {
                    if (declaredLevels[i] && !levels.get(i).containsKey(s)) {
                        skipped.add(new SkippedRow(r.line(), "value '" + s + "' of (" + name
                                + ") is not one of the declared values " + levels.get(i).keySet()));
                        continue rows;
                    }
                } else if (!isNumber(s)) {
                    skipped.add(new SkippedRow(r.line(), "value '" + s + "' of numeric column (" + name
                            + ") is not a number" + numberHint(s) + " (use --categorical " + name
                            + " if it is a category)"));
                    continue rows;
                }
            }
            int ind = Dataset.NO_INDUSTRY;
            Optional<String> known = industryCol < 0 || v[industryCol] == null ? Optional.empty()
                    : m.grouping().groupOf(v[industryCol]);
            if (known.isPresent()) {
                String group = known.get();
                Integer code = industryLevels.get(group);
                if (code == null) {
                    code = industryNames.size();
                    industryLevels.put(group, code);
                    industryNames.add(group);
                }
                ind = code;
            }
            double truePd = Double.NaN;
            if (pdCol >= 0) {
                String s = v[pdCol];
                truePd = s != null && isNumber(s) ? Double.parseDouble(s) : Double.NaN;
                if (!(truePd >= 0 && truePd <= 1)) {
                    skipped.add(new SkippedRow(r.line(), "true PD (" + t.names().get(pdCol) + ") '" + s
                            + "' is not a number in [0,1]"));
                    continue;
                }
            }
            // The row is usable: store it.
            for (int i = 0; i < nf; i++) {
                String s = v[featureCols.get(i)];
                if (s == null) {
                    cols[i][used] = Double.NaN;
                } else if (categorical[i]) {
                    Map<String, Integer> lv = levels.get(i);
                    Integer code = lv.get(s);
                    if (code == null) {
                        code = lv.size();
                        lv.put(s, code);
                    }
                    cols[i][used] = code;
                } else {
                    cols[i][used] = Double.parseDouble(s);
                }
            }
            targetValues.add(y);
            target[used] = m.labelled() && y.equals(m.badValue()) ? 1 : 0;
            lines[used] = r.line();
            if (industryCol >= 0) {
                industry[used] = ind;
                if (ind == Dataset.NO_INDUSTRY) {
                    // missing, zero or unknown code: the row is kept and scored by the base model alone
                    noIndustry++;
                    if (unknownExamples.size() < 5) {
                        unknownExamples.add(v[industryCol] == null ? "(missing)" : "'" + v[industryCol] + "'");
                    }
                }
            }
            if (pdCol >= 0) {
                pd[used] = truePd;
            }
            used++;
        }
        int sourceRows = t.records().size() + t.skipped().size();
        skipped.sort((a, b) -> Long.compare(a.line(), b.line()));
        if (sourceRows > 0 && skipped.size() > m.maxBadRowShare() * sourceRows) {
            StringBuilder msg = new StringBuilder(source + ": " + skipped.size() + " of " + sourceRows
                    + " rows are unusable, more than the allowed share " + m.maxBadRowShare() + "; first ones:");
            skipped.stream().limit(10).forEach(s -> msg.append("\n  ").append(s));
            throw new ModelException(msg.toString());
        }
        if (used == 0) {
            throw new ModelException(source + (sourceRows == 0 ? ": no data rows after the header; the file needs at least"
                    + " one row of values" : leftOut > 0 ? ": no usable rows: all " + leftOut + " have a target ("
                    + m.target() + ") value neither --bad '" + m.badValue() + "' nor --good " + new java.util.TreeSet<>(
                    m.goodValues()) + ": " + leftOutValues : ": no usable rows (" + skipped.size() + " skipped, listed above)"));
        }
        if (m.labelled() && !targetValues.contains(m.badValue())) {
            throw new ModelException(source + ": no row has target (" + m.target() + ") = '" + m.badValue()
                    + "'; values seen: " + targetValues);
        }
        if (noIndustry > 0) {
            String col = t.names().get(industryCol);
            notes.add(String.format(Locale.ROOT, "industry (%s): %d of %d rows have a missing, zero or unknown %s code"
                    + " (e.g. %s): they are kept and scored by the base model alone%s", col, noIndustry, used,
                    m.grouping().scheme().id(), String.join(", ", unknownExamples),
                    m.grouping().scheme() == IndustryScheme.GBT_4754
                            && unknownExamples.stream().anyMatch(e -> e.matches("'[0-9]{5,6}'"))
                            ? "; 5- and 6-digit codes look like NAICS: pass --industry-scheme naics" : ""));
        }
        if (m.labelled() && m.goodValues().isEmpty() && targetValues.size() > 2) {
            throw new ModelException(source + ": target (" + m.target() + ") has " + targetValues.size() + " values "
                    + targetValues + "; with --bad '" + m.badValue() + "' every other one would count as no default."
                    + " Name the value(s) that mean no default with --good (rows with any other value, e.g. still"
                    + " running, are then left out and counted), or keep two values in the column");
        }
        for (String g : new java.util.TreeSet<>(m.goodValues())) {
            if (!targetValues.contains(g)) {
                throw new ModelException(source + ": --good '" + g + "': no row has target (" + m.target() + ") = '"
                        + g + "'; values seen: " + targetValues);
            }
        }
        if (leftOut > 0) {
            notes.add(String.format(Locale.ROOT, "target (%s): %d row(s) left out whose value is neither bad ('%s')"
                    + " nor good %s: %s", m.target(), leftOut, m.badValue(), new java.util.TreeSet<>(m.goodValues()),
                    leftOutValues));
        }
        List<Feature> features = new ArrayList<>();
        double[][] trimmed = new double[nf][];
        for (int i = 0; i < nf; i++) {
            String name = t.names().get(featureCols.get(i));
            features.add(categorical[i] ? Feature.categorical(name, List.copyOf(levels.get(i).keySet()))
                    : Feature.numeric(name));
            trimmed[i] = Arrays.copyOf(cols[i], used);
        }
        Dataset d = Dataset.of(features, trimmed, Arrays.copyOf(target, used),
                Arrays.copyOf(lines, used), industryNames,
                industryCol >= 0 ? Arrays.copyOf(industry, used) : new int[0],
                pdCol >= 0 ? Arrays.copyOf(pd, used) : new double[0]);
        return new LoadResult(d, sourceRows, skipped, notes);
    }

    /** What a near-number needs to be read: the forms spreadsheets and other locales write. */
    static String numberHint(String s) {
        if (s.matches("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?")) {
            return ": write it without thousands separators (" + s.replace(",", "") + ")";
        }
        if (s.matches("[+-]?[0-9]+,[0-9]+")) {
            return ": the decimal point is '.' (" + s.replace(',', '.') + ")";
        }
        if (s.matches("[+-]?0[xX][0-9a-fA-F]+")) {
            return ": write it in decimal";
        }
        if (s.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'))) {
            return ": use ASCII digits 0-9";
        }
        if (s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)[eE][+-]?[0-9]+")) {
            return ": it is beyond the range of a double (about 1.8e308)";
        }
        if (s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity") || s.equalsIgnoreCase("-inf")
                || s.equalsIgnoreCase("-infinity") || s.equalsIgnoreCase("+inf")) {
            return ": infinity is not a value; leave the cell empty if it is unknown";
        }
        return ": expected a plain decimal such as -12.5 or 1e3";
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A decimal number: optional sign, digits with optional fraction, optional exponent. */
    static boolean isNumber(String s) {
        int i = 0;
        int n = s.length();
        if (n == 0) {
            return false;
        }
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && isAsciiDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isAsciiDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isAsciiDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n && Double.isFinite(Double.parseDouble(s));
    }
}
