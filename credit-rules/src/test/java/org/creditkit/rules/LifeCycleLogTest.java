package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.Test;

/**
 * The SLF4J life-cycle lines (read through the tests' binding, {@link CapturedLogs}): bundle loaded,
 * rule set built, reload accepted or refused with its reasons; nothing per decision (sessions
 * live as long as their rule set since Drools 10.2.0, so none is recycled), and no applicant's id,
 * USCC or name in any line.
 */
class LifeCycleLogTest {

    /** The lines logged since {@code from} lines had been. */
    private static List<String> since(int from) {
        List<String> all = CapturedLogs.lines();
        return all.subList(from, all.size());
    }

    @Test
    void engineLifeCycle_logsBundleRuleSetAndReload_butNothingPerDecisionAndNoApplicantData() {
        int start = CapturedLogs.lines().size();
        ModelBundle bundle = ModelBundle.defaultBundle();
        PortfolioGenerator generator = PortfolioGenerator.of(GeneratorConfig.builder().count(1_000).seed(9L).build());
        List<LoanApplication> apps = java.util.stream.LongStream.range(0, 1_000)
                .mapToObj(i -> generator.generate(i).application()).toList();
        try (CreditEngine engine = CreditEngine.defaults()) {
            List<String> built = since(start);
            assertThat(built).anySatisfy(l -> assertThat(l).startsWith("INFO org.creditkit.rules.CreditEngine: model bundle "
                    + bundle.id() + " " + bundle.version() + " loaded (" + bundle.checksum() + ")"));
            assertThat(built).anySatisfy(l -> assertThat(l).startsWith("INFO org.creditkit.rules.RuleSets: rule set "
                    + RuleSetSource.defaultPolicy().version().substring(0, 12) + " built from classpath:"));

            int beforeDecisions = CapturedLogs.lines().size();
            for (LoanApplication a : apps) {
                engine.decide(a);
            }
            assertThat(since(beforeDecisions)).as("nothing is logged per decision").isEmpty();

            int beforeReloads = CapturedLogs.lines().size();
            assertThat(engine.reloadRules(RuleSetSource.defaultPolicy()).accepted()).isTrue();
            // the default policy's rule files without their scenarios: refused, nothing would gate it
            assertThat(engine.reloadRules(RuleSetSource.of("test:ungated", RuleSetSource.defaultPolicy().files()))
                    .accepted()).isFalse();
            List<String> reloads = since(beforeReloads);
            assertThat(reloads).anySatisfy(l -> assertThat(l).startsWith("INFO org.creditkit.rules.RuleEngine: "
                    + "rule set reload from classpath:").contains(" accepted: "));
            assertThat(reloads).anySatisfy(l -> assertThat(l).startsWith("WARN org.creditkit.rules.RuleEngine: "
                    + "rule set reload from test:ungated refused, ").contains("1 problem(s)")
                    .contains("no scenario gates this reload"));
        }
        List<String> all = since(start);
        for (LoanApplication a : apps) {
            for (String l : all) {
                assertThat(l).doesNotContain(a.id()).doesNotContain(a.enterprise().uscc().value())
                        .doesNotContain(a.enterprise().name());
            }
        }
    }
}
