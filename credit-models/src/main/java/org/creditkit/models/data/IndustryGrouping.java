package org.creditkit.models.data;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.creditkit.core.codes.IndustryCatalogue;
import org.creditkit.core.codes.IndustryScheme;

/**
 * How an industry code is reduced to the group that selects an overlay: a code starting with a
 * letter (GB/T 4754 {@code C}, {@code C39}, {@code C3912}) is grouped by that section letter, or
 * by letter and two-digit division ({@code C39}) when {@code divisions} is set; a numeric code
 * (NAICS {@code 311811}, a GB/T division {@code 39}) by its first {@code digits} digits.
 *
 * <p>Under {@link IndustryScheme#NAICS} a code is grouped by its first {@code digits} digits (at least
 * 2) and the group is named {@code NAICS:72}, so it can never be mistaken for a GB/T division.
 * {@link #groupOf} tells a usable code from one that is missing, all zeros or unknown in the scheme
 * (such rows are scored by the base model alone).
 *
 * @param digits how many leading digits form the group of a numeric code, at least 1
 * @param divisions whether letter codes are grouped by division rather than section
 * @param scheme the classification of the codes
 */
public record IndustryGrouping(int digits, boolean divisions, IndustryScheme scheme) {

    /** Prefix of the group names of NAICS codes. */
    public static final String NAICS_PREFIX = "NAICS:";

    /**
     * GB/T 4754 grouping.
     *
     * @param digits how many leading digits form the group of a numeric code, at least 1
     * @param divisions whether letter codes are grouped by division rather than section
     */
    public IndustryGrouping(int digits, boolean divisions) {
        this(digits, divisions, IndustryScheme.GBT_4754);
    }

    /**
     * Checks the digit count.
     *
     * @throws IllegalArgumentException if {@code digits < 1}
     */
    public IndustryGrouping {
        Objects.requireNonNull(scheme, "scheme");
        if (digits < 1) {
            throw new IllegalArgumentException("Industry grouping digits must be at least 1, got " + digits);
        }
    }

    /**
     * Groups by a letter or the first two digits.
     *
     * @return the default grouping
     */
    public static IndustryGrouping defaults() {
        return new IndustryGrouping(2, false);
    }

    /**
     * Returns the group of a raw code.
     *
     * @param code the raw industry code, not blank
     * @return the group, upper case
     * @throws IllegalArgumentException if the code is blank or starts with neither letter nor digit
     */
    public String group(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.isEmpty()) {
            throw new IllegalArgumentException("An industry code must not be blank");
        }
        char first = c.charAt(0);
        if (first >= 'A' && first <= 'Z') {
            if (divisions && c.length() >= 3 && Character.isDigit(c.charAt(1)) && Character.isDigit(c.charAt(2))) {
                return c.substring(0, 3);
            }
            return String.valueOf(first);
        }
        if (first >= '0' && first <= '9') {
            int end = 0;
            while (end < c.length() && end < digits && Character.isDigit(c.charAt(end))) {
                end++;
            }
            return c.substring(0, end);
        }
        throw new IllegalArgumentException("Industry code '" + code
                + "' must start with a section letter (A-T) or digits (GB/T 4754 or NAICS)");
    }

    /**
     * The group of a raw code, or empty when the code cannot select an overlay: blank, all zeros
     * (a common "unknown" placeholder), malformed, or not a code of the scheme (a GB/T division that
     * does not exist, a NAICS code whose first two digits are no NAICS sector, a 5- or 6-digit code
     * read as GB/T).
     *
     * @param code the raw industry code
     * @return the group, or empty
     */
    public Optional<String> groupOf(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.isEmpty() || c.chars().allMatch(ch -> ch == '0')) {
            return Optional.empty();
        }
        if (scheme == IndustryScheme.NAICS) {
            if (!c.matches("[0-9]{2,6}") || !IndustryScheme.isNaicsSector(c.substring(0, 2))) {
                return Optional.empty();
            }
            return Optional.of(NAICS_PREFIX + c.substring(0, Math.min(c.length(), Math.max(2, digits))));
        }
        char first = c.charAt(0);
        if (first >= 'A' && first <= 'T') {
            if (c.length() >= 3 && IndustryScheme.GBT_4754.overlayCodeProblem(c.substring(0, 3)) != null) {
                return Optional.empty();
            }
            return Optional.of(group(c));
        }
        if (c.matches("[0-9]{2,4}") && IndustryCatalogue.allDivisions().stream()
                .anyMatch(d -> d.division().equals(c.substring(0, 2)))) {
            return Optional.of(group(c));
        }
        return Optional.empty();
    }
}
