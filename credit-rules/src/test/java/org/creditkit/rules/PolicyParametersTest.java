package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.creditkit.core.domain.Product;

class PolicyParametersTest {

    static final String DEFAULT = RuleSetSource.defaultPolicy().files().get(PolicyParameters.FILE_NAME);
    static final String PRODUCTS = RuleSetSource.defaultPolicy().files().get(PolicyParameters.PRODUCTS_FILE_NAME);

    static RuleSetException problemsOf(String json) {
        return problemsOf(json, PRODUCTS);
    }

    static RuleSetException problemsOf(String json, String products) {
        try {
            PolicyParameters.fromJson(json, products);
        } catch (RuleSetException e) {
            return e;
        }
        throw new AssertionError("expected the parameters to be rejected");
    }

    @Test
    void fromJson_default_readsCapsGridMultiplesProductsAndBenefits() {
        PolicyParameters p = PolicyParameters.fromJson(DEFAULT, PRODUCTS);
        assertThat(p.products().keySet()).containsExactly(Product.GENERAL, Product.TECHNOLOGY, Product.GREEN,
                Product.AGRICULTURE, Product.SUPPLY_CHAIN);
        assertThat(p.product(Product.GENERAL).autoApprovalCap()).isEqualByComparingTo("5000000");
        assertThat(p.product(Product.TECHNOLOGY).autoApprovalCap()).isEqualByComparingTo("50000000");
        assertThat(p.product(Product.TECHNOLOGY).nameZh()).isEqualTo("科技贷");
        assertThat(p.product(Product.TECHNOLOGY).eligibility().industries()).contains("C39", "M").doesNotContain("H");
        assertThat(p.product(Product.SUPPLY_CHAIN).eligibility().requiresCoreEnterpriseRating()).isTrue();
        assertThat(p.whitelistRateDiscount()).isEqualTo(0.003);
        assertThat(p.whitelistLimitUplift()).isEqualByComparingTo("0.2");
        assertThat(p.gradeSpreads().keySet()).containsExactly("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D");
        assertThat(p.multipleFor("C", "C39").revenueMultiple()).isEqualByComparingTo("0.30");
        assertThat(p.multipleFor("C", "C34").revenueMultiple()).isEqualByComparingTo("0.25");
        assertThat(p.multipleFor("Q", "Q83").revenueMultiple()).isEqualByComparingTo("0.20");
        assertThat(p.priceFor("NR")).isEqualTo(0.031 + 0.07);
    }

    @Test
    void product_notDefined_isRefusedNamingTheDefinedOnes() {
        PolicyParameters p = PolicyParameters.fromJson(DEFAULT, PRODUCTS);
        assertThatThrownBy(() -> p.product(Product.of("MICRO_LOAN"))).isInstanceOf(RuleInputException.class)
                .hasMessageContaining("product MICRO_LOAN is not defined by this rule set's products.json;"
                        + " its products: [GENERAL, TECHNOLOGY, GREEN, AGRICULTURE, SUPPLY_CHAIN]");
    }

    @Test
    void fromJson_inconsistentCutoffsAndCaps_listsEveryProblemWithLocationInItsFile() {
        String products = PRODUCTS.replace("\"instantMaxPd\": 0.03, \"reviewMaxPd\": 0.08, \"autoApprovalCap\": 5000000, \"maxAmount\": 10000000",
                        "\"instantMaxPd\": 0.09, \"reviewMaxPd\": 0.08, \"autoApprovalCap\": 5000000, \"maxAmount\": 10000000")
                .replace("\"autoApprovalCap\": 3000000, \"maxAmount\": 5000000", "\"autoApprovalCap\": 6000000, \"maxAmount\": 5000000");
        String json = DEFAULT.replace("\"CC\": 0.045", "\"CC\": 0.02");
        assertThat(problemsOf(json, products).ruleProblems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "products.json:7:7 $.products.GENERAL.instantMaxPd: instantMaxPd 0.09 must be below reviewMaxPd 0.08",
                "products.json:30:51 $.products.AGRICULTURE.autoApprovalCap: autoApprovalCap 6000000 must not exceed"
                        + " maxAmount 5000000",
                "parameters.json:20:31 $.gradeSpreads.CC: spread 0.02 of grade CC is below the spread 0.035 of the better"
                        + " grade CCC (grades are listed best first; spreads must not decrease)");
    }

