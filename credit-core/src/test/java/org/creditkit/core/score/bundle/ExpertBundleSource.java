package org.creditkit.core.score.bundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.GradeBands;
import org.creditkit.core.score.IndustryOverlay;
import org.creditkit.core.score.Scaling;
import org.creditkit.core.score.scorecard.Scorecard;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;

/**
 * The source of the default expert bundle: points per bin as a risk analyst writes them (higher =
 * safer), converted to log-odds with the bundle's scaling. {@code docs/expert-model.md} explains
 * every choice. Regenerate the resource after an edit:
 *
 * <pre>
 * cd credit-core &amp;&amp; mvn -q -o test-compile &amp;&amp; java -cp target/classes:target/test-classes:$(mvn -q -o \
 *     dependency:build-classpath -Dmdep.outputFile=/dev/stdout) org.creditkit.core.score.bundle.ExpertBundleSource
 * </pre>
 *
 * {@code ExpertBundleTest} fails while the checked-in resource differs from this source.
 */
public final class ExpertBundleSource {

    static final Scaling SCALING = Scaling.of(600, 50, 40);
    private static final double FACTOR = SCALING.factor();

    private ExpertBundleSource() {
    }

    /** Points to log-odds, rounded to 6 decimals so the file stays readable. */
    static double lo(double points) {
        return Math.round(-points / FACTOR * 1e6) / 1e6 + 0.0;
    }

    private static Scorecard.Numeric num(String id, double[] edges, double[] points, double missingPoints) {
        List<Scorecard.Bin> bins = new ArrayList<>();
        for (int b = 0; b < points.length; b++) {
            double lo = b == 0 ? Double.NEGATIVE_INFINITY : edges[b - 1];
            double hi = b == edges.length ? Double.POSITIVE_INFINITY : edges[b];
            bins.add(Scorecard.Bin.of(lo, hi, lo(points[b])));
        }
        return new Scorecard.Numeric(id, bins, lo(missingPoints));
    }

    private static double[] e(double... v) {
        return v;
    }

    private static double[] p(double... v) {
        return v;
    }

    static Scorecard base() {
        FeatureCatalogue c = FeatureCatalogue.standard();
        // central tendency: 0 points on every characteristic scores baseScore - 18, which puts the mean PD on
        // the synthetic portfolio (seed 1, 20,000 applications) near its default rate (docs/expert-model.md)
        double interceptPoints = -18;
        Scorecard.Builder b = Scorecard.builder(c)
                .intercept(Math.round((-Math.log(SCALING.baseOdds()) - interceptPoints / FACTOR) * 1e6) / 1e6);
        // financial health
        b.add(num("debt_to_asset", e(0.3, 0.5, 0.7, 0.85, 1.0), p(25, 15, 0, -20, -45, -70), -10));
        b.add(num("current_ratio", e(0.8, 1.0, 1.5, 2.0), p(-30, -12, 0, 10, 15), -5));
        b.add(num("net_margin", e(-0.05, 0, 0.05, 0.10), p(-35, -15, 0, 10, 18), -5));
        b.add(num("return_on_assets", e(-0.02, 0, 0.03, 0.08), p(-25, -10, 0, 8, 14), -5));
        b.add(num("ocf_to_liabilities", e(-0.1, 0, 0.1, 0.3), p(-25, -12, 0, 8, 15), -5));
        b.add(num("cash_flow_volatility", e(0.2, 0.4, 0.7, 1.0), p(12, 5, 0, -15, -30), -8));
        b.add(num("revenue_consistency_gap", e(0.08, 0.2, 0.4), p(5, 0, -20, -40), -5));
        b.add(num("log_revenue", e(6, 7, 8), p(-10, 0, 8, 12), -10));
        // operating activity
        b.add(num("tax_continuity_index", e(0.5, 0.75, 0.9, 0.99), p(-45, -25, -8, 5, 15), -20));
        b.add(num("sales_growth_12m", e(-0.3, -0.15, 0.15, 0.5), p(-30, -12, 5, 8, 0), -5));
        b.add(num("tax_burden", e(0.005, 0.01, 0.03), p(-15, -5, 0, 6), -5));
        b.add(num("insured_headcount", e(1, 5, 20, 100), p(-25, -8, 0, 6, 10), -10));
        b.add(num("headcount_growth_12m", e(-0.3, -0.1, 0.2), p(-20, -8, 0, 5), -3));
        b.add(num("electricity_trend_6m", e(-0.3, -0.15, 0.15), p(-20, -8, 0, 3), -3));
        b.add(num("electricity_continuity", e(0.75, 1.0), p(-20, -5, 5), -3));
        b.add(num("firm_age_years", e(1, 3, 5, 10), p(-30, -15, 0, 10, 18), -10));
        // compliance and risk signals
        b.add(num("court_cases_defendant", e(1, 3, 6), p(5, -10, -25, -45), -5));
        b.add(num("court_unanswered_share", e(0.01, 0.5), p(0, -20, -40), 0));
        b.add(num("enforcement_cases", e(1, 2, 5), p(5, -30, -50, -80), -5));
        b.add(new Scorecard.Categorical("dishonest_status", List.of(
                Scorecard.Category.of(List.of(0.0), lo(5)),
                Scorecard.Category.of(List.of(1.0), lo(-25)),
                Scorecard.Category.of(List.of(2.0), lo(-150))), lo(-150), lo(-10)));
        b.add(num("penalties_36m", e(1, 3), p(3, -10, -25), 0));
        b.add(num("serious_penalties_36m", e(1, 2), p(0, -40, -70), 0));
        b.add(num("social_insurance_arrears", e(1, 4, 5), p(3, -10, -25, -40), 0));
        // credit history
        b.add(num("max_days_overdue_24m", e(1, 30, 90), p(15, -25, -60, -100), -5));
        b.add(num("current_days_overdue", e(1, 30), p(5, -80, -150), 0));
        b.add(num("active_loans", e(1, 3, 6), p(0, 5, 0, -15), 0));
        b.add(num("credit_history_months", e(12, 36, 84), p(-10, 0, 8, 12), -10));
        b.add(num("bank_debt_to_revenue", e(0.2, 0.5, 1.0), p(8, 0, -15, -35), 0));
        b.add(new Scorecard.Categorical("tax_rating_latest", List.of(
                Scorecard.Category.of(List.of(4.0), lo(25)),
                Scorecard.Category.of(List.of(3.0), lo(10)),
                Scorecard.Category.of(List.of(2.0), lo(0)),
                Scorecard.Category.of(List.of(1.0), lo(-30)),
                Scorecard.Category.of(List.of(0.0), lo(-70))), lo(0), lo(-8)));
        b.add(num("tax_rating_a_years", e(1, 3), p(0, 5, 12), 0));
        b.add(num("loan_to_revenue", e(0.1, 0.3, 0.6, 1.0), p(8, 0, -12, -30, -50), -10));
        // supply chain: a rated core enterprise confirming the relationship is mild comfort
        b.add(num("core_enterprise_rating", e(1, 4, 6), p(0, 0, 4, 8), 0));
        return b.build();
    }

