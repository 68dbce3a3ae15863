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

    @Test
    void percent_writesWhatStringFormatWrites_onRandomRatesTiesAndEdges() {
        java.util.Random r = new java.util.Random(5L);
        java.util.List<Double> rates = new java.util.ArrayList<>(java.util.List.of(0.0, 1.0, 0.5, 0.00125, 0.000125,
                0.0125, 0.01005, 0.015, 0.025, 0.035, 0.0235, 0.99995, 1e-9, 99.99995, 123.456, -0.0125, 2e6,
                Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE));
        for (int i = 0; i < 200_000; i++) {
            rates.add(r.nextDouble());
            rates.add(r.nextInt(100_000) / 1e5 + 5e-7 * (r.nextInt(3) - 1)); // on and beside ties
            rates.add(r.nextInt(10_000) / 1e4);
        }
        for (double rate : rates) {
            assertThat(LossModel.percent(rate)).as("rate %s", rate)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f%%", 100 * rate));
        }
    }

    @Test
    void plan_sameAsTryingEverySet_onRandomExposures() {
        // the plan skips sets whose EL rate alone is outside the appetite; the result must be the exhaustive one's
        java.util.Random r = new java.util.Random(9L);
        PolicyParameters p = params();
        EnumSet<MitigationMeasure> all = EnumSet.allOf(MitigationMeasure.class);
        for (int i = 0; i < 2_000; i++) {
            double pd = 0.05 + 0.3 * r.nextDouble();
            BigDecimal amount = BigDecimal.valueOf(100_000 + r.nextInt(5_000_000));
            int term = 6 + r.nextInt(60);
            ProductPolicy product = product(0.005 + 0.05 * r.nextDouble(), 20_000 + r.nextInt(400_000));
            LossModel.Plan plan = MODEL.plan(pd, amount, term, all, p, product);
            LossModel.Plan best = null;
            java.util.List<MitigationMeasure> list = java.util.List.copyOf(all);
            for (int mask = 1; mask < 1 << list.size(); mask++) {
                EnumSet<MitigationMeasure> chosen = EnumSet.noneOf(MitigationMeasure.class);
                for (int k = 0; k < list.size(); k++) {
                    if ((mask & 1 << k) != 0) {
                        chosen.add(list.get(k));
                    }
                }
                BigDecimal a = (chosen.contains(MitigationMeasure.REDUCED_LIMIT) ? amount.multiply(p.reducedLimitFactor())
                        : amount).setScale(2, java.math.RoundingMode.DOWN);
                int t = chosen.contains(MitigationMeasure.SHORTER_TERM) ? Math.min(term, p.mitigationMaxTermMonths()) : term;
                ExpectedLoss el = MODEL.expectedLoss(pd, a, t, chosen);
                if (LossModel.withinAppetite(el, product) && (best == null || chosen.size() < best.measures().size()
                        || chosen.size() == best.measures().size()
                        && el.expectedLoss().compareTo(best.loss().expectedLoss()) < 0)) {
                    best = new LossModel.Plan(java.util.List.copyOf(chosen), a, t, el);
                }
            }
            assertThat(plan).as("pd %s amount %s term %s", pd, amount, term).isEqualTo(best);
        }
    }
}
