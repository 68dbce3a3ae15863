package org.creditkit.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.creditkit.rules.CompiledRuleSet;
import org.creditkit.rules.MitigationMeasure;
import org.creditkit.rules.PlainJavaPolicy;
import org.creditkit.rules.RuleSetException;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.RuleSets;
import org.creditkit.rules.Tier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    static CompiledRuleSet rules;
    static List<Scenario> scenarios;

    @BeforeAll
    static void load() {
        rules = RuleSets.compile(RuleSetSource.defaultPolicy());
        scenarios = Scenarios.defaultScenarios();
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    @Test
    void defaultScenarios_atLeastThirty_allPassOnDrools() {
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(30);
        assertThat(Scenarios.run(rules, scenarios)).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    }

    @Test
    void defaultScenarios_allPassOnPlainJavaPolicy() {
        assertThat(Scenarios.run(PlainJavaPolicy.defaultPolicy(), scenarios))
                .allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    }

    @Test
    void defaultScenarios_togetherFireEveryRule() {
        Set<String> fired = new TreeSet<>();
        for (ScenarioResult r : Scenarios.run(rules, scenarios)) {
            fired.addAll(r.decision().orElseThrow().firedRules());
        }
        assertThat(rules.ruleNames()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(fired).containsAll(rules.ruleNames());
    }

    @Test
    void run_wrongExpectation_reportsEveryDifference() {
        Scenario s = scenarios.get(0);
        Scenario wrong = new Scenario(s.name(), s.description(), s.input(), Tier.DECLINE,
                Set.of(MitigationMeasure.COLLATERAL), Set.of("instant-low-risk", "no-such-rule"),
                java.util.Optional.of(BigDecimal.ONE), java.util.OptionalInt.of(3));
        ScenarioResult r = wrong.run(rules);
        assertThat(r.passed()).isFalse();
        assertThat(r.differences().get(0)).startsWith("$.expect.firedRules: expected rule 'no-such-rule' is not a rule of "
                + rules.origin() + "; valid: [");
        assertThat(r.differences().subList(1, r.differences().size())).containsExactly(
                "tier: expected DECLINE, got INSTANT_APPROVAL",
                "conditions: expected [COLLATERAL], got []",
                "firedRules: expected but not fired [no-such-rule], fired but not expected [limit-revenue-base,"
                        + " limit-tax-base, price-grade-grid]",
                "approvedAmount: expected 1, got 800000.00",
                "approvedTermMonths: expected 3, got 12");
    }

    @Test
    void parse_badScenario_reportsEveryProblemWithLocation() {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("bad.json", "{\n  \"input\": {\"applicationId\": \"X\", \"decisionDate\": \"2026-13-01\",\n"
                + "    \"product\": \"car\", \"requestedAmount\": -5, \"requestedTermMonths\": 12, \"consent\": true,\n"
                + "    \"industrySection\": \"C\", \"industryDivision\": \"C34\", \"sizeClass\": \"SMALL\",\n"
                + "    \"pd\": 1.5, \"score\": 700, \"grade\": \"AA\", \"colour\": \"red\"},\n"
                + "  \"expect\": {\"tier\": \"MAYBE\", \"conditions\": [], \"firedRules\": []}\n}\n");
        assertThatThrownBy(() -> Scenarios.parse("test", files))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.ruleProblems()).extracting(Object::toString)
                        .contains("bad.json:2:35 $.input.decisionDate: '2026-13-01' is not an ISO date (yyyy-MM-dd)",
                                "bad.json:5:45 $.input.colour: unknown key 'colour'; valid keys are [abnormalOperation,"
                                        + " annualRevenue, annualTaxPaid, applicationId, consent, coreEnterpriseRating,"
                                        + " dataQualityFlags, debtorStatus, decisionDate, grade, guaranteeOffered, indicators,"
                                        + " industryDivision, industrySection, majorTaxViolation, missingSources,"
                                        + " monthsSinceLastSeriousPenalty, pd, product, qualifications, region,"
                                        + " repairDate, requestedAmount, requestedTermMonths, score, scoreConfidence,"
                                        + " scoreReasons, seriousPenaltyCount, seriousViolation,"
                                        + " sizeClass, taxRatingA3Years]")
                        .anySatisfy(p -> assertThat(p).startsWith("bad.json:3:5 $.input.product: 'car' is not a product id: upper-case letters"))
                        .anySatisfy(p -> assertThat(p).startsWith("bad.json:3:23 $.input.requestedAmount: -5 is out of range"))
                        .anySatisfy(p -> assertThat(p).startsWith("bad.json:5:5 $.input.pd: 1.5 is out of range"))
                        .anySatisfy(p -> assertThat(p).startsWith("bad.json:6:14 $.expect.tier: 'MAYBE' is not a valid Tier")));
    }

    @Test
    void parse_badListStanding_reportsWhatIsMissingOrNotAllowed() {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("lists.json", "{\n  \"input\": {\"applicationId\": \"X\", \"decisionDate\": \"2026-11-21\",\n"
                + "    \"product\": \"GENERAL\", \"requestedAmount\": 5000, \"requestedTermMonths\": 12, \"consent\": true,\n"
                + "    \"industrySection\": \"C\", \"industryDivision\": \"C34\", \"sizeClass\": \"SMALL\",\n"
                + "    \"pd\": 0.01, \"score\": 700, \"grade\": \"AA\",\n"
                + "    \"majorTaxViolation\": {\"status\": \"REPAIRED\"},\n"
                + "    \"seriousViolation\": {\"status\": \"UNREPAIRED\", \"monthsSinceRepair\": 2},\n"
                + "    \"abnormalOperation\": {\"status\": \"GONE\"}},\n"
                + "  \"expect\": {\"tier\": \"DECLINE\", \"conditions\": [], \"firedRules\": []}\n}\n");
        assertThatThrownBy(() -> Scenarios.parse("test", files))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.ruleProblems()).extracting(Object::toString)
                        .anySatisfy(p -> assertThat(p).contains("$.input.majorTaxViolation.monthsSinceRepair: is required"
                                + " with status REPAIRED"))
                        .anySatisfy(p -> assertThat(p).contains("$.input.seriousViolation.monthsSinceRepair: is only valid"
                                + " with status REPAIRED"))
                        .anySatisfy(p -> assertThat(p).contains("$.input.abnormalOperation.status: 'GONE' is not a valid")));
    }

    private static TreeMap<String, String> defaultFileWith(String from, String to) {
        String name = "01-clean-instant-approval.json";
        String text = Scenarios.defaultScenarioFiles().get(name);
        assertThat(text).contains(from);
        TreeMap<String, String> files = new TreeMap<>();
        files.put(name, text.replace(from, to));
        return files;
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void misspeltExpectedRule_isNamedAsNotARuleOfTheSet_atItsLine_withTheNearestRule() {
        TreeMap<String, String> files = defaultFileWith("\"instant-low-risk\"", "\"instant-low-rsik\"");
        ScenarioResult r = Scenarios.run(rules, Scenarios.parse("test", files)).get(0);
        assertThat(r.passed()).isFalse();
        int line = lineOf(files.firstEntry().getValue(), "instant-low-rsik");
        assertThat(r.differences().get(0)).matches("01-clean-instant-approval\\.json:" + line + ":\\d+ "
                + "\\$\\.expect\\.firedRules\\[\\d+\\]: expected rule 'instant-low-rsik' is not a rule of "
                + java.util.regex.Pattern.quote(rules.origin()) + "; did you mean 'instant-low-risk'\\?");
        assertThat(r.toString()).contains("firedRules: expected but not fired [instant-low-rsik]");
    }

    @Test
    void productTheSetDoesNotOffer_isNamedAtItsLine_withTheNearestProduct_insteadOfAFailedDecision() {
        TreeMap<String, String> files = defaultFileWith("\"product\": \"GENERAL\"", "\"product\": \"GENERL\"");
        ScenarioResult r = Scenarios.run(rules, Scenarios.parse("test", files)).get(0);
        int line = lineOf(files.firstEntry().getValue(), "GENERL");
        assertThat(r.differences()).hasSize(1);
        assertThat(r.differences().get(0)).startsWith("01-clean-instant-approval.json:" + line + ":")
                .contains("$.input.product: product 'GENERL' is not a product of " + rules.origin()
                        + " (products.json); did you mean 'GENERAL'?", "its products: [GENERAL, ");
        assertThat(r.decision()).isEmpty();
    }

    @Test
    void misspeltTierOrCondition_suggestsTheNearestValue() {
        TreeMap<String, String> files = defaultFileWith("\"tier\": \"INSTANT_APPROVAL\"", "\"tier\": \"INSTANT_APROVAL\"");
        assertThatThrownBy(() -> Scenarios.parse("test", files)).isInstanceOfSatisfying(RuleSetException.class,
                e -> assertThat(e.ruleProblems()).extracting(Object::toString).anySatisfy(p -> assertThat(p)
                        .contains("$.expect.tier: 'INSTANT_APROVAL' is not a valid Tier",
                                "did you mean 'INSTANT_APPROVAL'?")));
    }

    @Test
    void nearestName_onlyForAPlausibleMisspelling() {
        var names = List.of("instant-low-risk", "review-medium-risk", "decline-dishonest");
        assertThat(org.creditkit.rules.internal.Names.nearest("instant-low-rsik", names)).contains("instant-low-risk");
        assertThat(org.creditkit.rules.internal.Names.nearest("INSTANT-LOW-RISK", names)).contains("instant-low-risk");
        assertThat(org.creditkit.rules.internal.Names.nearest("completely-else", names)).isEmpty();
    }
}
