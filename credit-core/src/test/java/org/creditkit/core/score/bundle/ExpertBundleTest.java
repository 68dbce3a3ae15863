package org.creditkit.core.score.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.feature.StandardFeatures;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.IndustryOverlay;
import org.creditkit.core.score.ReasonBasis;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.scorecard.Scorecard;
import org.junit.jupiter.api.Test;

class ExpertBundleTest {

    private final ModelBundle expert = ModelBundle.defaultBundle();
    private final CompositeScorer scorer = expert.scorer();

    @Test
    void resource_isExactlyWhatExpertBundleSourceGenerates() {
        ModelBundle generated = ExpertBundleSource.build();
        assertThat(expert.checksum()).as("regenerate with ExpertBundleSource.main after editing it (its population "
                        + "shares come from the synthetic portfolio: a generator change moves them too)")
                .isEqualTo(generated.checksum());
        assertThat(expert.toJson()).isEqualTo(generated.toJson());
    }

    @Test
    void defaultBundle_recordsPopulationShares_soReasonsAreMeasuredAgainstNeutralPoints() {
        assertThat(scorer.reasonBasis()).isEqualTo(ReasonBasis.NEUTRAL);
        for (IndustryOverlay o : expert.overlays()) {
            assertThat(((Scorecard) o.model()).hasShares()).as(o.id()).isTrue();
        }
        assertThat(((Scorecard) expert.base()).hasShares()).isTrue();
    }

    @Test
    void defaultBundle_overStandardCatalogue_withDocumentedOverlays() {
        assertThat(expert.catalogue()).isSameAs(FeatureCatalogue.standard());
        assertThat(expert.id()).isEqualTo("creditkit-expert");
        assertThat(expert.overlays()).extracting(IndustryOverlay::id)
                .containsExactly("technology", "agriculture", "catering-retail", "green");
        assertThat(expert.features()).hasSizeGreaterThanOrEqualTo(35);
    }

    @Test
    void overlayResolution_followsIndustryCodes() {
        assertThat(id("I65")).isEqualTo("technology");
        assertThat(id("M73")).isEqualTo("technology");
        assertThat(id("A01")).isEqualTo("agriculture");
        assertThat(id("H62")).isEqualTo("catering-retail");
        assertThat(id("F52")).isEqualTo("catering-retail");
        assertThat(id("F51")).isEqualTo("base");
        assertThat(id("C39")).isEqualTo("base");
        assertThat(id("N77")).isEqualTo("green");
    }

    private String id(String code) {
        return scorer.overlayFor(IndustryCode.of(code)).map(IndustryOverlay::id).orElse("base");
    }

    @Test
    void score_allMissing_isFiniteAndRiskierThanACleanProfile() {
        double[] none = new double[StandardFeatures.COUNT];
        Arrays.fill(none, Double.NaN);
        ScoreResult unknown = scorer.score(FeatureVector.of(FeatureCatalogue.standard(), none), IndustryCode.of("C39"));
        ScoreResult clean = scorer.score(clean(), IndustryCode.of("C39"));
        assertThat(unknown.pd()).isBetween(0.0, 1.0);
        assertThat(clean.score()).isGreaterThan(unknown.score());
        assertThat(clean.grade().betterThan(unknown.grade())).isTrue();
        assertThat(unknown.reasons()).hasSize(4);
    }

    @Test
    void score_unrepairedDishonestListing_isTheFirstReason() {
        double[] v = clean().toArray();
        v[StandardFeatures.DISHONEST_STATUS] = 2;
        ScoreResult r = scorer.score(FeatureVector.of(FeatureCatalogue.standard(), v), IndustryCode.of("C39"));
        assertThat(r.reasonCodes().get(0)).isEqualTo("R-DISHONEST_STATUS");
        assertThat(r.reasons().get(0).textZh()).contains("失信被执行人状态");
        double[] repaired = clean().toArray();
        repaired[StandardFeatures.DISHONEST_STATUS] = 1;
        ScoreResult rr = scorer.score(FeatureVector.of(FeatureCatalogue.standard(), repaired), IndustryCode.of("C39"));
        assertThat(rr.score()).as("repaired credit counts as repaired").isGreaterThan(r.score());
    }

