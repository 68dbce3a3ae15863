package org.creditkit.core.chain;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The line layout shared by writer and verifier:
 * {@code {"seq":N,"prev":"<64 hex>","kind":"<kind>",<body>,"hash":"<64 hex>"}} where {@code hash}
 * is the SHA-256 of the line's UTF-8 bytes before {@code ,"hash":"} and {@code prev} is the hash of
 * the line before (64 zeros for the first line of the first part).
 */
final class ChainFormat {

    /** Format name in every header. */
    static final String FORMAT = "creditkit-chain/1";
    /** The prev of the first line. */
    static final String GENESIS = "0".repeat(64);
    /** Kinds written by the chain itself. */
    static final String HEADER = "header";
    /** Kinds written by the chain itself. */
    static final String CHECKPOINT = "checkpoint";
    static final byte[] HASH_FIELD = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    /** Bytes after the hashed prefix: {@code ,"hash":"} + 64 hex + {@code "}}. */
    static final int SUFFIX = HASH_FIELD.length + 64 + 2;
    static final byte[] SEQ_FIELD = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PREV_FIELD = ",\"prev\":\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] KIND_FIELD = "\",\"kind\":\"".getBytes(StandardCharsets.US_ASCII);
    static final String SIGNATURE_FIELD = ",\"signature\":\"";

    private ChainFormat() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Rejects text that would need escaping inside a JSON string (keeps the layout parseable by offsets). */
    static void requirePlain(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                throw new IllegalArgumentException(what + " '" + text + "' must not hold quotes, backslashes or "
                        + "control characters");
            }
        }
    }

    /** The path of part {@code n} (1-based): part 1 is {@code first}, part n is {@code stem.n.ext}. */
    static Path part(Path first, int n) {
        if (n == 1) {
            return first;
        }
        String name = first.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String partName = dot > 0 ? name.substring(0, dot) + "." + n + name.substring(dot) : name + "." + n;
        return first.resolveSibling(partName);
    }

    static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }

    static final char[] HEX = "0123456789abcdef".toCharArray();

    static void appendHex(StringBuilder sb, byte[] bytes) {
        for (byte b : bytes) {
            sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
    }
}
