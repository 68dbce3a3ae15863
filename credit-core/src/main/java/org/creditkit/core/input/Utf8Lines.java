package org.creditkit.core.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits UTF-8 bytes at {@code \n}, holding at most one line of at most {@code max} bytes: the JSON Lines
 * reader of applications and the loan book share it. A {@code \r} before the {@code \n} and a byte-order
 * mark at the start are dropped. A line that lies whole in the read buffer is decoded from there; only a
 * line across two reads is copied. A line that is not UTF-8 is returned with the byte where it stops being
 * UTF-8, never decoded with U+FFFD in place of its bytes.
 */
public final class Utf8Lines {

    /**
     * One line: its text, or why it cannot be read.
     *
     * @param text  the text, or null when the line cannot be read
     * @param error why not, or null
     */
    public record Line(String text, String error) {
    }

    private final InputStream in;
    private final int max;
    private final String oversized;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private byte[] line = new byte[1024];
    private boolean eof;
    private boolean first = true;

    /**
     * Lines of a stream.
     *
     * @param in        UTF-8 bytes (not closed)
     * @param max       the longest line in bytes
     * @param oversized the error of a longer line: what is valid, and where the limit is set
     */
    public Utf8Lines(InputStream in, int max, String oversized) {
        this.in = java.util.Objects.requireNonNull(in, "in");
        this.max = max;
        this.oversized = oversized;
    }

    /**
     * The next line, or null at the end of input.
     *
     * @return the line's text, or why it cannot be read
     * @throws IOException if reading fails
     */
    public Line next() throws IOException {
        if (eof) {
            return null;
        }
        byte[] b = line; // where the line's bytes are: the read buffer, or copied into line
        int off = 0;
        int len = 0; // the line's bytes so far while within max
        boolean over = false;
        boolean any = false;
        while (true) {
            if (pos == lim) {
                lim = in.read(buf);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    eof = true;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int nl = newline(buf, pos, lim);
            int n = (nl < 0 ? lim : nl) - pos;
            if (!over && (long) len + n > max) {
                over = true;
            } else if (!over && len == 0 && nl >= 0) {
                b = buf;
                off = pos;
                len = n;
            } else if (!over) {
                if (len + n > line.length) {
                    line = java.util.Arrays.copyOf(line, Math.max(len + n, (int) Math.min((long) max, 2L * line.length)));
                    b = line;
                }
                System.arraycopy(buf, pos, line, len, n);
                len += n;
            }
            if (nl >= 0) {
                pos = nl + 1;
                break;
            }
            pos = lim;
        }
        if (len > 0 && b[off + len - 1] == '\r' && !over) {
            len--;
        }
        int start = 0;
        if (first) {
            first = false;
            start = !over && Utf8.hasBom(b, off, len) ? 3 : 0;
        }
        if (over) {
            return new Line(null, oversized);
        }
        String s = Utf8.decode(b, off + start, len - start);
        if (s == null) {
            int bad = Utf8.malformedOffset(b, off + start, len - start);
            return new Line(null, Utf8.lineNotUtf8(start + bad + 1, b[off + start + bad]));
        }
        return new Line(s, null);
    }

    private static int newline(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
