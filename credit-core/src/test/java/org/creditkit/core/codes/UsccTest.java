package org.creditkit.core.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    /**
     * Published codes: the example of GB 32100-2015 and codes of well-known companies as shown in their
     * public registrations (Huawei Technologies, Alibaba (China), Shenzhen Tencent Computer Systems,
     * Xiaomi Technology), cross-checked against public listings.
     */
    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "914403001922038216", "91330100799655058B",
            "91440300708461136T", "91110108551385082Q"})
    void of_publishedCode_isValid(String code) {
        assertThat(Uscc.of(code).value()).isEqualTo(code);
        assertThat(Uscc.isValid(code)).isTrue();
        assertThat(Uscc.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    /** Valid codes: the published ones plus codes generated with a fixed seed over the whole character set. */
    static List<String> validCodes() {
        List<String> codes = new ArrayList<>(List.of("91350100M000100Y43", "914403001922038216",
                "91330100799655058B", "91440300708461136T", "91110108551385082Q"));
        Random random = new Random(20151001L);
        String[] regions = {"110108", "310115", "440300", "330100", "100000", "650102"};
        for (int n = 0; n < 20; n++) {
            StringBuilder sb = new StringBuilder("9").append("123".charAt(random.nextInt(3)))
                    .append(regions[random.nextInt(regions.length)]);
            for (int i = 0; i < 8; i++) {
                sb.append(Uscc.CHARSET.charAt(random.nextInt(Uscc.CHARSET.length())));
            }
            codes.add(Uscc.complete(sb.toString()).value());
        }
        return codes;
    }

    @ParameterizedTest
    @MethodSource("validCodes")
    void of_generatedWithCheckCharacter_isValid(String code) {
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validCodes")
    void isValid_everySingleCharacterSubstitution_fails(String code) {
        int mutations = 0;
        for (int pos = 0; pos < 18; pos++) {
            for (char c : Uscc.CHARSET.toCharArray()) {
                if (c == code.charAt(pos)) {
                    continue;
                }
                String mutated = code.substring(0, pos) + c + code.substring(pos + 1);
                assertThat(Uscc.isValid(mutated)).as("%s (position %d -> %c)", mutated, pos + 1, c).isFalse();
                mutations++;
            }
        }
        assertThat(mutations).isEqualTo(18 * 30);
    }

    @ParameterizedTest
    @MethodSource("validCodes")
    void isValid_everyAdjacentTranspositionOfDistinctCharacters_fails(String code) {
        for (int pos = 0; pos < 16; pos++) {
            if (code.charAt(pos) == code.charAt(pos + 1)) {
                continue;
            }
            String swapped = code.substring(0, pos) + code.charAt(pos + 1) + code.charAt(pos) + code.substring(pos + 2);
            assertThat(Uscc.isValid(swapped)).as(swapped).isFalse();
        }
    }

    @Test
    void of_wrongCheckCharacter_saysWhichWasExpected() {
        assertThatThrownBy(() -> Uscc.of("914403001922038217")).isInstanceOf(org.creditkit.core.CreditDataException.class)
                .hasMessage("check character '7' does not match computed '6'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "O", "S", "V", "Z", "a", "-", " "})
    void of_characterOutsideTheSet_isRejectedWithItsPosition(String bad) {
        String code = "9144030019220382" + bad + "6";

        assertThatThrownBy(() -> Uscc.of(code)).isInstanceOf(org.creditkit.core.CreditDataException.class)
                .hasMessageContaining("character 17 '" + bad + "' is not allowed");
    }

    @Test
    void of_lowerCaseOfValidCode_isRejected() {
        assertThat(Uscc.isValid("91330100799655058b")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91440300192203821", "9144030019220382166"})
    void of_wrongLength_saysEighteen(String code) {
        assertThatThrownBy(() -> Uscc.of(code)).hasMessageContaining("18 characters, got " + code.length());
    }

    @Test
    void isValid_null_isFalse() {
        assertThat(Uscc.isValid(null)).isFalse();
    }

    @Test
    void checkCharacter_wrongInput_isRejected() {
        assertThatThrownBy(() -> Uscc.checkCharacter("123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.checkCharacter("9144030019220382I")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_regionRetiredAfterUsccsWereFirstIssued_isValid_oneRetiredBefore_isRefusedNamingWhen() {
        // 邢台县 130521: retired in 2020 for districts of 邢台市; an enterprise registered there in 2016 keeps
        // its code for life
        assertThat(Uscc.isValid(Uscc.complete("9113052133012345").value())).isTrue();
        // 卢湾区 310103: merged in 2011, before GB 32100-2015 took effect on 2015-10-01
        String first17 = "9131010333012345" + Uscc.organisationCheckCharacter("33012345");
        String luwan = first17 + Uscc.checkCharacter(first17);
        assertThat(Uscc.isValid(luwan)).isFalse();
        assertThatThrownBy(() -> Uscc.of(luwan)).hasMessageContaining("characters 3-8: region code 310103 (卢湾区) "
                + "was retired in 2011").hasMessageContaining("before USCCs were first "
                + "issued (2015-10-01)");
    }

    @Test
    void maskedAndRegionDigits_exposeOnlyWhatTheySay_andToStringIsMasked() {
        Uscc u = Uscc.of("914403001922038216");

        assertThat(u.masked()).isEqualTo("91**************16");
        assertThat(u.regionDigits()).isEqualTo("440300");
        assertThat(u.value()).isEqualTo("914403001922038216");
        assertThat(u).hasToString("91**************16");
        assertThat(new java.util.ArrayList<>(java.util.List.of(u)).toString()).doesNotContain(u.value());
    }
}
