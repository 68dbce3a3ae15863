package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.monitor.BookedLoan;
import org.creditkit.core.monitor.LoanBook;
import org.creditkit.core.monitor.MonthWarning;
import org.creditkit.core.monitor.PortfolioMonitor;
import org.creditkit.core.monitor.Rescorer;
import org.creditkit.core.monitor.WarningLevel;
import org.creditkit.core.monitor.WarningParameters;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.LoanBookGenerator;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WarningRulesTest {

    private static WarningRules rules;

    @BeforeAll
    static void compile() {
        rules = WarningRules.defaults();
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    @Test
    void defaultWarningRules_passTheAllowListChecker_andEveryScenario() {
        assertThat(WarningRules.check(WarningRules.defaultSource())).isEmpty();
        List<WarningRules.ScenarioResult> results = rules.runScenarios();
        assertThat(results).hasSize(10);
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        // every rule is exercised by some scenario
        assertThat(results.stream().flatMap(r -> r.result().firedRules().stream()).distinct())
                .containsExactlyInAnyOrderElementsOf(rules.ruleNames());
    }

    @Test
    void defaultWarningRules_gradeEveryLoanMonthOfAGeneratedBookAsTheJavaLoanMonitorDoes() {
        List<LoanBook.Loan> book = book(2_000, 41L);
        var scorer = ModelBundle.defaultBundle().scorer();
        Rescorer rescorer = Rescorer.of(a -> scorer.score(a).pd());
        PortfolioMonitor java = PortfolioMonitor.builder().rescorer(rescorer).build();
        Map<String, Integer> fired = new TreeMap<>();
        PortfolioMonitor drools = PortfolioMonitor.builder().rescorer(rescorer)
                .grader((loan, month, signals, originationPd, currentPd) -> {
                    WarningRules.Result r = rules.evaluate(month, signals, originationPd, currentPd);
                    r.firedRules().forEach(n -> fired.merge(n, 1, Integer::sum));
                    return r.level();
                }).build();
        List<MonthWarning> byJava = new ArrayList<>();
        List<MonthWarning> byRules = new ArrayList<>();
        for (LoanBook.Loan loan : book) {
            java.accept(loan, byJava::add, r -> { });
            drools.accept(loan, byRules::add, r -> { });
        }
        assertThat(byRules).hasSameSizeAs(byJava);
        List<String> differences = new ArrayList<>();
        Map<WarningLevel, Integer> levels = new EnumMap<>(WarningLevel.class);
        for (int i = 0; i < byJava.size(); i++) {
            MonthWarning j = byJava.get(i);
            levels.merge(j.level(), 1, Integer::sum);
            if (!j.equals(byRules.get(i))) {
                differences.add(j + " vs " + byRules.get(i));
            }
        }
        assertThat(differences).isEmpty();
        // not vacuous: tens of thousands of loan-months, every level, every rule of the default set fired
        assertThat(byJava.size()).isGreaterThan(20_000);
        assertThat(levels.keySet()).containsExactlyInAnyOrder(WarningLevel.values());
        assertThat(new TreeSet<>(fired.keySet())).isEqualTo(new TreeSet<>(rules.ruleNames()));
        assertThat(drools.summary().performance()).isEqualTo(java.summary().performance());
    }

    @Test
    void aRiskTeamRule_overTheMonthlyFacts_raisesTheLevel_withItsReason() {
        String drl = """
                package org.creditkit.rules.policy;
                import org.creditkit.rules.*;
                import org.creditkit.core.monitor.WarningLevel;

                rule "orange-three-lawsuits-in-a-month"
                when
                    $w : WarningCase( newCourtCases >= 3, monthsOnBook < 12 )
                then
                    $w.raise(drools.getRule().getName(), WarningLevel.ORANGE,
                        $w.getNewCourtCases() + " new lawsuits in one month", "当月新增诉讼" + $w.getNewCourtCases() + "起");
                end
                """;
        try (WarningRules custom = WarningRules.compile(RuleSetSource.of("test", Map.of("lawsuits.drl", drl)),
                WarningParameters.defaults())) {
            var scenarios = WarningRules.parseScenarios("test", new TreeMap<>(Map.of("a.json", """
                    {"input": {"signals": ["LAWSUITS_CLUSTER"], "newCourtCases": 3, "monthsOnBook": 4},
                     "expect": {"level": "ORANGE", "firedRules": ["orange-three-lawsuits-in-a-month"]}}
                    """, "b.json", """
                    {"input": {"signals": ["LAWSUITS_CLUSTER"], "newCourtCases": 3, "monthsOnBook": 12},
                     "expect": {"level": "NONE", "firedRules": []}}
                    """)), WarningParameters.defaults());
            List<WarningRules.ScenarioResult> results = custom.runScenarios(scenarios);
            assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
            assertThat(results.get(0).result().verdicts().get(0).reason().zh()).isEqualTo("当月新增诉讼3起");
        }
    }

    @Test
    void warningRules_refuseADecisionFact_andUnlistedCalls_withFileAndLine() {
        String drl = """
                package org.creditkit.rules.policy;
                import org.creditkit.rules.*;
                import org.creditkit.core.monitor.WarningLevel;

                rule "matches-the-wrong-fact"
                when
                    $c : Case( input.pd > 0.5 )
                then
                end

                rule "reads-the-clock"
                when
                    $w : WarningCase( )
                then
                    $w.raise(drools.getRule().getName(), WarningLevel.RED, java.time.LocalDate.now().toString(), "x");
                end
                """;
        List<RuleProblem> problems = WarningRules.check(RuleSetSource.of("test", Map.of("bad.drl", drl)));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("bad.drl");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("the only fact is WarningCase");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.line()).isEqualTo(15));
        assertThatThrownBy(() -> WarningRules.compile(RuleSetSource.of("test", Map.of("bad.drl", drl)),
                WarningParameters.defaults())).isInstanceOf(RuleSetException.class).hasMessageContaining("bad.drl:7");
    }

    @Test
    void aMisspeltExpectedWarningRule_isNamedAsNotARuleOfTheSet_atItsLine_withTheNearestRule() {
        String drl = """
                package org.creditkit.rules.policy;
                import org.creditkit.rules.*;
                import org.creditkit.core.monitor.WarningLevel;

                rule "orange-three-lawsuits-in-a-month"
                when
                    $w : WarningCase( newCourtCases >= 3 )
                then
                    $w.raise(drools.getRule().getName(), WarningLevel.ORANGE, "lawsuits", "诉讼");
                end
                """;
        try (WarningRules custom = WarningRules.compile(RuleSetSource.of("my-warnings", Map.of("lawsuits.drl", drl)),
                WarningParameters.defaults())) {
            var scenarios = WarningRules.parseScenarios("test", new TreeMap<>(Map.of("a.json", """
                    {"input": {"signals": ["LAWSUITS_CLUSTER"], "newCourtCases": 3},
                     "expect": {"level": "ORANGE",
                                "firedRules": ["orange-three-lawsuit-in-a-month"]}}
                    """)), WarningParameters.defaults());
            WarningRules.ScenarioResult r = custom.runScenarios(scenarios).get(0);
            assertThat(r.passed()).isFalse();
            assertThat(r.differences().get(0)).isEqualTo("a.json:3:28 $.expect.firedRules[0]: expected rule"
                    + " 'orange-three-lawsuit-in-a-month' is not a rule of my-warnings; did you mean"
                    + " 'orange-three-lawsuits-in-a-month'?");
        }
    }

    @Test
    void aMalformedWarningScenario_isRefusedWithItsFileAndJsonPath() {
        assertThatThrownBy(() -> WarningRules.parseScenarios("dir", new TreeMap<>(Map.of("x.json", """
                {"input": {"signals": ["NO_SUCH_SIGNAL"], "loanDaysPastDue": -1}, "expect": {"level": "PURPLE", "firedRules": []}}
                """)), WarningParameters.defaults()))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("NO_SUCH_SIGNAL").hasMessageContaining("loanDaysPastDue")
                .hasMessageContaining("PURPLE");
    }

    /** The approved loans of a synthetic portfolio with their 24 generated months (as {@code credit book}, without the engine). */
    private static List<LoanBook.Loan> book(int applications, long seed) {
        List<LabeledApplication> apps = PortfolioGenerator.of(GeneratorConfig.builder().count(applications).seed(seed)
                .build()).generateAll();
        LoanBookGenerator gen = LoanBookGenerator.of(seed);
        List<LoanBook.Loan> out = new ArrayList<>();
        long i = 0;
        for (LabeledApplication la : apps) {
            var outcome = la.outcome().orElseThrow();
            var app = la.application();
            BookedLoan loan = new BookedLoan("L-" + app.id(), YearMonth.from(app.applicationTime()
                    .atOffset(ZoneOffset.ofHours(8))), app.amount(), Math.max(app.termMonths(), 12), app);
            var g = gen.generate(loan, outcome.truePd().orElseThrow(), outcome.defaulted12m(), i++);
            out.add(new LoanBook.Loan(g.loan(), g.months()));
        }
        return out;
    }
}
