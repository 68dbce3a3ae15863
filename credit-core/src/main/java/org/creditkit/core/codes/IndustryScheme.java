package org.creditkit.core.codes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * An industry classification whose codes can select an industry overlay: China's GB/T 4754-2017
 * (section letters and two-digit divisions, the codes of loan applications) or the North American
 * NAICS (2- to 6-digit codes, grouped by a leading prefix; the codes of many US loan tables).
 */
public enum IndustryScheme {
    /** GB/T 4754-2017: a section letter {@code A..T} or a division such as {@code C39}. */
    GBT_4754("GB/T 4754"),
    /** NAICS: a prefix of 2 to 6 digits whose first two are a NAICS sector, e.g. {@code 72} or {@code 4451}. */
    NAICS("NAICS");

    private static final Set<String> NAICS_SECTORS = Set.of("11", "21", "22", "23", "31", "32", "33", "42", "44", "45",
            "48", "49", "51", "52", "53", "54", "55", "56", "61", "62", "71", "72", "81", "92");

    private final String id;

    IndustryScheme(String id) {
        this.id = id;
    }

    /**
     * The name written in bundles, e.g. {@code GB/T 4754}.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The scheme of an id or a short name ({@code GB/T 4754}, {@code gbt}, {@code NAICS}, {@code naics}).
     *
     * @param text the name
     * @return the scheme
     * @throws IllegalArgumentException naming the valid values when the text matches none
     */
    public static IndustryScheme parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (IndustryScheme s : values()) {
            if (t.equals(s.id.toLowerCase(Locale.ROOT)) || t.equals(s.name().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        if (t.equals("gbt") || t.equals("gb/t") || t.equals("gbt4754")) {
            return GBT_4754;
        }
        throw new IllegalArgumentException("industry scheme '" + text + "' is not one of "
                + Arrays.stream(values()).map(IndustryScheme::id).toList() + " (or gbt, naics)");
    }

    /**
     * Why a code cannot key an overlay in this scheme, or {@code null} when it can.
     *
     * @param code a GB/T section letter or division, or a NAICS prefix
     * @return the problem, or {@code null}
     */
    public String overlayCodeProblem(String code) {
        if (this == NAICS) {
            if (!code.matches("[0-9]{2,6}")) {
                return "industry '" + code + "' is not a NAICS code (2 to 6 digits)";
            }
            if (!NAICS_SECTORS.contains(code.substring(0, 2))) {
                return "industry '" + code + "' does not start with a NAICS sector " + NAICS_SECTORS.stream().sorted().toList();
            }
            return null;
        }
        if (code.length() == 1) {
            char c = code.charAt(0);
            return c >= 'A' && c <= 'T' ? null : "industry '" + code + "' is not a GB/T 4754-2017 section (A..T)";
        }
        try {
            IndustryCode.of(code);
            return null;
        } catch (org.creditkit.core.CreditDataException | IllegalArgumentException e) {
            return "industry '" + code + "': " + e.getMessage();
        }
    }

    /**
     * Whether a two-digit prefix is a NAICS sector.
     *
     * @param sector two digits
     * @return true for a sector such as {@code 72}
     */
    public static boolean isNaicsSector(String sector) {
        return NAICS_SECTORS.contains(sector);
    }
}
