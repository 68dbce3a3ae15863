package org.creditkit.core.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.creditkit.core.CreditModelException;

/** RFC 7468 PEM text: strict base64 between matching BEGIN/END lines; text outside blocks is ignored. */
final class Pem {

    /** Key files are a few hundred bytes; a trust file of many keys stays far below this. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private Pem() {
    }

    /** One block: its label and its DER bytes; {@code line} is where its BEGIN line is (1-based). */
    record Block(String label, byte[] der, int line) {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * Every block of {@code text}.
     *
     * @throws CreditModelException (at {@code source:line}) for an unterminated block, a mismatched END
     *                              line, or a body that is not base64
     */
    static List<Block> decode(String text, String source) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        String label = null;
        int begin = 0;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (label == null) {
                if (line.startsWith("-----BEGIN ") && line.endsWith("-----") && line.length() > 16) {
                    label = line.substring(11, line.length() - 5);
                    begin = i + 1;
                    body.setLength(0);
                }
            } else if (line.startsWith("-----END ")) {
                if (!line.equals("-----END " + label + "-----")) {
                    throw new CreditModelException(source + ":" + (i + 1), "'" + clip(line)
                            + "' does not close the block '-----BEGIN " + clip(label) + "-----' of line "
                            + begin + "; the file is corrupt (write it again with 'credit bundle keygen')");
                }
                try {
                    blocks.add(new Block(label, Base64.getDecoder().decode(body.toString()), begin));
                } catch (IllegalArgumentException e) {
                    throw new CreditModelException(source + ":" + begin, "the " + clip(label)
                            + " block is not valid base64 (" + clip(e.getMessage())
                            + "); the file is corrupt or was edited");
                }
                label = null;
            } else {
                body.append(line);
            }
        }
        if (label != null) {
            throw new CreditModelException(source + ":" + begin, "the block '-----BEGIN " + clip(label)
                    + "-----' has no END line; the file is truncated or corrupt");
        }
        return blocks;
    }

    /**
     * Reads a small text file, refusing one larger than {@link #MAX_FILE_BYTES} before reading more
     * than that (a device such as {@code /dev/zero} included) or one that is not UTF-8.
     *
     * @throws CreditModelException naming {@code file} when it is missing, unreadable, too large or
     *                              not text
     */
    static String readSmallText(Path file, String what) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new CreditModelException(file.toString(), "no such " + what + " file");
        } catch (IOException e) {
            throw new CreditModelException(file.toString(), "cannot read the " + what + " file: " + e, e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new CreditModelException(file.toString(), "larger than " + MAX_FILE_BYTES
                    + " bytes; a " + what + " file is a few hundred bytes of PEM text");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CreditModelException(file.toString(), "not a text file; a " + what
                    + " file is PEM text ('-----BEGIN ...')");
        }
    }

    /** {@code text} cut to 40 characters for echoing in a message. */
    static String clip(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "... (" + text.length() + " chars)";
    }
}
