package org.creditkit.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.domain.LoanApplication;

/**
 * Reads the creditkit JSON format ({@code docs/json-format.md}) strictly: unknown fields, wrong
 * types, nulls, NaN/Infinity, duplicate keys, negative money, bad codes (USCC check character,
 * GB/T 4754 industry, GB/T 2260 region), dates after the application, end-before-start periods,
 * out-of-range numbers, blank strings and oversized documents are all rejected. A document is parsed
 * to a tree and then walked completely, so one {@link CreditDataException} carries <em>every</em>
 * problem, each located by JSON path ({@code $.sources.tax.declaredSales.values[3]}) and saying what
 * would be valid. A document that is not well-formed JSON (syntax, duplicate key, NaN, a limit
 * exceeded) cannot be walked: it yields the single parse problem, located by the path where parsing
 * stopped.
 *
 * <pre>{@code
 * StrictApplicationReader reader = StrictApplicationReader.standard();
 * LoanApplication app = reader.read(json);                 // throws CreditDataException
 * BatchReport report = reader.readBatch(path, good -> score(good),
 *         bad -> System.err.println(bad));                  // "line 7: $.amount: ..."
 * }</pre>
 *
 * <p>Immutable and thread-safe: one instance can serve every thread.
 */
public final class StrictApplicationReader {

    /** Default maximum size of one document or batch line: 1 MiB. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 1 << 20;
    /** Default maximum nesting depth; the format itself needs 6. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 16;
    /** Default maximum length of one string value in characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 10_000;
    /** Default maximum length of one number in characters. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 40;
    /** Default maximum length of one object key in characters; the format's longest key has 21. */
    public static final int DEFAULT_MAX_KEY_LENGTH = 64;
    /** Largest nesting depth a builder accepts (the tree is built recursively). */
    public static final int MAX_NESTING_DEPTH_LIMIT = 1000;
    /** Default maximum months in one monthly series (50 years). */
    public static final int DEFAULT_MAX_SERIES_MONTHS = 600;
    /**
     * Default tolerance for a source {@code asOf} after the application time: 24 hours. Within it the
     * difference is taken for clock skew between systems (the data-quality check flags more than 3
     * hours as a timestamp anomaly); beyond it the document is rejected.
     */
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofHours(24);

    private static final StrictApplicationReader STANDARD = builder().build();

    private final ReaderSettings settings;
    private final ObjectMapper mapper;

    private StrictApplicationReader(ReaderSettings settings) {
        this.settings = settings;
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxDocumentLength(settings.maxDocumentBytes())
                .maxNestingDepth(settings.maxNestingDepth())
                .maxStringLength(settings.maxStringLength())
                .maxNumberLength(settings.maxNumberLength())
                .maxNameLength(Math.max(settings.maxKeyLength(), settings.maxStringLength()))
                .build();
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(limits)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .build();
    }

    /** A reader with the default limits. */
    public static StrictApplicationReader standard() {
        return STANDARD;
    }

    /** A builder starting from the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- single documents

    /**
     * Reads one application document.
     *
     * @throws CreditDataException with every problem of the document
     */
    public LoanApplication read(String json) {
        Objects.requireNonNull(json, "json");
        checkSize(json);
        LoanApplication app = StreamingReader.application(withoutBom(json), settings);
        return app != null ? app : readByTree(json);
    }

