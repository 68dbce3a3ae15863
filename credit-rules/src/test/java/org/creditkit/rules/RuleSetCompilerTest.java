package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetCompilerTest {

    static final String HEADER = "package org.creditkit.rules.policy;\n\nimport org.creditkit.rules.*;\n\n";
    static final String PARAMS = RuleSetSource.defaultPolicy().files().get(PolicyParameters.FILE_NAME);
    static final String PRODUCTS = RuleSetSource.defaultPolicy().files().get(PolicyParameters.PRODUCTS_FILE_NAME);

    static RuleSetSource source(String drl) {
        return RuleSetSource.of("test", Map.of("a.drl", drl, PolicyParameters.FILE_NAME, PARAMS, PolicyParameters.PRODUCTS_FILE_NAME, PRODUCTS));
    }

    static String rule(String name, String when, String then) {
        return "rule \"" + name + "\"\nwhen\n" + when + "\nthen\n" + then + "\nend\n\n";
    }

    @Test
    void check_defaultPolicy_hasNoProblems() {
        assertThat(RuleSets.check(RuleSetSource.defaultPolicy())).isEmpty();
    }

    @Test
    void compile_recordsTheInputsEachRuleReads_inConditionsAndConsequences() {
        RuleSetCompiler.Compiled c = RuleSetCompiler.compile(RuleSetSource.defaultPolicy());
        try {
            assertThat(c.ruleInputs().get("decline-red-card-unrepaired-dishonest-debtor")).contains("debtorStatus");
            assertThat(c.ruleInputs().get("review-yellow-card-recently-repaired"))
                    .as("$c.input().monthsSinceRepair() in the consequence").contains("debtorStatus", "monthsSinceRepair");
            assertThat(c.ruleInputs().get("instant-low-risk")).contains("pd", "requestedAmount", "product");
            assertThat(c.ruleInputs().get("review-data-quality-flags")).containsAnyOf("reviewFlagged", "dataQualityFlags");
            assertThat(c.ruleInputs().keySet()).containsAll(c.ruleNames());
            c.ruleInputs().values().forEach(members -> members.forEach(m ->
                    assertThat(RuleInputMapper.knows(m)).as("where %s comes from", m).isTrue()));
        } finally {
            RuleSetCompiler.dispose(c);
        }
    }

    @Test
    void check_syntaxError_pointsAtDrlLineAndColumn() {
        String drl = HEADER + rule("ok", "    $c : Case( input.consent )", "    $c.tier(\"ok\", Tier.DECLINE, \"a\", \"b\");")
                + "rule \"broken\"\nwhen\n    Case( input.consent \nthen\nend\n";
        List<RuleProblem> problems = RuleSets.check(source(drl));
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).file()).isEqualTo("a.drl");
        assertThat(problems.get(0).line()).isEqualTo(15);
        assertThat(problems.get(0).toString()).startsWith("a.drl:15:");
    }

    @Test
    void check_unknownFieldAndBadConsequence_eachPointsAtItsRuleLine() {
        String drl = HEADER
                + rule("good", "    $c : Case( input.consent )", "    $c.tier(\"good\", Tier.DECLINE, \"a\", \"b\");")
                + rule("unknown-field", "    $c : Case( input.turnover > 1 )", "    $c.tier(\"x\", Tier.DECLINE, \"a\", \"b\");")
                + rule("bad-consequence", "    $c : Case( input.consent )", "    $c.tier(\"x\", Tier.DECLINE, undefinedText, \"b\");");
        List<RuleProblem> problems = RuleSets.check(source(drl));
        assertThat(problems).extracting(RuleProblem::file).containsOnly("a.drl");
        // "turnover" is on line 14 col 22; "undefinedText" on line 23 col 32
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.column()).isEqualTo(22);
            assertThat(p.message()).contains("turnover");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(23);
            assertThat(p.column()).isEqualTo(32);
            assertThat(p.message()).contains("undefinedText");
        });
    }

    @Test
    void compile_brokenParameters_reportsFileAndKey() {
        String params = PARAMS.replace("\"reducedLimitFactor\": 0.5", "\"reducedLimitFactor\": 1.5");
        RuleSetSource src = RuleSetSource.defaultPolicy().with(PolicyParameters.FILE_NAME, params);
        assertThatThrownBy(() -> RuleSets.compile(src)).isInstanceOfSatisfying(RuleSetException.class,
                e -> assertThat(e.ruleProblems()).extracting(Object::toString).containsExactly(
                        "parameters.json:7:3 $.reducedLimitFactor: 1.5 is out of range, must be in (0, 1]"));
    }

    @Test
    void compile_duplicateRuleNames_areRejected() {
        String drl = HEADER + rule("same", "    Case( input.consent )", "") + rule("same", "    Case( !input.consent )", "");
        assertThat(RuleSets.check(source(drl))).extracting(Object::toString)
                .anySatisfy(s -> assertThat(s).startsWith("a.drl:12:1 duplicate rule name 'same'"));
    }
}
