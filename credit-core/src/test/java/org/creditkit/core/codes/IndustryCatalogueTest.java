package org.creditkit.core.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndustryCatalogueTest {

    /** GB/T 4754-2017 section letter -> first and last division. */
    private static final Map<Character, int[]> RANGES = Map.ofEntries(
            Map.entry('A', new int[] {1, 5}), Map.entry('B', new int[] {6, 12}), Map.entry('C', new int[] {13, 43}),
            Map.entry('D', new int[] {44, 46}), Map.entry('E', new int[] {47, 50}),
            Map.entry('F', new int[] {51, 52}), Map.entry('G', new int[] {53, 60}),
            Map.entry('H', new int[] {61, 62}), Map.entry('I', new int[] {63, 65}),
            Map.entry('J', new int[] {66, 69}), Map.entry('K', new int[] {70, 70}),
            Map.entry('L', new int[] {71, 72}), Map.entry('M', new int[] {73, 75}),
            Map.entry('N', new int[] {76, 79}), Map.entry('O', new int[] {80, 82}),
            Map.entry('P', new int[] {83, 83}), Map.entry('Q', new int[] {84, 85}),
            Map.entry('R', new int[] {86, 90}), Map.entry('S', new int[] {91, 96}),
            Map.entry('T', new int[] {97, 97}));

    @Test
    void allDivisions_are97InOrderEachOnce() {
        List<IndustryCode> all = IndustryCatalogue.allDivisions();

        assertThat(all).hasSize(97);
        assertThat(all).extracting(IndustryCode::division)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 97)
                        .mapToObj(d -> String.format("%02d", d)).toList());
        assertThat(IndustryCatalogue.sections()).hasSize(20).containsExactlyElementsOf(
                "ABCDEFGHIJKLMNOPQRST".chars().mapToObj(c -> (char) c).toList());
    }

    @Test
    void allDivisions_eachIsInItsSectionRange() {
        Map<Character, List<Integer>> bySection = IndustryCatalogue.allDivisions().stream()
                .collect(Collectors.groupingBy(IndustryCode::section,
                        Collectors.mapping(c -> Integer.parseInt(c.division()), Collectors.toList())));

        assertThat(bySection).hasSize(20);
        RANGES.forEach((section, range) -> assertThat(bySection.get(section)).as("section %s", section)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(range[0], range[1]).boxed().toList()));
    }

    @Test
    void of_everyDivisionOutsideItsSection_isRejectedNamingTheValidRange() {
        for (char section : IndustryCatalogue.sections()) {
            int[] range = RANGES.get(section);
            for (int d = 1; d <= 99; d++) {
                String code = section + String.format("%02d", d);
                if (d >= range[0] && d <= range[1]) {
                    assertThat(IndustryCode.of(code).code()).isEqualTo(code);
                } else {
                    assertThatThrownBy(() -> IndustryCode.of(code)).as(code)
                            .isInstanceOf(org.creditkit.core.CreditDataException.class)
                            .hasMessageContaining(String.format("valid: %02d..%02d", range[0], range[1]));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"U01", "Z99", "c39", "C3", "C399", "39", "", "C-9", "CC9"})
    void of_malformedOrUnknownSection_isRejected(String code) {
        assertThatThrownBy(() -> IndustryCode.of(code)).isInstanceOf(org.creditkit.core.CreditDataException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("e.g. C39", "valid: A..T"));
    }

    @ParameterizedTest
    @CsvSource({"A01, Agriculture", "C39, Manufacturing", "I65, Information", "K70, Real estate"})
    void sectionName_namesTheSection(String code, String name) {
        assertThat(IndustryCode.of(code).sectionName()).startsWith(name);
        assertThat(IndustryCode.of(code)).hasToString(code);
        assertThat(IndustryCode.of(code).sectionCode()).isEqualTo(code.substring(0, 1));
    }

    @Test
    void sectionName_unknownLetter_isRejected() {
        assertThatThrownBy(() -> IndustryCatalogue.sectionName('U')).hasMessageContaining("valid: A..T");
    }

    @Test
    void code_andSectionCode_spellTheCode_andRepeatTheSameString() {
        for (IndustryCode c : IndustryCatalogue.allDivisions()) {
            String expected = c.section() + c.division();
            assertThat(c.code()).isEqualTo(expected);
            assertThat(c.code()).isSameAs(c.code());
            assertThat(IndustryCode.of(expected).code()).isSameAs(c.code());
            assertThat(c.sectionCode()).isEqualTo(String.valueOf(c.section())).isSameAs(c.sectionCode());
        }
    }
}
