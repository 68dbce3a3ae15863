package org.creditkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditExceptionTest {

    @Test
    void bothTiers_areOneFamily_andCarryEveryProblem() {
        List<Problem> problems = List.of(Problem.of("$.a", "must be > 0"), Problem.of("$.b", "is unknown"));
        CreditException data = new CreditDataException(problems);
        CreditException model = new CreditModelException(problems);

        assertThat(data.problems()).isEqualTo(problems);
        assertThat(model.problems()).isEqualTo(problems);
        assertThat(data).hasMessage("2 problems:\n  $.a: must be > 0\n  $.b: is unknown");
    }

    @Test
    void singleProblemWithCause_keepsTheCause() {
        IOException io = new IOException("disk gone");
        CreditException e = new CreditDataException("in.jsonl", "cannot be read", io);

        assertThat(e).hasMessage("in.jsonl: cannot be read").hasCause(io);
        assertThat(e.problems()).containsExactly(Problem.of("in.jsonl", "cannot be read"));
    }

    @Test
    void everyTier_isACreditException_soACallerCatchesOneType() {
        List<CreditException> all = List.of(new CreditDataException("$.a", "bad"),
                new CreditModelException("model m", "broken"), new CreditRuleSetException("a.drl:1:1", "broken"),
                new CreditDecisionException("application A", "rule r failed"));

        assertThat(all).extracting(e -> e.problems().size()).containsOnly(1);
        assertThat(all).extracting(Throwable::getMessage).containsExactly("$.a: bad", "model m: broken",
                "a.drl:1:1: broken", "application A: rule r failed");
    }

    @Test
    void problemWithoutLocation_printsTheMessageOnly() {
        assertThat(new CreditDataException(List.of(Problem.of("", "pd must be in [0, 1]"))))
                .hasMessage("pd must be in [0, 1]");
    }

    @Test
    void noProblem_isRejected() {
        assertThatThrownBy(() -> new CreditModelException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