    @Test
    void fromJson_badProductEntries_sayWhatWhereAndWhatIsValid() {
        String products = PRODUCTS.replace("\"GREEN\": {", "\"green loan\": {")
                .replace("\"industries\": [\"A\", \"C13\", \"C14\"]", "\"industries\": [\"A\", \"agri\"], \"regions\": [\"3\"]")
                .replace("\"requiresCoreEnterpriseRating\": true", "\"requiresCoreRating\": true")
                .replace("\"eligibility\": {\"minAmount\": 10000},\n      \"instantMaxPd\": 0.03",
                        "\"eligibility\": {\"minIndicators\": {\"patents\": 1}},\n      \"instantMaxPd\": 0.03");
        assertThat(problemsOf(DEFAULT, products).ruleProblems()).extracting(RuleProblem::message).containsExactlyInAnyOrder(
                "$.products.green loan: 'green loan' is not a product id: upper-case letters, digits and underscores,"
                        + " starting with a letter, at most 40 characters (e.g. GENERAL, TECH_SME)",
                "$.products.AGRICULTURE.eligibility.industries[1]: 'agri' is not a GB/T 4754 section letter (e.g. M) or"
                        + " division (e.g. C39)",
                "$.products.AGRICULTURE.eligibility.regions[0]: '3' is not a GB/T 2260 code prefix: 2 digits (province,"
                        + " e.g. 33), 4 (prefecture, e.g. 3301) or 6 (county, e.g. 330106)",
                "$.products.SUPPLY_CHAIN.eligibility.requiresCoreRating: unknown key 'requiresCoreRating'; valid keys are"
                        + " [industries, maxIndicators, minAmount, minFirmAgeYears, minIndicators, regions,"
                        + " requiredQualifications, requiresCoreEnterpriseRating, requiresWhitelist, sizeClasses]",
                "$.products.GENERAL.eligibility.minIndicators.patents: unknown indicator 'patents'; the catalogue "
                        + org.creditkit.core.feature.FeatureCatalogue.standard().version() + " has "
                        + org.creditkit.core.feature.FeatureCatalogue.standard().definitions().stream().map(d -> d.id()).toList());
    }

    @Test
    void fromJson_fundProductNotDefined_isNamedWithTheDefinedProducts() {
        String json = DEFAULT.replace("\"riskCompensationProducts\": [\"AGRICULTURE\", \"GREEN\", \"TECHNOLOGY\"]",
                "\"riskCompensationProducts\": [\"AGRICULTURE\", \"FARM\"]");
        assertThat(problemsOf(json).ruleProblems()).extracting(Object::toString).containsExactly(
                "parameters.json:9:47 $.riskCompensationProducts[1]: FARM is not a product of products.json; its products:"
                        + " [GENERAL, TECHNOLOGY, GREEN, AGRICULTURE, SUPPLY_CHAIN]");
    }

    @Test
    void fromJson_acceptedCoreRatingNoApplicationCanHave_isRefusedNotLeftNeverMatching() {
        String json = withCoreRatings("\"AAA+\", \"AAA\", \"Aa\", \"A1\", \"AAA-\"");
        RuleSetException e = problemsOf(json);
        assertThat(e.getMessage()).contains("$.acceptedCoreEnterpriseRatings[2]: 'Aa' is not a rating an application"
                        + " can carry, so it would never match; valid: AAA, AA, A, BBB, BB, B, CCC, CC, C with an"
                        + " optional + or -, or D",
                "$.acceptedCoreEnterpriseRatings[3]: 'A1' is not a rating")
                .doesNotContain("[4]").doesNotContain("but not the better");
    }

    @Test
    void fromJson_acceptedCoreRatingsWithABetterRatingLeftOut_isRefusedNamingTheGap() {
        // the default policy's list until 2026-12-02: AA+ and A+ (which the generator writes) went to review, AA did not
        RuleSetException e = problemsOf(withCoreRatings("\"AAA\", \"AA\", \"A\""));
        assertThat(e.ruleProblems()).extracting(Object::toString).containsExactly(
                "parameters.json:10:3 $.acceptedCoreEnterpriseRatings: accepts A but not the better AAA+, AAA-, AA+, AA-,"
                        + " A+, so a core enterprise rated AAA+ would go to review while one rated A is accepted; ratings"
                        + " match exactly, so list every rating from the best down to the worst accepted; valid, e.g.:"
                        + " [\"AAA+\", \"AAA\", \"AAA-\", \"AA+\", \"AA\", \"AA-\", \"A+\", \"A\"]");
    }

