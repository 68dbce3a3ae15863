package org.creditkit.core.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where bytes stop being UTF-8, for the readers of text files that must refuse a file (or a line)
 * with a byte that is not UTF-8 instead of reading it as U+FFFD: a name or a code read that way is no
 * longer the one in the file. Used only once a strict decoding has failed, so it costs nothing on valid
 * files.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * Where bytes stop being UTF-8.
     *
     * @param line   the line, from 1 (lines end at {@code \n})
     * @param column the byte within the line, from 1
     * @param offset the byte's offset from the start, from 0
     * @param value  the byte, 0..255
     */
    public record Malformed(long line, long column, long offset, int value) {
        /** {@code "line 3, byte 17 (file offset 1042): 0xff"}. */
        public String where() {
            return "line " + line + ", byte " + column + " (file offset " + offset + "): "
                    + String.format("0x%02x", value);
        }
    }

    /** Where {@code bytes} first stop being UTF-8, or empty when they are valid UTF-8. */
    public static Optional<Malformed> firstMalformed(byte[] bytes) {
        int at = malformedOffset(bytes, 0, bytes.length);
        if (at < 0) {
            return Optional.empty();
        }
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Optional.of(new Malformed(line, at - lineStart + 1, at, bytes[at] & 0xFF));
    }

    /**
     * A file's content as UTF-8 text, refusing bytes that are not UTF-8 (as {@code Files.readString} does,
     * but saying where).
     *
     * @return the text, or empty with {@code onMalformed} told where the file stops being UTF-8
     * @throws IOException if the file cannot be read
     */
    public static Optional<String> readString(Path file, java.util.function.Consumer<Malformed> onMalformed)
            throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Optional<Malformed> bad = firstMalformed(bytes);
        bad.ifPresent(onMalformed);
        return bad.isPresent() ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The first byte that is not part of well-formed UTF-8 in the range, counted from {@code off}; or -1. */
    public static int malformedOffset(byte[] bytes, int off, int len) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
        CharBuffer out = CharBuffer.allocate(Math.min(len + 1, 8192));
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                return in.position() - off;
            }
            if (r.isUnderflow()) {
                r = d.flush(out);
                return r.isError() ? in.position() - off : -1;
            }
            out.clear();
        }
    }

    /** The message for a file or line that is not UTF-8: what, where, and what would be valid. */
    public static String notUtf8(String where) {
        return "not valid UTF-8 at " + where + "; valid: UTF-8 text (save the file as UTF-8, e.g. a spreadsheet's "
                + "\"CSV UTF-8\"); a byte that is not UTF-8 would be read as U+FFFD, no longer the text in the file";
    }
}