    /** {@link #read(String)} without the streaming reader: parse to a tree, walk it, report every problem. */
    LoanApplication readByTree(String json) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root = parse(json, problems, false);
        if (root != null) {
            TreeValidator v = new TreeValidator(settings);
            LoanApplication app = null;
            try {
                app = v.application(root, "$");
            } catch (RuntimeException e) {
                v.problems().add(validationGap(e));
            }
            if (v.problems().isEmpty()) {
                return app;
            }
            problems.addAll(Positions.locate(mapper, json, v.problems(), false));
        }
        throw new CreditDataException(problems);
    }

    /**
     * Reads one application document from {@code in} to its end (the reader is not closed).
     *
     * @throws CreditDataException  with every problem of the document, or if it exceeds the size limit
     * @throws UncheckedIOException if reading fails
     */
    public LoanApplication read(Reader in) {
        return read(readLimited(in));
    }

    /**
     * Reads one UTF-8 application document from {@code in} to its end (the stream is not closed).
     *
     * @throws CreditDataException  with every problem of the document, if it exceeds the size limit or is
     *                              not valid UTF-8
     * @throws UncheckedIOException if reading fails
     */
    public LoanApplication read(InputStream in) {
        return read(readLimited(in));
    }

    /**
     * Reads one portfolio line: a bare application (no outcome), or
     * {@code {"application":{...},"outcome":{"defaulted12m":..,"truePd":..}}} where {@code outcome} and
     * {@code truePd} are optional.
     *
     * @throws CreditDataException with every problem of the document
     */
    public LabeledApplication readLabeled(String json) {
        Objects.requireNonNull(json, "json");
        checkSize(json);
        List<Problem> problems = new ArrayList<>();
        LabeledApplication a = readLabeled(json, problems, false);
        if (a == null) {
            throw new CreditDataException(problems);
        }
        return a;
    }

    /**
     * As {@link #readLabeled(String)}, one UTF-8 document read from {@code in} to its end (not closed),
     * refused once it passes the size limit, before the rest is read.
     *
     * @throws CreditDataException  with every problem of the document, if it exceeds the size limit or is
     *                              not valid UTF-8
     * @throws UncheckedIOException if reading fails
     */
    public LabeledApplication readLabeled(InputStream in) {
        return readLabeled(readLimited(in));
    }

    private LabeledApplication readLabeled(String json, List<Problem> problems, boolean line) {
        LabeledApplication a = readLabeledStreaming(json);
        return a != null ? a : readLabeledByTree(json, problems, line);
    }

    /** The streaming reader's result, or null when the tree walk must decide (tests compare both). */
    LabeledApplication readLabeledStreaming(String json) {
        return StreamingReader.labeled(withoutBom(json), settings);
    }

    /** {@link #readLabeled(String, List, boolean)} without the streaming reader (tests compare both). */
    LabeledApplication readLabeledByTree(String json, List<Problem> problems, boolean line) {
        JsonNode root = parse(json, problems, line);
        if (root == null) {
            return null;
        }
        TreeValidator v = new TreeValidator(settings);
        LabeledApplication a = null;
        try {
            a = v.labeled(root);
        } catch (RuntimeException e) {
            v.problems().add(validationGap(e));
        }
        if (v.problems().isEmpty()) {
            return a;
        }
        problems.addAll(Positions.locate(mapper, json, v.problems(), line));
        return null;
    }

    /**
     * A validation step that threw instead of recording a problem: a gap in the validator, reported
     * as this document's problem so that a batch goes on (the fuzz tests look for this message).
     */
    private static Problem validationGap(RuntimeException e) {
        return Problem.of("$", "cannot be validated (" + e.getClass().getSimpleName() + ": "
                + TreeValidator.quote(String.valueOf(e.getMessage())) + "); this is a creditkit bug, please report it "
                + "with the document");
    }

    // ---------------------------------------------------------------- batches

    /**
     * Reads a UTF-8 JSON Lines file line by line in constant memory (one line at a time, each at most
     * the document size limit). Every line is handed to exactly one consumer: a good line (bare or
     * labeled application, see {@link #readLabeled(String)}) to {@code onGood}, a bad line — including
     * a blank line, an oversized line and a line that is not valid UTF-8 — to {@code onBad} with its
     * line number and every problem. Lines end at {@code \n}; a {@code \r} before it is ignored; a
     * final line break does not start another line; a UTF-8 byte order mark is ignored.
     * Exceptions thrown by a consumer propagate and end the read.
     *
     * @return the counts; {@code lines == good + bad}
     * @throws UncheckedIOException if the file cannot be read
     */
    public BatchReport readBatch(Path file, Consumer<? super LabeledApplication> onGood,
                                 Consumer<? super BadLine> onBad) {
        try (InputStream in = Files.newInputStream(file)) {
            return readBatch(in, onGood, onBad);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * As {@link #readBatch(Path, Consumer, Consumer)}, from a UTF-8 stream (not closed).
     *
     * @throws UncheckedIOException if reading fails
     */
    public BatchReport readBatch(InputStream in, Consumer<? super LabeledApplication> onGood,
                                 Consumer<? super BadLine> onBad) {
        Objects.requireNonNull(in, "in");
        return batch(new Utf8Lines(in, settings.maxDocumentBytes(), oversized(settings.maxDocumentBytes()))::next, onGood, onBad);
    }

    /**
     * As {@link #readBatch(Path, Consumer, Consumer)}, from characters (not closed); the size limit
     * applies to a line's UTF-8 encoding.
     *
     * @throws UncheckedIOException if reading fails
     */
    public BatchReport readBatch(Reader in, Consumer<? super LabeledApplication> onGood,
                                 Consumer<? super BadLine> onBad) {
        Objects.requireNonNull(in, "in");
        return batch(new CharLines(in, settings.maxDocumentBytes()), onGood, onBad);
    }

    /**
     * The first half of {@link #readBatch(InputStream, Consumer, Consumer)}, for a caller that parses
     * lines on several threads: splits and decodes the stream exactly as {@code readBatch} does, but
     * parses nothing. A line that could hold a document goes to {@code onText} with its 1-based line
     * number; a line that cannot (longer than the size limit, not valid UTF-8) goes to {@code onBad}.
     * Read each text with {@link #readBatchLine}: the two halves together hand out what
     * {@code readBatch} would, line for line. Exceptions thrown by a consumer propagate and end the read.
     *
     * @return the number of lines
     * @throws UncheckedIOException if reading fails
     */
    public long splitBatch(InputStream in, ObjLongConsumer<String> onText, Consumer<? super BadLine> onBad) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(onText, "onText");
        Objects.requireNonNull(onBad, "onBad");
        return split(new Utf8Lines(in, settings.maxDocumentBytes(), oversized(settings.maxDocumentBytes()))::next, onText, onBad);
    }

    private static long split(LineSource source, ObjLongConsumer<String> onText, Consumer<? super BadLine> onBad) {
        long lines = 0;
        try {
            for (Utf8Lines.Line line = source.next(); line != null; line = source.next()) {
                lines++;
                if (line.error() != null) {
                    onBad.accept(new BadLine(lines, List.of(Problem.of("$", line.error())), Optional.empty()));
                } else {
                    onText.accept(line.text(), lines);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (lines + 1), e);
        }
        return lines;
    }

    /**
     * The second half of {@link #readBatch(InputStream, Consumer, Consumer)}: reads one line handed out
     * by {@link #splitBatch}, as {@code readBatch} would read it (a blank line is bad; positions are
     * given as columns of the line). Safe to call from any thread.
     *
     * @param line  the line's 1-based number, for the bad line's report
     * @param text  the line's text
     * @param onBad receives the line with every problem when it is not a good application
     * @return the application, or empty when the line went to {@code onBad}
     */
    public Optional<LabeledApplication> readBatchLine(long line, String text, Consumer<? super BadLine> onBad) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(onBad, "onBad");
        List<Problem> problems = new ArrayList<>();
        LabeledApplication a = readLine(text, problems);
        if (a == null) {
            onBad.accept(new BadLine(line, problems, Optional.of(text)));
        }
        return Optional.ofNullable(a);
    }

    /** One batch line's application, or null with its problems added. */
    private LabeledApplication readLine(String text, List<Problem> problems) {
        if (text.isBlank()) {
            problems.add(Problem.of("$", "blank line; every line must hold one JSON object (remove blank lines)"));
            return null;
        }
        return readLabeled(text, problems, true);
    }

    private BatchReport batch(LineSource source, Consumer<? super LabeledApplication> onGood,
                              Consumer<? super BadLine> onBad) {
        Objects.requireNonNull(onGood, "onGood");
        Objects.requireNonNull(onBad, "onBad");
        long[] good = {0};
        long[] problems = {0};
        Consumer<BadLine> bad = b -> {
            problems[0] += b.problems().size();
            onBad.accept(b);
        };
        long lines = split(source, (text, line) -> readBatchLine(line, text, bad).ifPresent(a -> {
            good[0]++;
            onGood.accept(a);
        }), bad);
        return new BatchReport(lines, good[0], lines - good[0], problems[0]);
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Parses {@code json} to a tree with every number range-checked; on failure records the single
     * parse problem, located by JSON path and by line and column ({@code line}: the document is one
     * line of a batch, so the column alone is given).
     */
    private JsonNode parse(String json, List<Problem> problems, boolean line) {
        String text = withoutBom(json);
        JsonParser parser = null;
        SafeTree tree = new SafeTree(settings.maxKeyLength());
        try {
            parser = mapper.getFactory().createParser(text);
            if (parser.nextToken() == null) {
                problems.add(Problem.of("$", "empty document; expected one JSON object"));
                return null;
            }
            JsonNode root = tree.value(parser);
            if (parser.nextToken() != null) {
                problems.add(Problem.of("$", "more than one JSON value" + Positions.at(
                        parser.currentTokenLocation(), line) + "; a document holds exactly one JSON object"));
                return null;
            }
            return root;
        } catch (SafeTree.Refusal e) {
            problems.add(Problem.of(e.path != null ? e.path : SafeTree.path(parser),
                    e.getMessage() + Positions.at(e.location, line)));
        } catch (JsonProcessingException e) {
            String path = parser == null ? "$" : tree.failurePath(parser);
            problems.add(Problem.of(path, parseMessage(e, parser, line)
                    + (parser == null ? "" : tree.failureKeyNote(parser))));
        } catch (IOException | RuntimeException e) {
            // not expected from a String source; never let it escape a batch
            problems.add(Problem.of(parser == null ? "$" : SafeTree.path(parser), "cannot be parsed ("
                    + e.getClass().getSimpleName() + ")" + (parser == null ? ""
                    : Positions.at(parser.currentLocation(), line))));
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // a String source cannot fail to close
                }
            }
        }
        return null;
    }

    private static String withoutBom(String json) {
        return json.startsWith("\uFEFF") ? json.substring(1) : json;
    }

    private static String parseMessage(JsonProcessingException e, JsonParser parser, boolean line) {
        String original = TreeValidator.clip(String.valueOf(e.getOriginalMessage()), 200);
        String where = e.getLocation() != null ? Positions.at(e.getLocation(), line)
                : parser == null ? "" : Positions.at(parser.currentLocation(), line);
        if (e instanceof StreamConstraintsException) {
            if (parser != null && original.startsWith("String value length")
                    && parser.currentToken() != JsonToken.VALUE_STRING) {
                // Jackson buffers a very long number's digits as text and checks the string limit
                // before the number limit: the value is a number, so say so.
                return "document exceeds a reader limit: a number of more than "
                        + parser.streamReadConstraints().getMaxStringLength() + " characters" + where
                        + "; valid: a number of at most " + parser.streamReadConstraints().getMaxNumberLength()
                        + " characters (see StrictApplicationReader.Builder)";
            }
            return "document exceeds a reader limit: " + original + where
                    + " (see StrictApplicationReader.Builder)";
        }
        if (original.contains("Duplicate field")) {
            return original.replace("Duplicate field", "duplicate key") + where
                    + "; each key may appear once in an object";
        }
        if (original.contains("'NaN'") || original.contains("Infinity")) {
            return "NaN and Infinity are not JSON numbers" + where + "; valid: a finite number";
        }
        return "not well-formed JSON: " + original + where;
    }

    // ---------------------------------------------------------------- size limits

    /** The size limit, measured only when the characters could exceed it (one char is at most 3 UTF-8 bytes). */
    private void checkSize(String json) {
        if (json.length() * 3L > settings.maxDocumentBytes()) {
            checkSize(utf8Length(json));
        }
    }

    private void checkSize(long bytes) {
        if (bytes > settings.maxDocumentBytes()) {
            throw tooLarge();
        }
    }

    private CreditDataException tooLarge() {
        return new CreditDataException("$", "document exceeds " + settings.maxDocumentBytes()
                + " bytes; valid: at most " + settings.maxDocumentBytes() + " bytes (see Builder.maxDocumentBytes)");
    }

    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += utf8Length(s.charAt(i));
        }
        return n;
    }

    /** UTF-8 bytes of one UTF-16 unit; a surrogate pair counts 2 + 2 = 4. */
    static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }

    private String readLimited(Reader in) {
        Objects.requireNonNull(in, "in");
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        long bytes = 0;
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                for (int i = 0; i < n; i++) {
                    bytes += utf8Length(buf[i]);
                }
                checkSize(bytes);
                sb.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the application document", e);
        }
        return sb.toString();
    }

    private String readLimited(InputStream in) {
        Objects.requireNonNull(in, "in");
        byte[] bytes;
        try {
            bytes = in.readNBytes(settings.maxDocumentBytes() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the application document", e);
        }
        checkSize(bytes.length);
        int start = Utf8.hasBom(bytes, 0, bytes.length) ? 3 : 0;
        String s = Utf8.decode(bytes, start, bytes.length - start);
        if (s == null) {
            throw new CreditDataException("$", "the document is not valid UTF-8; valid: UTF-8 text");
        }
        return s;
    }

    // ---------------------------------------------------------------- line splitting

    private interface LineSource {
        /** The next line, or null at the end of input. */
        Utf8Lines.Line next() throws IOException;
    }

    private static String oversized(int max) {
        return "line exceeds " + max + " bytes; valid: at most " + max + " bytes per line (see Builder.maxDocumentBytes)";
    }

    /** Splits characters at {@code \n}, holding at most one line of at most {@code max} UTF-8 bytes. */
    private static final class CharLines implements LineSource {
        private final Reader in;
        private final int max;
        private final char[] buf = new char[1 << 14];
        private int pos;
        private int lim;
        private final StringBuilder sb = new StringBuilder();
        private boolean eof;
        private boolean first = true;

        CharLines(Reader in, int max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public Utf8Lines.Line next() throws IOException {
            if (eof) {
                return null;
            }
            sb.setLength(0);
            long bytes = 0;
            boolean over = false;
            boolean any = false;
            while (true) {
                if (pos == lim) {
                    lim = in.read(buf);
                    pos = 0;
                    if (lim <= 0) {
                        lim = 0;
                        eof = true;
                        return any ? line(over) : null;
                    }
                }
                any = true;
                char c = buf[pos++];
                if (c == '\n') {
                    return line(over);
                }
                if (!over) {
                    bytes += utf8Length(c);
                    if (bytes > max) {
                        over = true;
                        sb.setLength(0);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }

        private Utf8Lines.Line line(boolean over) {
            boolean bom = first && sb.length() > 0 && sb.charAt(0) == '\uFEFF';
            first = false;
            if (over) {
                return new Utf8Lines.Line(null, oversized(max));
            }
            int end = sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r' ? sb.length() - 1 : sb.length();
            return new Utf8Lines.Line(sb.substring(bom ? 1 : 0, Math.max(bom ? 1 : 0, end)), null);
        }
    }

    // ---------------------------------------------------------------- builder

    /** Builder of a reader with non-default limits; every limit must be positive. */
    public static final class Builder {
        private int maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
        private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;
        private int maxKeyLength = DEFAULT_MAX_KEY_LENGTH;
        private int maxSeriesMonths = DEFAULT_MAX_SERIES_MONTHS;
        private Duration futureTolerance = DEFAULT_FUTURE_TOLERANCE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Maximum size of one document or batch line in UTF-8 bytes.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxDocumentBytes(int bytes) {
            maxDocumentBytes = positive("maxDocumentBytes", bytes);
            return this;
        }

        /**
         * Maximum nesting depth of objects and arrays (Jackson {@link StreamReadConstraints}).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxNestingDepth(int depth) {
            maxNestingDepth = positive("maxNestingDepth", depth);
            if (depth > MAX_NESTING_DEPTH_LIMIT) {
                throw new IllegalArgumentException("maxNestingDepth (" + depth + ") must be <= "
                        + MAX_NESTING_DEPTH_LIMIT);
            }
            return this;
        }

        /**
         * Maximum length of one object key in characters.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxKeyLength(int chars) {
            maxKeyLength = positive("maxKeyLength", chars);
            return this;
        }

        /**
         * The clock giving "now" for the upper bound of an application time (now plus the future
         * tolerance); the system UTC clock by default. Tests fix it.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Maximum length of one string value in characters (Jackson {@link StreamReadConstraints}).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxStringLength(int chars) {
            maxStringLength = positive("maxStringLength", chars);
            return this;
        }

        /**
         * Maximum length of one number in characters (Jackson {@link StreamReadConstraints}).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxNumberLength(int chars) {
            maxNumberLength = positive("maxNumberLength", chars);
            return this;
        }

        /**
         * Maximum months in one monthly series.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxSeriesMonths(int months) {
            maxSeriesMonths = positive("maxSeriesMonths", months);
            return this;
        }

        /**
         * How far a source's {@code asOf} may lie after the application time before the document is
         * rejected (clock skew between systems).
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder futureTolerance(Duration tolerance) {
            Objects.requireNonNull(tolerance, "tolerance");
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("futureTolerance (" + tolerance + ") must be >= 0");
            }
            futureTolerance = tolerance;
            return this;
        }

        private static int positive(String name, int v) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " (" + v + ") must be > 0");
            }
            return v;
        }

        /** The reader. */
        public StrictApplicationReader build() {
            return new StrictApplicationReader(new ReaderSettings(maxDocumentBytes, maxNestingDepth,
                    maxStringLength, maxNumberLength, maxKeyLength, maxSeriesMonths, futureTolerance, clock));
        }
    }
}
