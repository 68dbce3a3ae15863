package org.creditkit.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the example of Fairlearn's user guide, "Common fairness metrics"
 * (docs/user_guide/assessment/common_fairness_metrics.rst), whose doctests print
 * demographic_parity_difference 0.25, demographic_parity_ratio 0.66666..., equalized_odds_difference
 * 1.0 and equalized_odds_ratio 0.0 for these arrays.
 */
class FairlearnReferenceTest {

    static final int[] Y_TRUE = {0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    static final int[] Y_PRED = {0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0};
    static final String[] SF = {"b", "b", "a", "b", "b", "c", "c", "c", "a",
        "a", "c", "a", "b", "c", "c", "b", "c", "c"};

    static List<AuditRecord> records() {
        List<AuditRecord> out = new ArrayList<>();
        for (int i = 0; i < Y_TRUE.length; i++) {
            out.add(AuditRecord.of(Map.of("sf", SF[i]), Y_PRED[i] == 1)
                    .withOutcome(Y_TRUE[i] == 1 ? Outcome.GOOD : Outcome.BAD));
        }
        return out;
    }

    /** With the minimum group size at 1, so every group of the 18-record example is summarised. */
    private static GroupingResult audit() {
        AuditReport report = FairnessAudit.run(records(), AuditConfig.builder().grouping(Grouping.of("sf"))
                .thresholds(FairnessThresholds.defaults().withMinGroupSize(1)).build());
        return report.groupings().get(0);
    }

    @Test
    void summary_excludesGroupsBelowTheMinimumSizeAndCountsThem() {
        AuditReport report = FairnessAudit.run(records(), AuditConfig.builder().grouping(Grouping.of("sf"))
                .thresholds(FairnessThresholds.defaults().withMinGroupSize(5)).build());
        FairlearnSummary s = report.groupings().get(0).summary();
        // a (4 records) is excluded; b (selection 3/6) and c (4/8) remain
        assertThat(s.groups()).isEqualTo(2);
        assertThat(s.smallGroups()).isEqualTo(1);
        assertThat(s.demographicParityDifference().getAsDouble()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void summary_matchesFairlearnUserGuide() {
        FairlearnSummary s = audit().summary();
        assertThat(s.groups()).isEqualTo(3);
        assertThat(s.smallGroups()).isZero();
        assertThat(s.demographicParityDifference().getAsDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(s.demographicParityRatio().getAsDouble()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(s.equalizedOddsDifference().getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(s.equalizedOddsRatio().getAsDouble()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void groupRates_matchHandCount() {
        // a: rows 2,8,9,11 -> y_pred 1,0,1,1; y_true 1,1,0,0 -> selection 3/4, TPR 1/2, FPR 2/2
        // b: rows 0,1,3,4,12,15 -> selection 3/6, TPR 3/5, FPR 0/1
        // c: rows 5,6,7,10,13,14,16,17 -> selection 4/8, TPR 2/5, FPR 2/3
        List<GroupResult> groups = audit().groups();
        assertThat(groups).extracting(GroupResult::group).containsExactly("a", "b", "c");
        double[][] expected = {{0.75, 0.5, 1.0}, {0.5, 0.6, 0.0}, {0.5, 0.4, 2.0 / 3.0}};
        for (int i = 0; i < 3; i++) {
            GroupResult g = groups.get(i);
            assertThat(g.approval().rate().getAsDouble()).isCloseTo(expected[i][0], within(1e-12));
            assertThat(g.outcomes().orElseThrow().tpr().getAsDouble()).isCloseTo(expected[i][1], within(1e-12));
            assertThat(g.outcomes().orElseThrow().fpr().getAsDouble()).isCloseTo(expected[i][2], within(1e-12));
        }
    }

    @Test
    void smallGroups_areInsufficientDataNotFalseAlarms() {
        AuditReport report = FairnessAudit.run(records(), AuditConfig.builder().grouping(Grouping.of("sf")).build());
        assertThat(report.checks()).isNotEmpty().allSatisfy(c ->
                assertThat(c.status()).isEqualTo(CheckStatus.INSUFFICIENT_DATA));
        assertThat(report.verdict()).isEqualTo(CheckStatus.INSUFFICIENT_DATA);
        assertThat(report.exitCode()).isEqualTo(2);
    }
}