    @Test
    void fromJson_acceptedCoreRatingsFromTheBestDown_load_andAcceptOnlyThoseListed() {
        PolicyParameters p = PolicyParameters.fromJson(
                withCoreRatings("\"AAA+\", \"AAA\", \"AAA-\", \"AA+\""), PRODUCTS);
        assertThat(p.acceptsCoreRating("AA+")).isTrue();
        assertThat(p.acceptsCoreRating("AA")).isFalse();
        PolicyParameters none = PolicyParameters.fromJson(withCoreRatings(""), PRODUCTS);
        assertThat(none.acceptsCoreRating("AAA+")).isFalse();
    }

    @Test
    void defaultPolicy_acceptsEveryRatingFromTheBestDownToA() {
        PolicyParameters p = PolicyParameters.fromJson(DEFAULT, PRODUCTS);
        assertThat(List.of("AAA+", "AAA", "AAA-", "AA+", "AA", "AA-", "A+", "A")).allMatch(p::acceptsCoreRating);
        assertThat(List.of("A-", "BBB+", "BBB", "D")).noneMatch(p::acceptsCoreRating);
    }

    private static String withCoreRatings(String ratings) {
        String json = DEFAULT.replaceFirst("\"acceptedCoreEnterpriseRatings\": \\[[^\\]]*\\]",
                "\"acceptedCoreEnterpriseRatings\": [" + ratings + "]");
        assertThat(json).as("the default parameters hold the list").isNotEqualTo(DEFAULT);
        return json;
    }

    @Test
    void fromFiles_withoutProductsFile_saysWhichFileIsMissing() {
        assertThatThrownBy(() -> PolicyParameters.fromFiles(Map.of(PolicyParameters.FILE_NAME, DEFAULT)))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("products.json:1:1 missing: a rule set needs its products.json next to the .drl files");
    }

    @Test
    void fromJson_unknownMissingAndMistypedKeys_areAllReported() {
        String json = DEFAULT.replace("\"seriousPenaltyLookbackMonths\": 36,", "\"seriousPenaltyLookbackMonth\": 36,")
                .replace("\"referenceRate\": 0.031", "\"referenceRate\": \"3.1%\"")
                .replace("\"C39\":", "\"C3X\":");
        assertThat(problemsOf(json).ruleProblems()).extracting(RuleProblem::message).contains(
                "$.seriousPenaltyLookbackMonth: unknown key 'seriousPenaltyLookbackMonth'; valid keys are"
                        + " [acceptedCoreEnterpriseRatings, currentOverdueDeclineDays, enforcementReviewCases, formatVersion,"
                        + " gradeSpreads, industryMultiples, lossModel, minScoreConfidence, mitigationMaxTermMonths,"
                        + " reducedLimitFactor, reducedLimitPd, referenceRate, repairPeriods, reviewDataQualityFlags,"
                        + " riskCompensationProducts, seriousPenaltyLookbackMonths, whitelistBenefits, yellowCardMonths]",
                "$: missing key 'seriousPenaltyLookbackMonths'",
                "$.referenceRate: must be a number, got string \"3.1%\"");
    }

