package org.creditkit.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.junit.jupiter.api.Test;

class FairnessAuditTest {

    private static AuditReport auditHand() {
        return FairnessAudit.run(HandFixtures.twoGroups(), AuditConfig.builder()
                .grouping(Grouping.of("industry")).reference("industry", "R").build());
    }

    private static GroupResult group(AuditReport report, String label) {
        return report.groupings().get(0).groups().stream().filter(g -> g.group().equals(label)).findFirst()
                .orElseThrow();
    }

    @Test
    void approvalComparison_handFixture_signsAreGroupMinusAndOverReference() {
        GroupResult g = group(auditHand(), "G");
        assertThat(g.approval().rate().getAsDouble()).isCloseTo(0.30, within(1e-12));
        assertThat(g.approval().ci().lower()).isCloseTo(0.180748, within(1e-6));
        assertThat(g.approval().ci().upper()).isCloseTo(0.454300, within(1e-6));
        Comparison c = g.approvalVsReference();
        assertThat(c.difference().getAsDouble()).isCloseTo(-0.45, within(1e-12));
        assertThat(c.ratio().getAsDouble()).isCloseTo(0.40, within(1e-12));
        assertThat(c.differenceCi().orElseThrow().lower()).isCloseTo(-0.610974, within(1e-6));
        assertThat(c.differenceCi().orElseThrow().upper()).isCloseTo(-0.233449, within(1e-6));
        assertThat(c.pValue().getAsDouble()).isCloseTo(0.000111681, within(1e-9));
        // Katz: exp(ln 0.4 ± 1.959964 sqrt(1/12 - 1/40 + 1/30 - 1/40))
        assertThat(c.ratioCi().orElseThrow().lower()).isCloseTo(0.241146, within(1e-6));
        assertThat(c.ratioCi().orElseThrow().upper()).isCloseTo(0.663497, within(1e-6));
    }

    @Test
    void outcomeMetrics_handFixture() {
        OutcomeMetrics m = group(auditHand(), "G").outcomes().orElseThrow();
        assertThat(m.truePositives()).isEqualTo(11);
        assertThat(m.falsePositives()).isEqualTo(1);
        assertThat(m.trueNegatives()).isEqualTo(3);
        assertThat(m.falseNegatives()).isEqualTo(25);
        assertThat(m.tpr().getAsDouble()).isCloseTo(11.0 / 36, within(1e-12));
        assertThat(m.fpr().getAsDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(m.fnr().getAsDouble()).isCloseTo(25.0 / 36, within(1e-12));
        assertThat(m.ppv().getAsDouble()).isCloseTo(11.0 / 12, within(1e-12));
        assertThat(m.npv().getAsDouble()).isCloseTo(3.0 / 28, within(1e-12));
        assertThat(m.equalOpportunityDifference().getAsDouble()).isCloseTo(-0.457602339, within(1e-9));
        assertThat(m.equalOpportunityPValue().getAsDouble()).isCloseTo(0.000148996, within(1e-9));
        assertThat(m.averageOddsDifference().getAsDouble()).isCloseTo(-0.353801170, within(1e-9));
        assertThat(m.defaultRate().rate().getAsDouble()).isCloseTo(0.10, within(1e-12));
        assertThat(m.defaultRateVsReference().difference().getAsDouble()).isCloseTo(0.05, within(1e-12));
        assertThat(m.defaultRateVsReference().differenceCi().orElseThrow().lower()).isCloseTo(-0.079941, within(1e-6));
        assertThat(m.defaultRateVsReference().pValue().getAsDouble()).isCloseTo(0.675160, within(1e-6));
        assertThat(m.calibrationGap().getAsDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(m.auc()).isPresent();
    }

    @Test
    void entropyIndices_handFixture() {
        // benefits b = yhat - y + 1: TP 1, FP 2, TN 1, FN 0; mu = 48/80 = 0.6
        AuditReport report = auditHand();
        assertThat(report.theilIndex().getAsDouble()).isCloseTo(0.568587889, within(1e-9));
        // group means 16/40 and 32/40
        assertThat(report.groupings().get(0).betweenGroupTheil().getAsDouble()).isCloseTo(0.056633012, within(1e-9));
    }

    @Test
    void unexplainedGap_handFixture_failsAndNamesTheGroup() {
        AuditReport report = auditHand();
        GroupResult g = group(report, "G");
        assertThat(g.disparity().classification()).isEqualTo(DisparityClass.UNEXPLAINED_GAP);
        assertThat(g.disparity().pdGap().getAsDouble()).isCloseTo(0.05, within(1e-12));
        assertThat(report.verdict()).isEqualTo(CheckStatus.FAIL);
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.checks(CheckStatus.FAIL)).extracting(CheckResult::check, CheckResult::group)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("approval-ratio", "G"),
                        org.assertj.core.groups.Tuple.tuple("equal-opportunity", "G"));
        assertThat(report.checks(CheckStatus.FAIL).get(0).evidence()).contains("12/40", "30/40", "ratio 0.400", "p=0.0001");
    }

