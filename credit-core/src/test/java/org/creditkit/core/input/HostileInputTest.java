package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adversarial documents, one test per class of attack: each is refused with the typed data exception,
 * located by JSON path and position, with a short message; no other exception, no huge allocation.
 */
class HostileInputTest {

    private static final StrictApplicationReader READER = StrictApplicationReader.builder()
            .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
    private static final String VALID = ApplicationJson.write(Samples.full());

    private static List<Problem> problems(String json) {
        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.read(json));
        assertThat(e).as("expected a CreditDataException for %s", json.length() > 200 ? json.substring(0, 200) : json)
                .isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).hasSizeLessThan(600));
        return e.problems();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e2147483648", "1e-2147483648", "1e-2147483647", "1e-999999999", "1e-2000000000",
        "-1e2147483648", "1E+99999999999999999999", "0.1e-999999999", "1e101", "9.9e-101", "0e-201",
        "123456789012345678901234567890e80"})
    void read_extremeExponent_isOneLocatedProblemNotAnEscape(String number) {
        String json = VALID.replace("\"emissionsTonnes\":1234.5", "\"emissionsTonnes\":" + number);

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.sources.carbon.emissionsTonnes");
            assertThat(p.message()).contains("is out of range").contains("(line 1, column ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e2147483648", "1e-2147483648", "1e-999999999", "1e-2000000000"})
    void read_extremeExponentInAnUnknownField_isRefusedThere(String number) {
        String json = "{\"zzz\":{\"deep\":[1," + number + "]}," + VALID.substring(1);

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.zzz.deep[1]");
            assertThat(p.message()).contains("is out of range").contains("column 19)");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "-0", "0e5", "1e100", "1e-100", "9.99e100", "1234.5", "0.000001e-94"})
    void numberProblem_numbersWithinRange_areAccepted(String number) {
        assertThat(SafeTree.numberProblem(number)).isNull();
    }

    @Test
    void readBatch_hostileNumberLines_everyGoodLineProcessedEveryBadLineReported() {
        String good = VALID;
        StringBuilder in = new StringBuilder();
        String[] forms = {"1e2147483648", "1e-2147483648", "1e-2147483647", "1e-999999999", "1e-2000000000"};
        for (String f : forms) {
            in.append(good).append('\n');
            in.append(good.replace("\"emissionsTonnes\":1234.5", "\"emissionsTonnes\":" + f)).append('\n');
        }
        List<BadLine> bad = new ArrayList<>();
        int[] goodCount = {0};
        BatchReport report = READER.readBatch(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)),
                a -> goodCount[0]++, bad::add);

        assertThat(goodCount[0]).isEqualTo(5);
        assertThat(bad).extracting(BadLine::lineNumber).containsExactly(2L, 4L, 6L, 8L, 10L);
        assertThat(bad).allSatisfy(b -> assertThat(b.toString()).contains("$.sources.carbon.emissionsTonnes")
                .contains("(column "));
        assertThat(report.lines()).isEqualTo(10);
    }

    @Test
    void read_nestingBeyondLimit_isLocatedWithLineAndColumn() {
        String json = "{\"zzz\":" + "[".repeat(40) + "]".repeat(40) + "}";

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("$.zzz[0][0]");
            assertThat(p.message()).contains("reader limit").contains("(line 1, column ");
        });
    }

    @Test
    void read_stringBeyondLimit_isLocatedWithLineAndColumn() {
        String json = "{\n\"purpose\": \"" + "x".repeat(20_000) + "\"}";

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.purpose");
            assertThat(p.message()).contains("reader limit").contains("(line 2, column ");
        });
    }

    @Test
    void read_numberBeyondLengthLimit_isLocatedWithLineAndColumn() {
        String json = VALID.replace("\"emissionsTonnes\":1234.5", "\"emissionsTonnes\":1" + "0".repeat(60));

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.sources.carbon.emissionsTonnes");
            assertThat(p.message()).contains("reader limit").contains("(line 1, column ");
        });
    }

    @Test
    void read_keyBeyondTheStringLimit_isLocatedAtItsObject_notAtThePreviousMember() {
        String json = "{\"purpose\":\"x\",\"" + "k".repeat(20_000) + "\":1}";

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$");
            assertThat(p.message()).contains("reader limit").contains("(in the key after 'purpose')");
        });
    }

    @Test
    void read_keyBeyondLimit_isLocatedAndEchoedShort() {
        String json = "{\"" + "k".repeat(5_000) + "\":1}";

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("longer than 64 characters").contains("(line 1, column 2)")
                    .contains("(5000 characters)");
            assertThat(p.location().length()).isLessThan(100);
        });
    }

    @Test
    void read_longValueInAnEnumField_isEchoedTruncated() {
        String json = VALID.replace("\"product\":\"GENERAL\"", "\"product\":\"" + "W".repeat(60) + "\"");

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.product");
            assertThat(p.message()).doesNotContain("W".repeat(41)).contains("(60 characters)");
        });
    }

    @Test
    void read_semanticProblemOnLaterLine_givesItsLineAndColumn() {
        String json = VALID.replace(",\"termMonths\":", ",\n  \"termMonths\": ").replace("\"termMonths\": 12", "\"termMonths\": 0");

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.termMonths");
            assertThat(p.message()).endsWith("(line 2, column 17)");
        });
    }

    @Test
    void read_missingField_isPlacedAtItsParentObject() {
        String json = VALID.replace("\"name\":\"上海示例精密机械有限公司\",", "");

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.enterprise.name");
            assertThat(p.message()).contains("(line 1, column ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uff13", "\u0663", "\u06f3", "\u0e53"})
    void read_nonAsciiDigitInCodes_isRefused(String digit) {
        String region = VALID.replace("\"region\":\"310115\"", "\"region\":\"31011" + digit + "\"");
        String industry = VALID.replace("\"industry\":\"C34\"", "\"industry\":\"C3" + digit + "\"");

        assertThat(problems(region)).singleElement().satisfies(p -> assertThat(p.location()).isEqualTo("$.enterprise.region"));
        assertThat(problems(industry)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.enterprise.industry");
            assertThat(p.message()).contains("ASCII");
        });
    }

    @Test
    void read_fullwidthLetterInUscc_isRefusedWithItsCodePoint() {
        String json = VALID.replace("91310115MA1K4B7T04", "91310115\uff2dA1K4B7T04");

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.enterprise.uscc");
            assertThat(p.message()).contains("U+FF2D").contains("ASCII");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2099-01-01T00:00:00+08:00", "2026-01-02T08:00:01+08:00", "1949-09-30T23:59:59+08:00",
        "0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"})
    void read_applicationTimeOutsideSaneBounds_isRefused(String time) {
        String json = VALID.replace("\"applicationTime\":\"2025-07-01T02:00:00Z\"",
                "\"applicationTime\":\"" + time + "\"");

        assertThat(problems(json)).extracting(Problem::location).contains("$.applicationTime");
    }

    @Test
    void read_applicationTimeInTheFuture_namesOneNow_evenWithATickingClock() {
        Clock ticking = new Clock() { // a second later at every call
            private Instant next = Instant.parse("2026-01-01T00:00:00Z");

            @Override
            public Instant instant() {
                Instant now = next;
                next = next.plusSeconds(1);
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        StrictApplicationReader reader = StrictApplicationReader.builder().clock(ticking).build();
        String json = VALID.replace("\"applicationTime\":\"2025-07-01T02:00:00Z\"",
                "\"applicationTime\":\"2099-01-01T00:00:00Z\"");

        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> reader.read(json));

        assertThat(e.problems()).filteredOn(p -> p.location().equals("$.applicationTime")).singleElement()
                .satisfies(p -> assertThat(p.message()).matches(".*now is (\\S+)\\); valid: at most (\\S+) .*")
                        .satisfies(m -> {
                            java.util.regex.Matcher x = java.util.regex.Pattern.compile(
                                    "now is (\\S+)\\); valid: at most (\\S+) ").matcher(m);
                            assertThat(x.find()).isTrue();
                            assertThat(Instant.parse(x.group(2))).isEqualTo(Instant.parse(x.group(1)).plusSeconds(86_400));
                        }));
    }

    @Test
    void read_applicationTimeWithinSkewOfNow_isAccepted() {
        StrictApplicationReader reader = StrictApplicationReader.builder()
                .clock(Clock.fixed(Instant.parse("2025-07-01T01:00:00Z"), ZoneOffset.UTC)).build();

        assertThat(reader.read(VALID).applicationTime()).isEqualTo(Samples.APPLICATION_TIME);
    }

    @Test
    void read_sourceTimeBefore1949_isRefused() {
        String json = VALID.replaceFirst("\"asOf\":\"[^\"]+\"", "\"asOf\":\"1949-01-01T00:00:00+08:00\"");

        assertThat(problems(json)).singleElement().satisfies(p -> assertThat(p.message()).contains("1949-10-01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"B1310115MA1K4B7T0", "94310115MA1K4B7T0", "91319999MA1K4B7T0", "91990115MA1K4B7T0"})
    void read_usccWithBadStructure_isRefusedWithThePart(String first17) {
        String code = first17 + org.creditkit.core.codes.Uscc.checkCharacter(first17);
        String json = VALID.replace("91310115MA1K4B7T04", code);

        assertThat(problems(json)).extracting(Problem::location).contains("$.enterprise.uscc");
    }

    @Test
    void read_usccWithWrongOrganisationCheckDigit_isRefused() {
        String first17 = "91310115MA1K4B7T5";
        String json = VALID.replace("91310115MA1K4B7T04", first17 + org.creditkit.core.codes.Uscc.checkCharacter(first17));

        assertThat(problems(json)).singleElement().satisfies(p ->
                assertThat(p.message()).contains("GB 11714").contains("computed '0'"));
    }
}
