package org.creditkit.core.codes;

import java.util.List;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import java.util.Objects;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31-character
 * set {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z), checked part by part:
 * <ol>
 *   <li>character 1, the registration authority, and character 2, the organisation type, from the
 *       GB 32100-2015 table (with the later additions A, military, and N, agriculture: rural collective
 *       economic organisations): 1 = 1,2,3,9; 2 = 1,9; 3 = 1-5,9; 4 = 1,9; 5 = 1,2,3,9; 6 = 1,2,9;
 *       7 = 1,2,9; 8 = 1,9; 9 = 1,2,3; A = 1,9; N = 1,2,3,9; Y = 1;</li>
 *   <li>characters 3-8, the registering authority's GB/T 2260 region: a current code, a code retired
 *       after USCCs were first issued on 2015-10-01 (a USCC never changes, so an enterprise registered
 *       in a county since merged keeps the old county's code: {@link #ISSUED_FROM}; the lists give the
 *       year of a retirement, so one retired in 2015 is accepted), or
 *       {@code 100000} for a national-level registration;</li>
 *   <li>characters 9-17, the organisation code of GB 11714-1997: eight body characters and a check
 *       digit ({@code 0-9} or {@code X}) computed modulo 11 with weights 3, 7, 9, 10, 5, 8, 4, 2 and
 *       letters valued A = 10 ... Z = 35;</li>
 *   <li>character 18, the check character computed modulo 31 over the first 17 with weights 3^i mod 31.</li>
 * </ol>
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
    /** The value of each ASCII character in {@link #CHARSET}, -1 for the others (every code read looks up 35). */
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            VALUES[CHARSET.charAt(i)] = i;
        }
    }

    /** The value of {@code c} in the code's character set ({@code CHARSET.indexOf(c)}), or -1. */
    private static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    /** The first day USCCs were issued (GB 32100-2015 took effect). */
    public static final java.time.LocalDate ISSUED_FROM = java.time.LocalDate.of(2015, 10, 1);

    /** The region part of a registration at national level (GB 32100-2015, 5.3). */
    static final String NATIONAL_REGION = "100000";
    /** Registration authority to its organisation types (GB 32100-2015 table 1 with later additions). */
    private static final java.util.Map<Character, String> TYPES = new java.util.LinkedHashMap<>();

    static {
        TYPES.put('1', "1239"); // institutional establishment: organs, public institutions, mass organisations
        TYPES.put('2', "19");   // foreign affairs: resident foreign news agencies
        TYPES.put('3', "123459"); // justice: law firms, notaries, legal services, forensics, arbitration
        TYPES.put('4', "19");   // culture: foreign cultural centres
        TYPES.put('5', "1239"); // civil affairs: social organisations, private non-enterprise units, foundations
        TYPES.put('6', "129");  // tourism: representative offices
        TYPES.put('7', "129");  // religion: venues, colleges
        TYPES.put('8', "19");   // trade unions
        TYPES.put('9', "123");  // market regulation: enterprises, individual businesses, farmers' cooperatives
        TYPES.put('A', "19");   // Central Military Commission: military public institutions
        TYPES.put('N', "1239"); // agriculture: rural collective economic organisations
        TYPES.put('Y', "1");    // other
    }

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
            if (value(value.charAt(i)) < 0) {
                char c = value.charAt(i);
                return "character " + (i + 1) + " '" + c + "'" + (c > 127 ? String.format(" (U+%04X)", (int) c) : "")
                        + " is not allowed (valid: ASCII 0-9 and upper-case A-Y except I, O, S, V, Z)";
            }
        }
        String types = TYPES.get(value.charAt(0));
        if (types == null) {
            return "character 1 '" + value.charAt(0) + "' is not a registration authority of GB 32100 (valid: "
                    + String.join(", ", TYPES.keySet().stream().map(String::valueOf).toList()) + ")";
        }
        if (types.indexOf(value.charAt(1)) < 0) {
            return "character 2 '" + value.charAt(1) + "' is not an organisation type of registration authority '"
                    + value.charAt(0) + "' (valid: " + String.join(", ", types.chars()
                    .mapToObj(c -> String.valueOf((char) c)).toList()) + ")";
        }
        String region = value.substring(2, 8);
        if (!region.equals(NATIONAL_REGION)) {
            String regionProblem = RegionCatalogue.problem(region);
            if (regionProblem != null) {
                return "characters 3-8: " + regionProblem;
            }
            var retired = RegionCatalogue.retirement(region);
            if (retired.isPresent() && retired.get().retiredBy(ISSUED_FROM)) {
                return "characters 3-8: region code " + retired.get().describe() + ", before USCCs were first "
                        + "issued (" + ISSUED_FROM + "), so no USCC can carry it";
            }
        }
        char orgCheck = organisationCheckCharacter(value.substring(8, 16));
        if (value.charAt(16) != orgCheck) {
            return "character 17 '" + value.charAt(16) + "', the check digit of the organisation code "
                    + value.substring(8, 17) + " (GB 11714), does not match computed '" + orgCheck + "'";
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
            int v = value(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " '" + first17.charAt(i)
                        + "' is not in the USCC character set");
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return CHARSET.charAt(check);
    }

    /**
     * The GB 11714 check digit of an organisation code's eight body characters: {@code 0-9} or
     * {@code X}.
     *
     * @throws IllegalArgumentException unless {@code body8} is eight ASCII digits or upper-case letters
     */
    public static char organisationCheckCharacter(String body8) {
        if (body8.length() != 8) {
            throw new IllegalArgumentException("an organisation code body has 8 characters, got " + body8.length());
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " '" + c
                        + "' of an organisation code must be an ASCII digit or upper-case letter");
            }
            sum += v * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /**
     * Completes the first 16 characters of a code (authority, type, region, organisation code body)
     * with the organisation code's check digit and the final check character.
     *
     * @throws IllegalArgumentException if the result is not a valid code
     */
    public static Uscc complete(String first16) {
        if (first16.length() != 16) {
            throw new IllegalArgumentException("need the first 16 characters, got " + first16.length());
        }
        String first17 = first16 + organisationCheckCharacter(first16.substring(8));
        return of(first17 + checkCharacter(first17));
    }

    /** The six-digit GB/T 2260 region code embedded at positions 3-8. */
    public String regionDigits() {
        return value.substring(2, 8);
    }

    /** Masked for logs: the first two and last two characters, e.g. {@code 91**************43}. */
    public String masked() {
        return value.substring(0, 2) + "*".repeat(14) + value.substring(16);
    }

    /**
     * The {@link #masked()} form, so that a code printed by accident (in a record's {@code toString},
     * a log line or an exception message) does not leave in clear; {@link #value()} is the code.
     */
    @Override
    public String toString() {
        return masked();
    }
}
