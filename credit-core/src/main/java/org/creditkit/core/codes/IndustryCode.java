package org.creditkit.core.codes;

import java.util.List;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import java.util.Objects;

/**
 * A GB/T 4754-2017 industry code at division level: the section letter and the two-digit division,
 * written {@code C39} (manufacture of computers, communication and other electronic equipment).
 * Validated against the bundled catalogue: the division must belong to the section.
 *
 * @param section  section letter {@code A}..{@code T}
 * @param division two-digit division {@code 01}..{@code 97}
 */
public record IndustryCode(char section, String division) {

    /** {@link #sectionCode()} of the sections A..T (read on every decision): no string per call. */
    private static final String[] SECTION_CODES = new String['T' - 'A' + 1];

    /** {@link #code()} by section and division number, written on first use. */
    private static final String[][] CODES = new String['T' - 'A' + 1][100];

    static {
        for (char c = 'A'; c <= 'T'; c++) {
            SECTION_CODES[c - 'A'] = String.valueOf(c);
        }
    }

    /** @throws CreditDataException if the division is not in the section per GB/T 4754-2017 */
    public IndustryCode {
        Objects.requireNonNull(division, "division");
        String problem = IndustryCatalogue.problem(section, division);
        if (problem != null) {
            throw new CreditDataException(List.of(Problem.of("", problem)));
        }
    }

    /**
     * Parses {@code "C39"}.
     *
     * @param code the code, e.g. {@code C39}
     * @return the code
     * @throws CreditDataException if malformed or not in the catalogue, saying what would be valid
     */
    public static IndustryCode of(String code) {
        Objects.requireNonNull(code, "code");
        if (code.length() != 3 || code.charAt(0) < 'A' || code.charAt(0) > 'Z'
                || code.charAt(1) < '0' || code.charAt(1) > '9' || code.charAt(2) < '0' || code.charAt(2) > '9') {
            throw new CreditDataException(List.of(Problem.of("", "industry code '" + code
                    + "' must be a GB/T 4754-2017 section letter and two-digit division in ASCII, e.g. C39")));
        }
        return new IndustryCode(code.charAt(0), code.substring(1));
    }

    /** The section as a string, e.g. {@code "C"}. */
    public String sectionCode() {
        return SECTION_CODES[section - 'A'];
    }

    /** English name of the section. */
    public String sectionName() {
        return IndustryCatalogue.sectionName(section);
    }

    /** {@code C39}. */
    public String code() {
        // read on every decision: each code is written once (a racy first write is benign, strings are immutable)
        char tens = division.charAt(0);
        char units = division.charAt(1);
        if (tens < '0' || tens > '9' || units < '0' || units > '9') { // "+1" parses as a number too
            return section + division;
        }
        String[] row = CODES[section - 'A'];
        int d = (tens - '0') * 10 + units - '0';
        String c = row[d];
        if (c == null) {
            c = section + division;
            row[d] = c;
        }
        return c;
    }

    @Override
    public String toString() {
        return code();
    }
}
