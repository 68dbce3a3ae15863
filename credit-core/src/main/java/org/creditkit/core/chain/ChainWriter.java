package org.creditkit.core.chain;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creditkit.core.CreditModelException;

/**
 * Appends lines to a hash-chained JSON Lines log. Each line is
 * {@code {"seq":N,"prev":"<hash of line N-1>","kind":"<kind>",<body>,"hash":"<SHA-256 of this line before the hash field>"}};
 * every file (part) starts with a {@code header} line; a {@code checkpoint} line signed with the
 * {@link ChainSigner} follows every {@link Builder#checkpointEvery N} records, each rotation and
 * the close. The checkpoint that ends a part names the part the chain continues in
 * ({@code "next":k}) and the one written at the close says so ({@code "closed":true}), both under
 * the signature, so {@link ChainVerifier} can tell a deleted part, even the last one, from the end
 * of the log. Every line is handed to the operating system as soon as it is written, so a crash of
 * the process loses no written record and leaves at most one incomplete last line, which
 * {@link ChainVerifier} reports as truncated while verifying everything before it. Opening an
 * existing log continues its chain (a new header line marks the resumption); a log whose last line
 * is incomplete is refused rather than repaired. Thread-safe: lines are appended one at a time.
 *
 * <pre>{@code
 * try (ChainWriter log = ChainWriter.to(Path.of("decisions.jsonl"), "decision")
 *         .signer(signer).checkpointEvery(1000).rotation(Rotation.daily(ZoneId.of("Asia/Shanghai"))).open()) {
 *     log.append("decision", "\"score\":612.5");
 * }
 * }</pre>
 */
public final class ChainWriter implements AutoCloseable {

    private final Path first;
    private final String log;
    private final Optional<ChainSigner> signer;
    private final int checkpointEvery;
    private final Rotation rotation;
    private final Clock clock;
    private final Map<String, String> headerFields;
    private final MessageDigest sha = ChainFormat.sha256();
    private final StringBuilder line = new StringBuilder(1024);

    private OutputStream out;
    private Path file;
    private int part;
    private long fileBytes;
    private LocalDate partDay;
    private long seq;
    private String prev;
    private int sinceCheckpoint;
    private boolean closed;

    private ChainWriter(Builder b) throws IOException {
        this.first = b.first;
        this.log = b.log;
        this.signer = Optional.ofNullable(b.signer);
        this.checkpointEvery = b.checkpointEvery;
        this.rotation = b.rotation;
        this.clock = b.clock;
        this.headerFields = Map.copyOf(b.headerFields);
        int last = 1;
        while (Files.exists(ChainFormat.part(first, last + 1))) {
            last++;
        }
        part = last;
        file = ChainFormat.part(first, part);
        boolean resumed = Files.exists(file) && Files.size(file) > 0;
        if (resumed) {
            if (resumeFrom(file) > 0) {
                // a deleted next part, or a crash between the hand-over and the next part's header: the
                // two look alike, and continuing would hide a deletion
                throw new CreditModelException(file.toString(), "the part ends on its hand-over to part " + (part + 1)
                        + ", which does not exist; check the log with 'credit log verify " + first + "' and move it "
                        + "aside before writing to it: a chain is not continued past a missing part");
            }
        } else if (part > 1) {
            throw new CreditModelException(file.toString(), "the last part of the log is empty (deleted lines, or a "
                    + "crash before its header); check the log with 'credit log verify " + first + "' and move it "
                    + "aside before writing to it: a chain is not continued past a missing part");
        } else {
            seq = 0;
            prev = ChainFormat.GENESIS;
        }
        openPart(resumed);
    }

    /**
     * Starts a writer of the log whose first part is {@code first}.
     *
     * @param first the first file; later parts are {@code stem.2.ext}, {@code stem.3.ext} ...
     * @param log what the log holds, e.g. {@code decision} or {@code access}; recorded in each header
     * @return the builder
     */
    public static Builder to(Path first, String log) {
        return new Builder(first, log);
    }

