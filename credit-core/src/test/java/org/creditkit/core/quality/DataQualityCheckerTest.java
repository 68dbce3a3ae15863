package org.creditkit.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.Enterprise;
import org.creditkit.core.domain.FinancialStatement;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.domain.Provenance;
import org.creditkit.core.domain.SocialInsuranceRecord;
import org.creditkit.core.domain.SourceData;
import org.creditkit.core.domain.TaxRecord;
import org.creditkit.core.domain.UtilityRecord;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.Samples;
import org.creditkit.core.input.StrictApplicationReader;
import org.junit.jupiter.api.Test;

class DataQualityCheckerTest {

    private static final DataQualityChecker CHECKER = DataQualityChecker.standard();
    private static final Instant APP = Samples.APPLICATION_TIME;

    /** The full sample with its sources changed through a builder pre-filled with the sample's sources. */
    private static LoanApplication withSources(UnaryOperator<SourceData.Builder> change) {
        return Samples.withSources(Samples.full(), change.apply(sampleSources(true)).build());
    }

    /** A builder pre-filled with the sample's sources, its financial statement only if {@code withStatement}. */
    private static SourceData.Builder sampleSources(boolean withStatement) {
        SourceData s = Samples.allSources();
        SourceData.Builder b = SourceData.builder();
        s.tax().ifPresent(b::tax);
        s.socialInsurance().ifPresent(b::socialInsurance);
        s.utilities().ifPresent(b::utilities);
        s.customs().ifPresent(b::customs);
        s.courts().ifPresent(b::courts);
        s.penalties().ifPresent(b::penalties);
        s.intellectualProperty().ifPresent(b::intellectualProperty);
        if (withStatement) {
            s.financials().ifPresent(b::financials);
        }
        s.bankCredit().ifPresent(b::bankCredit);
        s.carbon().ifPresent(b::carbon);
        s.supplyChain().ifPresent(b::supplyChain);
        return b;
    }

    private static TaxRecord tax() {
        return Samples.allSources().tax().orElseThrow();
    }

    private static TaxRecord tax(Provenance p, MonthlySeries sales) {
        MonthlySeries paid = MonthlySeries.of(sales.firstMonth(), new double[sales.length()]);
        return new TaxRecord(p, sales, paid, tax().ratings());
    }

