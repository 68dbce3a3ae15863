package org.creditkit.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.creditkit.core.score.bundle.ModelBundle;
import org.junit.jupiter.api.Test;

class ApplicationUpdaterTest {

    @Test
    void rollForward_extendsSeriesAndAccumulatesEvents() {
        var book = SyntheticBook.generate(300, 13, 1.0);
        var g = book.stream().filter(x -> x.defaultMonth().isPresent() && x.loan().application().sources().tax().isPresent())
                .findFirst().orElseThrow();
        var months = g.months().subList(0, g.months().size() - 1);
        var app = ApplicationUpdater.rollForward(g.loan(), months);
        var before = g.loan().application().sources();
        var after = app.sources();
        assertThat(after.tax().get().declaredSales().length())
                .isEqualTo(before.tax().get().declaredSales().length() + months.size());
        assertThat(after.tax().get().declaredSales().lastMonth()).isEqualTo(months.get(months.size() - 1).month());
        int newCases = months.stream().mapToInt(LoanMonth::newCourtCases).sum();
        int oldCases = before.courts().map(c -> c.casesAsDefendant()).orElse(0);
        assertThat(after.courts().map(c -> c.casesAsDefendant()).orElse(0)).isEqualTo(oldCases + newCases);
        assertThat(app.applicationTime()).isAfter(g.loan().application().applicationTime());
    }

    @Test
    void rescoring_pdOfLoansBeforeDefaultRisesMoreThanOfHealthyLoans() {
        var book = SyntheticBook.generate(2_000, 17, 0.3);
        var scorer = ModelBundle.defaultBundle().scorer();
        double riseBad = 0;
        int nBad = 0;
        double riseGood = 0;
        int nGood = 0;
        for (var g : book) {
            var ms = g.months();
            if (ms.size() < 6) {
                continue;
            }
            int upTo = g.defaultMonth().isPresent() ? ms.size() - 2 : ms.size();
            double pd0 = scorer.score(g.loan().application()).pd();
            double pd1 = scorer.score(ApplicationUpdater.rollForward(g.loan(), ms.subList(0, upTo))).pd();
            if (g.defaultMonth().isPresent()) {
                riseBad += pd1 - pd0;
                nBad++;
            } else {
                riseGood += pd1 - pd0;
                nGood++;
            }
        }
        assertThat(nBad).isGreaterThan(20);
        assertThat(riseBad / nBad).isGreaterThan(riseGood / nGood + 0.05);
    }
}
