package org.creditkit.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FairnessThresholdsTest {

    @Test
    void defaults_comeFromTheShippedResource() {
        FairnessThresholds t = FairnessThresholds.defaults();
        assertThat(t.minGroupSize()).isEqualTo(30);
        assertThat(t.minClassSize()).isEqualTo(10);
        assertThat(t.approvalRatioFailBelow()).isEqualTo(0.8);
        assertThat(t.approvalRatioWarnBelow()).isEqualTo(0.9);
        assertThat(t.equalOpportunityFailAbove()).isEqualTo(0.1);
        assertThat(t.calibrationFailAbove()).isEqualTo(0.05);
        assertThat(t.pdBandEdges()).containsExactly(0.0, 0.01, 0.02, 0.05, 0.10, 0.20, 1.0);
    }

    @Test
    void parse_partialFile_keepsOtherDefaults() {
        FairnessThresholds t = FairnessThresholds.parse(
                "{\"minGroupSize\": 100, \"approvalRatio\": {\"failBelow\": 0.75}}", "t.json");
        assertThat(t.minGroupSize()).isEqualTo(100);
        assertThat(t.approvalRatioFailBelow()).isEqualTo(0.75);
        assertThat(t.approvalRatioWarnBelow()).isEqualTo(0.9);
        assertThat(t.alpha()).isEqualTo(0.05);
    }

    @Test
    void parse_unknownField_isRejectedWithValidFields() {
        assertThatThrownBy(() -> FairnessThresholds.parse("{\"approvalRatio\": {\"fail\": 0.8}}", "t.json"))
                .isInstanceOfSatisfying(CreditModelException.class, e -> assertThat(e.problems())
                        .containsExactly(Problem.of("t.json $.approvalRatio.fail",
                                "unknown field $.approvalRatio.fail; valid fields are [failBelow, warnBelow]")));
        assertThatThrownBy(() -> FairnessThresholds.parse("{\"minGroup\": 3}", "t.json"))
                .isInstanceOf(CreditModelException.class)
                .hasMessageContaining("t.json $.minGroup: unknown field $.minGroup");
    }

    @Test
    void read_missingFile_isRejectedWithTheFileAndTheIoCause(@TempDir Path dir) {
        Path missing = dir.resolve("thresholds.json");
        assertThatThrownBy(() -> FairnessThresholds.read(missing))
                .isInstanceOfSatisfying(CreditModelException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::location).containsExactly(missing.toString());
                    assertThat(e.getMessage()).startsWith(missing + ": cannot read the thresholds file: ");
                    assertThat(e).hasCauseInstanceOf(NoSuchFileException.class);
                });
    }

    @Test
    void parse_inconsistentOrMistypedValues_areRejected() {
        assertThatThrownBy(() -> FairnessThresholds.parse(
                "{\"approvalRatio\": {\"warnBelow\": 0.7, \"failBelow\": 0.8}}", "t.json"))
                .isInstanceOf(CreditModelException.class)
                .hasMessageContaining("t.json $.approvalRatio: invalid thresholds: needs 0 <= failBelow <= warnBelow")
                .hasMessageContaining("failBelow=0.8 warnBelow=0.7");
        assertThatThrownBy(() -> FairnessThresholds.parse("{\"minGroupSize\": \"30\"}", "t.json"))
                .isInstanceOf(CreditModelException.class)
                .hasMessageContaining("t.json $.minGroupSize: must be an integer, got \"30\"");
        assertThatThrownBy(() -> FairnessThresholds.parse("{\"pdBandEdges\": [0.0, 0.5, 0.2, 1.0]}", "t.json"))
                .isInstanceOf(CreditModelException.class)
                .hasMessageContaining("t.json $.pdBandEdges: invalid thresholds: must strictly ascend");
        assertThatThrownBy(() -> FairnessThresholds.parse("not json", "t.json"))
                .isInstanceOf(CreditModelException.class)
                .hasMessageContaining("t.json: thresholds are not valid JSON");
        assertThatThrownBy(() -> FairnessThresholds.defaults().withMinGroupSize(0))
                .isInstanceOf(CreditModelException.class)
                .hasMessage("$.minGroupSize: invalid thresholds: must be an integer of at least 1, got 0");
    }

    @Test
    void minGroupSize_turnsSmallGroupsIntoInsufficientData() {
        List<AuditRecord> data = HandFixtures.twoGroups();
        AuditReport strict = FairnessAudit.run(data, AuditConfig.builder().grouping(Grouping.of("industry"))
                .reference("industry", "R").thresholds(FairnessThresholds.defaults().withMinGroupSize(41)).build());
        assertThat(strict.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckStatus.INSUFFICIENT_DATA));
        assertThat(strict.groupings().get(0).groups().get(0).disparity().classification())
                .isEqualTo(DisparityClass.INSUFFICIENT_DATA);
    }

    @Test
    void auditRecord_rejectsInvalidPdAndBlankAttribute() {
        assertThatThrownBy(() -> AuditRecord.of(Map.of("industry", "C"), true).withPd(1.2))
                .hasMessageContaining("PD must be a probability in [0, 1], got 1.2");
        assertThatThrownBy(() -> AuditRecord.of(Map.of(" ", "C"), true)).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> new AuditRecord(Map.of("a", "b"), true, OptionalDouble.of(Double.NaN),
                OptionalDouble.empty(), Outcome.UNKNOWN)).hasMessageContaining("PD must be a probability");
    }

    @Test
    void withoutOutcomes_onlyTheApprovalCheckRuns_andPdCannotJustifyAGap() {
        List<AuditRecord> data = HandFixtures.twoGroups().stream()
                .map(r -> r.withOutcome(Outcome.UNKNOWN)).toList();
        AuditReport report = FairnessAudit.run(data, AuditConfig.builder().grouping(Grouping.of("industry"))
                .reference("industry", "R").build());
        assertThat(report.checks()).extracting(CheckResult::check).containsExactly("approval-ratio");
        GroupResult g = report.groupings().get(0).groups().get(0);
        assertThat(g.outcomes()).isEmpty();
        assertThat(g.disparity().pdGap().getAsDouble()).isEqualTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(g.disparity().classification()).isEqualTo(DisparityClass.UNEXPLAINED_GAP);
        assertThat(g.disparity().explanation()).contains("cannot justify");
        assertThat(report.theilIndex()).isEmpty();
        assertThat(report.verdict()).isEqualTo(CheckStatus.FAIL);
    }
}
