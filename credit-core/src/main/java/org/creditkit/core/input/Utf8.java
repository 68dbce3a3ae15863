package org.creditkit.core.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
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

    /**
     * The first byte that is not part of well-formed UTF-8 in the range, counted from {@code off}; or -1.
     * Well-formed as RFC 3629 and the JDK's strict decoder have it: no overlong form (such as
     * {@code C0 80}, which a lenient decoder reads as U+0000), no encoded surrogate ({@code ED A0 80}) and
     * nothing above U+10FFFF; the offset is the lead byte of the first ill-formed sequence. One pass
     * without allocation, so a reader can check every line.
     */
    public static int malformedOffset(byte[] bytes, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int n; // continuation bytes
            int lo = 0x80;
            int hi = 0xBF; // the range of the first continuation byte
            if (b >= 0xC2 && b <= 0xDF) {
                n = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                n = 2;
                lo = b == 0xE0 ? 0xA0 : 0x80; // overlong below U+0800
                hi = b == 0xED ? 0x9F : 0xBF; // surrogates U+D800..U+DFFF
            } else if (b >= 0xF0 && b <= 0xF4) {
                n = 3;
                lo = b == 0xF0 ? 0x90 : 0x80; // overlong below U+10000
                hi = b == 0xF4 ? 0x8F : 0xBF; // above U+10FFFF
            } else {
                return i - off; // a continuation byte without a lead, C0, C1 or F5..FF
            }
            if (end - i <= n) {
                return i - off; // cut short
            }
            int c1 = bytes[i + 1] & 0xFF;
            if (c1 < lo || c1 > hi) {
                return i - off;
            }
            for (int k = 2; k <= n; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i - off;
                }
            }
            i += n + 1;
        }
        return -1;
    }

    /**
     * Why a line is refused whose byte {@code byteInLine} (from 1) is where it stops being UTF-8: the one
     * message of every JSON Lines reader ({@link Utf8Lines}, the Spark reader, the audit).
     *
     * @param byteInLine the byte within the line, from 1
     * @param value      the byte, 0..255
     * @return the message: what, where, and what would be valid
     */
    public static String lineNotUtf8(long byteInLine, int value) {
        return "line is " + notUtf8("byte " + byteInLine + " of the line (" + String.format("0x%02x", value & 0xFF)
                + ")");
    }

    /**
     * Where JSON text (as UTF-8 bytes) spells half a surrogate pair with an escape ({@code "&#92;ud800"} without
     * a low surrogate escape after it, or a low one alone): the offset of its backslash from {@code off},
     * or -1. For a reader that checks bytes without building strings (a hash-chained log is verified byte
     * by byte); a reader that parses checks each string with {@link #unpairedSurrogate(String)}. Encoded
     * surrogates are not UTF-8 and are found by {@link #malformedOffset}.
     *
     * @param bytes JSON text
     * @param off   where it starts
     * @param len   its length
     * @return the offset of the escape's backslash, or -1
     */
    public static int unpairedSurrogateEscape(byte[] bytes, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (bytes[i] != '\\') {
                continue;
            }
            int c = escapedUnit(bytes, i, end);
            if (c < 0) {
                i++; // a backslash or quote escaped: the escaped character is not the start of an escape
                continue;
            }
            if (Character.isHighSurrogate((char) c)) {
                int d = escapedUnit(bytes, i + 6, end);
                if (d >= 0 && Character.isLowSurrogate((char) d)) {
                    i += 11;
                    continue;
                }
                return i - off;
            }
            if (Character.isLowSurrogate((char) c)) {
                return i - off;
            }
            i += 5;
        }
        return -1;
    }

    /** The UTF-16 unit of a {@code &#92;uXXXX} escape at {@code i}, or -1 when none is there. */
    private static int escapedUnit(byte[] b, int i, int end) {
        if (i + 5 >= end || b[i] != '\\' || b[i + 1] != 'u') {
            return -1;
        }
        int v = 0;
        for (int k = i + 2; k < i + 6; k++) {
            int h = Character.digit(b[k], 16);
            if (h < 0) {
                return -1;
            }
            v = v << 4 | h;
        }
        return v;
    }

    /**
     * As {@link #notUtf8}, for a JSON or rule file (a model bundle, {@code parameters.json}, a {@code .drl}),
     * which an editor saves, not a spreadsheet: the hint says to save it as UTF-8 without naming "CSV UTF-8".
     */
    public static String notUtf8Text(String where) {
        return "not valid UTF-8 at " + where + "; valid: UTF-8 text (save the file as UTF-8 in its editor); a byte"
                + " that is not UTF-8 would be read as U+FFFD, no longer the text in the file";
    }

    /** The message for a file or line that is not UTF-8: what, where, and what would be valid. */
    public static String notUtf8(String where) {
        return "not valid UTF-8 at " + where + "; valid: UTF-8 text (save the file as UTF-8, e.g. a spreadsheet's "
                + "\"CSV UTF-8\"); a byte that is not UTF-8 would be read as U+FFFD, no longer the text in the file";
    }

    /**
     * The index of the first surrogate in {@code s} that is not half of a high-low pair, or -1. JSON
     * lets an escape spell half a pair ({@code "&#92;ud800"}, RFC 8259 section 8.2) and Jackson decodes it as
     * given: a string that is not text, written out by every encoder as {@code ?}. Every reader of JSON
     * text (applications, the loan book, rule-set files) checks its strings with this one pass.
     *
     * @param s a string
     * @return the index of the first unpaired surrogate, or -1
     */
    public static int unpairedSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Why a string or key with an unpaired surrogate at {@code index} is refused.
     *
     * @param what  "string" or "key"
     * @param s     the string
     * @param index where {@link #unpairedSurrogate(String)} found the surrogate
     * @return the problem's message: what, where in the string, and what would be valid
     */
    public static String unpairedSurrogateProblem(String what, String s, int index) {
        return what + " holds an unpaired UTF-16 surrogate escape " + String.format("\\u%04x", (int) s.charAt(index))
                + " at character " + (index + 1) + " of the " + what + "; half of a surrogate pair is not valid text "
                + "(it would be written out as '?'); valid: a complete pair such as \\uD83D\\uDE00 (U+1F600), or "
                + "any other character, escaped or not";
    }

    /**
     * Whether the range starts with a UTF-8 byte-order mark ({@code EF BB BF}), which the readers drop at
     * the start of a file.
     *
     * @param b   bytes
     * @param off where the range starts
     * @param len its length
     * @return true when it starts with the mark
     */
    public static boolean hasBom(byte[] b, int off, int len) {
        return len >= 3 && (b[off] & 0xFF) == 0xEF && (b[off + 1] & 0xFF) == 0xBB && (b[off + 2] & 0xFF) == 0xBF;
    }

    /**
     * Strict UTF-8 decoding; null when malformed. The JDK's lenient decoding into a string is several
     * times cheaper than a {@link CharsetDecoder} (no char buffer, no second copy) and gives the same text
     * for valid UTF-8; it replaces each malformed sequence with U+FFFD, so only a text holding U+FFFD is
     * decoded again strictly to tell a malformed input from a U+FFFD the input spelled.
     */
    static String decode(byte[] b, int off, int len) {
        String s = new String(b, off, len, StandardCharsets.UTF_8);
        return s.indexOf('\uFFFD') < 0 ? s : strictDecode(b, off, len);
    }

    private static String strictDecode(byte[] b, int off, int len) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return d.decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
