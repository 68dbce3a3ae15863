package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.domain.LoanApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrictApplicationReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StrictApplicationReader READER = StrictApplicationReader.standard();

    /** The full sample as a mutable tree. */
    private static ObjectNode tree() {
        try {
            return (ObjectNode) MAPPER.readTree(ApplicationJson.write(Samples.full()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String mutated(Consumer<ObjectNode> change) {
        ObjectNode t = tree();
        change.accept(t);
        return t.toString();
    }

    private static ObjectNode at(ObjectNode root, String dotted) {
        ObjectNode n = root;
        for (String part : dotted.split("\\.")) {
            n = (ObjectNode) n.get(part);
        }
        return n;
    }

    private static List<Problem> problems(String json) {
        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.read(json));
        assertThat(e).as("expected a CreditDataException for %s", json).isNotNull();
        return e.problems();
    }

    @Test
    void read_writtenFullApplication_roundTripsToAnEqualValue() {
        LoanApplication original = Samples.full();

        LoanApplication read = READER.read(ApplicationJson.write(original));

        assertThat(read).isEqualTo(original);
        assertThat(ApplicationJson.write(read)).isEqualTo(ApplicationJson.write(original));
    }

    @Test
    void read_applicationWithoutSources_roundTripsWithEverySourceAbsent() {
        LoanApplication read = READER.read(ApplicationJson.write(Samples.bare()));

        assertThat(read).isEqualTo(Samples.bare());
        assertThat(read.sources().present()).isEmpty();
    }

    @Test
    void read_readerAndUtf8Stream_giveTheSameValueAsString() {
        String json = ApplicationJson.write(Samples.full());

        assertThat(READER.read(new StringReader(json))).isEqualTo(Samples.full());
        assertThat(READER.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(Samples.full());
    }

    @Test
    void read_leadingByteOrderMark_isIgnored() {
        assertThat(READER.read("\uFEFF" + ApplicationJson.write(Samples.bare()))).isEqualTo(Samples.bare());
    }

    @Test
    void read_moneyInExponentNotation_isNormalisedToWholeCny() {
        String json = mutated(t -> t.put("amount", new BigDecimal("1.5E6")));

        assertThat(READER.read(json).amount()).isEqualTo(new BigDecimal("1500000"));
    }

    @Test
    void read_moneyAsDecimalString_isAccepted() {
        String json = mutated(t -> t.put("amount", "1500000.00"));

        assertThat(READER.read(json).amount()).isEqualByComparingTo(new BigDecimal("1500000"));
    }

    @Test
    void read_offsetTimes_areConvertedToTheSameInstant() {
        String json = mutated(t -> t.put("applicationTime", "2025-07-01T10:00:00+08:00"));

        assertThat(READER.read(json).applicationTime()).isEqualTo(Samples.APPLICATION_TIME);
    }

    /** One kind of bad input, the path it must be reported at, and a fragment of the message. */
    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown field", mutated(t -> t.put("colour", "red")), "$.colour", "unknown field"),
                Arguments.of("unknown nested field", mutated(t -> at(t, "sources.tax").put("vatRate", 0.13)),
                        "$.sources.tax.vatRate", "valid fields here: provenance, declaredSales"),
                Arguments.of("wrong type", mutated(t -> t.put("termMonths", "12")), "$.termMonths",
                        "must be a whole number 1..360, got a string"),
                Arguments.of("fractional integer", mutated(t -> t.put("termMonths", 12.5)), "$.termMonths",
                        "whole number"),
                Arguments.of("term out of range", mutated(t -> t.put("termMonths", 361)), "$.termMonths",
                        "361 is out of range; valid: 1..360"),
                Arguments.of("missing required field", mutated(t -> at(t, "enterprise").remove("name")),
                        "$.enterprise.name", "required field is missing"),
                Arguments.of("blank string", mutated(t -> at(t, "enterprise").put("name", "  ")),
                        "$.enterprise.name", "must not be blank"),
                Arguments.of("null value", mutated(t -> t.putNull("purpose")), "$.purpose", "null is not allowed"),
                Arguments.of("null source", mutated(t -> at(t, "sources").putNull("carbon")), "$.sources.carbon",
                        "omit the field when the source is absent"),
                Arguments.of("negative money", mutated(t -> at(t, "enterprise").put("annualRevenue", -1)),
                        "$.enterprise.annualRevenue", "is negative"),
                Arguments.of("sub-fen money", mutated(t -> t.put("amount", new BigDecimal("100.005"))), "$.amount",
                        "more than two decimal places"),
                Arguments.of("zero amount", mutated(t -> t.put("amount", 0)), "$.amount", "must be > 0"),
                Arguments.of("malformed money string", mutated(t -> t.put("amount", "1,500,000")), "$.amount",
                        "is not an amount"),
                Arguments.of("USCC check character", mutated(t -> at(t, "enterprise").put("uscc",
                        flipCheck(Samples.enterprise().uscc().value()))), "$.enterprise.uscc",
                        "does not match computed"),
                Arguments.of("USCC length", mutated(t -> at(t, "enterprise").put("uscc", "91310115")),
                        "$.enterprise.uscc", "18 characters"),
                Arguments.of("industry division outside its section",
                        mutated(t -> at(t, "enterprise").put("industry", "C05")), "$.enterprise.industry",
                        "valid: 13..43"),
                Arguments.of("unknown region province", mutated(t -> at(t, "enterprise").put("region", "990101")),
                        "$.enterprise.region", "not a GB/T 2260 province"),
                Arguments.of("malformed product id", mutated(t -> t.put("product", "mortgage")), "$.product",
                        "is not a product id: upper-case letters, digits and underscores, starting with a letter"
                                + " (the built-in products: GENERAL, TECHNOLOGY, GREEN, AGRICULTURE, SUPPLY_CHAIN"),
                Arguments.of("bad enum", mutated(t -> t.put("guarantee", "MORTGAGE")), "$.guarantee",
                        "valid: NONE, GUARANTEE_INSTITUTION, COLLATERAL, PERSONAL"),
                Arguments.of("establishment after application",
                        mutated(t -> at(t, "enterprise").put("establishmentDate", "2025-07-02")),
                        "$.enterprise.establishmentDate", "after the application date 2025-07-01"),
                Arguments.of("impossible date", mutated(t -> at(t, "enterprise").put("establishmentDate",
                        "2023-02-30")), "$.enterprise.establishmentDate", "YYYY-MM-DD"),
                Arguments.of("time without offset", mutated(t -> t.put("applicationTime", "2025-07-01T10:00:00")),
                        "$.applicationTime", "with offset"),
                Arguments.of("source asOf far after application",
                        mutated(t -> at(t, "sources.tax.provenance").put("asOf", "2025-07-03T02:00:00Z")),
                        "$.sources.tax.provenance.asOf", "by more than PT24H"),
                Arguments.of("penalty after application", mutated(t -> ((ObjectNode) at(t, "sources.penalties")
                        .withArray("penalties").get(0)).put("date", "2025-08-01")),
                        "$.sources.penalties.penalties[0].date", "after the application date"),
                Arguments.of("listing after application", mutated(t -> ((ObjectNode) at(t, "sources.courts")
                        .withArray("dishonestListings").get(0)).put("listed", "2026-01-01")),
                        "$.sources.courts.dishonestListings[0].listed", "after the application date"),
                Arguments.of("repaired before listed", mutated(t -> ((ObjectNode) at(t, "sources.courts")
                        .withArray("dishonestListings").get(0)).put("repaired", "2020-01-01")),
                        "$.sources.courts.dishonestListings[0].repaired", "is before listed 2021-05-10"),
                Arguments.of("statement year not ended", mutated(t -> at(t, "sources.financials")
                        .put("fiscalYear", 2025)), "$.sources.financials.fiscalYear", "at the latest"),
                Arguments.of("series runs past application month", mutated(t -> at(t, "sources.utilities.water")
                        .put("firstMonth", "2024-10")), "$.sources.utilities.water.values[10]",
                        "is for 2025-08, after the application month 2025-07"),
                // a series starting after the application month: its first value, not values[-13]
                Arguments.of("series starts after application month", mutated(t -> at(t, "sources.utilities.water")
                        .put("firstMonth", "2026-08")), "$.sources.utilities.water.values[0]",
                        "is for 2026-08, after the application month 2025-07"),
                Arguments.of("negative series value", mutated(t -> ((ArrayNode) at(t, "sources.tax.declaredSales")
                        .get("values")).set(3, -5)), "$.sources.tax.declaredSales.values[3]",
                        "out of range; valid: 0.."),
                Arguments.of("string in series", mutated(t -> ((ArrayNode) at(t, "sources.tax.declaredSales")
                        .get("values")).set(3, "n/a")), "$.sources.tax.declaredSales.values[3]",
                        "must be a number, got a string"),
                Arguments.of("tax series months differ", mutated(t -> at(t, "sources.tax.taxPaid")
                        .put("firstMonth", "2024-02")), "$.sources.tax.taxPaid",
                        "must cover the same months as declaredSales"),
                Arguments.of("ratings out of order", mutated(t -> ((ObjectNode) at(t, "sources.tax")
                        .withArray("ratings").get(1)).put("year", 2022)), "$.sources.tax.ratings[1].year",
                        "ascending years"),
                Arguments.of("more unanswered than cases", mutated(t -> at(t, "sources.courts")
                        .put("unansweredCases", 3)), "$.sources.courts.unansweredCases", "must not exceed"),
                Arguments.of("current assets above total", mutated(t -> at(t, "sources.financials")
                        .put("currentAssets", 99_000_000)), "$.sources.financials.currentAssets",
                        "must not exceed totalAssets"),
                Arguments.of("bad core rating", mutated(t -> at(t, "sources.supplyChain").put("coreRating", "A1")),
                        "$.sources.supplyChain.coreRating", "is not a rating"),
                Arguments.of("own code as core enterprise", mutated(t -> at(t, "sources.supplyChain")
                        .put("coreEnterprise", Samples.enterprise().uscc().value())),
                        "$.sources.supplyChain.coreEnterprise", "applicant's own code"),
                Arguments.of("not an object", "[1,2]", "$", "must be a JSON object, got an array"),
                Arguments.of("control character", mutated(t -> t.put("id", "A\u0000B")), "$.id",
                        "control characters"));
    }

    private static String flipCheck(String code) {
        char c = code.charAt(17);
        return code.substring(0, 17) + (c == 'A' ? 'B' : 'A');
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void read_badInput_isRejectedAtItsPath(String kind, String json, String path, String message) {
        List<Problem> problems = problems(json);

        assertThat(problems).as(kind).anySatisfy(p -> {
            assertThat(p.location()).isEqualTo(path);
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void read_unknownKeyThatIsNotAnIdentifier_isQuotedInThePath() {
        String json = mutated(t -> at(t, "enterprise").put("a.b'c", 1));

        assertThat(problems(json)).extracting(Problem::location).containsExactly("$.enterprise['a.b\\'c']");
    }

    @Test
    void read_longBadValue_isEchoedTruncated() {
        String json = mutated(t -> t.put("product", "X".repeat(60)));

        assertThat(problems(json)).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("'" + "X".repeat(40) + "...' (60 characters) is not a product id"));
    }

    @Test
    void read_manyProblems_reportsEveryOneInOneException() {
        String json = mutated(t -> {
            t.put("termMonths", 0);
            t.put("extra", true);
            at(t, "enterprise").put("uscc", "123");
            at(t, "enterprise").put("employees", -3);
            ((ArrayNode) at(t, "sources.utilities.electricity").get("values")).set(5, -1);
            at(t, "sources.bankCredit").put("currentDaysOverdue", "none");
        });

        assertThat(problems(json)).extracting(Problem::location).contains("$.termMonths", "$.extra",
                "$.enterprise.uscc", "$.enterprise.employees", "$.sources.utilities.electricity.values[5]",
                "$.sources.bankCredit.currentDaysOverdue");
    }

    @Test
    void read_nan_isRejectedAtItsPath() {
        String json = ApplicationJson.write(Samples.full()).replace("\"emissionsTonnes\":1234.5",
                "\"emissionsTonnes\":NaN");

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.sources.carbon.emissionsTonnes");
            assertThat(p.message()).contains("NaN and Infinity are not JSON numbers");
        });
    }

    @Test
    void read_infinity_isRejected() {
        String json = ApplicationJson.write(Samples.full()).replace("\"emissionsTonnes\":1234.5",
                "\"emissionsTonnes\":-Infinity");

        assertThat(problems(json)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("NaN and Infinity"));
    }

    @Test
    void read_hugeExponent_isOutOfRangeNotInfinity() {
        String json = ApplicationJson.write(Samples.full()).replace("\"emissionsTonnes\":1234.5",
                "\"emissionsTonnes\":1e400");

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.sources.carbon.emissionsTonnes");
            assertThat(p.message()).contains("out of range");
        });
    }

    @Test
    void read_duplicateKey_isRejectedAtItsObject() {
        String json = ApplicationJson.write(Samples.full()).replace("\"employees\":86,",
                "\"employees\":86,\"employees\":5,");

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("$.enterprise");
            assertThat(p.message()).contains("duplicate key 'employees'");
        });
    }

    @Test
    void read_syntaxError_reportsLineAndColumn() {
        assertThat(problems("{\"id\": \"A\",}")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not well-formed JSON").contains("column"));
    }

    @Test
    void read_trailingValue_isRejected() {
        String json = ApplicationJson.write(Samples.bare()) + " {}";

        assertThat(problems(json)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("more than one JSON value"));
    }

    @Test
    void read_emptyDocument_isRejected() {
        assertThat(problems("  ")).singleElement().satisfies(p -> assertThat(p.message()).contains("empty document"));
    }

    @Test
    void read_documentOverByteLimit_isRejectedBeforeParsing() {
        StrictApplicationReader small = StrictApplicationReader.builder().maxDocumentBytes(500).build();
        String json = ApplicationJson.write(Samples.full());

        assertThatThrownBy(() -> small.read(json)).isInstanceOf(CreditDataException.class)
                .hasMessageContaining("document exceeds 500 bytes");
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CreditDataException.class).hasMessageContaining("document exceeds 500 bytes");
        assertThatThrownBy(() -> small.read(new StringReader(json)))
                .isInstanceOf(CreditDataException.class).hasMessageContaining("document exceeds 500 bytes");
    }

    @Test
    void read_nestingBeyondLimit_isRejected() {
        String json = "{\"id\":" + "[".repeat(40) + "]".repeat(40) + "}";

        assertThat(problems(json)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("exceeds a reader limit").contains("nesting"));
    }

    @Test
    void read_stringBeyondParserLimit_isRejected() {
        StrictApplicationReader reader = StrictApplicationReader.builder().maxStringLength(100).build();
        String json = mutated(t -> t.put("purpose", "p".repeat(500)));

        assertThatThrownBy(() -> reader.read(json)).isInstanceOf(CreditDataException.class)
                .hasMessageContaining("exceeds a reader limit").hasMessageContaining("String value length");
    }

    @Test
    void read_seriesLongerThanLimit_isRejectedAtItsValues() {
        StrictApplicationReader reader = StrictApplicationReader.builder().maxSeriesMonths(12).build();
        CreditDataException e = catchThrowableOfType(CreditDataException.class,
                () -> reader.read(ApplicationJson.write(Samples.full())));

        assertThat(e.problems()).extracting(Problem::location).containsExactly(
                "$.sources.tax.declaredSales.values", "$.sources.tax.taxPaid.values");
        assertThat(e.problems().get(0).message()).startsWith("has 18 months; at most 12 are accepted (line 1, column ");
    }

    @Test
    void builder_nonPositiveLimit_isRejected() {
        assertThatThrownBy(() -> StrictApplicationReader.builder().maxDocumentBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDocumentBytes (0) must be > 0");
        assertThatThrownBy(() -> StrictApplicationReader.builder().futureTolerance(Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void read_overlongNumber_isRejected() {
        String json = mutated(t -> t.put("amount", new BigDecimal("1" + "0".repeat(60))));

        assertThat(problems(json)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("exceeds a reader limit"));
    }

    @Test
    void read_numberLongerThanTheStringLimit_isReportedAsANumberNotAString() {
        // Jackson buffers a 100,000-digit number as text and trips the string limit first; the
        // message said "String value length" for a number and named no valid length.
        String json = ApplicationJson.write(Samples.full())
                .replaceFirst("\"amount\":[0-9.]+", "\"amount\":" + "9".repeat(100_000));

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.amount");
            assertThat(p.message()).contains("a number of more than").contains("valid: a number of at most")
                    .doesNotContain("String value");
        });
    }

    @Test
    void read_invalidUtf8Stream_isRejected() {
        byte[] bytes = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}'};

        assertThatThrownBy(() -> READER.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(CreditDataException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void read_asOfSlightlyAfterApplication_isToleratedAsClockSkew() {
        String json = mutated(t -> at(t, "sources.tax.provenance").put("asOf", "2025-07-01T07:00:00Z"));

        assertThat(READER.read(json).sources().tax()).isPresent();
        StrictApplicationReader noSkew = StrictApplicationReader.builder().futureTolerance(Duration.ZERO).build();
        assertThatThrownBy(() -> noSkew.read(json)).isInstanceOf(CreditDataException.class)
                .hasMessageContaining("$.sources.tax.provenance.asOf");
    }

    @Test
    void readLabeled_wrappedLine_readsOutcome() {
        LabeledApplication line = LabeledApplication.of(Samples.full(), true, 0.125);

        assertThat(READER.readLabeled(ApplicationJson.write(line))).isEqualTo(line);
    }

    @Test
    void readLabeled_bareApplication_hasNoOutcome() {
        assertThat(READER.readLabeled(ApplicationJson.write(Samples.bare())))
                .isEqualTo(LabeledApplication.unlabeled(Samples.bare()));
    }

    @Test
    void readLabeled_outcomeWithoutTruePd_isAccepted() {
        String json = "{\"application\":" + ApplicationJson.write(Samples.bare()) + ",\"outcome\":{\"defaulted12m\":false}}";

        assertThat(READER.readLabeled(json)).isEqualTo(LabeledApplication.of(Samples.bare(), false));
    }

    @Test
    void readLabeled_badOutcome_isReportedUnderOutcome() {
        String json = "{\"application\":" + ApplicationJson.write(Samples.bare())
                + ",\"outcome\":{\"defaulted12m\":1,\"truePd\":1.5,\"x\":0}}";

        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.readLabeled(json));
        assertThat(e.problems()).extracting(Problem::location)
                .containsExactlyInAnyOrder("$.outcome.defaulted12m", "$.outcome.truePd", "$.outcome.x");
    }

    @Test
    void readLabeled_badApplicationInsideWrapper_hasWrapperPath() {
        String json = "{\"application\":" + mutated(t -> t.put("termMonths", 0)) + "}";

        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.readLabeled(json));
        assertThat(e.problems()).extracting(Problem::location).containsExactly("$.application.termMonths");
    }
}
