package org.creditkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.creditkit.core.codes.Uscc;

/**
 * Test helper: finds identities in text a command wrote — any valid 18-character USCC (check
 * character included) and any of the given enterprise names.
 */
final class IdentityScan {

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private IdentityScan() {
    }

    /**
     * Every identity found in {@code text}, as {@code where: what}. A USCC is a run of exactly 18
     * characters of its character set with a valid check character, standing alone: not inside a
     * longer word (lower-case hex hashes, base64) nor the digits after a decimal point. The {@code ignore} texts (temporary directory
     * names, whose random digits can pass a check character) are blanked first.
     */
    static List<String> find(String text, String where, Collection<String> names, String... ignore) {
        for (String x : ignore) {
            text = text.replace(x, "<ignored>");
        }
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (USCC_CHARS.indexOf(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && USCC_CHARS.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            String run = text.substring(start, i);
            boolean bounded = (start == 0 || !isAsciiAlnumOrDot(text.charAt(start - 1)))
                    && (i == text.length() || !isAsciiAlnumOrDot(text.charAt(i)));
            if (run.length() == 18 && bounded && Uscc.isValid(run)) {
                found.add(where + ": USCC " + run);
            }
        }
        for (String n : names) {
            if (text.contains(n)) {
                found.add(where + ": name " + n);
            }
        }
        return found;
    }

    private static boolean isAsciiAlnumOrDot(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.';
    }

    /** Every identity in every file under {@code dir}, except the files {@code skip} accepts. */
    static List<String> findInFiles(Path dir, Collection<String> names, java.util.function.Predicate<Path> skip,
                                    String... ignore) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(skip.negate()).toList()) {
                found.addAll(find(new String(Files.readAllBytes(f), StandardCharsets.UTF_8), f.toString(), names, ignore));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
