package org.creditkit.core.monitor;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.LoanBookGenerator;
import org.creditkit.core.synth.PortfolioGenerator;

/** Test fixture: a synthetic book of the portfolio's applications with a true PD up to a cut-off. */
final class SyntheticBook {

    private SyntheticBook() {
    }

    static List<LoanBookGenerator.GeneratedLoan> generate(int applications, long seed, double maxPd) {
        List<LabeledApplication> apps = PortfolioGenerator.of(GeneratorConfig.builder().count(applications).seed(seed)
                .build()).generateAll();
        LoanBookGenerator gen = LoanBookGenerator.of(seed);
        List<LoanBookGenerator.GeneratedLoan> out = new ArrayList<>();
        long i = 0;
        for (LabeledApplication la : apps) {
            var outcome = la.outcome().orElseThrow();
            double pd = outcome.truePd().orElseThrow();
            if (pd > maxPd) {
                continue;
            }
            var app = la.application();
            BookedLoan loan = new BookedLoan("L-" + app.id(), YearMonth.from(app.applicationTime().atOffset(ZoneOffset.ofHours(8))),
                    app.amount(), Math.max(app.termMonths(), 12), app);
            out.add(gen.generate(loan, pd, outcome.defaulted12m(), i++));
        }
        return out;
    }

    static String jsonLines(List<LoanBookGenerator.GeneratedLoan> book) {
        StringWriter w = new StringWriter();
        for (var g : book) {
            LoanBook.writeLoan(g.loan(), w);
            for (LoanMonth m : g.months()) {
                LoanBook.writeMonth(m, w);
            }
        }
        return w.toString();
    }

    static BigDecimal total(List<LoanBookGenerator.GeneratedLoan> book) {
        return book.stream().map(g -> g.loan().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
