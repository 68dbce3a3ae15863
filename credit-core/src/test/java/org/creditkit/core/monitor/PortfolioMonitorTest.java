package org.creditkit.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.score.bundle.ModelBundle;
import org.junit.jupiter.api.Test;

class PortfolioMonitorTest {

    @Test
    void syntheticBook_seriousWarningsCatchMostDefaultsEarly() {
        var book = SyntheticBook.generate(6_000, 23, 0.25);
        String text = SyntheticBook.jsonLines(book);
        var scorer = ModelBundle.defaultBundle().scorer();
        PortfolioMonitor pm = PortfolioMonitor.builder().rescorer(Rescorer.of(a -> scorer.score(a).pd()))
                .features(FeatureExtractor.standard()).build();
        List<BadLine> bad = new ArrayList<>();
        List<MonthWarning> warnings = new ArrayList<>();
        var read = LoanBook.read(new StringReader(text), StrictApplicationReader.standard(),
                loan -> pm.accept(loan, warnings::add, r -> { }), bad::add);
        assertThat(bad).isEmpty();
        MonitorSummary s = pm.summary();
        var p = s.performance();
        // the aim of the post-loan issue: >= 60% of defaults at ORANGE/RED >= 3 months ahead, <= 10% false alarms.
        // The thresholds were tuned on seed 11; this is seed 23, which they never saw.
        assertThat(read.badLines()).isZero();
        assertThat(p.defaultsWithLead()).isGreaterThan(100);
        assertThat(p.catchRate()).isGreaterThanOrEqualTo(0.60);
        assertThat(p.falseAlarmRate()).isLessThanOrEqualTo(0.10);
        // levels mean something: default rates rise with the level
        double none = s.byLevel().get(WarningLevel.NONE).rate();
        double yellow = s.byLevel().get(WarningLevel.YELLOW).rate();
        double red = s.byLevel().get(WarningLevel.RED).rate();
        assertThat(none).isLessThan(yellow);
        assertThat(yellow).isLessThan(red);
        assertThat(warnings).hasSize((int) s.loanMonths());
        // re-scoring sees deterioration: PD drift is measured on every loan re-scored
        assertThat(s.pdDrift()).isPresent();
        assertThat(s.reevaluations()).isGreaterThan(s.loans());
        // the fund's rule: nothing paid below a 3% NPL rate
        if (s.fund().nplRate() <= 0.03) {
            assertThat(s.fund().fundPaysCny()).isZero();
        }
    }

    @Test
    void redLoans_areOnlyLiveOnes_notLoansWhoseTermEndedBeforeTheBooksLatestMonth() {
        // a 6-month loan of 2024 whose last month was RED is not "at RED now" in a book that runs to 2026
        var book = SyntheticBook.generate(3_000, 5, 0.25);
        var scorer = ModelBundle.defaultBundle().scorer();
        PortfolioMonitor pm = PortfolioMonitor.builder().rescorer(Rescorer.of(a -> scorer.score(a).pd())).build();
        List<LoanBook.Loan> loans = new ArrayList<>();
        java.util.Map<String, MonthWarning> lastWarning = new java.util.HashMap<>();
        LoanBook.read(new StringReader(SyntheticBook.jsonLines(book)), StrictApplicationReader.standard(), loan -> {
            loans.add(loan);
            pm.accept(loan, w -> lastWarning.put(w.loanId(), w), r -> { });
        }, b -> { throw new AssertionError(b.toString()); });
        MonitorSummary s = pm.summary();
        java.time.YearMonth latest = loans.stream().flatMap(l -> l.months().stream()).map(LoanMonth::month)
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
        assertThat(s.asOf()).contains(latest);
        long live = 0;
        long red = 0;
        long withoutLatest = 0;
        long matured = 0;
        for (LoanBook.Loan l : loans) {
            List<LoanMonth> ms = l.months();
            if (ms.isEmpty() || ms.stream().anyMatch(m -> m.status() == RepaymentStatus.DEFAULT)) {
                continue;
            }
            LoanMonth last = ms.get(ms.size() - 1);
            boolean termEnded = last.monthsOnBook() >= l.loan().termMonths() - 1;
            if (termEnded && !last.month().equals(latest)) {
                matured++;
                continue;
            }
            live++;
            if (lastWarning.get(l.loan().loanId()).level() == WarningLevel.RED) {
                red++;
            }
            if (!last.month().equals(latest)) {
                withoutLatest++;
            }
        }
        // the book has loans that matured before its latest month: they are not live
        assertThat(matured).isPositive();
        assertThat(s.liveLoans()).isEqualTo(live).isEqualTo(s.performance().nonDefaultLoans() - matured);
        assertThat(s.redLoans()).isEqualTo(red);
        assertThat(s.redShare()).isEqualTo((double) red / live);
        assertThat(s.redListed()).hasSize((int) Math.min(red, 200));
        assertThat(s.liveWithoutLatestMonth()).isEqualTo(withoutLatest);
    }

    @Test
    void fund_paysItsShareOfLossesAboveTheNplThreshold() {
        var book = SyntheticBook.generate(600, 5, 1.0); // every firm booked
        var scorer = ModelBundle.defaultBundle().scorer();
        // a threshold below this book's NPL rate, so the fund pays: half the losses above 0.5% NPL
        var limits = new MonitorSummary.Limits(0.45, 0.005, 0.5, 0.05, -1, 10);
        PortfolioMonitor pm = PortfolioMonitor.builder().rescorer(Rescorer.of(a -> scorer.score(a).pd()))
                .limits(limits).build();
        LoanBook.read(new StringReader(SyntheticBook.jsonLines(book)), StrictApplicationReader.standard(),
                loan -> pm.accept(loan, w -> { }, r -> { }), b -> { throw new AssertionError(b.toString()); });
        MonitorSummary.Fund f = pm.summary().fund();
        assertThat(f.nplRate()).isGreaterThan(0.005);
        double excessLoss = (f.defaultedCny() - 0.005 * f.bookedCny()) * f.lgd();
        assertThat(f.fundPaysCny()).isPositive();
        assertThat(f.fundPaysCny()).isCloseTo(0.5 * excessLoss, org.assertj.core.api.Assertions.within(1e-6 * f.bookedCny()));
        assertThat(f.bankBearsCny() + f.fundPaysCny()).isCloseTo(f.lossCny(), org.assertj.core.api.Assertions.within(1e-3));
    }
}
