package org.creditkit.models.data;

import java.util.Locale;

/**
 * How an industry code is reduced to the group that selects an overlay: a code starting with a
 * letter (GB/T 4754 {@code C}, {@code C39}, {@code C3912}) is grouped by that section letter, or
 * by letter and two-digit division ({@code C39}) when {@code divisions} is set; a numeric code
 * (NAICS {@code 311811}, a GB/T division {@code 39}) by its first {@code digits} digits.
 *
 * @param digits how many leading digits form the group of a numeric code, at least 1
 * @param divisions whether letter codes are grouped by division rather than section
 */
public record IndustryGrouping(int digits, boolean divisions) {

    /**
     * Checks the digit count.
     *
     * @throws IllegalArgumentException if {@code digits < 1}
     */
    public IndustryGrouping {
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
}
