package org.creditkit.rules.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.CreditEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionJsonTest {

    static CreditEngine engine;
    static List<LoanApplication> applications;

    @BeforeAll
    static void setUp() {
        engine = CreditEngine.defaults();
        PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().count(20).seed(17L).build());
        applications = LongStream.range(0, 20).mapToObj(i -> gen.generate(i).application()).toList();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void line_isOneJsonObjectInUtf8EndingWithNewline() throws Exception {
        LoanApplication a = applications.get(0);
        CreditEngine.Evaluation ev = engine.evaluate(a, Optional.of(true));
        byte[] line = DecisionJson.writer().line(a, ev, Optional.of(true));
        String text = new String(line, StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n").doesNotContain("\n{");
        JsonNode node = new ObjectMapper().readTree(text);
        assertThat(node.get("applicationId").asText()).isEqualTo(a.id());
        assertThat(node.get("tier").asText()).isEqualTo(ev.decision().tier().name());
        assertThat(node.get("reasons")).hasSize(ev.decision().reasons().size());
        assertThat(node.get("reasons").get(0).get("zh").asText()).isEqualTo(ev.decision().reasons().get(0).zh());
        assertThat(node.get("pd").asDouble()).isEqualTo(ev.score().pd());
        assertThat(node.get("defaulted").asBoolean()).isTrue();
    }

    @Test
    void line_reusedWriter_writesEachLineAsAFreshWriterWould() {
        DecisionJson reused = DecisionJson.writer();
        for (LoanApplication a : applications) {
            CreditEngine.Evaluation ev = engine.evaluate(a, Optional.empty());
            assertThat(reused.line(a, ev, Optional.empty()))
                    .isEqualTo(DecisionJson.writer().line(a, ev, Optional.empty()));
        }
    }

    @Test
    void text_withoutOutcome_leavesDefaultedOutAndHasNoLineEnd() {
        LoanApplication a = applications.get(1);
        String text = DecisionJson.writer().text(a, engine.evaluate(a, Optional.empty()), Optional.empty());
        assertThat(text).startsWith("{\"applicationId\":").endsWith("}").doesNotContain("defaulted");
    }

    @Test
    void withoutLoneSurrogates_replacesOnlyUnpairedOnesAsUtf8EncodingDoes() {
        for (String id : List.of("SYN-1", "SYN-\ud83d\ude00", "SYN-\ud800x", "\ude00SYN", "SYN\ud83d")) {
            assertThat(DecisionJson.withoutLoneSurrogates(id).getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(id.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(DecisionJson.withoutLoneSurrogates("SYN-\ud800x")).isEqualTo("SYN-?x");
    }
}