    @Test
    void reference_largestAndHighestRate_andUnknownNamedReferenceIsRejected() {
        List<AuditRecord> data = HandFixtures.twoGroups();
        AuditReport largest = FairnessAudit.run(data, AuditConfig.builder().grouping(Grouping.of("industry")).build());
        // equal sizes: the label that sorts first wins
        assertThat(largest.groupings().get(0).referenceGroup()).isEqualTo("G");
        AuditReport highest = FairnessAudit.run(data, AuditConfig.builder().grouping(Grouping.of("industry"))
                .defaultReference(ReferenceKind.HIGHEST_RATE).build());
        assertThat(highest.groupings().get(0).referenceGroup()).isEqualTo("R");
        assertThat(highest.groupings().get(0).referenceRule()).isEqualTo("highest approval rate");
        assertThatThrownBy(() -> FairnessAudit.run(data, AuditConfig.builder().grouping(Grouping.of("industry"))
                .reference("industry", "Q").build()))
                .isInstanceOf(CreditDataException.class).hasMessage("reference of grouping 'industry': "
                        + "reference group 'Q' does not occur in grouping 'industry'; its groups are [G, R]");
    }

    @Test
    void intersection_labelsJoinValuesInGroupingOrder() {
        AuditReport report = FairnessAudit.run(HandFixtures.twoGroups(), AuditConfig.builder()
                .grouping(Grouping.parse("industry*zone")).thresholds(FairnessThresholds.defaults().withMinGroupSize(5))
                .build());
        GroupingResult gr = report.groupings().get(0);
        assertThat(gr.grouping()).isEqualTo("industry*zone");
        assertThat(gr.groups()).extracting(GroupResult::group, GroupResult::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("G*EAST", 14), org.assertj.core.groups.Tuple.tuple("G*WEST", 26),
                org.assertj.core.groups.Tuple.tuple("R*EAST", 30), org.assertj.core.groups.Tuple.tuple("R*WEST", 10));
        assertThat(gr.referenceGroup()).isEqualTo("R*EAST");
    }

    @Test
    void intersection_inheritsTheNamedReferenceOfItsAttribute() {
        AuditReport report = FairnessAudit.run(HandFixtures.twoGroups(), AuditConfig.builder()
                .grouping(Grouping.of("industry")).grouping(Grouping.parse("industry*zone"))
                .reference("industry", "G").thresholds(FairnessThresholds.defaults().withMinGroupSize(5)).build());
        GroupingResult inter = report.groupings().get(1);
        // without inheritance the largest intersection would be R*EAST (30); within industry=G it is G*WEST (26)
        assertThat(inter.referenceGroup()).isEqualTo("G*WEST");
        assertThat(inter.referenceRule()).isEqualTo("largest group within industry=G");
    }

