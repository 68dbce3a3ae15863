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
     * Where {@code bytes} first stop being UTF-8, as {@code "line 3, byte 17 (file offset 1042): 0xff"}
     * (lines counted at {@code \n} from 1, bytes from 1), or empty when they are valid UTF-8.
     */
    public static Optional<String> firstMalformed(byte[] bytes) {
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
        return Optional.of("line " + line + ", byte " + (at - lineStart + 1) + " (file offset " + at + "): "
                + String.format("0x%02x", bytes[at] & 0xFF));
    }

    /** As {@link #firstMalformed(byte[])}, for a file's content. */
    public static Optional<String> firstMalformed(Path file) throws IOException {
        return firstMalformed(Files.readAllBytes(file));
    }

    /** The offset of the first byte that is not part of well-formed UTF-8 in the range, or -1. */
    public static int malformedOffset(byte[] bytes, int off, int len) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
        CharBuffer out = CharBuffer.allocate(Math.min(len + 1, 8192));
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                r = d.flush(out);
                return r.isError() ? in.position() : -1;
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
