package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.Qualification;
import org.creditkit.core.domain.QualificationKind;
import org.junit.jupiter.api.Test;

/**
 * The enterprise's qualifications (high-tech, 专精特新, little giant, technology-based SME): optional in
 * the input, read alike by the streaming reader and the tree walk, written back, and refused at their
 * path when wrong. The sample's application date is 2025-07-01.
 */
class QualificationsReadTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StrictApplicationReader READER = StrictApplicationReader.standard();

    /** The full sample with a valid high-tech certificate and an expired technology-based SME registration. */
    private static String withQualifications(Consumer<ArrayNode> change) throws Exception {
        ObjectNode t = (ObjectNode) MAPPER.readTree(ApplicationJson.write(Samples.full()));
        ArrayNode list = ((ObjectNode) t.get("enterprise")).putArray("qualifications");
        list.addObject().put("kind", "HIGH_TECH_ENTERPRISE").put("certificateNo", "GR202331001234")
                .put("issued", "2023-11-20").put("expires", "2026-11-19");
        list.addObject().put("kind", "TECH_SME").put("issued", "2024-04-01").put("expires", "2025-03-31");
        change.accept(list);
        return t.toString();
    }

    private static List<String> problems(String json) {
        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.read(json));
        assertThat(e).as("expected a CreditDataException").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void read_qualifications_streamingAndTreeWalkGiveTheSameRecords_andTheyWriteBack() throws Exception {
        String json = withQualifications(l -> { });

        LoanApplication read = READER.read(json);
        List<Problem> treeProblems = new ArrayList<>();
        LabeledApplication byTree = READER.readLabeledByTree(json, treeProblems, false);

        assertThat(read.enterprise().qualifications()).containsExactly(
                new Qualification(QualificationKind.HIGH_TECH_ENTERPRISE, Optional.of("GR202331001234"),
                        LocalDate.of(2023, 11, 20), LocalDate.of(2026, 11, 19)),
                new Qualification(QualificationKind.TECH_SME, Optional.empty(), LocalDate.of(2024, 4, 1),
                        LocalDate.of(2025, 3, 31)));
        assertThat(READER.readLabeledStreaming(json)).as("the streaming reader accepts them").isNotNull();
        assertThat(treeProblems).isEmpty();
        assertThat(byTree.application()).isEqualTo(read);
        assertThat(READER.read(ApplicationJson.write(read))).isEqualTo(read);
    }

    @Test
    void read_withoutTheField_hasNoQualifications_andWritesNoKey() {
        LoanApplication read = READER.read(ApplicationJson.write(Samples.full()));

        assertThat(read.enterprise().qualifications()).isEmpty();
        assertThat(ApplicationJson.write(read)).doesNotContain("qualifications");
    }

    @Test
    void validOn_countsFromIssueToExpiryInclusive_andNotAfter() throws Exception {
        LoanApplication read = READER.read(withQualifications(l -> { }));
        Qualification highTech = read.enterprise().qualifications().get(0);
        Qualification techSme = read.enterprise().qualifications().get(1);

        assertThat(highTech.isValidOn(read.decisionDate())).isTrue();
        assertThat(highTech.isValidOn(LocalDate.of(2026, 11, 19))).isTrue();
        assertThat(highTech.isValidOn(LocalDate.of(2026, 11, 20))).isFalse();
        assertThat(highTech.isValidOn(LocalDate.of(2023, 11, 19))).isFalse();
        assertThat(techSme.isValidOn(read.decisionDate())).as("expired 2025-03-31").isFalse();
    }

    @Test
    void read_unknownKind_isRefusedAtItsPath_listingTheValidOnes() throws Exception {
        String json = withQualifications(l -> ((ObjectNode) l.get(1)).put("kind", "NATIONAL_CHAMPION"));

        assertThat(problems(json)).anySatisfy(p -> assertThat(p)
                .startsWith("$.enterprise.qualifications[1].kind: 'NATIONAL_CHAMPION' is not valid; valid: "
                        + "HIGH_TECH_ENTERPRISE, SPECIALISED_INNOVATIVE_SME, LITTLE_GIANT, TECH_SME"));
        assertThat(READER.readLabeledStreaming(json)).isNull();
    }

    @Test
    void read_expiryBeforeIssue_isRefusedAtTheExpiry() throws Exception {
        String json = withQualifications(l -> ((ObjectNode) l.get(0)).put("expires", "2023-11-20"));

        assertThat(problems(json)).anySatisfy(p -> assertThat(p)
                .startsWith("$.enterprise.qualifications[0].expires: expires 2023-11-20 is not after issued 2023-11-20"));
        assertThat(READER.readLabeledStreaming(json)).isNull();
    }

    @Test
    void read_issuedAfterTheApplicationDate_isRefused_butAnExpiryAfterItIsTheUsualCase() throws Exception {
        String json = withQualifications(l -> ((ObjectNode) l.get(1)).put("issued", "2025-07-02")
                .put("expires", "2026-07-01"));

        assertThat(problems(json)).anySatisfy(p -> assertThat(p)
                .startsWith("$.enterprise.qualifications[1].issued: 2025-07-02 is after the application date 2025-07-01"));
        assertThat(problems(json)).noneSatisfy(p -> assertThat(p).contains("expires"));
    }

    @Test
    void read_theSameCertificateTwice_isRefusedAtTheSecond() throws Exception {
        String json = withQualifications(l -> l.add(l.get(0).deepCopy()));

        assertThat(problems(json)).singleElement().asString().startsWith("$.enterprise.qualifications[2]: is the"
                + " certificate of $.enterprise.qualifications[0] again (HIGH_TECH_ENTERPRISE issued 2023-11-20, certificate 'GR202331001234'); list each certificate once"
                + " (the same kind and issue date, or the same certificateNo, is one certificate)");
        assertThat(READER.readLabeledStreaming(json)).isNull();
    }

    @Test
    void read_aRenewal_theSameKindIssuedAgain_isTwoCertificates() throws Exception {
        String json = withQualifications(l -> l.addObject().put("kind", "HIGH_TECH_ENTERPRISE")
                .put("issued", "2020-11-20").put("expires", "2023-11-19"));

        assertThat(READER.read(json).enterprise().qualifications()).hasSize(3);
        assertThat(READER.readLabeledStreaming(json)).isNotNull();
    }

    @Test
    void read_nullOrBlankNumberOrMissingField_isRefusedAtItsPath() throws Exception {
        assertThat(problems(withQualifications(l -> ((ObjectNode) l.get(0)).put("certificateNo", " "))))
                .anySatisfy(p -> assertThat(p).startsWith("$.enterprise.qualifications[0].certificateNo: must not be blank"));
        assertThat(problems(withQualifications(l -> ((ObjectNode) l.get(1)).remove("expires"))))
                .anySatisfy(p -> assertThat(p).startsWith("$.enterprise.qualifications[1].expires: required field is missing"));
        ObjectNode t = (ObjectNode) MAPPER.readTree(ApplicationJson.write(Samples.full()));
        ((ObjectNode) t.get("enterprise")).putNull("qualifications");
        assertThat(problems(t.toString())).anySatisfy(p -> assertThat(p)
                .startsWith("$.enterprise.qualifications: null is not allowed"));
    }
}
