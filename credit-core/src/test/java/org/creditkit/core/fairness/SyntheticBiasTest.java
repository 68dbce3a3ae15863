package org.creditkit.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded synthetic portfolios: four industries of 2000 applications, two zones. A good applicant
 * is approved with probability 0.85 and a defaulter with 0.25 in every industry (so true and false
 * positive rates are equal across industries), times an injected "approval factor" per industry.
 * PDs are calibrated: uniform on [0.5, 1.5] x the industry's default rate.
 */
class SyntheticBiasTest {

    private static final List<String> INDUSTRIES = List.of("C", "F", "H", "I");

    static List<AuditRecord> portfolio(long seed, Map<String, Double> defaultRate, Map<String, Double> approvalFactor) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AuditRecord> out = new ArrayList<>();
        for (String industry : INDUSTRIES) {
            double dr = defaultRate.getOrDefault(industry, 0.05);
            double factor = approvalFactor.getOrDefault(industry, 1.0);
            for (int i = 0; i < 2000; i++) {
                boolean bad = random.nextDouble() < dr;
                boolean approved = random.nextDouble() < (bad ? 0.25 : 0.85) * factor;
                double pd = dr * (0.5 + random.nextDouble());
                String zone = random.nextBoolean() ? "EAST" : "WEST";
                out.add(AuditRecord.of(Map.of("industry", industry, "zone", zone), approved).withPd(pd)
                        .withOutcome(bad ? Outcome.BAD : Outcome.GOOD));
            }
        }
        return out;
    }

    private static AuditReport audit(List<AuditRecord> data) {
        return FairnessAudit.run(data, AuditConfig.builder().grouping(Grouping.of("industry"))
                .grouping(Grouping.of("zone")).grouping(Grouping.parse("industry*zone"))
                .reference("industry", "C").build());
    }

    private static CheckResult check(AuditReport report, String id, String grouping, String group) {
        return report.checks().stream()
                .filter(c -> c.check().equals(id) && c.grouping().equals(grouping) && c.group().equals(group))
                .findFirst().orElseThrow();
    }

    @Test
    void injectedApprovalBias_equalDefaultRates_failsAndNamesTheIndustry() {
        AuditReport report = audit(portfolio(11L, Map.of(), Map.of("H", 0.6)));
        assertThat(report.verdict()).isEqualTo(CheckStatus.FAIL);
        assertThat(report.exitCode()).isEqualTo(2);
        CheckResult ratio = check(report, "approval-ratio", "industry", "H");
        assertThat(ratio.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(ratio.note()).contains("Unexplained approval gap against C");
        assertThat(check(report, "equal-opportunity", "industry", "H").status()).isEqualTo(CheckStatus.FAIL);
        // every failure is about H, in the industry grouping or its intersections
        assertThat(report.checks(CheckStatus.FAIL)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.group()).startsWith("H"));
        assertThat(report.checks(CheckStatus.FAIL)).extracting(CheckResult::grouping)
                .doesNotContain("zone");
    }

    @Test
    void noInjectedBias_passes() {
        AuditReport report = audit(portfolio(12L, Map.of(), Map.of()));
        Map<CheckStatus, Long> counts = new TreeMap<>();
        report.checks().forEach(c -> counts.merge(c.status(), 1L, Long::sum));
        assertThat(report.checks(CheckStatus.WARN)).isEmpty();
        assertThat(report.verdict()).as("status counts %s", counts).isEqualTo(CheckStatus.PASS);
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void approvalGapMatchedByTrueRiskGap_isShownAsJustified() {
        AuditReport report = audit(portfolio(13L, Map.of("H", 0.45), Map.of()));
        GroupResult h = report.groupings().get(0).groups().stream().filter(g -> g.group().equals("H"))
                .findFirst().orElseThrow();
        assertThat(h.approvalVsReference().ratio().getAsDouble()).isLessThan(0.8);
        assertThat(h.disparity().classification()).isEqualTo(DisparityClass.GAP_JUSTIFIED_BY_RISK);
        CheckResult ratio = check(report, "approval-ratio", "industry", "H");
        assertThat(ratio.status()).isEqualTo(CheckStatus.WARN);
        assertThat(ratio.note()).startsWith("Approval gap justified by observed risk");
        assertThat(check(report, "equal-opportunity", "industry", "H").status()).isEqualTo(CheckStatus.PASS);
        assertThat(report.checks(CheckStatus.FAIL)).isEmpty();
        assertThat(report.verdict()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void approvalGapLargerThanASmallRiskGap_isUnexplained() {
        // H defaults more (10% vs 5%) but is approved at 0.6 x the rate: more than its risk explains
        AuditReport report = audit(portfolio(14L, Map.of("H", 0.10), Map.of("H", 0.6)));
        GroupResult h = report.groupings().get(0).groups().stream().filter(g -> g.group().equals("H"))
                .findFirst().orElseThrow();
        assertThat(h.disparity().defaultRateGapCi().orElseThrow().lower()).isPositive();
        assertThat(h.disparity().classification()).isEqualTo(DisparityClass.UNEXPLAINED_GAP);
        assertThat(check(report, "approval-ratio", "industry", "H").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void sameSeed_sameReport() {
        assertThat(audit(portfolio(15L, Map.of(), Map.of("H", 0.6))))
                .isEqualTo(audit(portfolio(15L, Map.of(), Map.of("H", 0.6))));
    }
}
