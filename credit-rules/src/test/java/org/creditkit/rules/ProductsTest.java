package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.Product;
import org.creditkit.core.domain.Qualification;
import org.creditkit.core.domain.QualificationKind;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Products as data: eligibility in decide, whitelist benefits, a bank's own product, and matching. */
class ProductsTest {

    static final RuleSetSource DEFAULT = RuleSetSource.defaultPolicy();
    static CreditEngine engine;
    static List<LoanApplication> apps;

    @BeforeAll
    static void start() {
        engine = CreditEngine.defaults();
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(400).seed(777L).build());
        apps = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            apps.add(g.generate(i).application());
        }
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static LoanApplication as(LoanApplication a, Product p) {
        return new LoanApplication(a.id(), a.applicationTime(), p, a.amount(), a.termMonths(), a.purpose(),
                a.guarantee(), a.dataUseConsent(), a.enterprise(), a.sources());
    }

    static LoanApplication firstIn(String sectionPrefix) {
        return apps.stream().filter(a -> a.enterprise().industry().code().startsWith(sectionPrefix)).findFirst()
                .orElseThrow();
    }

    @Test
    void decide_cateringFirmAskingForTechnology_isDeclinedNamingTheIndustryCriterion() {
        LoanApplication catering = as(firstIn("H"), Product.TECHNOLOGY);
        Decision d = engine.decide(catering);
        assertThat(d.tier()).isEqualTo(Tier.DECLINE);
        assertThat(d.approvedAmount()).isZero();
        assertThat(d.firedRules()).contains("decline-not-eligible-for-product");
        assertThat(d.reasons()).anySatisfy(r -> {
            assertThat(r.en()).startsWith("Not eligible for Technology credit (TECHNOLOGY): industry "
                    + catering.enterprise().industry().code() + " is not one of [C26, C27, C34");
            assertThat(r.zh()).startsWith("不符合科技贷（TECHNOLOGY）准入条件：行业");
        });
    }

    /** A software firm (I65, an industry the technology product admits) with the given certificates. */
    static LoanApplication softwareFirmWith(List<Qualification> qualifications) {
        LoanApplication a = firstIn("I65");
        return new LoanApplication(a.id(), a.applicationTime(), Product.TECHNOLOGY, a.amount(), a.termMonths(),
                a.purpose(), a.guarantee(), a.dataUseConsent(), a.enterprise().withQualifications(qualifications),
                a.sources());
    }

    @Test
    void decide_technologyProduct_requiresAQualificationValidOnTheDecisionDate_andNamesAnExpiredOne() {
        LoanApplication base = softwareFirmWith(List.of());
        LocalDate day = base.decisionDate();
        Qualification valid = new Qualification(QualificationKind.TECH_SME, Optional.empty(), day.minusMonths(3),
                day.plusMonths(9));
        Qualification expired = new Qualification(QualificationKind.HIGH_TECH_ENTERPRISE, Optional.of("GR202231000001"),
                day.minusYears(3).minusDays(1), day.minusDays(1));

        Decision none = engine.decide(base);
        Decision lapsed = engine.decide(softwareFirmWith(List.of(expired)));
        Decision holds = engine.decide(softwareFirmWith(List.of(expired, valid)));

        assertThat(none.tier()).isEqualTo(Tier.DECLINE);
        assertThat(none.reasons()).anySatisfy(r -> assertThat(r.en()).isEqualTo("Not eligible for Technology credit"
                + " (TECHNOLOGY): holds none of [HIGH_TECH_ENTERPRISE, SPECIALISED_INNOVATIVE_SME, LITTLE_GIANT,"
                + " TECH_SME] valid on " + day + ": none on record"));
        assertThat(lapsed.tier()).isEqualTo(Tier.DECLINE);
        assertThat(lapsed.reasons()).anySatisfy(r -> {
            assertThat(r.en()).endsWith("valid on " + day + ": HIGH_TECH_ENTERPRISE expired " + day.minusDays(1));
            assertThat(r.zh()).endsWith("：高新技术企业已于" + day.minusDays(1) + "到期");
        });
        assertThat(holds.firedRules()).doesNotContain("decline-not-eligible-for-product");
        assertThat(engine.match(softwareFirmWith(List.of(expired))).refused()).anySatisfy(o -> {
            assertThat(o.product()).isEqualTo(Product.TECHNOLOGY);
            assertThat(o.criteriaMissed()).extracting(Criterion::id).containsExactly("requiredQualifications");
        });
        ProductMatch m = engine.match(softwareFirmWith(List.of(valid)));
        List<ProductOutcome> all = new ArrayList<>(m.offers());
        all.addAll(m.refused());
        Criterion c = all.stream().filter(o -> o.product().equals(Product.TECHNOLOGY)).findFirst().orElseThrow()
                .criteria().stream().filter(x -> x.id().equals("requiredQualifications")).findFirst().orElseThrow();
        assertThat(c.met()).isTrue();
        assertThat(c.en()).startsWith("holds TECH_SME (valid until " + day.plusMonths(9) + ")");    }

    @Test
    void productsJson_requiredQualifications_unknownRepeatedOrEmpty_areRefusedWithTheirPath() {
        String products = DEFAULT.files().get(PolicyParameters.PRODUCTS_FILE_NAME);
        String list = "[\"HIGH_TECH_ENTERPRISE\", \"SPECIALISED_INNOVATIVE_SME\", \"LITTLE_GIANT\",\n"
                + "                                                 \"TECH_SME\"]";
        assertThat(products).contains(list);
        assertThatThrownBy(() -> Products.fromJson(products.replace(list, "[\"HIGH_TECH\", \"TECH_SME\", \"TECH_SME\"]")))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("$.products.TECHNOLOGY.eligibility.requiredQualifications[0]: 'HIGH_TECH' is not a"
                        + " valid QualificationKind; valid values are [HIGH_TECH_ENTERPRISE, SPECIALISED_INNOVATIVE_SME,"
                        + " LITTLE_GIANT, TECH_SME]")
                .hasMessageContaining("$.products.TECHNOLOGY.eligibility.requiredQualifications[2]: 'TECH_SME' is listed"
                        + " twice");
        assertThatThrownBy(() -> Products.fromJson(products.replace(list, "[]")))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("$.products.TECHNOLOGY.eligibility.requiredQualifications: must name at least one");
    }

    @Test
    void decide_greenLoan_needsACarbonRecordOfAtMostHalfATonnePerTenThousandCny() {
        FeatureExtractor x = FeatureExtractor.standard();
        int ci = x.catalogue().indexOf("carbon_intensity");
        LoanApplication noRecord = apps.stream().filter(a -> x.extract(a).isMissing(ci)).findFirst().orElseThrow();
        LoanApplication intensive = apps.stream().filter(a -> x.extract(a).value(ci) > 0.5).findFirst().orElseThrow();
        LoanApplication clean = apps.stream().filter(a -> x.extract(a).value(ci) <= 0.5).findFirst().orElseThrow();
        Decision none = engine.decide(as(noRecord, Product.GREEN));
        assertThat(none.tier()).isEqualTo(Tier.DECLINE);
        assertThat(none.reasons()).anySatisfy(r -> assertThat(r.en())
                .isEqualTo("Not eligible for Green low-carbon loan (GREEN): carbon_intensity is missing (at most 0.5 required)"));
        Decision high = engine.decide(as(intensive, Product.GREEN));
        assertThat(high.firedRules()).contains("decline-not-eligible-for-product");
        assertThat(high.reasons()).anySatisfy(r -> assertThat(r.en()).contains(", at most 0.5"));
        assertThat(engine.decide(as(clean, Product.GREEN)).firedRules()).doesNotContain("decline-not-eligible-for-product");
        assertThat(engine.match(intensive).refused()).anySatisfy(o -> {
            assertThat(o.product()).isEqualTo(Product.GREEN);
            assertThat(o.criteriaMissed()).extracting(Criterion::id).containsExactly("maxIndicators/carbon_intensity");
        });
    }

    @Test
    void productsJson_maxIndicatorsOfAnUnknownIndicatorOrNotAnObject_areRefusedWithTheirPath() {
        String products = DEFAULT.files().get(PolicyParameters.PRODUCTS_FILE_NAME);
        assertThatThrownBy(() -> Products.fromJson(products.replace("{\"carbon_intensity\": 0.5}", "{\"carbon\": 0.5}")))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("$.products.GREEN.eligibility.maxIndicators.carbon: unknown indicator 'carbon'");
        assertThatThrownBy(() -> Products.fromJson(products.replace("{\"carbon_intensity\": 0.5}", "0.5")))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("$.products.GREEN.eligibility.maxIndicators: must be a JSON object of indicator id"
                        + " -> greatest value, got");
    }

    @Test
    void decide_productTheRuleSetDoesNotDefine_isRefusedNamingTheDefinedOnes() {
        assertThatThrownBy(() -> engine.decide(as(apps.get(0), Product.of("MICRO_LOAN"))))
                .isInstanceOf(RuleInputException.class)
                .hasMessageContaining("product MICRO_LOAN is not defined by this rule set's products.json; its products:"
                        + " [GENERAL, TECHNOLOGY, GREEN, AGRICULTURE, SUPPLY_CHAIN]");
    }

    @Test
    void decide_whitelistedFirm_getsTheRateDiscountAndLimitUpliftOfTheParameters() {
        RuleInput plain = RuleInput.builder("W1", LocalDate.of(2026, 11, 21)).product(Product.GENERAL)
                .requested(new BigDecimal("800000"), 12).consent(true).industry("C", "C34")
                .annualRevenue(new BigDecimal("2000000")).score(0.01, 790, "AA").build();
        Decision without = engine.decide(plain);
        Decision with = engine.decide(plain.toBuilder().taxRatingA3Years(true).build());
        assertThat(without.tier()).isEqualTo(Tier.INSTANT_APPROVAL);
        assertThat(with.tier()).isEqualTo(Tier.INSTANT_APPROVAL);
        assertThat(without.approvedAmount()).isEqualByComparingTo("500000");
        assertThat(with.approvedAmount()).isEqualByComparingTo("600000");
        assertThat(with.interestRate()).isEqualTo(0.031 + 0.005 - 0.003, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(without.interestRate()).isEqualTo(0.031 + 0.005);
        assertThat(PlainJavaPolicy.defaultPolicy().decide(plain.toBuilder().taxRatingA3Years(true).build(), "m")
                .sameOutcome(with)).isTrue();
    }

    @Test
    void decide_technologyProduct_isPricedByItsOwnGradeGrid_generalByThePolicysGrid() {
        PolicyParameters p = PolicyParameters.fromFiles(DEFAULT.files());
        assertThat(p.priceFor(Product.TECHNOLOGY, "BB")).isEqualTo(p.referenceRate() + 0.012);
        assertThat(p.priceFor(Product.GENERAL, "BB")).isEqualTo(p.referenceRate() + p.gradeSpreads().get("BB"));
        assertThat(p.gradeSpreads(Product.GREEN)).isSameAs(p.gradeSpreads());
        int compared = 0;
        for (LoanApplication a : apps) {
            if (!a.enterprise().industry().code().startsWith("I65")) {
                continue;
            }
            Decision tech = engine.decide(as(a, Product.TECHNOLOGY));
            Decision general = engine.decide(as(a, Product.GENERAL));
            if (tech.tier() == Tier.DECLINE || general.tier() == Tier.DECLINE) {
                continue;
            }
            compared++;
            String grade = tech.trail().stream().filter(v -> v.rule().equals("price-grade-grid")).findFirst()
                    .map(v -> v.reason().en()).orElseThrow();
            assertThat(grade).endsWith("in the grid of TECHNOLOGY");
            assertThat(tech.interestRate()).as(a.id()).isLessThan(general.interestRate());
        }
        assertThat(compared).isPositive();
    }

    @Test
    void productGrid_missingAGradeOrDecreasing_isRefusedInProductsJsonNamingTheGrades() {
        String products = DEFAULT.files().get(PolicyParameters.PRODUCTS_FILE_NAME)
                .replace("\"gradeSpreads\": {\"AAA\": 0.002, \"AA\": 0.003,", "\"gradeSpreads\": {\"AAA\": 0.004, \"AA\": 0.003,")
                .replace("\"C\": 0.05, \"D\": 0.065}", "\"C\": 0.05}");
        assertThatThrownBy(() -> PolicyParameters.fromFiles(DEFAULT.with(PolicyParameters.PRODUCTS_FILE_NAME, products).files()))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.ruleProblems()).extracting(Object::toString)
                        .anySatisfy(m -> assertThat(m).startsWith("products.json:").contains(
                                "$.products.TECHNOLOGY.gradeSpreads.AA: spread 0.003 of grade AA is below the spread 0.004"
                                        + " of the better grade AAA"))
                        .anySatisfy(m -> assertThat(m).contains("$.products.AGRICULTURE.gradeSpreads: must price the grades"
                                + " of parameters.json's gradeSpreads [AAA, AA, A, BBB, BB, B, CCC, CC, C, D]; missing [D]")));
    }

    @Test
    void bankAddsAProductInProductsJsonOnly_itIsDecidedWithItsOwnEligibilityAndMatched() {
        String products = DEFAULT.files().get(PolicyParameters.PRODUCTS_FILE_NAME).replace("  \"products\": {\n",
                "  \"products\": {\n    \"ZJ_TECH\": {\n      \"nameEn\": \"Zhejiang tech loan\", \"nameZh\": \"浙江科创贷\",\n"
                        + "      \"eligibility\": {\"regions\": [\"33\"]},\n"
                        + "      \"instantMaxPd\": 0.06, \"reviewMaxPd\": 0.12, \"autoApprovalCap\": 8000000,"
                        + " \"maxAmount\": 8000000, \"maxTermMonths\": 36,\n"
                        + "      \"pdCeiling\": 0.3, \"maxExpectedLossRate\": 0.03, \"maxExpectedLoss\": 500000\n    },\n");
        try (CreditEngine own = CreditEngine.builder()
                .rules(DEFAULT.with(PolicyParameters.PRODUCTS_FILE_NAME, products)).withoutScenarioGate().build()) {
            LoanApplication inZj = apps.stream().filter(a -> a.enterprise().region().code().startsWith("33"))
                    .findFirst().orElseThrow();
            LoanApplication outside = apps.stream().filter(a -> !a.enterprise().region().code().startsWith("33"))
                    .findFirst().orElseThrow();
            Decision d = own.decide(as(outside, Product.of("ZJ_TECH")));
            assertThat(d.tier()).isEqualTo(Tier.DECLINE);
            assertThat(d.reasons()).anySatisfy(r -> assertThat(r.en()).contains("Not eligible for Zhejiang tech loan"
                    + " (ZJ_TECH): region " + outside.enterprise().region().code() + " is not within [33]"));
            assertThat(own.decide(as(inZj, Product.of("ZJ_TECH"))).firedRules())
                    .doesNotContain("decline-not-eligible-for-product");
            ProductMatch m = own.match(inZj);
            assertThat(m.offers().size() + m.refused().size()).isEqualTo(6);
            assertThat(own.match(outside).refused()).anySatisfy(o -> {
                assertThat(o.product()).isEqualTo(Product.of("ZJ_TECH"));
                assertThat(o.criteriaMissed()).extracting(Criterion::id).containsExactly("regions");
            });
        }
    }

    @Test
    void match_portfolio_ranksOffersBestFirst_neverOffersAnIneligibleProduct_andSaysWhyTheOthersWereRefused() {
        int withOffer = 0;
        for (LoanApplication a : apps.subList(0, 150)) {
            ProductMatch m = engine.match(a);
            assertThat(m.applicationId()).isEqualTo(a.id());
            assertThat(m.offers().size() + m.refused().size()).isEqualTo(5);
            assertThat(m.offers()).isSortedAccordingTo(ProductMatch.RANKING);
            assertThat(m.offers()).allSatisfy(o -> {
                assertThat(o.criteriaMissed()).isEmpty();
                assertThat(o.decision().tier()).isNotEqualTo(Tier.DECLINE);
            });
            assertThat(m.refused()).allSatisfy(o -> assertThat(!o.criteriaMissed().isEmpty()
                    || o.decision().tier() == Tier.DECLINE).isTrue());
            withOffer += m.offers().isEmpty() ? 0 : 1;
            if (a.enterprise().industry().code().startsWith("H")) {
                assertThat(m.refused()).anySatisfy(o -> {
                    assertThat(o.product()).isEqualTo(Product.TECHNOLOGY);
                    assertThat(o.criteriaMissed()).extracting(Criterion::id).contains("industries");
                });
            }
        }
        assertThat(withOffer).as("enterprises with at least one offer").isGreaterThan(100);
    }
}
