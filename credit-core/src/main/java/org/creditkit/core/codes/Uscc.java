package org.creditkit.core.codes;

import java.util.List;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import java.util.Objects;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31-character
 * set {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z), the last one a check character computed
 * modulo 31 over the first 17 with weights 3^i mod 31.
 *
 * <pre>{@code
 * Uscc code = Uscc.of("91350100M000100Y43");
 * }</pre>
 *
 * @param value the 18-character code, upper case
 */
public record Uscc(String value) {

    /** The code's character set, in value order (the value of a character is its index). */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** @throws CreditDataException if the code is not a valid USCC; the message says why */
    public Uscc {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new CreditDataException(List.of(Problem.of("", problem)));
        }
    }

    /**
     * Parses and validates a code.
     *
     * @param value the code
     * @return the code
     * @throws CreditDataException with what is wrong: length, a character outside the set, or
     *                             a check character that does not match the computed one
     */
    public static Uscc of(String value) {
        return new Uscc(value);
    }

    /** True when {@code value} is a valid USCC. */
    public static boolean isValid(String value) {
        return value != null && problem(value) == null;
    }

    /**
     * Why {@code value} is not a valid USCC, or {@code null} when it is. Package-private so the
     * strict reader can report the reason without an exception.
     */
    static String problem(String value) {
        if (value.length() != 18) {
            return "a unified social credit code has 18 characters, got " + value.length();
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(value.charAt(i)) < 0) {
                return "character " + (i + 1) + " '" + value.charAt(i)
                        + "' is not allowed (valid: 0-9 and upper-case A-Y except I, O, S, V, Z)";
            }
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            return "check character '" + value.charAt(17) + "' does not match computed '" + expected + "'";
        }
        return null;
    }

    /**
     * The check character for the first 17 characters of a code.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the code's set
     */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " '" + first17.charAt(i)
                        + "' is not in the USCC character set");
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return CHARSET.charAt(check);
    }

    /** The six-digit GB/T 2260 region code embedded at positions 3-8. */
    public String regionDigits() {
        return value.substring(2, 8);
    }

    /** Masked for logs: the first two and last two characters, e.g. {@code 91**************43}. */
    public String masked() {
        return value.substring(0, 2) + "*".repeat(14) + value.substring(16);
    }

    @Override
    public String toString() {
        return value;
    }
}