    static Scorecard technology() {
        return Scorecard.builder(FeatureCatalogue.standard())
                .intercept(lo(20))
                .add(num("rd_intensity", e(0.03, 0.08, 0.15), p(-5, 5, 15, 20), -5))
                .add(num("invention_patents", e(1, 5, 20), p(0, 10, 18, 25), 0))
                .add(num("utility_patents", e(1, 10), p(0, 4, 8), 0))
                .add(num("patent_change_frequency", e(1, 4), p(0, 5, 3), 0))
                // early losses from expensed R&D: refund most of the base penalty
                .add(num("net_margin", e(-0.05, 0), p(15, 8, 0), 0))
                .build();
    }

    static Scorecard agriculture() {
        return Scorecard.builder(FeatureCatalogue.standard())
                .intercept(lo(0))
                // seasonal cash flow is normal on farms: refund the base volatility penalty
                .add(num("cash_flow_volatility", e(0.4, 0.7, 1.0), p(0, 8, 15, 20), 0))
                // extreme concentration in one month remains a risk
                .add(num("sales_seasonality", e(2, 4), p(3, 0, -10), 0))
                .add(num("electricity_continuity", e(0.75), p(10, 0), 0))
                .build();
    }

    static Scorecard cateringRetail() {
        return Scorecard.builder(FeatureCatalogue.standard())
                .intercept(lo(10))
                // small, young, cash businesses: refund base penalties that measure size, not risk
                .add(num("insured_headcount", e(1, 5), p(12, 5, 0), 0))
                .add(num("credit_history_months", e(12, 36), p(8, 4, 0), 8))
                .add(num("debt_to_asset", e(0.7, 0.85), p(0, 8, 10), 0))
                .add(num("firm_age_years", e(1, 3), p(8, 5, 0), 0))
                .build();
    }

    static Scorecard green() {
        return Scorecard.builder(FeatureCatalogue.standard())
                .intercept(lo(0))
                .add(num("carbon_intensity", e(0.1, 0.5, 1.5), p(10, 5, -5, -15), -3))
                .build();
    }

    static GradeBands bands() {
        return GradeBands.byScore(List.of(
                GradeBands.Band.of("AAA", 720), GradeBands.Band.of("AA", 690), GradeBands.Band.of("A", 660),
                GradeBands.Band.of("BBB", 630), GradeBands.Band.of("BB", 600), GradeBands.Band.of("B", 570),
                GradeBands.Band.of("CCC", 540), GradeBands.Band.of("CC", 510), GradeBands.Band.of("C", 470),
                GradeBands.Band.of("D", Double.NEGATIVE_INFINITY)));
    }

    /** The reference portfolio the population shares come from: the synthetic one of docs/expert-model.md. */
    static final long SHARES_SEED = 1;
    static final int SHARES_COUNT = 20_000;

