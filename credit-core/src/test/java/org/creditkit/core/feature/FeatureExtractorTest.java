package org.creditkit.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.creditkit.core.feature.Fixtures.*;
import static org.creditkit.core.feature.StandardFeatures.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.creditkit.core.domain.CourtRecord;
import org.creditkit.core.domain.CustomsRecord;
import org.creditkit.core.domain.DishonestListing;
import org.creditkit.core.domain.Enterprise;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.SocialInsuranceRecord;
import org.creditkit.core.domain.SourceData;
import org.creditkit.core.domain.SupplyChainLink;
import org.creditkit.core.domain.TaxGrade;
import org.creditkit.core.domain.TaxRecord;
import org.creditkit.core.domain.UtilityRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureExtractorTest {

    private static final FeatureExtractor X = FeatureExtractor.standard();
    private static final double EPS = 1e-12;

    private static FeatureVector extract(LoanApplication a) {
        return X.extract(a);
    }

    @Test
    void extract_allSourcesPresent_everyFeatureHasAValue() {
        FeatureVector v = extract(full());
        for (int i = 0; i < COUNT; i++) {
            assertThat(v.isMissing(i)).as(v.catalogue().get(i).id()).isFalse();
        }
        assertThat(v.catalogue()).isSameAs(FeatureCatalogue.standard());
        assertThat(v.size()).isEqualTo(COUNT);
    }

    @Test
    void extract_noSources_onlyApplicationAndRegistrationFeaturesPresent() {
        FeatureVector v = extract(bare());
        Set<Integer> present = Set.of(LOG_REVENUE, LOAN_TO_REVENUE, FIRM_AGE_YEARS);
        for (int i = 0; i < COUNT; i++) {
            assertThat(v.isMissing(i)).as(v.catalogue().get(i).id()).isEqualTo(!present.contains(i));
            assertThat(Double.isNaN(v.value(i))).isEqualTo(v.isMissing(i));
        }
    }

    @Test
    void extract_sameApplication_equalVectors() {
        assertThat(extract(full())).isEqualTo(extract(full()));
    }

    @Test
    void extract_concurrentCalls_giveTheSameVectors() throws Exception {
        LoanApplication a = full();
        FeatureVector expected = extract(a);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!X.extract(a).equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    class FinancialHealth {
        @Test
        void ratios_fromStatement() {
            FeatureVector v = extract(full());
            assertThat(v.value(DEBT_TO_ASSET)).isCloseTo(0.5, within(EPS));
            assertThat(v.value(CURRENT_RATIO)).isCloseTo(2.0, within(EPS));
            assertThat(v.value(NET_MARGIN)).isCloseTo(0.05, within(EPS));
            assertThat(v.value(RETURN_ON_ASSETS)).isCloseTo(0.078125, within(EPS));
            assertThat(v.value(OCF_TO_LIABILITIES)).isCloseTo(0.2, within(EPS));
            assertThat(v.value(RD_INTENSITY)).isCloseTo(0.02, within(EPS));
        }

        @Test
        void ratios_zeroDenominators_areMissingNotZero() {
            LoanApplication a = app(enterprise(10_000_000), SourceData.builder()
                    .financials(statement(0, 0, 100, 0, 0, -5, 10, 0)).build());
            FeatureVector v = extract(a);
            for (int i : new int[] {DEBT_TO_ASSET, CURRENT_RATIO, NET_MARGIN, RETURN_ON_ASSETS, OCF_TO_LIABILITIES,
                    RD_INTENSITY}) {
                assertThat(v.isMissing(i)).as(v.catalogue().get(i).id()).isTrue();
            }
        }

        @Test
        void negativeProfit_givesNegativeMargin() {
            LoanApplication a = app(enterprise(10_000_000), SourceData.builder()
                    .financials(statement(1000, 500, 100, 50, 2000, -200, -50, 0)).build());
            FeatureVector v = extract(a);
            assertThat(v.value(NET_MARGIN)).isCloseTo(-0.1, within(EPS));
            assertThat(v.value(OCF_TO_LIABILITIES)).isCloseTo(-0.1, within(EPS));
            assertThat(v.value(RD_INTENSITY)).isZero();
        }

        @Test
        void salesSeries_volatilityAndConsistencyGap() {
            FeatureVector v = extract(full());
            assertThat(v.value(CASH_FLOW_VOLATILITY)).isCloseTo(0.0, within(EPS));
            // fiscal 2023: 5 months of 800,000 and 7 of 1,000,000 declared = 11.0M against 12.5M reported
            assertThat(v.value(REVENUE_CONSISTENCY_GAP)).isCloseTo(1.5 / 12.5, within(EPS));
            assertThat(v.value(LOG_REVENUE)).isCloseTo(Math.log10(12_000_001), within(EPS));
        }

        @Test
        void cashFlowVolatility_isPopulationCoefficientOfVariation() {
            double[] sales = new double[12];
            for (int i = 0; i < 12; i++) {
                sales[i] = i % 2 == 0 ? 50 : 150; // mean 100, population stdev 50
            }
            FeatureVector v = extract(app(enterprise(1200), SourceData.builder()
                    .tax(new TaxRecord(PROV, series(YearMonth.of(2023, 6), sales),
                            series(YearMonth.of(2023, 6), constant(12, 3)), List.of())).build()));
            assertThat(v.value(CASH_FLOW_VOLATILITY)).isCloseTo(0.5, within(EPS));
            assertThat(v.value(SALES_SEASONALITY)).isCloseTo(1.5, within(EPS));
            assertThat(v.value(TAX_BURDEN)).isCloseTo(36.0 / 1200, within(EPS));
            // only 12 months: the 24-month features are missing, not zero
            assertThat(v.isMissing(TAX_CONTINUITY_INDEX)).isTrue();
            assertThat(v.isMissing(SALES_GROWTH_12M)).isTrue();
            // no statement: the gap needs both sources
            assertThat(v.isMissing(REVENUE_CONSISTENCY_GAP)).isTrue();
        }

        @Test
        void revenueConsistencyGap_fiscalYearNotCoveredBySales_isMissing() {
            FeatureVector v = extract(app(enterprise(1200), SourceData.builder()
                    .tax(new TaxRecord(PROV, series(YearMonth.of(2023, 3), constant(15, 100)),
                            series(YearMonth.of(2023, 3), constant(15, 3)), List.of()))
                    .financials(statement(100, 10, 10, 10, 1200, 0, 0, 0)).build()));
            assertThat(v.isMissing(REVENUE_CONSISTENCY_GAP)).isTrue(); // 2023-03..2024-05 lacks Jan and Feb 2023
            assertThat(v.isMissing(CASH_FLOW_VOLATILITY)).isFalse();
        }

        @Test
        void revenueConsistencyGap_bothZero_isMissing() {
            FeatureVector v = extract(app(enterprise(0), SourceData.builder()
                    .tax(tax(constant(24, 0), constant(24, 0)))
                    .financials(statement(100, 10, 10, 10, 0, 0, 0, 0)).build()));
            assertThat(v.isMissing(REVENUE_CONSISTENCY_GAP)).isTrue();
            assertThat(v.isMissing(CASH_FLOW_VOLATILITY)).isTrue();
            assertThat(v.isMissing(TAX_BURDEN)).isTrue();
            assertThat(v.value(TAX_CONTINUITY_INDEX)).isZero();
            assertThat(v.isMissing(LOG_REVENUE)).isFalse();
            assertThat(v.value(LOG_REVENUE)).isZero();
            assertThat(v.isMissing(LOAN_TO_REVENUE)).isTrue();
        }
    }

    @Nested
    class OperatingActivity {
        @Test
        void tax_continuityGrowthBurdenSeasonality() {
            FeatureVector v = extract(full());
            assertThat(v.value(TAX_CONTINUITY_INDEX)).isCloseTo(1.0, within(EPS));
            assertThat(v.value(SALES_GROWTH_12M)).isCloseTo(0.25, within(EPS));
            assertThat(v.value(TAX_BURDEN)).isCloseTo(0.03, within(EPS));
            assertThat(v.value(SALES_SEASONALITY)).isCloseTo(1.0, within(EPS));
        }

        @Test
        void taxContinuity_countsMonthsWithSales() {
            double[] sales = constant(24, 100);
            for (int i = 0; i < 6; i++) {
                sales[i * 4] = 0;
            }
            FeatureVector v = extract(app(enterprise(1200), SourceData.builder()
                    .tax(tax(sales, constant(24, 1))).build()));
            assertThat(v.value(TAX_CONTINUITY_INDEX)).isCloseTo(18 / 24d, within(EPS));
        }

        @Test
        void salesGrowth_nothingDeclaredInPriorYear_isMissing() {
            double[] sales = constant(24, 0);
            for (int i = 12; i < 24; i++) {
                sales[i] = 100;
            }
            FeatureVector v = extract(app(enterprise(1200), SourceData.builder()
                    .tax(tax(sales, constant(24, 1))).build()));
            assertThat(v.isMissing(SALES_GROWTH_12M)).isTrue();
            assertThat(v.value(TAX_CONTINUITY_INDEX)).isCloseTo(0.5, within(EPS));
        }

        @Test
        void socialInsurance_headcountAndGrowth() {
            FeatureVector v = extract(full());
            assertThat(v.value(INSURED_HEADCOUNT)).isEqualTo(25);
            assertThat(v.value(HEADCOUNT_GROWTH_12M)).isCloseTo(0.25, within(EPS));
            assertThat(v.value(SOCIAL_INSURANCE_ARREARS)).isCloseTo(4.0, within(EPS));
        }

        @Test
        void socialInsurance_shortOrZeroBase_growthMissing() {
            FeatureVector shortSeries = extract(app(enterprise(1), SourceData.builder()
                    .socialInsurance(new SocialInsuranceRecord(PROV, series(YearMonth.of(2024, 1), 3, 4, 5),
                            BigDecimal.ZERO)).build()));
            assertThat(shortSeries.value(INSURED_HEADCOUNT)).isEqualTo(5);
            assertThat(shortSeries.isMissing(HEADCOUNT_GROWTH_12M)).isTrue();
            assertThat(shortSeries.value(SOCIAL_INSURANCE_ARREARS)).isZero();

            double[] fromZero = constant(13, 4);
            fromZero[0] = 0;
            FeatureVector zeroBase = extract(app(enterprise(1), SourceData.builder()
                    .socialInsurance(new SocialInsuranceRecord(PROV, series(YearMonth.of(2023, 5), fromZero),
                            BigDecimal.ZERO)).build()));
            assertThat(zeroBase.isMissing(HEADCOUNT_GROWTH_12M)).isTrue();

            FeatureVector empty = extract(app(enterprise(1), SourceData.builder()
                    .socialInsurance(new SocialInsuranceRecord(PROV, series(YearMonth.of(2024, 1)),
                            BigDecimal.ONE)).build()));
            assertThat(empty.isMissing(INSURED_HEADCOUNT)).isTrue();
            assertThat(empty.value(SOCIAL_INSURANCE_ARREARS)).isCloseTo(Math.log10(2), within(EPS));
        }

        @Test
        void electricity_trendContinuityVolatility() {
            FeatureVector v = extract(full());
            assertThat(v.value(ELECTRICITY_TREND_6M)).isCloseTo(0.5, within(EPS));
            assertThat(v.value(ELECTRICITY_CONTINUITY)).isCloseTo(1.0, within(EPS));
            assertThat(v.value(UTILITY_VOLATILITY)).isCloseTo(0.2, within(EPS));
        }

        @Test
        void electricity_shutDown_trendMissingContinuityZero() {
            FeatureVector off = extract(app(enterprise(1), SourceData.builder()
                    .utilities(new UtilityRecord(PROV, series(YearMonth.of(2023, 6), constant(12, 0)),
                            series(YearMonth.of(2023, 6), constant(12, 0)))).build()));
            assertThat(off.isMissing(ELECTRICITY_TREND_6M)).isTrue();
            assertThat(off.value(ELECTRICITY_CONTINUITY)).isZero();
            assertThat(off.isMissing(UTILITY_VOLATILITY)).isTrue();

            FeatureVector shortSeries = extract(app(enterprise(1), SourceData.builder()
                    .utilities(new UtilityRecord(PROV, series(YearMonth.of(2024, 1), constant(5, 10)),
                            series(YearMonth.of(2024, 1), constant(5, 1)))).build()));
            assertThat(shortSeries.isMissing(ELECTRICITY_CONTINUITY)).isTrue();
        }

        @Test
        void firmAge_inYearsAtUtcPlus8() {
            FeatureVector v = extract(full());
            assertThat(v.value(FIRM_AGE_YEARS)).isCloseTo(3653 / 365.25, within(EPS));
            // 2024-06-14T16:30Z is already 2024-06-15 in China: the same age
            LoanApplication late = new LoanApplication("A", Instant.parse("2024-06-14T16:30:00Z"),
                    full().product(), full().amount(), 12, "", full().guarantee(), true, full().enterprise(),
                    SourceData.none());
            assertThat(extract(late).value(FIRM_AGE_YEARS)).isCloseTo(3653 / 365.25, within(EPS));
        }

        @Test
        void firmAge_establishedAfterApplication_isMissing() {
            Enterprise e = enterprise(1);
            Enterprise future = new Enterprise(e.uscc(), e.name(), LocalDate.of(2024, 6, 16), e.registeredCapital(),
                    e.industry(), e.region(), e.employees(), e.annualRevenue(), e.totalAssets(), e.ownership());
            assertThat(extract(app(future, SourceData.none())).isMissing(FIRM_AGE_YEARS)).isTrue();
        }

        @Test
        void customs_exportShareAlignedWithTaxMonths() {
            FeatureVector v = extract(full());
            assertThat(v.value(EXPORT_SHARE)).isCloseTo(0.2, within(EPS));
            assertThat(v.value(CUSTOMS_ACTIVE_MONTHS)).isEqualTo(4);
        }

        @Test
        void customs_withoutTax_exportShareMissing_emptySeries_noActivity() {
            FeatureVector v = extract(app(enterprise(1), SourceData.builder()
                    .customs(new CustomsRecord(PROV, series(YearMonth.of(2024, 1)), series(YearMonth.of(2024, 1))))
                    .build()));
            assertThat(v.isMissing(EXPORT_SHARE)).isTrue();
            assertThat(v.value(CUSTOMS_ACTIVE_MONTHS)).isZero();
        }

        @Test
        void customs_importsAndExportsOnDifferentMonths_countedByCalendarMonth() {
            FeatureVector v = extract(app(enterprise(1), SourceData.builder()
                    .customs(new CustomsRecord(PROV, series(YearMonth.of(2024, 3), 5, 5, 0),
                            series(YearMonth.of(2023, 1), constant(14, 7)))) // 2023-01 .. 2024-02
                    .build()));
            // window 2023-06..2024-05: exports 2023-06..2024-02 (9 months) + imports 2024-03, 2024-04
            assertThat(v.value(CUSTOMS_ACTIVE_MONTHS)).isEqualTo(11);
        }
    }

    @Nested
    class ComplianceRisk {
        @Test
        void courts_countsShareAndRepairedListing() {
            FeatureVector v = extract(full());
            assertThat(v.value(COURT_CASES_DEFENDANT)).isEqualTo(4);
            assertThat(v.value(COURT_UNANSWERED_SHARE)).isCloseTo(0.25, within(EPS));
            assertThat(v.value(ENFORCEMENT_CASES)).isEqualTo(2);
            assertThat(v.value(DISHONEST_STATUS)).isEqualTo(1);
        }

        @Test
        void courts_noCases_unansweredShareMissing_countsZero() {
            FeatureVector v = extract(app(enterprise(1), SourceData.builder()
                    .courts(new CourtRecord(PROV, 0, 0, 0, List.of())).build()));
            assertThat(v.value(COURT_CASES_DEFENDANT)).isZero();
            assertThat(v.isMissing(COURT_UNANSWERED_SHARE)).isTrue();
            assertThat(v.value(DISHONEST_STATUS)).isZero();
        }

        @ParameterizedTest(name = "listed {0}, repaired {1} -> {2}")
        @CsvSource({
            "2022-01-01, 2023-01-01, 1",
            "2022-01-01, , 2",
            "2022-01-01, 2024-06-15, 1",
            "2022-01-01, 2024-06-16, 2",
            "2024-06-16, , 0",
        })
        void dishonestStatus_repairCountsFromItsDate(LocalDate listed, LocalDate repaired, int expected) {
            FeatureVector v = extract(app(enterprise(1), SourceData.builder()
                    .courts(new CourtRecord(PROV, 0, 0, 1, List.of(
                            new DishonestListing(listed, Optional.ofNullable(repaired))))).build()));
            assertThat(v.value(DISHONEST_STATUS)).isEqualTo(expected);
        }

        @Test
        void dishonestStatus_oneUnrepairedAmongRepaired_isTwo() {
            FeatureVector v = extract(app(enterprise(1), SourceData.builder()
                    .courts(new CourtRecord(PROV, 0, 0, 1, List.of(
                            new DishonestListing(LocalDate.of(2019, 1, 1), Optional.of(LocalDate.of(2019, 5, 1))),
                            new DishonestListing(LocalDate.of(2023, 1, 1), Optional.empty()),
                            new DishonestListing(LocalDate.of(2020, 1, 1), Optional.of(LocalDate.of(2020, 5, 1))))))
                    .build()));
            assertThat(v.value(DISHONEST_STATUS)).isEqualTo(2);
        }

        @Test
        void penalties_countedInThe36MonthsBeforeApplication() {
            FeatureVector v = extract(full());
            assertThat(v.value(PENALTIES_36M)).isEqualTo(2);
            assertThat(v.value(SERIOUS_PENALTIES_36M)).isEqualTo(1);
        }

        @Test
        void penalties_cleanRecord_isZeroNotMissing() {
            FeatureVector v = extract(app(enterprise(1), SourceData.builder()
                    .penalties(new org.creditkit.core.domain.PenaltyRecord(PROV, List.of())).build()));
            assertThat(v.isMissing(PENALTIES_36M)).isFalse();
            assertThat(v.value(PENALTIES_36M)).isZero();
            assertThat(v.value(SERIOUS_PENALTIES_36M)).isZero();
        }
    }

    @Nested
    class CreditHistory {
        @Test
        void bankCredit_and_taxRating() {
            FeatureVector v = extract(full());
            assertThat(v.value(MAX_DAYS_OVERDUE_24M)).isEqualTo(15);
            assertThat(v.value(CURRENT_DAYS_OVERDUE)).isZero();
            assertThat(v.value(ACTIVE_LOANS)).isEqualTo(2);
            assertThat(v.value(CREDIT_HISTORY_MONTHS)).isEqualTo(60);
            assertThat(v.value(BANK_DEBT_TO_REVENUE)).isCloseTo(0.25, within(EPS));
            assertThat(v.value(TAX_RATING_LATEST)).isEqualTo(4);
            assertThat(v.value(TAX_RATING_A_YEARS)).isEqualTo(2);
            assertThat(v.value(LOAN_TO_REVENUE)).isCloseTo(1.0 / 12, within(EPS));
        }

        @Test
        void taxRatingStreak_breaksOnAGapYear() {
            FeatureVector v = extract(app(enterprise(1), SourceData.builder()
                    .tax(tax(constant(24, 1), constant(24, 0), rating(2019, TaxGrade.A), rating(2020, TaxGrade.A),
                            rating(2022, TaxGrade.A), rating(2023, TaxGrade.A))).build()));
            assertThat(v.value(TAX_RATING_A_YEARS)).isEqualTo(2);
        }

        @Test
        void taxRating_threeYearsA_whitelistStreak() {
            FeatureVector v = extract(app(enterprise(1), SourceData.builder()
                    .tax(tax(constant(24, 1), constant(24, 0), rating(2021, TaxGrade.A), rating(2022, TaxGrade.A),
                            rating(2023, TaxGrade.A))).build()));
            assertThat(v.value(TAX_RATING_A_YEARS)).isEqualTo(3);
        }

        @ParameterizedTest
        @CsvSource({"A, 4", "B, 3", "M, 2", "C, 1", "D, 0"})
        void taxRatingLatest_ordinal(TaxGrade grade, int expected) {
            FeatureVector v = extract(app(enterprise(1), SourceData.builder()
                    .tax(tax(constant(24, 1), constant(24, 0), rating(2022, TaxGrade.A), rating(2023, grade)))
                    .build()));
            assertThat(v.value(TAX_RATING_LATEST)).isEqualTo(expected);
            assertThat(v.value(TAX_RATING_A_YEARS)).isEqualTo(grade == TaxGrade.A ? 2 : 0);
        }

        @Test
        void taxRating_noRatings_isMissing() {
            FeatureVector v = extract(app(enterprise(1), SourceData.builder()
                    .tax(tax(constant(24, 1), constant(24, 0))).build()));
            assertThat(v.isMissing(TAX_RATING_LATEST)).isTrue();
            assertThat(v.isMissing(TAX_RATING_A_YEARS)).isTrue();
        }

        @Test
        void bankDebtToRevenue_zeroRevenue_isMissing() {
            FeatureVector v = extract(app(enterprise(0), SourceData.builder()
                    .bankCredit(new org.creditkit.core.domain.BankCreditRecord(PROV, 1, BigDecimal.TEN, 0, 0, 3))
                    .build()));
            assertThat(v.isMissing(BANK_DEBT_TO_REVENUE)).isTrue();
            assertThat(v.value(ACTIVE_LOANS)).isEqualTo(1);
        }
    }

    @Nested
    class InnovationGreenSupplyChain {
        @Test
        void values() {
            FeatureVector v = extract(full());
            assertThat(v.value(INVENTION_PATENTS)).isEqualTo(3);
            assertThat(v.value(UTILITY_PATENTS)).isEqualTo(7);
            assertThat(v.value(PATENT_CHANGE_FREQUENCY)).isEqualTo(1);
            assertThat(v.value(TRADEMARKS)).isEqualTo(2);
            assertThat(v.value(CARBON_INTENSITY)).isCloseTo(0.2, within(EPS));
            assertThat(v.value(CORE_ENTERPRISE_RATING)).isEqualTo(6);
            assertThat(v.value(SUPPLY_CHAIN_MONTHS)).isEqualTo(36);
            assertThat(v.value(RECEIVABLES_TO_REVENUE)).isCloseTo(0.2, within(EPS));
        }

        @ParameterizedTest
        @CsvSource({"AAA, 7", "AA+, 6", "aa-, 6", "A, 5", "A+, 5", "BBB-, 4", "BB, 3", "B, 2", "CCC, 1", "CC, 1",
                "C, 1", "AB, 0", "D, 0", "AAAA, 0", "'', 0", "+, 0"})
        void coreEnterpriseRating_ordinal(String rating, int expected) {
            assertThat(FeatureExtractor.coreRatingOrdinal(rating)).isEqualTo(expected);
        }

        @Test
        void carbonAndReceivables_zeroRevenue_areMissing() {
            FeatureVector v = extract(app(enterprise(0), SourceData.builder()
                    .carbon(new org.creditkit.core.domain.CarbonRecord(PROV, 2023, 10))
                    .supplyChain(new SupplyChainLink(PROV, uscc("91440300MA5D00002"), "BBB", 0, BigDecimal.ONE))
                    .build()));
            assertThat(v.isMissing(CARBON_INTENSITY)).isTrue();
            assertThat(v.isMissing(RECEIVABLES_TO_REVENUE)).isTrue();
            assertThat(v.value(CORE_ENTERPRISE_RATING)).isEqualTo(4);
            assertThat(v.value(SUPPLY_CHAIN_MONTHS)).isZero();
        }
    }
}
