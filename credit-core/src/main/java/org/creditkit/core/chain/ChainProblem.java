package org.creditkit.core.chain;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The first thing wrong with a chained log.
 *
 * @param kind what is wrong
 * @param file the file
 * @param line the 1-based line number in that file
 * @param message what was found and what it means
 */
public record ChainProblem(Kind kind, Path file, long line, String message) {

    /** What can be wrong. */
    public enum Kind {
        /** A line's content does not match its own hash, or it is not a chain line at all. */
        ALTERED,
        /** Lines are missing before this one (its sequence number skips ahead). */
        REMOVED,
        /** This line does not belong here: a repeated sequence number or a broken link. */
        INSERTED,
        /** Lines are out of order (the expected line is found later). */
        REORDERED,
        /** The last line has no line end: a write was cut short. */
        TRUNCATED,
        /** A checkpoint's signature does not verify with the trusted key. */
        BAD_SIGNATURE,
        /** A checkpoint names a key that is not the trusted one. */
        UNKNOWN_KEY,
        /** The files are not a chain: no header, a missing part or a part out of place. */
        NOT_A_CHAIN,
        /**
         * A line that is not text: bytes that are not UTF-8, or a JSON escape of half a UTF-16 surrogate pair.
         * Its hash may match (a hash covers any bytes), but a reader would see U+FFFD or '?' where the line's
         * bytes are, not what was chained.
         */
        NOT_TEXT
    }

    /** Checks the fields. */
    public ChainProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Where: {@code file:line}.
     *
     * @return the location
     */
    public String location() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return location() + ": " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + message;
    }
}
