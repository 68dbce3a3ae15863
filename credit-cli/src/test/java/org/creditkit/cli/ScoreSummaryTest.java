package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.Test;

class ScoreSummaryTest {

    @Test
    void of_generatedPortfolio_countsEveryGradeAndReportsOracle() {
        List<LabeledApplication> p = PortfolioGenerator.of(GeneratorConfig.builder().count(2000).seed(5).build())
                .generateAll();
        ScoreSummary s = ScoreSummary.of(p, ModelBundle.defaultBundle().scorer());
        assertThat(s.count()).isEqualTo(2000);
        assertThat(s.byGrade().stream().mapToLong(ScoreSummary.GradeRow::count).sum()).isEqualTo(2000);
        assertThat(s.byGrade()).extracting(ScoreSummary.GradeRow::grade).containsExactly("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D");
        assertThat(s.auc()).isGreaterThan(0.6).isLessThanOrEqualTo(1.0);
        assertThat(s.oracleAuc()).isPresent();
        assertThat(s.meanPd()).isCloseTo(s.defaults() / 2000.0, within(0.05));
        assertThat(s.toText()).contains("AUC against recorded outcomes").contains("oracle AUC");
    }
}