    private static MonthlySeries scaled(MonthlySeries s, double factor) {
        double[] v = s.values();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(v[i] * factor);
        }
        return MonthlySeries.of(s.firstMonth(), v);
    }

    private static UtilityRecord electricity(YearMonth first, double... kwh) {
        UtilityRecord u = Samples.allSources().utilities().orElseThrow();
        return new UtilityRecord(u.provenance(), MonthlySeries.of(first, kwh), u.water());
    }

    private static FinancialStatement financialsAsOf(Instant asOf) {
        FinancialStatement f = Samples.allSources().financials().orElseThrow();
        return new FinancialStatement(Provenance.of("x", asOf), f.fiscalYear(), f.totalAssets(), f.totalLiabilities(),
                f.currentAssets(), f.currentLiabilities(), f.revenue(), f.netProfit(), f.operatingCashFlow(),
                f.rdExpense());
    }

    @Test
    void check_consistentCurrentCompleteApplication_isClean() {
        DataQualityReport r = CHECKER.check(Samples.full());

        assertThat(r.findings()).isEmpty();
        assertThat(r.isClean()).isTrue();
        assertThat(r.flags()).isEmpty();
    }

    // ---------------------------------------------------------------- cross-source

    @Test
    void check_taxSalesTenPercentAboveStatementRevenue_flagsInconsistencyWithEvidence() {
        LoanApplication a = withSources(b -> b.tax(tax(tax().provenance(), scaled(tax().declaredSales(), 1.10))));

        DataQualityReport r = CHECKER.check(a);

        assertThat(r.has(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY)).isTrue();
        DataQualityFinding f = r.findings(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY).get(0);
        assertThat(f.subject()).isEqualTo("tax.declaredSales vs financials.revenue");
        assertThat(f.source()).isEqualTo(DataSource.TAX);
        assertThat(f.measured()).isCloseTo(0.0909, within(0.002));
        assertThat(f.threshold()).isEqualTo(0.08);
        assertThat(f.message()).contains("tax-declared sales of 2024").contains("more than 8.0%");
    }

    @Test
    void check_taxSalesSevenPercentAbove_isWithinTolerance() {
        LoanApplication a = withSources(b -> b.tax(tax(tax().provenance(), scaled(tax().declaredSales(), 1.07))));

        assertThat(CHECKER.check(a).has(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY)).isFalse();
    }

    @Test
    void check_taxSeriesNotCoveringTheFiscalYear_isNotCompared() {
        LoanApplication a = withSources(b -> b.tax(tax(tax().provenance(),
                Samples.gentle(YearMonth.of(2024, 7), 12, 5_000_000))));

        assertThat(CHECKER.check(a).findings()).isEmpty();
    }

    @Test
    void check_insuredHeadcountFarBelowEmployees_flagsInconsistency() {
        SocialInsuranceRecord si = Samples.allSources().socialInsurance().orElseThrow();
        LoanApplication a = withSources(b -> b.socialInsurance(new SocialInsuranceRecord(si.provenance(),
                MonthlySeries.of(YearMonth.of(2025, 6), 70), si.arrears())));

        DataQualityReport r = CHECKER.check(a);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.flag()).isEqualTo(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY);
            assertThat(f.subject()).isEqualTo("socialInsurance.insuredHeadcount vs enterprise.employees");
            assertThat(f.measured()).isCloseTo(16.0 / 86, within(1e-9));
        });
    }

    @Test
    void check_reportedRevenueAboveLastYearsStatement_flagsInconsistency() {
        Enterprise e = Samples.enterprise();
        Enterprise inflated = new Enterprise(e.uscc(), e.name(), e.establishmentDate(), e.registeredCapital(),
                e.industry(), e.region(), e.employees(), new BigDecimal("30000000"), e.totalAssets(), e.ownership());
        LoanApplication f = Samples.full();
        LoanApplication a = new LoanApplication(f.id(), f.applicationTime(), f.product(), f.amount(), f.termMonths(),
                f.purpose(), f.guarantee(), f.dataUseConsent(), inflated, f.sources());

        assertThat(CHECKER.check(a).findings()).singleElement().satisfies(x -> {
            assertThat(x.subject()).isEqualTo("enterprise.annualRevenue vs financials.revenue");
            assertThat(x.measured()).isCloseTo(0.2, within(1e-9));
        });
    }

    /** {@code a} with its enterprise's reported annual revenue set to {@code revenue} CNY. */
    private static LoanApplication reporting(LoanApplication a, String revenue) {
        Enterprise e = a.enterprise();
        Enterprise changed = new Enterprise(e.uscc(), e.name(), e.establishmentDate(), e.registeredCapital(),
                e.industry(), e.region(), e.employees(), new BigDecimal(revenue), e.totalAssets(), e.ownership());
        return new LoanApplication(a.id(), a.applicationTime(), a.product(), a.amount(), a.termMonths(),
                a.purpose(), a.guarantee(), a.dataUseConsent(), changed, a.sources());
    }

    /** The full sample without its financial statement, with the tax record {@code tax}. */
    private static LoanApplication withoutStatement(TaxRecord tax) {
        return Samples.withSources(Samples.full(), sampleSources(false).tax(tax).build());
    }

    @Test
    void check_inflatedReportedRevenueWithoutStatement_isComparedWithLastYearsTaxDeclarations() {
        // the sample's tax series runs from 2024-01 for 18 months: 2024 is the last full year, all of it covered
        double declared2024 = 0;
        for (int i = 0; i < 12; i++) {
            declared2024 += tax().declaredSales().get(i);
        }
        double declared = declared2024;
        LoanApplication a = reporting(withoutStatement(tax()), "30000000");

        assertThat(CHECKER.check(a).findings()).singleElement().satisfies(x -> {
            assertThat(x.flag()).isEqualTo(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY);
            assertThat(x.source()).isEqualTo(DataSource.TAX);
            assertThat(x.subject()).isEqualTo("enterprise.annualRevenue vs tax.declaredSales");
            assertThat(x.measured()).isCloseTo(1 - declared / 30_000_000, within(1e-9));
            assertThat(x.message()).contains("tax-declared sales of 2024").contains("30000000.00");
        });
    }

    @Test
    void check_taxPaidAboveTheSalesDeclared_isFlagged_aHighButPossibleBurdenIsNot() {
        // one month of tax paid at twice the year's declared sales: a tax-based limit of annual tax x 8 would be
        // sixteen times the firm's sales; tax is paid on the sales declared, so this record cannot be true
        TaxRecord t = tax();
        double[] paid = t.taxPaid().values();
        double year = 0;
        for (int i = 1; i <= 12; i++) {
            year += t.declaredSales().get(t.declaredSales().length() - i);
        }
        paid[paid.length - 1] = 2 * year;
        TaxRecord inflated = new TaxRecord(t.provenance(), t.declaredSales(), MonthlySeries.of(t.taxPaid().firstMonth(),
                paid), t.ratings());
        LoanApplication a = withSources(b -> b.tax(inflated));

        assertThat(CHECKER.check(a).findings()).singleElement().satisfies(x -> {
            assertThat(x.flag()).isEqualTo(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY);
            assertThat(x.subject()).isEqualTo("tax.taxPaid vs tax.declaredSales");
            assertThat(x.measured()).isGreaterThan(1.0);
            assertThat(x.threshold()).isEqualTo(1.0);
            assertThat(x.message()).contains("tax paid over the last 12 months").contains("tax is paid on the sales");
        });
        // half the sales paid in tax (an excise-taxed distiller) is high but can be true
        double[] half = new double[paid.length];
        for (int i = 0; i < half.length; i++) {
            half[i] = Math.round(t.declaredSales().get(i) * 0.5);
        }
        LoanApplication distiller = withSources(b -> b.tax(new TaxRecord(t.provenance(), t.declaredSales(),
                MonthlySeries.of(t.taxPaid().firstMonth(), half), t.ratings())));
        assertThat(CHECKER.check(distiller).findings()).isEmpty();
        assertThat(DataQualityChecker.builder().maxTaxBurden(0.4).build().check(distiller).flags())
                .containsExactly(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY);
    }

    @Test
    void check_reportedRevenueAgreeingWithLastYearsTaxDeclarations_isClean() {
        LoanApplication a = reporting(withoutStatement(tax()), "24500000");

        assertThat(CHECKER.check(a).findings()).isEmpty();
    }

    @Test
    void check_taxSeriesNotCoveringLastYear_doesNotJudgeTheReportedRevenue() {
        MonthlySeries fromJuly = Samples.gentle(YearMonth.of(2024, 7), 12, 1_890_000);
        LoanApplication a = reporting(withoutStatement(tax(tax().provenance(), fromJuly)), "90000000");

        assertThat(CHECKER.check(a).has(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY)).isFalse();
    }

    @Test
    void check_customThreshold_isUsed() {
        LoanApplication a = withSources(b -> b.tax(tax(tax().provenance(), scaled(tax().declaredSales(), 1.07))));

        assertThat(DataQualityChecker.builder().maxInconsistency(0.05).build().check(a)
                .has(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY)).isTrue();
    }

    // ---------------------------------------------------------------- fluctuation

    @Test
    void check_threeSwingsBeyondFifteenPercent_flagsAbnormalFluctuation() {
        LoanApplication a = withSources(b -> b.utilities(electricity(YearMonth.of(2024, 7),
                100, 101, 102, 130, 131, 100, 101, 102, 103, 80, 81, 82)));

        DataQualityReport r = CHECKER.check(a);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.flag()).isEqualTo(DataQualityFlag.ABNORMAL_FLUCTUATION);
            assertThat(f.subject()).isEqualTo("utilities.electricity");
            assertThat(f.measured()).isEqualTo(3);
            assertThat(f.threshold()).isEqualTo(3);
            assertThat(f.message()).contains("largest +27.5% in 2024-10");
        });
    }

    @Test
    void check_singleSeasonalDipAndRebound_doesNotFlag() {
        // a Spring Festival dip: -40% in February, +67% back in March; two swings, no flag
        LoanApplication a = withSources(b -> b.utilities(electricity(YearMonth.of(2024, 7),
                100, 101, 102, 103, 104, 105, 106, 64, 107, 108, 109, 110)));

        assertThat(CHECKER.check(a).findings()).isEmpty();
    }

    @Test
    void check_swingRepeatedAYearEarlier_isExcusedAsSeasonal() {
        // 25 months: a harvest peak every September; with minSwings 1 only the new swing in 2025-05 counts
        double[] v = new double[25];
        YearMonth first = YearMonth.of(2023, 6);
        for (int i = 0; i < v.length; i++) {
            int month = first.plusMonths(i).getMonthValue();
            v[i] = month == 9 ? 200 : 100;
        }
        DataQualityChecker strict = DataQualityChecker.builder().minSwings(1).build();
        LoanApplication seasonal = withSources(b -> b.utilities(electricity(first, v)));
        v[23] = 150;
        LoanApplication withNewSwing = withSources(b -> b.utilities(electricity(first, v)));

        assertThat(strict.check(seasonal).findings()).isEmpty();
        assertThat(strict.check(withNewSwing).findings()).singleElement().satisfies(f -> {
            assertThat(f.measured()).isEqualTo(2);
            assertThat(f.message()).contains("besides 2 seasonal ones repeated a year earlier");
        });
    }

    @Test
    void check_riseFromZero_countsAsSwing() {
        LoanApplication a = withSources(b -> b.utilities(electricity(YearMonth.of(2025, 1), 0, 0, 50, 0, 60, 61)));

        assertThat(CHECKER.check(a).findings(DataQualityFlag.ABNORMAL_FLUCTUATION)).singleElement()
                .satisfies(f -> assertThat(f.measured()).isEqualTo(3));
    }

    // ---------------------------------------------------------------- staleness

    @Test
    void check_taxAsOfOlderThan90Days_flagsStale() {
        Instant old = APP.minus(Duration.ofDays(100));
        LoanApplication a = withSources(b -> b.tax(tax(Provenance.of("sh-tax", old), tax().declaredSales())));

        assertThat(CHECKER.check(a).findings(DataQualityFlag.STALE_SOURCE)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("tax.provenance.asOf");
            assertThat(f.measured()).isEqualTo(100);
            assertThat(f.threshold()).isEqualTo(90);
        });
    }

    @Test
    void check_statementAge_isStaleOnlyBeyond18Months() {
        LoanApplication fresh = withSources(b -> b.financials(financialsAsOf(Instant.parse("2025-01-15T00:00:00Z"))));
        LoanApplication old = withSources(b -> b.financials(financialsAsOf(Instant.parse("2023-12-20T00:00:00Z"))));

        assertThat(CHECKER.check(fresh).has(DataQualityFlag.STALE_SOURCE)).isFalse();
        assertThat(CHECKER.check(old).findings(DataQualityFlag.STALE_SOURCE)).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("financials.provenance.asOf"));
    }

    @Test
    void check_seriesEndingMonthsBeforeApplication_flagsStale() {
        LoanApplication a = withSources(b -> b.utilities(electricity(YearMonth.of(2024, 3), 100, 101, 102, 103, 104,
                105, 106, 107, 108, 109, 110, 111)));

        assertThat(CHECKER.check(a).findings()).singleElement().satisfies(f -> {
            assertThat(f.flag()).isEqualTo(DataQualityFlag.STALE_SOURCE);
            assertThat(f.subject()).isEqualTo("utilities.electricity");
            assertThat(f.measured()).isEqualTo(5);
        });
    }

    @Test
    void check_customMaxAge_isUsed() {
        Instant old = APP.minus(Duration.ofDays(40));
        LoanApplication a = withSources(b -> b.tax(tax(Provenance.of("sh-tax", old), tax().declaredSales())));

        assertThat(CHECKER.check(a).has(DataQualityFlag.STALE_SOURCE)).isFalse();
        assertThat(DataQualityChecker.builder().maxAge(DataSource.TAX, Period.ofDays(30)).build().check(a)
                .has(DataQualityFlag.STALE_SOURCE)).isTrue();
    }

    // ---------------------------------------------------------------- missing

    @Test
    void check_noSources_flagsTaxMissing() {
        DataQualityReport r = CHECKER.check(Samples.bare());

        assertThat(r.flags()).containsExactly(DataQualityFlag.MISSING_KEY_SOURCE);
        assertThat(r.findings()).extracting(DataQualityFinding::source).containsExactly(DataSource.TAX);
    }

    @Test
    void check_statementsConfiguredAsKey_flagsThemMissing() {
        DataQualityReport r = DataQualityChecker.builder()
                .keySources(Set.of(DataSource.TAX, DataSource.FINANCIAL_STATEMENTS)).build().check(Samples.bare());

        assertThat(r.findings()).extracting(DataQualityFinding::source)
                .containsExactly(DataSource.TAX, DataSource.FINANCIAL_STATEMENTS);
    }

    @Test
    void check_noKeySourcesConfigured_isCleanWithoutSources() {
        assertThat(DataQualityChecker.builder().keySources(Set.of()).build().check(Samples.bare()).isClean()).isTrue();
    }

    @Test
    void check_taxWithoutAnyMonth_flagsMissing() {
        LoanApplication a = withSources(b -> b.tax(tax(tax().provenance(), MonthlySeries.of(YearMonth.of(2025, 6)))));

        assertThat(CHECKER.check(a).findings(DataQualityFlag.MISSING_KEY_SOURCE)).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("tax.declaredSales"));
    }

    // ---------------------------------------------------------------- timestamps

    @Test
    void check_asOfFiveHoursAfterApplication_isTimestampAnomaly() {
        LoanApplication a = withSources(b -> b.tax(tax(Provenance.of("sh-tax", APP.plus(Duration.ofHours(5))),
                tax().declaredSales())));

        assertThat(CHECKER.check(a).findings()).singleElement().satisfies(f -> {
            assertThat(f.flag()).isEqualTo(DataQualityFlag.TIMESTAMP_ANOMALY);
            assertThat(f.measured()).isEqualTo(5.0);
            assertThat(f.threshold()).isEqualTo(3.0);
        });
    }

    @Test
    void check_asOfTwoHoursAfterApplication_isClockSkew() {
        LoanApplication a = withSources(b -> b.tax(tax(Provenance.of("sh-tax", APP.plus(Duration.ofHours(2))),
                tax().declaredSales())));

        assertThat(CHECKER.check(a).isClean()).isTrue();
    }

    @Test
    void check_readerToleratesSkewAndCheckerFlagsIt() {
        String json = ApplicationJson.write(withSources(b -> b.tax(tax(
                Provenance.of("sh-tax", APP.plus(Duration.ofHours(6))), tax().declaredSales()))));

        LoanApplication read = StrictApplicationReader.standard().read(json);

        assertThat(CHECKER.check(read).flags()).containsExactly(DataQualityFlag.TIMESTAMP_ANOMALY);
    }

    @Test
    void check_seriesRunningPastItsAsOfMonth_isTimestampAnomaly() {
        LoanApplication a = withSources(b -> b.tax(tax(Provenance.of("sh-tax", Instant.parse("2025-05-20T00:00:00Z")),
                tax().declaredSales())));

        assertThat(CHECKER.check(a).findings(DataQualityFlag.TIMESTAMP_ANOMALY)).extracting(DataQualityFinding::subject)
                .containsExactly("tax.declaredSales", "tax.taxPaid");
    }

    @Test
    void check_statementAsOfBeforeItsYearEnded_isTimestampAnomaly() {
        LoanApplication a = withSources(b -> b.financials(financialsAsOf(Instant.parse("2024-11-30T00:00:00Z"))));

        assertThat(CHECKER.check(a).findings()).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("financials.provenance.asOf"));
    }

    // ---------------------------------------------------------------- report and builder

    @Test
    void report_flagsMustMatchFindings() {
        DataQualityFinding f = new DataQualityFinding(DataQualityFlag.STALE_SOURCE, DataSource.TAX, "tax", 1, 0,
                "days", "m");

        assertThat(DataQualityReport.of(List.of(f)).flags()).containsExactly(DataQualityFlag.STALE_SOURCE);
        assertThatThrownBy(() -> new DataQualityReport(Set.of(DataQualityFlag.TIMESTAMP_ANOMALY), List.of(f)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataQualityReport.of(List.of(f)).flags().add(DataQualityFlag.TIMESTAMP_ANOMALY))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builder_invalidThresholds_areRejected() {
        assertThatThrownBy(() -> DataQualityChecker.builder().maxInconsistency(0)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> DataQualityChecker.builder().maxMonthlyChange(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataQualityChecker.builder().minSwings(0)).hasMessageContaining("1..12");
        assertThatThrownBy(() -> DataQualityChecker.builder().maxAge(DataSource.TAX, Period.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataQualityChecker.builder().maxClockSkew(Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
