package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.testing.Scenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        return Cli.execute(RulesCommand.class, out, out, args);
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
                .replace("\"seriousViolation\": 36", "\"seriousViolation\": -1"));
        assertThat(run("check", rules.toString())).isEqualTo(2);
        assertThat(out.toString())
                .contains("hard-stops.drl:11:11 the name 'System' is not allowed")
                .contains("parameters.json:5:69 $.repairPeriods.seriousViolation: -1 is out of range, must be in [0, 240]")
                .contains("2 problem(s) in ");
    }

    @Test
    void check_ownScenariosFireEveryRule_noWarning() throws IOException {
        copyScenariosInto(rules.resolve("scenarios"));
        assertThat(run("check", rules.toString(), "--strict")).as(out.toString()).isZero();
        assertThat(out.toString()).doesNotContain("warning").doesNotContain("error");
    }

    @Test
    void check_ruleNoScenarioFires_warnsAndStrictMakesItAnError() throws IOException {
        copyScenariosInto(rules.resolve("scenarios"));
        Files.writeString(rules.resolve("extra.drl"), "package org.creditkit.rules.policy;\n\nimport org.creditkit.rules.*;\n\n"
                + "rule \"review-very-long-term\"\nwhen\n    $c : Case( input.requestedTermMonths > 300 )\nthen\n"
                + "    $c.tier(drools.getRule().getName(), Tier.MANUAL_REVIEW, \"long\", \"长\");\nend\n");
        assertThat(run("check", rules.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("warning: extra.drl:5:1 rule \"review-very-long-term\" is fired by no scenario")
                .contains("1 warning(s)");
        assertThat(run("check", rules.toString(), "--strict")).isEqualTo(2);
        assertThat(out.toString()).contains("error: extra.drl:5:1 rule \"review-very-long-term\" is fired by no scenario");
    }

    @Test
    void check_directoryWithoutScenarios_warnsThatReloadsAreRefused() {
        assertThat(run("check", rules.toString())).isZero();
        assertThat(out.toString()).contains("has no scenarios/ folder").contains("withoutScenarioGate()");
        assertThat(run("check", rules.toString(), "--strict")).isEqualTo(2);
    }

    private void copyScenariosInto(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (var f : Scenarios.defaultScenarioFiles().entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void ruleFileWithUpperCaseExtensionOrABackupCopy_isRefused_notSilentlyLeftOut() throws IOException {
        // hard-stops.DRL used to be skipped: check said "no problems" and decide ran without the hard stops
        Files.move(rules.resolve("hard-stops.drl"), rules.resolve("hard-stops.DRL"));
        Files.writeString(rules.resolve("limit-and-price.drl.bak"), "old");
        Files.writeString(rules.resolve("README.md"), "notes");
        Files.createDirectory(rules.resolve(".git"));
        assertThat(run("check", rules.toString())).isEqualTo(2);
        assertThat(out.toString())
                .contains("hard-stops.DRL:1:1 is not read (the extension must be lower case): this folder holds .drl rule files")
                .contains("limit-and-price.drl.bak:1:1 is not read (a copy or backup is not read)")
                .doesNotContain("README.md").doesNotContain(".git:");
    }

    @Test
    void scenarioWithUpperCaseExtension_isRefused_notSkipped() throws IOException {
        copyScenariosInto(rules.resolve("scenarios"));
        Path one = rules.resolve("scenarios").resolve("01-clean-instant-approval.json");
        Files.move(one, one.resolveSibling("01-clean-instant-approval.JSON"));
        assertThat(run("test", rules.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("01-clean-instant-approval.JSON:1:1 is not read (the extension must be lower "
                + "case): this folder holds .json scenario files");
    }

    @Test
    void check_missingDirectory_isAUsageError_exit3() {
        assertThat(run("check", tmp.resolve("nope").toString())).isEqualTo(3);
        assertThat(out.toString()).contains("no such directory").contains("credit rules init");
    }

    @Test
    void test_defaultScenarios_allPass() {
        assertThat(run("test", rules.toString(), "--scenarios", scenarios.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("PASS 01-clean-instant-approval").contains("66 passed, 0 failed");
    }

    @Test
    void test_changedThreshold_failsCasesAndShowsDifference() throws IOException {
        Path params = rules.resolve(PolicyParametersFile.NAME);
        // each list has its own repair period: shortening the dishonest-debtor one moves only its scenario
        Files.writeString(params, Files.readString(params).replace("\"dishonestDebtor\": 12", "\"dishonestDebtor\": 3"));
        assertThat(run("test", rules.toString(), "--scenarios", scenarios.toString())).isEqualTo(2);
        assertThat(out.toString())
                .contains("FAIL 07-yellow-card-recent-repair\n     tier: expected MANUAL_REVIEW, got INSTANT_APPROVAL\n"
                        + "     firedRules: expected but not fired [review-yellow-card-recently-repaired],"
                        + " fired but not expected []")
                .contains("PASS 57-review-tax-violation-recently-repaired")
                .contains("65 passed, 1 failed");
    }

    @Test
    void test_misspeltExpectedRuleOrProduct_saysItIsNotInTheSet_atTheLine_withTheNearestName() throws IOException {
        Path s01 = scenarios.resolve("01-clean-instant-approval.json");
        Files.writeString(s01, Files.readString(s01).replace("\"instant-low-risk\"", "\"instant-low-rsik\""));
        Path s02 = scenarios.resolve(Files.list(scenarios).map(p -> p.getFileName().toString()).sorted()
                .filter(n -> !n.startsWith("01-")).findFirst().orElseThrow());
        String text = Files.readString(s02);
        String product = text.replaceAll("(?s).*\"product\": \"([A-Z_]+)\".*", "$1");
        Files.writeString(s02, text.replace("\"product\": \"" + product + "\"", "\"product\": \"" + product
                + "X\""));
        assertThat(run("test", rules.toString(), "--scenarios", scenarios.toString())).isEqualTo(2);
        assertThat(out.toString()).containsPattern("FAIL 01-clean-instant-approval\n     01-clean-instant-approval"
                + "\\.json:23:\\d+ \\$\\.expect\\.firedRules\\[0\\]: expected rule 'instant-low-rsik' is not a rule"
                + " of " + java.util.regex.Pattern.quote(rules.toString()) + "; did you mean 'instant-low-risk'\\?")
                .contains("$.input.product: product '" + product + "X' is not a product of " + rules
                        + " (products.json); did you mean '" + product + "'?")
                .contains("64 passed, 2 failed");
    }

    @Test
    void test_withoutScenariosOption_runsTheDirectorysOwnScenarios() throws IOException {
        assertThat(run("test", rules.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("scenarios").contains("no scenario was run");
        copyScenariosInto(rules.resolve("scenarios"));
        assertThat(run("test", rules.toString())).as(out.toString()).isZero();
    }

    @Test
    void init_writesAnEditableDefaultPolicyWithScenarios_thatPassesItsTests_andNeverOverwrites() throws IOException {
        Path mine = tmp.resolve("my-policy");
        assertThat(run("init", mine.toString())).as(out.toString()).isZero();
        assertThat(mine.resolve("risk-tiers.drl")).hasContent(RuleSetSource.defaultPolicy().files().get("risk-tiers.drl"));
        assertThat(mine.resolve(PolicyParametersFile.NAME)).exists();
        try (var files = Files.list(mine.resolve("scenarios"))) {
            assertThat(files.count()).isEqualTo(Scenarios.defaultScenarioFiles().size());
        }
        assertThat(run("test", mine.toString(), "--scenarios", mine.resolve("scenarios").toString()))
                .as(out.toString()).isZero();

        Files.writeString(mine.resolve("risk-tiers.drl"), "// my edit");
        assertThat(run("init", mine.toString())).isEqualTo(3);
        assertThat(out.toString()).contains("already holds").contains("risk-tiers.drl").contains("nothing was written");
        assertThat(mine.resolve("risk-tiers.drl")).hasContent("// my edit");
    }

    /** The parameters file name, as a risk team sees it. */
    static final class PolicyParametersFile {
        static final String NAME = "parameters.json";
    }
}
