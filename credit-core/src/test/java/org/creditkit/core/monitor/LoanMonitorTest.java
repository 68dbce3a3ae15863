package org.creditkit.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.OptionalDouble;

import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.Test;

class LoanMonitorTest {

    private static BookedLoan loanWithTax() {
        for (long i = 0; ; i++) {
            LabeledApplication la = PortfolioGenerator.of(GeneratorConfig.builder().count(50).seed(3).build()).generate(i);
            var app = la.application();
            if (app.sources().tax().isPresent() && app.sources().tax().get().declaredSales().length() >= 12
                    && app.sources().utilities().isPresent() && app.sources().socialInsurance().isPresent()) {
                return new BookedLoan("L1", YearMonth.from(app.applicationTime().atOffset(java.time.ZoneOffset.ofHours(8))),
                        new BigDecimal("100000.00"), 24, app);
            }
        }
    }

    /** A quiet month whose sales and electricity equal the same calendar month of the origination year times f. */
    private static LoanMonth month(BookedLoan loan, int t, double f) {
        var src = loan.application().sources();
        YearMonth m = loan.bookedMonth().plusMonths(t);
        var sales = src.tax().get().declaredSales();
        var kwh = src.utilities().get().electricity();
        double s = sales.get(sales.length() - 12 + (m.getMonthValue() - sales.firstMonth().plusMonths(sales.length() - 12).getMonthValue() + 12) % 12);
        double e = kwh.get(kwh.length() - 12 + (m.getMonthValue() - kwh.firstMonth().plusMonths(kwh.length() - 12).getMonthValue() + 12) % 12);
        var heads = src.socialInsurance().get().insuredHeadcount();
        return new LoanMonth(loan.loanId(), m, t, OptionalDouble.of(s * f), OptionalDouble.of(heads.get(heads.length() - 1)),
                false, OptionalDouble.of(e * f), 0, 0, false, 0, false, 0, Optional.empty(), 0, m.atEndOfMonth());
    }

    @Test
    void observe_salesFollowingLastYearsSeason_raiseNoDropSignal() {
        BookedLoan loan = loanWithTax();
        LoanMonitor mon = LoanMonitor.start(loan, 0.02, WarningParameters.defaults());
        int all = 0;
        for (int t = 0; t < 12; t++) {
            all |= mon.observe(month(loan, t, 1.0));
        }
        assertThat(WarningSignal.of(all)).doesNotContain(WarningSignal.TAX_SALES_DROP, WarningSignal.TAX_SALES_COLLAPSE,
                WarningSignal.UTILITY_DROP);
    }

    @Test
    void observe_salesAndPowerFallByHalf_raiseCollapseAndUtilityDrop() {
        BookedLoan loan = loanWithTax();
        LoanMonitor mon = LoanMonitor.start(loan, 0.02, WarningParameters.defaults());
        int mask = 0;
        for (int t = 0; t < 4; t++) {
            mask = mon.observe(month(loan, t, 0.5));
        }
        assertThat(WarningSignal.of(mask)).contains(WarningSignal.TAX_SALES_COLLAPSE, WarningSignal.UTILITY_DROP);
        assertThat(mon.level(mask)).isEqualTo(WarningLevel.ORANGE); // severe 4 + moderate 2 = 6: orange from 5, red from 7
    }

    @Test
    void observe_rescoredPdDoubling_raisesScoreDeterioration() {
        BookedLoan loan = loanWithTax();
        LoanMonitor mon = LoanMonitor.start(loan, 0.02, WarningParameters.defaults());
        assertThat(mon.observe(month(loan, 0, 1.0)) & WarningSignal.SCORE_DETERIORATION.bit()).isZero();
        mon.rescored(0.05);
        assertThat(mon.observe(month(loan, 1, 1.0)) & WarningSignal.SCORE_DETERIORATION.bit()).isNotZero();
        assertThatThrownBy(() -> mon.rescored(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void level_redTriggerWinsAndPointsGradeTheRest() {
        WarningParameters p = WarningParameters.defaults();
        assertThat(LoanMonitor.level(0, p)).isEqualTo(WarningLevel.NONE);
        assertThat(LoanMonitor.level(WarningSignal.DATA_STALE.bit(), p)).isEqualTo(WarningLevel.BLUE);
        assertThat(LoanMonitor.level(WarningSignal.HEADCOUNT_DROP.bit(), p)).isEqualTo(WarningLevel.YELLOW);
        assertThat(LoanMonitor.level(WarningSignal.HEADCOUNT_DROP.bit() | WarningSignal.UTILITY_DROP.bit()
                | WarningSignal.NEW_LAWSUIT.bit(), p)).isEqualTo(WarningLevel.ORANGE);
        assertThat(LoanMonitor.level(WarningSignal.ENFORCEMENT.bit(), p)).isEqualTo(WarningLevel.RED);
        assertThat(LoanMonitor.level(WarningSignal.DISHONEST_LISTED.bit(), p)).isEqualTo(WarningLevel.RED);
    }

    @Test
    void parameters_contradictionsAreRefused() {
        WarningParameters d = WarningParameters.defaults();
        assertThatThrownBy(() -> new WarningParameters(0.5, 0.3, d.headcountDropShare(), d.utilityDropShare(),
                d.lawsuitsCluster(), d.bankOverdueDays(), d.bankOverdueSeriousDays(), d.loanPastDueDays(),
                d.loanSeriousDays(), d.pdRiseFactor(), d.pdRiseAbsolute(), d.staleDays(), 1, 2, 4, 1, 2, 5, 7))
                .hasMessageContaining("salesCollapseShare");
        assertThatThrownBy(() -> new WarningParameters(0.1, 0.3, 0.1, 0.1, 2, 1, 30, 1, 30, 2, 0.02, 60, 1, 2, 4, 1, 5, 4, 7))
                .hasMessageContaining("level thresholds must ascend");
    }

    @Test
    void month_negativeFiguresAndOrphanSeriousPenaltyAreRefused() {
        YearMonth m = YearMonth.of(2025, 1);
        assertThatThrownBy(() -> new LoanMonth("L", m, 0, OptionalDouble.of(-1), OptionalDouble.empty(), false,
                OptionalDouble.empty(), 0, 0, false, 0, false, 0, Optional.empty(), 0, LocalDate.of(2025, 1, 31)))
                .hasMessageContaining("taxSales");
        assertThatThrownBy(() -> new LoanMonth("L", m, 0, OptionalDouble.empty(), OptionalDouble.empty(), false,
                OptionalDouble.empty(), 0, 0, false, 0, true, 0, Optional.empty(), 0, LocalDate.of(2025, 1, 31)))
                .hasMessageContaining("seriousPenalty");
    }
}