    @Test
    void fromJson_repairPeriods_onePerList_unknownMissingAndOutOfRangeNamedWithTheirPath() {
        PolicyParameters p = PolicyParameters.fromJson(DEFAULT, PRODUCTS);
        assertThat(p.repairPeriods()).isEqualTo(new RepairPeriods(12, 24, 36, 3));
        String repair = "\"repairPeriods\": {\"dishonestDebtor\": 12, \"majorTaxViolation\": 24, \"seriousViolation\": 36,"
                + " \"abnormalOperation\": 3}";
        assertThat(DEFAULT).contains(repair);
        String bad = DEFAULT.replace(repair, "\"repairPeriods\": {\"dishonestDebtor\": 12, \"majorTaxViolation\": 241,"
                + " \"seriousViolation\": -1, \"courtList\": 6}");
        assertThat(problemsOf(bad).ruleProblems()).extracting(RuleProblem::message).containsExactlyInAnyOrder(
                "$.repairPeriods.courtList: unknown key 'courtList'; valid keys are [abnormalOperation, dishonestDebtor,"
                        + " majorTaxViolation, seriousViolation]",
                "$.repairPeriods: missing key 'abnormalOperation'",
                "$.repairPeriods.majorTaxViolation: 241 is out of range, must be in [0, 240]",
                "$.repairPeriods.seriousViolation: -1 is out of range, must be in [0, 240]");
        // a file of the shared period names its replacement instead of failing as an unknown key
        String old = DEFAULT.replace(repair, "\"yellowCardMonths\": 12");
        assertThat(problemsOf(old).ruleProblems()).extracting(RuleProblem::message).containsExactlyInAnyOrder(
                "$.yellowCardMonths: replaced by \"repairPeriods\", one period per negative list: {\"dishonestDebtor\": 12,"
                        + " \"majorTaxViolation\": 24, \"seriousViolation\": 36, \"abnormalOperation\": 3} (months)",
                "$: missing key 'repairPeriods'");
        assertThatThrownBy(() -> new RepairPeriods(12, 12, 12, 241)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repairPeriods.abnormalOperation: 241 is out of range, must be in [0, 240] months");
    }

    @Test
    void fromJson_industriesNoApplicationCanHaveAndMinAboveMaxAmount_areRefusedNotLeftUnreachable() {
        String products = PRODUCTS.replace("\"industries\": [\"A\", \"C13\", \"C14\"], \"minAmount\": 10000",
                        "\"industries\": [\"A\", \"C99\", \"C131\"], \"minAmount\": 10000");
        assertThat(problemsOf(DEFAULT, products).ruleProblems()).extracting(RuleProblem::message)
                .containsExactlyInAnyOrder(
                        "$.products.AGRICULTURE.eligibility.industries[1]: 'C99': division '99' is not in section C"
                                + " (valid: 13..43); it would match no application",
                        "$.products.AGRICULTURE.eligibility.industries[2]: 'C131' is not a GB/T 4754 section letter"
                                + " (e.g. M) or division (e.g. C39); applications carry the division, so a group or"
                                + " class code (C131) would match none: name its division C13");
        String minAboveMax = PRODUCTS.replace("\"industries\": [\"A\", \"C13\", \"C14\"], \"minAmount\": 10000",
                "\"industries\": [\"A\", \"C13\", \"C14\"], \"minAmount\": 900000000");
        assertThat(problemsOf(DEFAULT, minAboveMax).ruleProblems()).extracting(RuleProblem::message).containsExactly(
                "$.products.AGRICULTURE.eligibility.minAmount: minAmount 900000000 must not exceed maxAmount"
                        + " 5000000: no application could be eligible");
        assertThat(problemsOf(DEFAULT.replace("\"C39\":", "\"C99\":")).ruleProblems()).extracting(Object::toString)
                .singleElement().asString().endsWith("$.industryMultiples.C99: 'C99': division '99' is not in section C"
                        + " (valid: 13..43); it would match no application");
    }

    @Test
    void fromJson_badIndustryKeyAndSyntax_areRejected() {
        assertThat(problemsOf(DEFAULT.replace("\"C39\":", "\"C3X\":")).ruleProblems()).extracting(Object::toString)
                .containsExactly("parameters.json:26:5 $.industryMultiples.C3X: 'C3X' is not 'default', a GB/T 4754"
                        + " section letter (e.g. C) or a division (e.g. C39)");
        assertThat(problemsOf("{\"formatVersion\": 1,,}").ruleProblems().get(0).toString()).startsWith("parameters.json:1:21 invalid JSON");
    }

    @Test
    void constructor_programmaticInconsistency_isRejected() {
        PolicyParameters p = PolicyParameters.fromJson(DEFAULT, PRODUCTS);
        assertThatThrownBy(() -> new PolicyParameters(p.referenceRate(), p.seriousPenaltyLookbackMonths(),
                p.repairPeriods(), p.reducedLimitPd(), BigDecimal.ONE, p.mitigationMaxTermMonths(),
                p.riskCompensationProducts(), p.acceptedCoreEnterpriseRatings(), p.reviewDataQualityFlags(), p.minScoreConfidence(), p.currentOverdueDeclineDays(),
                p.enforcementReviewCases(), p.whitelistRateDiscount(), p.whitelistLimitUplift(), p.lossModel(),
                p.products(), p.gradeSpreads(),
                p.industryMultiples())).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("$.reducedLimitFactor: 1 is out of range, must be in (0, 1)");
    }
}
