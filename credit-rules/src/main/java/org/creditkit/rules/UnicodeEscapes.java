package org.creditkit.rules;

/**
 * Java's Unicode-escape translation (JLS 3.3), applied to a rule file before it is checked and
 * compiled, so the checker sees exactly what the Java compiler sees: {@code \u0053ystem} is
 * {@code System}, and {@code \u0022} ends a string literal. Keeps, for every translated character,
 * the offset of its source in the original text, so problems point into the file as written.
 */
final class UnicodeEscapes {

    private final String text;
    private final int[] origin;

    private UnicodeEscapes(String text, int[] origin) {
        this.text = text;
        this.origin = origin;
    }

    /**
     * Translates every eligible escape: a backslash preceded by an even number of backslashes,
     * one or more {@code u}, then four hex digits. A malformed escape is left as is (the checker
     * then refuses the backslash-u it still sees).
     */
    static UnicodeEscapes translate(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int[] map = new int[s.length() + 1];
        int backslashes = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= s.length() && isHex(s, j, j + 4)) {
                    map[out.length()] = i;
                    out.append((char) Integer.parseInt(s.substring(j, j + 4), 16));
                    i = j + 4;
                    // a backslash produced by an escape never starts another escape (JLS 3.3)
                    backslashes = 0;
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            map[out.length()] = i;
            out.append(c);
            i++;
        }
        map[out.length()] = s.length();
        int[] origin = new int[out.length() + 1];
        System.arraycopy(map, 0, origin, 0, origin.length);
        return new UnicodeEscapes(out.toString(), origin);
    }

    private static boolean isHex(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The translated text. */
    String text() {
        return text;
    }

    /** The original offset of translated offset {@code i} (clamped to the text). */
    int originalOffset(int i) {
        return origin[Math.max(0, Math.min(i, origin.length - 1))];
    }

    /** Whether any escape was translated. */
    boolean changed(String original) {
        return !text.equals(original);
    }
}
