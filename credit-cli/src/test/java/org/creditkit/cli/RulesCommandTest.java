package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.Scenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RulesCommandTest {

    @TempDir
    Path tmp;
    Path rules;
    Path scenarios;
    StringWriter out;

    @BeforeEach
    void copyDefaultPolicy() throws IOException {
        rules = Files.createDirectory(tmp.resolve("rules"));
        scenarios = Files.createDirectory(tmp.resolve("scenarios"));
        for (Map.Entry<String, String> f : RuleSetSource.defaultPolicy().files().entrySet()) {
            Files.writeString(rules.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> f : Scenarios.defaultScenarioFiles().entrySet()) {
            Files.writeString(scenarios.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
    }

    int run(String... args) {
        out = new StringWriter();
        CommandLine cl = new CommandLine(new RulesCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        return cl.execute(args);
    }

    @Test
    void check_defaultPolicy_exitsZero() {
        assertThat(run("check", rules.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("has no problems");
    }

    @Test
    void check_brokenRuleAndForbiddenCall_exitsOneWithEveryProblemLocated() throws IOException {
        Path drl = rules.resolve("hard-stops.drl");
        Files.writeString(drl, Files.readString(drl).replace("$c : Case( !input.consent )",
                "$c : Case( !input.consent )\n    eval( System.currentTimeMillis() > 0 )"));
        Files.writeString(rules.resolve(PolicyParametersFile.NAME), Files.readString(rules.resolve(PolicyParametersFile.NAME))
                .replace("\"yellowCardMonths\": 12", "\"yellowCardMonths\": -1"));
        assertThat(run("check", rules.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("hard-stops.drl:11:11 'System' is not allowed in rule files")
                .contains("parameters.json:5:3 $.yellowCardMonths: -1 is out of range, must be in [0, 240]")
                .contains("2 problem(s) in ");
    }

    @Test
    void check_missingDirectory_exitsOne() {
        assertThat(run("check", tmp.resolve("nope").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("is not a directory");
    }

    @Test
    void test_defaultScenarios_allPass() {
        assertThat(run("test", rules.toString(), "--scenarios", scenarios.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("PASS 01-clean-instant-approval").contains("47 passed, 0 failed");
    }

    @Test
    void test_changedThreshold_failsCasesAndShowsDifference() throws IOException {
        Path params = rules.resolve(PolicyParametersFile.NAME);
        Files.writeString(params, Files.readString(params).replace("\"yellowCardMonths\": 12", "\"yellowCardMonths\": 3"));
        assertThat(run("test", rules.toString(), "--scenarios", scenarios.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL 07-yellow-card-recent-repair\n     tier: expected MANUAL_REVIEW, got INSTANT_APPROVAL\n"
                        + "     firedRules: expected but not fired [review-yellow-card-recently-repaired],"
                        + " fired but not expected []")
                .contains("46 passed, 1 failed");
    }

    @Test
    void test_missingScenariosOption_isUsageError() {
        assertThat(run("test", rules.toString())).isEqualTo(2);
    }

    /** The parameters file name, as a risk team sees it. */
    static final class PolicyParametersFile {
        static final String NAME = "parameters.json";
    }
}