    /**
     * The file of part {@code n} of a log: part 1 is {@code first} itself, part n is
     * {@code stem.n.ext} beside it ({@code decisions.jsonl}, {@code decisions.2.jsonl}, ...).
     *
     * @param first the first part
     * @param n the part number, from 1
     * @return the file
     */
    public static Path partFile(Path first, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("part numbers start at 1, got " + n);
        }
        return ChainFormat.part(first, n);
    }

    /**
     * Appends one line.
     *
     * @param kind what the line is, e.g. {@code decision}; not {@code header} or {@code checkpoint}
     * @param body JSON object members without the braces (e.g. {@code "a":1,"b":"x"}), no line break
     * @throws IllegalArgumentException on a reserved kind or a body with a line break
     * @throws IllegalStateException after {@link #close()}
     * @throws UncheckedIOException when the file cannot be written
     */
    public synchronized void append(String kind, String body) {
        if (kind.equals(ChainFormat.HEADER) || kind.equals(ChainFormat.CHECKPOINT)) {
            throw new IllegalArgumentException("kind '" + kind + "' is written by the chain itself");
        }
        if (body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a " + kind + " line must not contain a line break");
        }
        if (closed) {
            throw new IllegalStateException("the " + log + " log " + first + " is closed");
        }
        Instant now = clock.instant();
        try {
            if (rotation.due(fileBytes, body.length() + 200L, partDay, now)) {
                rotate();
            }
            write(kind, body);
            sinceCheckpoint++;
            if (signer.isPresent() && sinceCheckpoint >= checkpointEvery) {
                writeCheckpoint();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the " + log + " log " + file, e);
        }
    }

    /**
     * Writes a signed checkpoint now (nothing when no line was appended since the last one, or when
     * the writer has no signer).
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public synchronized void checkpoint() {
        if (closed || signer.isEmpty() || sinceCheckpoint == 0) {
            return;
        }
        try {
            writeCheckpoint();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint to the " + log + " log " + file, e);
        }
    }

    /**
     * The current part's file.
     *
     * @return the file being written
     */
    public synchronized Path file() {
        return file;
    }

    /**
     * Lines in the chain so far, over all parts (the next line's {@code seq}).
     *
     * @return the line count
     */
    public synchronized long lines() {
        return seq;
    }

    /** Writes a final checkpoint (when signed) and closes the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            if (signer.isPresent()) {
                writeCheckpoint(ChainFormat.CLOSED_FIELD);
            }
            closed = true;
            out.close();
        } catch (IOException e) {
            closed = true;
            throw new UncheckedIOException("cannot close the " + log + " log " + file, e);
        }
    }

    private void rotate() throws IOException {
        if (signer.isPresent()) {
            // always, even right after a periodic checkpoint: a part's signed last line names its successor
            writeCheckpoint(ChainFormat.NEXT_FIELD + (part + 1));
        }
        out.close();
        part++;
        file = ChainFormat.part(first, part);
        if (Files.exists(file)) {
            throw new CreditModelException(file.toString(), "the next part of the " + log
                    + " log exists already; the chain cannot continue into it");
        }
        openPart(false);
    }

    private void openPart(boolean resumed) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), 1 << 16);
        fileBytes = Files.size(file);
        Instant now = clock.instant();
        partDay = rotation.day(now);
        StringBuilder h = new StringBuilder(256);
        h.append("\"format\":\"").append(ChainFormat.FORMAT).append("\",\"log\":\"").append(log)
                .append("\",\"part\":").append(part).append(",\"time\":\"").append(now)
                .append("\",\"resumed\":").append(resumed)
                .append(",\"signedBy\":\"").append(signer.map(ChainSigner::keyId).orElse("none")).append('"');
        headerFields.forEach((k, v) -> h.append(",\"").append(k).append("\":\"").append(v).append('"'));
        write(ChainFormat.HEADER, h.toString());
        sinceCheckpoint++;
    }

    private void writeCheckpoint() throws IOException {
        writeCheckpoint("");
    }

    /** A checkpoint; {@code marker} ({@code ,"next":k}, {@code ,"closed":true} or empty) comes before the key, under the signature. */
    private void writeCheckpoint(String marker) throws IOException {
        ChainSigner s = signer.orElseThrow();
        line.setLength(0);
        startLine(ChainFormat.CHECKPOINT);
        line.append(",\"time\":\"").append(clock.instant()).append('"').append(marker).append(",\"key\":\"")
                .append(s.keyId()).append('"');
        byte[] signed = line.toString().getBytes(StandardCharsets.UTF_8);
        line.append(ChainFormat.SIGNATURE_FIELD).append(Base64.getEncoder().encodeToString(s.sign(signed)))
                .append('"');
        finishLine();
        sinceCheckpoint = 0;
    }

    private void write(String kind, String body) throws IOException {
        line.setLength(0);
        startLine(kind);
        if (!body.isEmpty()) {
            line.append(',').append(body);
        }
        finishLine();
    }

    private void startLine(String kind) {
        line.append("{\"seq\":").append(seq).append(",\"prev\":\"").append(prev).append("\",\"kind\":\"")
                .append(kind).append('"');
    }

    private void finishLine() throws IOException {
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        byte[] digest = sha.digest(bytes);
        StringBuilder tail = new StringBuilder(ChainFormat.SUFFIX + 1);
        tail.append(",\"hash\":\"");
        ChainFormat.appendHex(tail, digest);
        String hash = tail.substring(9);
        tail.append("\"}\n");
        byte[] tailBytes = tail.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(bytes);
        out.write(tailBytes);
        out.flush();
        fileBytes += bytes.length + tailBytes.length;
        prev = hash;
        seq++;
    }

    /**
     * Continues the chain after the last line of {@code existing}, which must be complete and self-consistent.
     *
     * @return the part that line hands the chain over to, or 0 when it is not a hand-over checkpoint
     * @throws CreditModelException when the last line is incomplete or not an intact chain line
     */
    private int resumeFrom(Path existing) throws IOException {
        byte[] tail;
        try (RandomAccessFile raf = new RandomAccessFile(existing.toFile(), "r")) {
            long size = raf.length();
            int n = (int) Math.min(size, 1 << 20);
            tail = new byte[n];
            raf.seek(size - n);
            raf.readFully(tail);
        }
        if (tail[tail.length - 1] != '\n') {
            throw new CreditModelException(existing.toString(), "the last line is incomplete (a crash while "
                    + "writing?); check it with 'credit log verify " + first + "' and move the log aside before "
                    + "writing to it: a chain is not continued after a damaged line");
        }
        int end = tail.length - 1;
        int start = end - 1;
        while (start >= 0 && tail[start] != '\n') {
            start--;
        }
        start++;
        ChainLine parsed = ChainLine.parse(tail, start, end);
        if (parsed == null || !parsed.hashMatches(sha, tail, start)) {
            throw new CreditModelException(existing.toString(), "the last line is not an intact chain line; "
                    + "check the log with 'credit log verify " + first + "' before writing to it");
        }
        seq = parsed.seq() + 1;
        prev = parsed.hash();
        return ChainFormat.CHECKPOINT.equals(parsed.kind())
                ? ChainFormat.nextPart(new String(tail, start, end - start, StandardCharsets.UTF_8)) : 0;
    }

    /** Builder of a {@link ChainWriter}. */
    public static final class Builder {
        private final Path first;
        private final String log;
        private ChainSigner signer;
        private boolean unsigned;
        private int checkpointEvery = 1000;
        private Rotation rotation = Rotation.none();
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> headerFields = new LinkedHashMap<>();

        private Builder(Path first, String log) {
            this.first = Objects.requireNonNull(first, "first");
            this.log = Objects.requireNonNull(log, "log");
            ChainFormat.requirePlain(log, "log");
        }

        /**
         * The key that signs checkpoints.
         *
         * @param value the signer
         * @return this builder
         */
        public Builder signer(ChainSigner value) {
            signer = Objects.requireNonNull(value, "signer");
            return this;
        }

        /**
         * Writes no checkpoints at all: the hash chain alone, which anyone can recompute after an
         * edit. For development only; {@link ChainVerifier} reports every line as unsigned.
         *
         * @return this builder
         */
        public Builder unsigned() {
            unsigned = true;
            return this;
        }

        /**
         * Records between checkpoints (default 1000).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder checkpointEvery(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + value);
            }
            checkpointEvery = value;
            return this;
        }

        /**
         * When to start a new part (default: never).
         *
         * @param value the rotation
         * @return this builder
         */
        public Builder rotation(Rotation value) {
            rotation = Objects.requireNonNull(value, "rotation");
            return this;
        }

        /**
         * The clock of header and checkpoint times and of daily rotation (default: system UTC).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * An extra field of every header line, e.g. the id of the pseudonym key.
         *
         * @param name field name, plain text
         * @param value field value, plain text
         * @return this builder
         */
        public Builder headerField(String name, String value) {
            ChainFormat.requirePlain(name, "header field name");
            ChainFormat.requirePlain(value, "header field value");
            headerFields.put(name, value);
            return this;
        }

        /**
         * Opens the log: continues an existing one, or starts it.
         *
         * @return the writer
         * @throws IllegalStateException when neither a signer nor {@link #unsigned()} was given
         * @throws CreditModelException when an existing log ends in a damaged line, on a hand-over to a
         *     missing part, or in an empty part
         * @throws UncheckedIOException when the file cannot be opened
         */
        public ChainWriter open() {
            if (signer == null && !unsigned) {
                throw new IllegalStateException("the " + log + " log " + first + " needs a signer for its "
                        + "checkpoints (or unsigned() for development)");
            }
            try {
                return new ChainWriter(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the " + log + " log " + first, e);
            }
        }
    }
}
