package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one-pass UTF-8 check every line reader uses, and the byte-level scan for escaped half surrogate pairs. */
class Utf8Test {

    @Test
    void malformedOffset_agreesWithTheJdksStrictDecoder_onRandomBytes() {
        SplittableRandom r = new SplittableRandom(42);
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "数据".getBytes(StandardCharsets.UTF_8),
            "😀".getBytes(StandardCharsets.UTF_8), {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE4, (byte) 0xB8}};
        for (int n = 0; n < 20_000; n++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int k = r.nextInt(1, 8);
            for (int i = 0; i < k; i++) {
                byte[] p = r.nextInt(4) == 0 ? new byte[] {(byte) r.nextInt(256)} : pieces[r.nextInt(pieces.length)];
                out.write(p, 0, p.length);
            }
            byte[] b = out.toByteArray();
            assertThat(Utf8.malformedOffset(b, 0, b.length)).as(java.util.HexFormat.of().formatHex(b))
                    .isEqualTo(jdk(b));
        }
    }

    /** Where the JDK's strict decoder stops: the position of the malformed input it reports. */
    private static int jdk(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        CoderResult res = d.decode(in, out, true);
        if (res.isError()) {
            return in.position();
        }
        return d.flush(out).isError() ? in.position() : -1;
    }

    @Test
    void malformedOffset_namesTheOverlongAndTheEncodedSurrogate_thatJacksonDecodes() {
        byte[] overlong = {'"', 'C', (byte) 0xC0, (byte) 0x80, '"'};
        byte[] surrogate = {'"', 'C', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        assertThat(Utf8.malformedOffset(overlong, 0, overlong.length)).isEqualTo(2);
        assertThat(Utf8.malformedOffset(surrogate, 0, surrogate.length)).isEqualTo(2);
        assertThat(Utf8.lineNotUtf8(3, overlong[2])).startsWith("line is not valid UTF-8 at byte 3 of the line (0xc0)");
    }

    @Test
    void unpairedSurrogateEscape_findsHalfAPair_butNotAPairOrAnEscapedBackslash() {
        assertThat(scan("{\"a\":\"x\\ud800y\"}")).isEqualTo(7);
        assertThat(scan("{\"a\":\"x\\uDC00\"}")).isEqualTo(7);
        assertThat(scan("{\"a\":\"\\ud800\\u0041\"}")).isEqualTo(6);
        assertThat(scan("{\"a\":\"\\ud800")).isEqualTo(6);
        assertThat(scan("{\"a\":\"\\uD83D\\uDE00 \\u00e9 \\\\ud800\"}")).isEqualTo(-1);
        assertThat(scan("{\"a\":\"\\\\\\ud800\"}")).as("an escaped backslash, then half a pair").isEqualTo(8);
    }

    private static int scan(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Utf8.unpairedSurrogateEscape(b, 0, b.length);
    }
}
