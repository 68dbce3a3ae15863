package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.domain.DishonestListing;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.PenaltyRecord;
import org.creditkit.core.domain.TaxRecord;
import org.junit.jupiter.api.Test;

/**
 * The negative lists beyond the courts' (major tax violation, abnormal operation, serious violation):
 * optional in the input, read alike by the streaming reader and the tree walk, written back, and
 * refused at their path when wrong.
 */
class NegativeListsReadTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StrictApplicationReader READER = StrictApplicationReader.standard();

    private static String withLists(Consumer<ObjectNode> change) throws Exception {
        ObjectNode t = (ObjectNode) MAPPER.readTree(ApplicationJson.write(Samples.full()));
        ObjectNode sources = (ObjectNode) t.get("sources");
        ((ObjectNode) sources.get("tax")).putArray("majorViolationListings").addObject().put("listed", "2023-03-01");
        ObjectNode penalties = (ObjectNode) sources.get("penalties");
        penalties.putArray("abnormalOperationListings").addObject().put("listed", "2022-06-01").put("repaired", "2022-09-15");
        penalties.putArray("seriousViolationListings").addObject().put("listed", "2024-01-10").put("repaired", "2025-02-01");
        change.accept(t);
        return t.toString();
    }

    private static List<Problem> problems(String json) {
        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.read(json));
        assertThat(e).as("expected a CreditDataException").isNotNull();
        return e.problems();
    }

    @Test
    void read_allThreeLists_streamingAndTreeWalkGiveTheSameRecords_andTheyWriteBack() throws Exception {
        String json = withLists(t -> { });

        LoanApplication read = READER.read(json);
        List<Problem> treeProblems = new ArrayList<>();
        LabeledApplication byTree = READER.readLabeledByTree(json, treeProblems, false);

        TaxRecord tax = read.sources().tax().orElseThrow();
        PenaltyRecord pen = read.sources().penalties().orElseThrow();
        assertThat(tax.majorViolationListings())
                .containsExactly(new DishonestListing(LocalDate.of(2023, 3, 1), Optional.empty()));
        assertThat(pen.abnormalOperationListings()).containsExactly(
                new DishonestListing(LocalDate.of(2022, 6, 1), Optional.of(LocalDate.of(2022, 9, 15))));
        assertThat(pen.seriousViolationListings()).containsExactly(
                new DishonestListing(LocalDate.of(2024, 1, 10), Optional.of(LocalDate.of(2025, 2, 1))));
        assertThat(READER.readLabeledStreaming(json)).as("the streaming reader accepts the lists").isNotNull();
        assertThat(treeProblems).isEmpty();
        assertThat(byTree.application()).isEqualTo(read);
        assertThat(READER.read(ApplicationJson.write(read))).isEqualTo(read);
    }

    @Test
    void read_withoutTheLists_readsThemAsEmpty_andWritesNoKey() {
        LoanApplication read = READER.read(ApplicationJson.write(Samples.full()));

        assertThat(read.sources().tax().orElseThrow().majorViolationListings()).isEmpty();
        assertThat(read.sources().penalties().orElseThrow().seriousViolationListings()).isEmpty();
        assertThat(ApplicationJson.write(read)).doesNotContain("ViolationListings").doesNotContain("abnormalOperation");
    }

    @Test
    void read_repairedBeforeListed_isRefusedAtItsPath() throws Exception {
        String json = withLists(t -> ((ObjectNode) t.at("/sources/penalties/seriousViolationListings/0"))
                .put("repaired", "2023-12-31"));

        assertThat(problems(json)).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("$.sources.penalties.seriousViolationListings[0].repaired")
                .contains("is before listed 2024-01-10"));
    }

    @Test
    void read_listedAfterTheApplication_isRefusedAtItsPath() throws Exception {
        String json = withLists(t -> ((ObjectNode) t.at("/sources/tax/majorViolationListings/0"))
                .put("listed", "2025-08-01"));

        assertThat(problems(json)).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("$.sources.tax.majorViolationListings[0].listed").contains("after the application date"));
    }

    @Test
    void read_unknownKeyInAnEntry_namesTheValidOnes() throws Exception {
        String json = withLists(t -> ((ObjectNode) t.at("/sources/penalties/abnormalOperationListings/0"))
                .put("removed", "2022-09-15"));

        assertThat(problems(json)).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("$.sources.penalties.abnormalOperationListings[0].removed")
                .contains("valid fields here: listed, repaired"));
    }

    @Test
    void read_listThatIsNotAnArray_isRefused() throws Exception {
        String json = withLists(t -> ((ObjectNode) t.at("/sources/tax")).put("majorViolationListings", "none"));

        assertThat(problems(json)).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("$.sources.tax.majorViolationListings").contains("must be an array"));
    }
}