    /**
     * The expert cards carry no training data, so their population shares (which make the neutral
     * points reasons are measured against) come from a documented reference population: the synthetic
     * portfolio (seed {@value #SHARES_SEED}, {@value #SHARES_COUNT} applications), the base card over
     * every application, an overlay over the applications it applies to. Shares are rounded to 6
     * decimals.
     */
    static Scorecard withShares(Scorecard card, List<FeatureVector> population) {
        if (population.isEmpty()) {
            throw new IllegalStateException("no reference applications for a card; shares need at least one");
        }
        List<Scorecard.Characteristic> out = new ArrayList<>();
        FeatureCatalogue c = card.catalogue();
        for (Scorecard.Characteristic ch : card.characteristics()) {
            int f = c.indexOf(ch.feature());
            if (ch instanceof Scorecard.Numeric num) {
                double[] counts = new double[num.bins().size()];
                double missing = 0;
                for (FeatureVector x : population) {
                    double v = x.value(f);
                    if (Double.isNaN(v)) {
                        missing++;
                        continue;
                    }
                    for (int b = 0; b < counts.length; b++) {
                        if (v >= num.bins().get(b).lo() && v < num.bins().get(b).hi()) {
                            counts[b]++;
                            break;
                        }
                    }
                }
                out.add(num.withShares(Scorecard.Shares.numeric(share(counts, population.size()),
                        share(missing, population.size()))));
            } else {
                Scorecard.Categorical cat = (Scorecard.Categorical) ch;
                double[] counts = new double[cat.categories().size()];
                double missing = 0;
                double other = 0;
                for (FeatureVector x : population) {
                    double v = x.value(f);
                    if (Double.isNaN(v)) {
                        missing++;
                        continue;
                    }
                    int hit = -1;
                    for (int b = 0; b < counts.length && hit < 0; b++) {
                        hit = cat.categories().get(b).codes().contains(v) ? b : -1;
                    }
                    if (hit < 0) {
                        other++;
                    } else {
                        counts[hit]++;
                    }
                }
                out.add(cat.withShares(Scorecard.Shares.categorical(share(counts, population.size()),
                        share(other, population.size()), share(missing, population.size()))));
            }
        }
        return Scorecard.of(c, card.intercept(), out);
    }

    private static double[] share(double[] counts, int n) {
        double[] s = new double[counts.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = share(counts[i], n);
        }
        return s;
    }

    private static double share(double count, int n) {
        return Math.round(count / n * 1e6) / 1e6;
    }

    /** The default expert bundle. */
    static ModelBundle build() {
        List<IndustryOverlay> overlays = List.of(
                IndustryOverlay.of("technology", "Technology and scientific services",
                        List.of("I63", "I64", "I65", "M73", "M74", "M75"), technology()),
                IndustryOverlay.of("agriculture", "Agriculture, forestry, animal husbandry and fishery",
                        List.of("A"), agriculture()),
                IndustryOverlay.of("catering-retail", "Accommodation, catering and retail",
                        List.of("H", "F52"), cateringRetail()),
                IndustryOverlay.of("green", "Ecological protection and power generation",
                        List.of("N77", "D44"), green()));
        CompositeScorer router = CompositeScorer.of("router", "0", FeatureCatalogue.standard(), SCALING, bands(),
                base(), overlays);
        PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().count(SHARES_COUNT)
                .seed(SHARES_SEED).build());
        List<FeatureVector> all = new ArrayList<>();
        Map<String, List<FeatureVector>> byOverlay = new HashMap<>();
        for (long i = 0; i < SHARES_COUNT; i++) {
            LoanApplication app = gen.generate(i).application();
            FeatureVector x = FeatureExtractor.standard().extract(app);
            all.add(x);
            router.overlayFor(app.enterprise().industry())
                    .ifPresent(o -> byOverlay.computeIfAbsent(o.id(), k -> new ArrayList<>()).add(x));
        }
        ModelBundle.Builder b = ModelBundle.builder();
        for (IndustryOverlay o : overlays) {
            b.overlay(IndustryOverlay.of(o.id(), o.name(), o.industries(),
                    withShares((Scorecard) o.model(), byOverlay.getOrDefault(o.id(), List.of()))));
        }
        ObjectNode training = JsonNodeFactory.instance.objectNode();
        training.put("method", "expert");
        training.put("basis", "platform facts in DESIGN.md; rationale per characteristic in docs/expert-model.md");
        training.put("pointsConversion", "logOdds = -points * ln(2) / pdo, rounded to 6 decimals");
        training.put("populationShares", "synthetic portfolio seed " + SHARES_SEED + ", " + SHARES_COUNT
                + " applications (base: all; overlay: the applications it applies to), rounded to 6 decimals");
        return b
                .id("creditkit-expert")
                .version("1.0.0")
                .createdBy("creditkit ExpertBundleSource")
                .description("Expert base scorecard over the creditkit-sme/1 indicators with technology, "
                        + "agriculture, catering/retail and green overlays; no training data")
                .scaling(SCALING)
                .gradeBands(bands())
                .catalogue(FeatureCatalogue.standard())
                .base(withShares(base(), all))
                .training(training)
                .build();
    }

    /** Writes the resource; run with the credit-core module directory as working directory. */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0]
                : "src/main/resources/org/creditkit/core/score/expert-bundle.json");
        ModelBundle b = build();
        b.write(out);
        System.out.println("wrote " + out.toAbsolutePath() + " " + b.checksum());
    }
}
