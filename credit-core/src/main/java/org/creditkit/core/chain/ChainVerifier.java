package org.creditkit.core.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.creditkit.core.chain.ChainProblem.Kind;
import org.creditkit.core.input.Utf8;

/**
 * Verifies a log written by {@link ChainWriter}: every line's own hash, the link to the line
 * before, the sequence numbers, the part numbers across rotated files, the hand-over from part to
 * part (the last line of every part but the last is a checkpoint naming the next part, so a part
 * deleted, renamed into another's place or taken from another log is named as such, the last one
 * included), whether the log ends on the writer's closing checkpoint, and every checkpoint's
 * signature; stops at the first problem and names its line. One pass, constant memory.
 *
 * <pre>{@code
 * ChainReport r = ChainVerifier.verify(Path.of("decisions.jsonl"), keys);
 * if (!r.ok()) System.err.print(r.toText());   // e.g. "FAILED decisions.jsonl:57: altered: ..."
 * }</pre>
 */
public final class ChainVerifier {

    private final CheckpointKeys keys;
    /** False for {@link #verifyLinks}: checkpoints are hashed and linked like any line, their signatures unread. */
    private final boolean signatures;
    private final MessageDigest sha = ChainFormat.sha256();
    private final List<Path> files = new ArrayList<>();
    private long lines;
    private long records;
    private long checkpoints;
    private String lastCheckpoint;
    private long unsigned;
    private long expected;
    private String prev = ChainFormat.GENESIS;
    /** Where the last verified line is: its part (from 1), file and line number. */
    private int lastPart;
    private Path lastFile;
    private long lastLineNo;
    /** The part the last verified line hands the chain over to (a checkpoint's {@code next}), else 0. */
    private int lastNext;
    /** Whether the last verified line is the writer's closing checkpoint. */
    private boolean lastClosed;
    /** Whether the part being read is signed in format 2, whose parts end on a hand-over checkpoint. */
    private boolean handsOver;

    private ChainVerifier(CheckpointKeys keys, boolean signatures) {
        this.keys = keys;
        this.signatures = signatures;
    }

    /**
     * Verifies a log and its later parts ({@code stem.2.ext}, ...), found beside it.
     *
     * @param first the first part
     * @param keys the trusted checkpoint keys
     * @return the report
     * @throws UncheckedIOException when a file cannot be read
     */
    public static ChainReport verify(Path first, CheckpointKeys keys) {
        return new ChainVerifier(java.util.Objects.requireNonNull(keys, "keys"), true).verifyFrom(first);
    }

    /**
     * Verifies that a log and its later parts are one unbroken chain, without a key: every line's
     * own hash, the link to the line before, the sequence numbers across files and the part numbers
     * in the headers. Checkpoint signatures are not read, so this proves continuity (nothing
     * altered, removed, inserted or reordered since the lines were chained) but not who chained
     * them; {@link #verify} with the signer's public key proves both. Readers of a trail
     * ({@code credit audit}, {@code credit explain}) call this before using a line, and read the
     * parts in {@link ChainReport#files()} order.
     *
     * <pre>{@code
     * ChainReport r = ChainVerifier.verifyLinks(Path.of("decisions.jsonl"));
     * if (!r.intact()) throw ...;              // names the first bad line
     * for (Path part : r.files()) { ... }      // decisions.jsonl, decisions.2.jsonl, ...
     * }</pre>
     *
     * @param first the first part
     * @return the report; its {@code checkpoints} count is 0 and every line counts as unsigned
     * @throws UncheckedIOException when a file cannot be read
     */
    public static ChainReport verifyLinks(Path first) {
        return new ChainVerifier(CheckpointKeys.none(), false).verifyFrom(first);
    }

