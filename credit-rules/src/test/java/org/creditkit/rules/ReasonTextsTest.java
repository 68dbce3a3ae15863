package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.creditkit.rules.testing.SyntheticRuleInputs;
import org.junit.jupiter.api.Test;

class ReasonTextsTest {

    private static Case newCase() {
        return new Case(SyntheticRuleInputs.generate(5L, 1).get(0),
                PolicyParameters.fromFiles(RuleSetSource.defaultPolicy().files()));
    }

    @Test
    void text_equalsTheConcatenationOfItsParts() {
        Case c = newCase();
        assertThat(c.text("a", "b")).isEqualTo("ab");
        assertThat(c.text("Limit: annual revenue x ", "1.5", " (industry multiple)"))
                .isEqualTo("Limit: annual revenue x 1.5 (industry multiple)");
        assertThat(c.text("定价：基准利率加", "GENERAL", "定价表中", "B", "级利差")).isEqualTo("定价：基准利率加GENERAL定价表中B级利差");
        assertThat(c.text("p", "q", "r", "s")).isEqualTo("pqrs");
    }

    @Test
    void sameParts_giveTheSameKeptTextToEveryDecision() {
        String first = newCase().text("Price: grade ", "C", " in the grid of ", "GENERAL");
        String second = newCase().text("Price: grade ", "C", " in the grid of ", "GENERAL");
        assertThat(second).isSameAs(first);
    }

    @Test
    void partsThatJoinToTheSameText_areKeptApart() {
        Case c = newCase();
        assertThat(c.text("x", "yz")).isEqualTo("xyz");
        assertThat(c.text("xy", "z")).isEqualTo("xyz");
        assertThat(c.text("x", "y", "z")).isEqualTo("xyz");
        // the thread's look-up key, reused for another text, must not change the text kept for the first
        assertThat(c.text("x", "yz")).isEqualTo("xyz");
        assertThat(c.text("head ", "1")).isEqualTo("head 1");
        assertThat(c.text("head ", "2")).isEqualTo("head 2");
        assertThat(c.text("head ", "1")).isEqualTo("head 1");
    }

    @Test
    void manyDistinctTexts_stayCorrectAndTheMemoStaysBounded() {
        ReasonTexts memo = new ReasonTexts(16);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 40; i++) {
                assertThat(memo.join(3, "PD ", Integer.toString(i), "% is high", null, null))
                        .isEqualTo("PD " + i + "% is high");
            }
        }
        assertThat(memo.size()).isEqualTo(16);
    }

    @Test
    void nullPart_isRefusedNamingIt() {
        Case c = newCase();
        assertThatThrownBy(() -> c.text("Grade ", null, " is not priced"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("a reason text's part");
    }
}
