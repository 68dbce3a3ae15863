package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.creditkit.core.domain.Product;
import org.junit.jupiter.api.Test;

class LossModelTest {

    private static final LossModel MODEL = new LossModel(0.45, 0.5, 0.7, 0.6, 0.03, 0.5);
    private static final BigDecimal MILLION = new BigDecimal("1000000");

    private static ProductPolicy product(double maxRate, long maxLoss) {
        return ProductPolicy.of(Product.GENERAL, 0.03, 0.08, new BigDecimal("5000000"), new BigDecimal("10000000"), 36,
                0.25, maxRate, BigDecimal.valueOf(maxLoss));
    }

    private static PolicyParameters params() {
        return PolicyParameters.fromFiles(RuleSetSource.defaultPolicy().files());
    }

    @Test
    void expectedLoss_unmitigatedTwelveMonths_isPdTimesLgdTimesEad() {
        ExpectedLoss el = MODEL.expectedLoss(0.1, MILLION, 12, Set.of());
        assertThat(el.termPd()).isCloseTo(0.1, within(1e-12));
        assertThat(el.lgd()).isEqualTo(0.45);
        assertThat(el.expectedLoss()).isEqualByComparingTo("45000.00");
        assertThat(el.expectedLossRate()).isCloseTo(0.045, within(1e-12));
    }

    @Test
    void expectedLoss_longerTerm_compoundsTheAnnualPd() {
        ExpectedLoss el = MODEL.expectedLoss(0.1, MILLION, 36, Set.of());
        assertThat(el.termPd()).isCloseTo(1 - Math.pow(0.9, 3), within(1e-12));
    }

    @Test
    void expectedLoss_guaranteeInstitution_bearsHalfTheLoss() {
        ExpectedLoss el = MODEL.expectedLoss(0.1, MILLION, 12, EnumSet.of(MitigationMeasure.GUARANTEE_INSTITUTION));
        assertThat(el.lgd()).isCloseTo(0.225, within(1e-12));
    }

    @Test
    void expectedLoss_collateralAtLtv_coversRecoveryOverLtvOfTheExposure() {
        ExpectedLoss el = MODEL.expectedLoss(0.1, MILLION, 12, EnumSet.of(MitigationMeasure.COLLATERAL));
        assertThat(el.lgd()).isCloseTo(0.45 * (1 - 0.6 / 0.7), within(1e-12));
    }

    @Test
    void expectedLoss_riskFund_paysHalfTheLossAboveThreePercent() {
        ExpectedLoss el = MODEL.expectedLoss(0.1, MILLION, 12, EnumSet.of(MitigationMeasure.RISK_COMPENSATION_FUND));
        assertThat(el.termPd()).isCloseTo(0.1 - 0.5 * 0.07, within(1e-12));
        ExpectedLoss below = MODEL.expectedLoss(0.02, MILLION, 12, EnumSet.of(MitigationMeasure.RISK_COMPENSATION_FUND));
        assertThat(below.termPd()).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void plan_picksTheSmallestSufficientSet_thenTheLowestLoss() {
        // PD 0.1, 12 months: guarantee alone gives 2.25% (ok at 2.5%); collateral alone 0.64% (also one measure, lower)
        LossModel.Plan plan = MODEL.plan(0.1, MILLION, 12,
                EnumSet.of(MitigationMeasure.GUARANTEE_INSTITUTION, MitigationMeasure.COLLATERAL), params(),
                product(0.025, 150_000));
        assertThat(plan.measures()).containsExactly(MitigationMeasure.COLLATERAL);
    }

    @Test
    void plan_reducedLimit_isChosenWhenOnlyTheAmountCapBinds() {
        LossModel.Plan plan = MODEL.plan(0.1, new BigDecimal("8000000"), 12,
                EnumSet.of(MitigationMeasure.GUARANTEE_INSTITUTION, MitigationMeasure.REDUCED_LIMIT), params(),
                product(0.025, 150_000));
        assertThat(plan.measures()).containsExactly(MitigationMeasure.GUARANTEE_INSTITUTION,
                MitigationMeasure.REDUCED_LIMIT);
        assertThat(plan.amount()).isEqualByComparingTo("4000000");
        assertThat(plan.loss().expectedLoss()).isEqualByComparingTo("90000.00");
    }

    @Test
    void plan_noSufficientSet_isNull() {
        assertThat(MODEL.plan(0.3, MILLION, 12, EnumSet.of(MitigationMeasure.GUARANTEE_INSTITUTION), params(),
                product(0.025, 150_000))).isNull();
    }
}
