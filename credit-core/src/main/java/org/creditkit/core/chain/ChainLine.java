package org.creditkit.core.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The fixed fields of one chain line, parsed by offsets (see {@link ChainFormat}).
 *
 * @param seq the line's sequence number
 * @param prev the previous line's hash
 * @param kind the kind
 * @param hash the line's own hash field
 * @param prefixEnd offset (absolute in the buffer) where {@code ,"hash":"} starts
 */
record ChainLine(long seq, String prev, String kind, String hash, int prefixEnd) {

    /** Parses {@code buf[start, end)} (without the line break), or null when it is not shaped as a chain line. */
    static ChainLine parse(byte[] buf, int start, int end) {
        int len = end - start;
        if (len < ChainFormat.SEQ_FIELD.length + ChainFormat.SUFFIX + 80 || !startsWith(buf, start, ChainFormat.SEQ_FIELD)
                || buf[end - 1] != '}' || buf[end - 2] != '"') {
            return null;
        }
        int hashField = end - ChainFormat.SUFFIX;
        if (!startsWith(buf, hashField, ChainFormat.HASH_FIELD) || !isHex(buf, hashField + 9, 64)) {
            return null;
        }
        int p = start + ChainFormat.SEQ_FIELD.length;
        long seq = 0;
        int digits = 0;
        while (p < hashField && buf[p] >= '0' && buf[p] <= '9' && digits < 18) {
            seq = seq * 10 + (buf[p] - '0');
            p++;
            digits++;
        }
        if (digits == 0 || (digits > 1 && buf[start + ChainFormat.SEQ_FIELD.length] == '0')
                || !startsWith(buf, p, ChainFormat.PREV_FIELD)) {
            return null;
        }
        p += ChainFormat.PREV_FIELD.length;
        if (p + 64 > hashField || !isHex(buf, p, 64)) {
            return null;
        }
        String prev = new String(buf, p, 64, StandardCharsets.US_ASCII);
        p += 64;
        if (!startsWith(buf, p, ChainFormat.KIND_FIELD)) {
            return null;
        }
        p += ChainFormat.KIND_FIELD.length;
        int kindStart = p;
        while (p < hashField && buf[p] != '"') {
            if (buf[p] == '\\' || buf[p] < 0x20) {
                return null;
            }
            p++;
        }
        if (p >= hashField || p == kindStart) {
            return null;
        }
        String kind = new String(buf, kindStart, p - kindStart, StandardCharsets.UTF_8);
        String hash = new String(buf, hashField + 9, 64, StandardCharsets.US_ASCII);
        return new ChainLine(seq, prev, kind, hash, hashField);
    }

    /** Whether the SHA-256 of the bytes before the hash field equals the hash field. */
    boolean hashMatches(MessageDigest sha, byte[] buf, int start) {
        sha.update(buf, start, prefixEnd - start);
        byte[] d = sha.digest();
        int h = prefixEnd + 9;
        for (int i = 0; i < 32; i++) {
            int hi = ChainFormat.hexValue(buf[h + 2 * i]);
            int lo = ChainFormat.hexValue(buf[h + 2 * i + 1]);
            if (((hi << 4) | lo) != (d[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] buf, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > buf.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(byte[] buf, int at, int n) {
        for (int i = 0; i < n; i++) {
            if (ChainFormat.hexValue(buf[at + i]) < 0) {
                return false;
            }
        }
        return true;
    }
}
