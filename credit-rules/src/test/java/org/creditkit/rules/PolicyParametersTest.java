package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.creditkit.core.domain.Product;

class PolicyParametersTest {

    static final String DEFAULT = RuleSetSource.defaultPolicy().files().get(PolicyParameters.FILE_NAME);

    static RuleSetException problemsOf(String json) {
        try {
            PolicyParameters.fromJson("parameters.json", json);
        } catch (RuleSetException e) {
            return e;
        }
        throw new AssertionError("expected the parameters to be rejected");
    }

    @Test
    void fromJson_default_readsCapsGridAndMultiples() {
        PolicyParameters p = PolicyParameters.fromJson("parameters.json", DEFAULT);
        assertThat(p.product(Product.GENERAL).autoApprovalCap()).isEqualByComparingTo("5000000");
        assertThat(p.product(Product.TECHNOLOGY).autoApprovalCap()).isEqualByComparingTo("50000000");
        assertThat(p.gradeSpreads().keySet()).containsExactly("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D");
        assertThat(p.multipleFor("C", "C39").revenueMultiple()).isEqualByComparingTo("0.30");
        assertThat(p.multipleFor("C", "C34").revenueMultiple()).isEqualByComparingTo("0.25");
        assertThat(p.multipleFor("Q", "Q83").revenueMultiple()).isEqualByComparingTo("0.20");
        assertThat(p.priceFor("NR")).isEqualTo(0.031 + 0.07);
    }

    @Test
    void fromJson_inconsistentCutoffsAndCaps_listsEveryProblemWithLocation() {
        String json = DEFAULT
                .replace("\"GENERAL\":      {\"instantMaxPd\": 0.03,  \"reviewMaxPd\": 0.08", "\"GENERAL\":      {\"instantMaxPd\": 0.09,  \"reviewMaxPd\": 0.08")
                .replace("\"autoApprovalCap\": 3000000,  \"maxAmount\": 5000000", "\"autoApprovalCap\": 6000000,  \"maxAmount\": 5000000")
                .replace("\"CC\": 0.045", "\"CC\": 0.02");
        assertThat(problemsOf(json).ruleProblems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "parameters.json:18:22 $.products.GENERAL.instantMaxPd: instantMaxPd 0.09 must be below reviewMaxPd 0.08",
                "parameters.json:21:66 $.products.AGRICULTURE.autoApprovalCap: autoApprovalCap 6000000 must not exceed"
                        + " maxAmount 5000000",
                "parameters.json:26:31 $.gradeSpreads.CC: spread 0.02 of grade CC is below the spread 0.035 of the better"
                        + " grade CCC (grades are listed best first; spreads must not decrease)");
    }

    @Test
    void fromJson_unknownMissingAndMistypedKeys_areAllReported() {
        String json = DEFAULT.replace("\"yellowCardMonths\": 12,", "\"yellowCardMonth\": 12,")
                .replace("\"referenceRate\": 0.031", "\"referenceRate\": \"3.1%\"")
                .replace("\"C39\":", "\"C3X\":");
        assertThat(problemsOf(json).ruleProblems()).extracting(RuleProblem::message).contains(
                "$.yellowCardMonth: unknown key 'yellowCardMonth'; valid keys are [acceptedCoreEnterpriseRatings,"
                        + " currentOverdueDeclineDays, enforcementReviewCases, formatVersion, gradeSpreads, industryMultiples,"
                        + " lossModel, minScoreConfidence, mitigationMaxTermMonths, products,"
                        + " reducedLimitFactor, reducedLimitPd, referenceRate, reviewDataQualityFlags,"
                        + " riskCompensationProducts, seriousPenaltyLookbackMonths, yellowCardMonths]",
                "$: missing key 'yellowCardMonths'",
                "$.referenceRate: must be a number, got string \"3.1%\"");
    }

    @Test
    void fromJson_badIndustryKeyAndSyntax_areRejected() {
        assertThat(problemsOf(DEFAULT.replace("\"C39\":", "\"C3X\":")).ruleProblems()).extracting(Object::toString)
                .containsExactly("parameters.json:32:5 $.industryMultiples.C3X: 'C3X' is not 'default', a GB/T 4754"
                        + " section letter (e.g. C) or a division (e.g. C39)");
        assertThat(problemsOf("{\"formatVersion\": 1,,}").ruleProblems().get(0).toString()).startsWith("parameters.json:1:21 invalid JSON");
    }

    @Test
    void constructor_programmaticInconsistency_isRejected() {
        PolicyParameters p = PolicyParameters.fromJson("parameters.json", DEFAULT);
        assertThatThrownBy(() -> new PolicyParameters(p.referenceRate(), p.seriousPenaltyLookbackMonths(),
                p.yellowCardMonths(), p.reducedLimitPd(), BigDecimal.ONE, p.mitigationMaxTermMonths(),
                p.riskCompensationProducts(), p.acceptedCoreEnterpriseRatings(), p.reviewDataQualityFlags(), p.minScoreConfidence(), p.currentOverdueDeclineDays(),
                p.enforcementReviewCases(), p.lossModel(),
                p.products(), p.gradeSpreads(),
                p.industryMultiples())).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("$.reducedLimitFactor: 1 is out of range, must be in (0, 1)");
    }
}
