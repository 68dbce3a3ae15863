package org.creditkit.core.codes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GB/T 4754-2017 sections and the division ranges that belong to each (97 divisions, 20 sections).
 */
public final class IndustryCatalogue {

    private record Section(char letter, int firstDivision, int lastDivision, String name) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section('A', 1, 5, "Agriculture, forestry, animal husbandry and fishery"),
            new Section('B', 6, 12, "Mining"),
            new Section('C', 13, 43, "Manufacturing"),
            new Section('D', 44, 46, "Electricity, heat, gas and water production and supply"),
            new Section('E', 47, 50, "Construction"),
            new Section('F', 51, 52, "Wholesale and retail trade"),
            new Section('G', 53, 60, "Transport, storage and postal services"),
            new Section('H', 61, 62, "Accommodation and catering"),
            new Section('I', 63, 65, "Information transmission, software and information technology services"),
            new Section('J', 66, 69, "Finance"),
            new Section('K', 70, 70, "Real estate"),
            new Section('L', 71, 72, "Leasing and business services"),
            new Section('M', 73, 75, "Scientific research and technical services"),
            new Section('N', 76, 79, "Water conservancy, environment and public facilities management"),
            new Section('O', 80, 82, "Resident services, repair and other services"),
            new Section('P', 83, 83, "Education"),
            new Section('Q', 84, 85, "Health and social work"),
            new Section('R', 86, 90, "Culture, sports and entertainment"),
            new Section('S', 91, 96, "Public administration, social security and social organisations"),
            new Section('T', 97, 97, "International organisations"));

    private IndustryCatalogue() {
    }

    /** Every valid division-level code, in catalogue order ({@code A01} .. {@code T97}). */
    public static List<IndustryCode> allDivisions() {
        List<IndustryCode> out = new ArrayList<>();
        for (Section s : SECTIONS) {
            for (int d = s.firstDivision(); d <= s.lastDivision(); d++) {
                out.add(new IndustryCode(s.letter(), String.format("%02d", d)));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The section letters {@code A}..{@code T}. */
    public static List<Character> sections() {
        return SECTIONS.stream().map(Section::letter).toList();
    }

    /**
     * English name of a section.
     *
     * @throws IllegalArgumentException for a letter that is not a section
     */
    public static String sectionName(char section) {
        return find(section).name();
    }

    static String problem(char section, String division) {
        Section s = SECTIONS.stream().filter(x -> x.letter() == section).findFirst().orElse(null);
        if (s == null) {
            return "industry section '" + section + "' is not a GB/T 4754-2017 section (valid: A..T)";
        }
        int d;
        try {
            d = division.length() == 2 ? Integer.parseInt(division) : -1;
        } catch (NumberFormatException e) {
            d = -1;
        }
        if (d < s.firstDivision() || d > s.lastDivision()) {
            return String.format("division '%s' is not in section %c (valid: %02d..%02d)",
                    division, section, s.firstDivision(), s.lastDivision());
        }
        return null;
    }

    private static Section find(char section) {
        return SECTIONS.stream().filter(x -> x.letter() == section).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "industry section '" + section + "' is not a GB/T 4754-2017 section (valid: A..T)"));
    }
}
