package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.junit.jupiter.api.Test;

/**
 * A month of an application's own series in another unit (fen for CNY, 万元, Wh for kWh) is refused at
 * its JSON path with the loan book's words; real changes, zeros and short series are read as before.
 */
class UnitChangeReadTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StrictApplicationReader READER = StrictApplicationReader.standard();
    private static final String SALES = "$.sources.tax.declaredSales.values";
    private static final String POWER = "$.sources.utilities.electricity.values";

    /** The full sample (18 months of gentle sales from 2024-01, 12 of electricity) with some values changed. */
    private static String withValues(String series, IntStream months, DoubleUnaryOperator change) {
        try {
            ObjectNode t = (ObjectNode) MAPPER.readTree(ApplicationJson.write(Samples.full()));
            ObjectNode sources = (ObjectNode) t.get("sources");
            String[] parts = series.split("\\.");
            ArrayNode values = (ArrayNode) sources.get(parts[0]).get(parts[1]).get("values");
            months.forEach(i -> values.set(i, MAPPER.getNodeFactory().numberNode(
                    change.applyAsDouble(values.get(i).doubleValue()))));
            return t.toString();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Problem> problems(String json) {
        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.read(json));
        assertThat(e).as("expected the application to be refused").isNotNull();
        // the tree walk, which words the problems, agrees with the streaming reader's refusal
        CreditDataException tree = catchThrowableOfType(CreditDataException.class, () -> READER.readByTree(json));
        assertThat(tree).isNotNull();
        assertThat(tree.problems()).isEqualTo(e.problems());
        return e.problems();
    }

    @Test
    void oneMonthInFen_isRefusedAtItsPath_withTheMedianAndTheValueInCny() {
        List<Problem> p = problems(withValues("tax.declaredSales", IntStream.of(7), v -> v * 100));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.location()).isEqualTo(SALES + "[7]");
            assertThat(x.message()).startsWith("202633600 is 104 times above the median (1947269) of this"
                    + " enterprise's 7 figures in this series before 2024-08, and over 10 times their highest (2006273)")
                    .contains("a change of unit by 100 (fen instead of CNY?) rather than a real change; valid: CNY"
                            + " like the rest of the series (2026336 here, were it 100 times smaller)");
        });
    }

    @Test
    void aSwitchToFenForGood_isRefusedOnEveryMonthFromTheSwitch() {
        List<Problem> p = problems(withValues("tax.declaredSales", IntStream.range(10, 18), v -> v * 100));
        assertThat(p).extracting(Problem::location)
                .containsExactlyElementsOf(IntStream.range(10, 18).mapToObj(i -> SALES + "[" + i + "]").toList());
        assertThat(p).allSatisfy(x -> assertThat(x.message()).contains("change of unit by 100 (fen instead of CNY?)"));
    }

    @Test
    void aMonth10000TimesTooLarge_isRefused() {
        assertThat(problems(withValues("tax.declaredSales", IntStream.of(12), v -> v * 10_000)))
                .singleElement().satisfies(x -> {
                    assertThat(x.location()).isEqualTo(SALES + "[12]");
                    assertThat(x.message()).contains("change of unit by 10,000 (another unit?)");
                });
    }

    /**
     * Months too small are read, alone or in a run: they lower the limit bases (the cautious side) and look
     * like a shutdown, as the generator's own firms whose electricity and water fall 35 to 2,400 times for
     * two or three months and come back (8 of its 1,000,000 applications, seed 17).
     */
    @Test
    void monthsFarTooSmall_inARun_areRead_byBothPaths() {
        for (String json : List.of(withValues("tax.declaredSales", IntStream.of(8, 9), v -> Math.round(v / 10_000)),
                withValues("utilities.electricity", IntStream.of(7, 8, 9), v -> Math.max(1, Math.round(v / 150))))) {
            READER.read(json);
            READER.readByTree(json);
        }
    }

    @Test
    void aLoneMonthFarTooSmall_isRead_asAShutdownMonthWouldBe() {
        READER.read(withValues("utilities.electricity", IntStream.of(6), v -> Math.round(v / 500)));
    }

    @Test
    void aMonthOfElectricityInWh_isRefused() {
        List<Problem> p = problems(withValues("utilities.electricity", IntStream.of(0), v -> v * 1_000));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.location()).isEqualTo(POWER + "[0]");
            assertThat(x.message()).contains("in this series after 2024-07")
                    .contains("change of unit by 1,000 (Wh instead of kWh?)");
        });
    }

    @Test
    void aRealTwentyFoldMonth_zeros_andAnAllZeroSeries_areRead() {
        READER.read(withValues("tax.declaredSales", IntStream.of(7), v -> v * 20));
        READER.read(withValues("tax.declaredSales", IntStream.of(3, 4, 11), v -> 0));
        // a series with a month of zero is not judged (a dormant firm's active months read as a unit)
        READER.read(withValues2(withValues("utilities.electricity", IntStream.of(2), v -> 0)));
        READER.read(withValues("utilities.electricity", IntStream.range(0, 12), v -> 0));
    }

    @Test
    void aSeriesOfFewerThanFourNonZeroMonths_isNotJudged() {
        // three months of electricity, the last 100 times the others: too few to tell a unit from a change
        String json = withValues("utilities.electricity", IntStream.range(0, 9), v -> 0);
        READER.read(withValues2(json));
    }

    /** The sample's electricity with months 0..8 zero and month 11 a hundred times month 10. */
    private static String withValues2(String json) {
        try {
            ObjectNode t = (ObjectNode) MAPPER.readTree(json);
            ArrayNode values = (ArrayNode) t.get("sources").get("utilities").get("electricity").get("values");
            values.set(11, MAPPER.getNodeFactory().numberNode(values.get(10).doubleValue() * 100));
            return t.toString();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBatch_refusesTheLineWithTheUnitChange_andReadsTheOthers() {
        String good = ApplicationJson.write(Samples.full());
        String bad = withValues("tax.declaredSales", IntStream.of(7), v -> v * 100);
        List<BadLine> badLines = new ArrayList<>();
        List<Object> read = new ArrayList<>();
        READER.readBatch(new StringReader(good + "\n" + bad + "\n" + good + "\n"), read::add, badLines::add);
        assertThat(read).hasSize(2);
        assertThat(badLines).singleElement().satisfies(b -> {
            assertThat(b.lineNumber()).isEqualTo(2);
            assertThat(b.problems()).singleElement()
                    .satisfies(x -> assertThat(x.location()).startsWith(SALES + "[7]"));
        });
    }
}