    /**
     * Whether a file starts like a chained log (a header line {@code "seq":0} whose {@code prev} is all zeros),
     * so a reader can tell a decision trail from a flat JSON Lines table.
     *
     * @param file a file
     * @return true when its first line is the header of a chain's first part
     * @throws UncheckedIOException when the file cannot be read
     */
    public static boolean isChain(Path file) {
        byte[] start = ("{\"seq\":0,\"prev\":\"" + ChainFormat.GENESIS + "\",\"kind\":\"" + ChainFormat.HEADER + "\"")
                .getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(start.length);
            return Arrays.equals(head, start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private ChainReport verifyFrom(Path first) {
        try {
            return run(first);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log " + first, e);
        }
    }

    private ChainReport run(Path first) throws IOException {
        if (!Files.isRegularFile(first)) {
            return report(problem(Kind.NOT_A_CHAIN, first, 0, "no such file"));
        }
        int n = 1;
        while (Files.exists(ChainFormat.part(first, n))) {
            files.add(ChainFormat.part(first, n));
            n++;
        }
        for (int gap = n + 1; gap <= n + 10; gap++) {
            if (Files.exists(ChainFormat.part(first, gap))) {
                return report(problem(Kind.REMOVED, ChainFormat.part(first, n), 0, "missing part: part " + n
                        + " of the log (" + ChainFormat.part(first, n) + ") does not exist but part " + gap
                        + " does (" + ChainFormat.part(first, gap) + "): a part was deleted or renamed"));
            }
        }
        Lines in = new Lines(files);
        try (in) {
            while (in.next()) {
                ChainProblem p = check(in);
                if (p != null) {
                    return report(p);
                }
            }
        }
        if (lines == 0) {
            return report(problem(Kind.NOT_A_CHAIN, first, 1, "the log is empty"));
        }
        if (lastNext > 0) {
            Path missing = ChainFormat.part(first, lastNext);
            return report(problem(Kind.REMOVED, lastFile, lastLineNo, "missing part: the checkpoint here hands the "
                    + "chain over to part " + lastNext + " (" + missing + "), which "
                    + (Files.exists(missing) ? "holds no line" : "does not exist")
                    + ": that part, and any after it, was deleted"));
        }
        return report(null);
    }

    /**
     * At the first line of a part, whether the part before ended on its hand-over to this one, and
     * whether this part's file holds this part.
     */
    private ChainProblem checkPartStart(Lines in, ChainLine l) {
        int part = in.part();
        if (lines > 0 && handsOver && lastNext != part) {
            if (lastNext > 0) {
                Path promised = in.partFile(lastNext);
                return problem(Kind.REMOVED, lastFile, lastLineNo, "missing part: the checkpoint here hands the "
                        + "chain over to part " + lastNext + " (" + promised + "), which holds no line");
            }
            return problem(Kind.REMOVED, lastFile, lastLineNo, "part " + lastPart + " ends here without the "
                    + "signed checkpoint that hands the chain over to part " + part + " (" + in.file()
                    + "): its last lines were removed");
        }
        if (!ChainFormat.HEADER.equals(l.kind())) {
            return problem(Kind.NOT_A_CHAIN, in.file(), in.lineNo(), "part " + part + " does not start with a "
                    + "header line: not a part of this log, or its first lines were removed");
        }
        String text = new String(in.buf(), in.start(), l.prefixEnd() - in.start(), StandardCharsets.UTF_8);
        int holds = ChainFormat.numberAfter(text, "\"part\":");
        if (holds != part && holds > 0) {
            return problem(Kind.REORDERED, in.file(), in.lineNo(), "the file of part " + part + " holds part "
                    + holds + " (its header says so)" + (holds <= in.partCount() ? ", and part " + part
                    + " may be in " + in.partFile(holds) : "") + ": parts were renamed or reordered");
        }
        if (lines > 0 && !l.prev().equals(prev)) {
            return problem(Kind.INSERTED, in.file(), in.lineNo(), "part " + part + " does not continue part "
                    + lastPart + ": its header does not link to the last line of " + lastFile + " (its prev is "
                    + "not that line's hash): a part substituted from another log, or rewritten");
        }
        return null;
    }

    private ChainProblem check(Lines in) throws IOException {
        Path file = in.file();
        long no = in.lineNo();
        if (!in.terminated()) {
            return problem(Kind.TRUNCATED, file, no, "the last line has no line end (" + (in.end() - in.start())
                    + " bytes): a write was cut short (crash?); the " + lines + " lines before it verify");
        }
        ChainProblem notText = checkText(in);
        if (notText != null) {
            return notText;
        }
        ChainLine l = ChainLine.parse(in.buf(), in.start(), in.end());
        if (l == null) {
            return problem(Kind.ALTERED, file, no, in.end() == in.start() ? "an empty line was inserted"
                    : "not a chain line (its layout {\"seq\":..,\"prev\":..,\"kind\":..,...,\"hash\":..} is "
                    + "broken): altered or inserted");
        }
        if (!l.hashMatches(sha, in.buf(), in.start())) {
            return problem(Kind.ALTERED, file, no, "altered: its content does not match its hash");
        }
        if (no == 1) {
            ChainProblem p = checkPartStart(in, l);
            if (p != null) {
                return p;
            }
        } else if (lastNext > 0) {
            return problem(Kind.INSERTED, file, no, "follows the checkpoint that handed the chain over to part "
                    + lastNext + " (" + lastFile + ":" + lastLineNo + "): lines were added after the end of the part");
        }
        if (l.seq() != expected) {
            if (l.seq() < expected) {
                return problem(Kind.INSERTED, file, no, "holds line number " + l.seq() + " where " + expected
                        + " is due: a line was inserted or moved here");
            }
            long holds = l.seq();
            long want = expected;
            while (in.next()) {
                ChainLine later = in.terminated() ? ChainLine.parse(in.buf(), in.start(), in.end()) : null;
                if (later != null && later.seq() == want) {
                    return problem(Kind.REORDERED, file, no, "holds line number " + holds + " where " + want
                            + " is due, and " + want + " is at " + in.file() + ":" + in.lineNo()
                            + ": lines were reordered");
                }
            }
            return problem(Kind.REMOVED, file, no, (holds - want) + " line(s) (numbers " + want + ".." + (holds - 1)
                    + ") were removed before this line");
        }
        if (!l.prev().equals(prev)) {
            return problem(Kind.INSERTED, file, no, "does not follow the line before it (its prev is not that "
                    + "line's hash): this line was inserted or rewritten, or the line before it was replaced");
        }
        lastNext = 0;
        lastClosed = false;
        switch (l.kind()) {
            case ChainFormat.HEADER -> {
                ChainProblem p = checkHeader(in, l);
                if (p != null) {
                    return p;
                }
                unsigned++;
            }
            case ChainFormat.CHECKPOINT -> {
                String text = new String(in.buf(), in.start(), l.prefixEnd() - in.start(), StandardCharsets.UTF_8);
                int key = text.lastIndexOf(",\"key\":\"");
                String marks = key < 0 ? text : text.substring(0, key); // the markers come before the key
                lastNext = ChainFormat.nextPart(marks);
                lastClosed = marks.contains(ChainFormat.CLOSED_FIELD);
                if (lastNext > 0 && lastNext != in.part() + 1) {
                    return problem(Kind.REORDERED, file, no, "the checkpoint hands the chain over to part " + lastNext
                            + ", but it is in part " + in.part() + " (" + file + "): parts were renamed or reordered");
                }
                if (signatures) {
                    ChainProblem p = checkSignature(in, l);
                    if (p != null) {
                        return p;
                    }
                    checkpoints++;
                    unsigned = 0;
                    lastCheckpoint = file + ":" + no;
                } else {
                    unsigned++;
                }
            }
            default -> {
                records++;
                unsigned++;
            }
        }
        lines++;
        expected++;
        prev = l.hash();
        lastPart = in.part();
        lastFile = file;
        lastLineNo = no;
        return null;
    }

    /**
     * A line that is not UTF-8 text, or spells half a surrogate pair: refused before its hash is checked, so
     * a line re-hashed after its bytes were changed (or written by another tool) cannot pass as intact
     * while every reader decodes something else.
     */
    private static ChainProblem checkText(Lines in) {
        byte[] b = in.buf();
        int len = in.end() - in.start();
        int bad = Utf8.malformedOffset(b, in.start(), len);
        if (bad >= 0) {
            return problem(Kind.NOT_TEXT, in.file(), in.lineNo(), "not valid UTF-8 at byte " + (bad + 1) + " of the line ("
                    + String.format("0x%02x", b[in.start() + bad] & 0xFF) + "): a hash covers any bytes, but a reader "
                    + "decodes U+FFFD there, not what was chained; the writer writes UTF-8 text only, so the line was "
                    + "changed and re-hashed, or written by another tool; valid: UTF-8 text");
        }
        int half = Utf8.unpairedSurrogateEscape(b, in.start(), len);
        if (half >= 0) {
            String escape = new String(b, in.start() + half, 6, StandardCharsets.US_ASCII);
            return problem(Kind.NOT_TEXT, in.file(), in.lineNo(), "the line holds half a UTF-16 surrogate pair, the "
                    + "escape " + escape + " at byte " + (half + 1) + " of the line; it is not text (a reader writes it "
                    + "out as '?'), so the line is not what a reader would see; valid: a complete pair such as "
                    + "\\uD83D\\uDE00, or the character itself in UTF-8");
        }
        return null;
    }

    private ChainProblem checkHeader(Lines in, ChainLine l) {
        String text = new String(in.buf(), in.start(), l.prefixEnd() - in.start(), StandardCharsets.UTF_8);
        String part = "\"part\":" + in.part() + ",";
        boolean current = text.contains("\"format\":\"" + ChainFormat.FORMAT + "\"");
        if (!(current || text.contains("\"format\":\"" + ChainFormat.FORMAT_1 + "\"")) || !text.contains(part)) {
            return problem(Kind.NOT_A_CHAIN, in.file(), in.lineNo(), "the header does not name format "
                    + ChainFormat.FORMAT + " and part " + in.part() + " (parts renamed or mixed up?)");
        }
        // format 1 had no hand-over; an unsigned (development) log has no checkpoint to hand over with
        handsOver = current && !text.contains("\"signedBy\":\"none\"");
        return null;
    }

    private ChainProblem checkSignature(Lines in, ChainLine l) {
        String text = new String(in.buf(), in.start(), l.prefixEnd() - in.start(), StandardCharsets.UTF_8);
        int sig = text.lastIndexOf(ChainFormat.SIGNATURE_FIELD);
        int key = text.lastIndexOf(",\"key\":\"");
        if (sig < 0 || key < 0 || key > sig || !text.endsWith("\"")) {
            return problem(Kind.ALTERED, in.file(), in.lineNo(), "a checkpoint without key and signature fields");
        }
        String keyId = text.substring(key + 8, sig - 1);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(text.substring(sig + ChainFormat.SIGNATURE_FIELD.length(),
                    text.length() - 1));
        } catch (IllegalArgumentException e) {
            return problem(Kind.ALTERED, in.file(), in.lineNo(), "the checkpoint's signature is not base64");
        }
        if (!keys.knows(keyId)) {
            return problem(Kind.UNKNOWN_KEY, in.file(), in.lineNo(), "the checkpoint is signed by key " + keyId
                    + ", which is not the key given to verify with");
        }
        byte[] signed = text.substring(0, sig).getBytes(StandardCharsets.UTF_8);
        if (!keys.verify(keyId, signed, signature)) {
            return problem(Kind.BAD_SIGNATURE, in.file(), in.lineNo(), "the checkpoint's signature does not "
                    + "verify with key " + keyId + ": the chain up to here was rewritten");
        }
        return null;
    }

    private static ChainProblem problem(Kind kind, Path file, long line, String message) {
        return new ChainProblem(kind, file, line, message);
    }

    private ChainReport report(ChainProblem p) {
        return new ChainReport(files, lines, records, checkpoints, Optional.ofNullable(lastCheckpoint), unsigned,
                lastClosed || !handsOver, Optional.ofNullable(p));
    }

    /** The lines of all parts in order, as slices of a reused buffer. */
    private static final class Lines implements AutoCloseable {
        private final List<Path> parts;
        private int partIndex = -1;
        private InputStream in;
        private byte[] buf = new byte[1 << 16];
        private int filled;
        private int pos;
        private boolean eof = true;
        private int start;
        private int end;
        private boolean terminated;
        private long lineNo;

        Lines(List<Path> parts) {
            this.parts = parts;
        }

        boolean next() throws IOException {
            while (true) {
                if (in == null || (eof && pos >= filled)) {
                    if (in != null) {
                        in.close();
                        in = null;
                    }
                    if (partIndex + 1 >= parts.size()) {
                        return false;
                    }
                    partIndex++;
                    in = Files.newInputStream(parts.get(partIndex));
                    eof = false;
                    filled = 0;
                    pos = 0;
                    lineNo = 0;
                    continue;
                }
                for (int i = pos; i < filled; i++) {
                    if (buf[i] == '\n') {
                        start = pos;
                        end = i;
                        pos = i + 1;
                        terminated = true;
                        lineNo++;
                        return true;
                    }
                }
                if (eof) {
                    start = pos;
                    end = filled;
                    pos = filled;
                    terminated = false;
                    lineNo++;
                    return true;
                }
                fill();
            }
        }

        private void fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, filled - pos);
                filled -= pos;
                pos = 0;
            }
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }

        Path file() {
            return parts.get(partIndex);
        }

        /** The file of part {@code n} (from 1), of those found. */
        Path partFile(int n) {
            return n >= 1 && n <= parts.size() ? parts.get(n - 1) : ChainFormat.part(parts.get(0), n);
        }

        int partCount() {
            return parts.size();
        }

        int part() {
            return partIndex + 1;
        }

        long lineNo() {
            return lineNo;
        }

        byte[] buf() {
            return buf;
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }

        boolean terminated() {
            return terminated;
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
