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

    /**
     * Format name in every header. Version 2 hands the chain from part to part by signed
     * checkpoints: the last line of every part but the last is a checkpoint naming the next part
     * ({@link #NEXT_FIELD}), and a writer's close ends on a checkpoint marked {@link #CLOSED_FIELD}.
     */
    static final String FORMAT = "creditkit-chain/2";
    /** The format before the hand-over: its parts are linked by their lines only. */
    static final String FORMAT_1 = "creditkit-chain/1";
    /** In a checkpoint, before its key: the number of the part the chain continues in. */
    static final String NEXT_FIELD = ",\"next\":";
    /** In a checkpoint, before its key: the writer closed the log here. */
    static final String CLOSED_FIELD = ",\"closed\":true";
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

    /**
     * The part a checkpoint hands the chain over to.
     *
     * @param checkpoint the checkpoint line's text (at least up to its key)
     * @return the number after {@code "next":}, or 0 when there is none
     */
    static int nextPart(String checkpoint) {
        return numberAfter(checkpoint, NEXT_FIELD);
    }

    /**
     * The non-negative number after the first {@code field} in {@code text}, e.g. a header's part.
     *
     * @return the number (capped at nine digits), or 0 when the field is absent
     */
    static int numberAfter(String text, String field) {
        int at = text.indexOf(field);
        if (at < 0) {
            return 0;
        }
        int n = 0;
        for (int i = at + field.length(); i < text.length() && Character.isDigit(text.charAt(i)) && n < 100_000_000; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
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