    /** 400 records in two industries whose PD ranks risk forward, or backward when {@code inverted}. */
    private static List<AuditRecord> rankedRecords(boolean inverted, boolean asScore) {
        java.util.Random random = new java.util.Random(7);
        List<AuditRecord> data = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double pd = 0.01 + 0.5 * random.nextDouble();
            boolean bad = random.nextDouble() < pd;
            AuditRecord r = AuditRecord.of(Map.of("industry", i % 2 == 0 ? "C" : "F"), pd < 0.2)
                    .withOutcome(bad ? Outcome.BAD : Outcome.GOOD);
            // a score is read higher = safer: a PD given as the score ranks backward, as a score given as the PD
            data.add(asScore ? r.withScore(inverted ? pd : 1 - pd) : r.withPd(inverted ? 0.52 - pd : pd));
        }
        return data;
    }

    @Test
    void riskColumnRankingDefaultersSafest_isRefusedNotAuditedToAPass() {
        AuditConfig config = AuditConfig.builder().grouping(Grouping.of("industry")).build();
        assertThatThrownBy(() -> FairnessAudit.run(rankedRecords(true, true), config))
                .isInstanceOfSatisfying(CreditDataException.class, e -> assertThat(e.problems().get(0).toString())
                        .contains("score column", "is below 0.5 with 95% confidence",
                                "the score column (read higher = safer) ranks the defaulters as the safest"));
        assertThatThrownBy(() -> FairnessAudit.run(rankedRecords(true, false), config))
                .isInstanceOfSatisfying(CreditDataException.class, e -> assertThat(e.problems().get(0).toString())
                        .contains("PD column", "the PD column (read higher = riskier)", "AUC and calibration"));
        // the same data ranked forward is audited
        assertThat(FairnessAudit.run(rankedRecords(false, true), config).groupings()).hasSize(1);
        assertThat(FairnessAudit.run(rankedRecords(false, false), config).groupings()).hasSize(1);
    }

    @Test
    void missingAttribute_isRejectedWithRecordNumber() {
        List<AuditRecord> data = List.of(AuditRecord.of(Map.of("industry", "C"), true),
                AuditRecord.of(Map.of("zone", "EAST"), true), AuditRecord.of(Map.of("size", "S"), true));
        assertThatThrownBy(() -> FairnessAudit.run(data, AuditConfig.builder().grouping(Grouping.of("industry")).build()))
                .isInstanceOfSatisfying(CreditDataException.class, e -> assertThat(e.problems()).containsExactly(
                        Problem.of("record 2", "no attribute 'industry', needed by grouping 'industry'; "
                                + "it has [zone], every record needs [industry]"),
                        Problem.of("record 3", "no attribute 'industry', needed by grouping 'industry'; "
                                + "it has [size], every record needs [industry]")));
    }

    @Test
    void noRecords_isRejected() {
        assertThatThrownBy(() -> FairnessAudit.run(List.of(), AuditConfig.builder().grouping(Grouping.of("industry"))
                .build()))
                .isInstanceOf(CreditDataException.class).hasMessageContaining("records: no records to audit");
    }

    @Test
    void bootstrapAndZTest_areSelectableAndDeterministic() {
        AuditConfig cfg = AuditConfig.builder().grouping(Grouping.of("industry")).reference("industry", "R")
                .differenceMethod(DifferenceMethod.BOOTSTRAP).significanceTest(SignificanceTest.TWO_PROPORTION_Z)
                .bootstrap(1000, 42L).build();
        Comparison a = group(FairnessAudit.run(HandFixtures.twoGroups(), cfg), "G").approvalVsReference();
        Comparison b = group(FairnessAudit.run(HandFixtures.twoGroups(), cfg), "G").approvalVsReference();
        assertThat(a).isEqualTo(b);
        assertThat(a.differenceCi().orElseThrow().contains(-0.45)).isTrue();
        assertThat(a.pValue().getAsDouble()).isLessThan(0.001);
    }

    @Test
    void pdBands_countApprovalsAndDefaultsPerBand() {
        GroupResult g = group(auditHand(), "G");
        assertThat(g.bands()).hasSize(1);
        BandCalibration band = g.bands().get(0);
        assertThat(band.lower()).isEqualTo(0.10);
        assertThat(band.upper()).isEqualTo(0.20);
        assertThat(band.count()).isEqualTo(40);
        assertThat(band.approved()).isEqualTo(12);
        assertThat(band.observedDefaultRate().getAsDouble()).isCloseTo(0.10, within(1e-12));
    }
}
