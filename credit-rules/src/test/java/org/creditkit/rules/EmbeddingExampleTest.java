package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.score.bundle.ModelBundle;
import org.junit.jupiter.api.Test;

/** The README's "Embedding" snippet, as code that must keep compiling and working. */
class EmbeddingExampleTest {

    @Test
    void readmeSnippet_decidesTheDocumentedExampleApplication() throws Exception {
        Path example = Path.of("..", "docs", "examples", "application.json");
        String json = Files.readString(example);

        try (CreditEngine engine = CreditEngine.builder()
                .model(ModelBundle.defaultBundle())
                .rules(RuleSetSource.defaultPolicy())
                .build()) {
            LoanApplication application = StrictApplicationReader.standard().read(json);
            Decision decision = engine.decide(application);

            assertThat(decision.applicationId()).isEqualTo(application.id());
            assertThat(decision.tier()).isNotNull();
            assertThat(decision.approvedAmount().scale()).isEqualTo(2);
            assertThat(decision.rulesetVersion()).matches("[0-9a-f]{64}").isEqualTo(engine.rulesetVersion());
            assertThat(decision.modelId()).isEqualTo(engine.modelId());
            assertThat(decision.firedRules()).isNotEmpty();
            assertThat(decision.reasons()).isNotEmpty();
        }
    }
}