    @Test
    void score_sameProfile_cateringIsNotPenalisedBelowManufacturing() {
        // small, young firm: the base penalises size and formality; the catering overlay refunds it
        double[] v = clean().toArray();
        v[StandardFeatures.INSURED_HEADCOUNT] = 3;
        v[StandardFeatures.FIRM_AGE_YEARS] = 2;
        v[StandardFeatures.CREDIT_HISTORY_MONTHS] = Double.NaN;
        FeatureVector x = FeatureVector.of(FeatureCatalogue.standard(), v);
        ScoreResult catering = scorer.score(x, IndustryCode.of("H62"));
        ScoreResult manufacturing = scorer.score(x, IndustryCode.of("C39"));
        assertThat(catering.score()).isGreaterThanOrEqualTo(manufacturing.score());
        assertThat(catering.overlay()).contains("catering-retail");
    }

    @Test
    void score_techFirmWithPatentsAndRnd_scoresAboveSameProfileWithoutOverlay() {
        double[] v = clean().toArray();
        v[StandardFeatures.RD_INTENSITY] = 0.12;
        v[StandardFeatures.INVENTION_PATENTS] = 8;
        v[StandardFeatures.NET_MARGIN] = -0.03;
        FeatureVector x = FeatureVector.of(FeatureCatalogue.standard(), v);
        ScoreResult tech = scorer.score(x, IndustryCode.of("I65"));
        ScoreResult base = scorer.scoreBase(x);
        assertThat(tech.score()).isGreaterThan(base.score());
        assertThat(tech.industryLogOdds()).isNegative();
    }

    @Test
    void score_application_extractsStandardFeaturesAndUsesItsIndustry() {
        org.creditkit.core.domain.LoanApplication app = org.creditkit.core.input.Samples.full();
        ScoreResult r = scorer.score(app);
        assertThat(r).isEqualTo(scorer.score(org.creditkit.core.feature.FeatureExtractor.standard().extract(app),
                app.enterprise().industry()));
        assertThat(scorer.explain(app).result()).isEqualTo(r);
    }

    /** A sound manufacturing SME. */
    static FeatureVector clean() {
        double[] v = new double[StandardFeatures.COUNT];
        Arrays.fill(v, Double.NaN);
        v[StandardFeatures.DEBT_TO_ASSET] = 0.45;
        v[StandardFeatures.CURRENT_RATIO] = 1.6;
        v[StandardFeatures.NET_MARGIN] = 0.06;
        v[StandardFeatures.RETURN_ON_ASSETS] = 0.04;
        v[StandardFeatures.OCF_TO_LIABILITIES] = 0.15;
        v[StandardFeatures.CASH_FLOW_VOLATILITY] = 0.3;
        v[StandardFeatures.REVENUE_CONSISTENCY_GAP] = 0.05;
        v[StandardFeatures.LOG_REVENUE] = 7.3;
        v[StandardFeatures.TAX_CONTINUITY_INDEX] = 1.0;
        v[StandardFeatures.SALES_GROWTH_12M] = 0.08;
        v[StandardFeatures.TAX_BURDEN] = 0.02;
        v[StandardFeatures.SALES_SEASONALITY] = 1.3;
        v[StandardFeatures.INSURED_HEADCOUNT] = 40;
        v[StandardFeatures.HEADCOUNT_GROWTH_12M] = 0.05;
        v[StandardFeatures.ELECTRICITY_TREND_6M] = 0.02;
        v[StandardFeatures.ELECTRICITY_CONTINUITY] = 1.0;
        v[StandardFeatures.FIRM_AGE_YEARS] = 8;
        v[StandardFeatures.COURT_CASES_DEFENDANT] = 0;
        v[StandardFeatures.COURT_UNANSWERED_SHARE] = 0;
        v[StandardFeatures.ENFORCEMENT_CASES] = 0;
        v[StandardFeatures.DISHONEST_STATUS] = 0;
        v[StandardFeatures.PENALTIES_36M] = 0;
        v[StandardFeatures.SERIOUS_PENALTIES_36M] = 0;
        v[StandardFeatures.SOCIAL_INSURANCE_ARREARS] = 0;
        v[StandardFeatures.MAX_DAYS_OVERDUE_24M] = 0;
        v[StandardFeatures.CURRENT_DAYS_OVERDUE] = 0;
        v[StandardFeatures.ACTIVE_LOANS] = 2;
        v[StandardFeatures.CREDIT_HISTORY_MONTHS] = 60;
        v[StandardFeatures.BANK_DEBT_TO_REVENUE] = 0.3;
        v[StandardFeatures.TAX_RATING_LATEST] = 3;
        v[StandardFeatures.TAX_RATING_A_YEARS] = 0;
        v[StandardFeatures.LOAN_TO_REVENUE] = 0.2;
        return FeatureVector.of(FeatureCatalogue.standard(), v);
    }
}
