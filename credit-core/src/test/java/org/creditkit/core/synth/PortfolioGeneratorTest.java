package org.creditkit.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditkit.core.codes.EconomicZone;
import org.creditkit.core.codes.SizeClass;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.OwnershipType;
import org.creditkit.core.domain.Product;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.feature.StandardFeatures;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.LabeledApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PortfolioGeneratorTest {

    private static final int N = 40_000;
    private static List<LabeledApplication> portfolio;
    private static List<FeatureVector> features;

    @BeforeAll
    static void generate() {
        portfolio = PortfolioGenerator.of(GeneratorConfig.builder().count(N).seed(7).build()).generateAll();
        features = new ArrayList<>(N);
        for (LabeledApplication l : portfolio) {
            features.add(FeatureExtractor.standard().extract(l.application()));
        }
    }

    private static byte[] jsonLines(GeneratorConfig cfg, int threads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PortfolioGenerator.of(cfg).writeJsonLines(out, threads, done -> { });
        return out.toByteArray();
    }

    // ---- negative lists ------------------------------------------------------------------------------

    /**
     * The lists beyond the courts' appear at plausible rates (per application: major tax violation and
     * serious violation a few in a thousand, abnormal operation a few in a hundred), some repaired,
     * and a firm on one defaults more often than the portfolio (the lists are drawn from its quality).
     */
    @Test
    void generate_negativeLists_appearAtPlausibleRates_andMarkWorseFirms() {
        int tax = 0;
        int abnormal = 0;
        int serious = 0;
        int repaired = 0;
        int listedDefaults = 0;
        int defaults = 0;
        for (LabeledApplication l : portfolio) {
            var s = l.application().sources();
            boolean t = s.tax().map(r -> !r.majorViolationListings().isEmpty()).orElse(false);
            boolean a = s.penalties().map(r -> !r.abnormalOperationListings().isEmpty()).orElse(false);
            boolean v = s.penalties().map(r -> !r.seriousViolationListings().isEmpty()).orElse(false);
            tax += t ? 1 : 0;
            abnormal += a ? 1 : 0;
            serious += v ? 1 : 0;
            repaired += s.penalties().map(r -> r.abnormalOperationListings().stream()
                    .filter(x -> x.repaired().isPresent()).count()).orElse(0L).intValue();
            boolean d = l.outcome().orElseThrow().defaulted12m();
            defaults += d ? 1 : 0;
            listedDefaults += (t || a || v) && d ? 1 : 0;
        }
        System.out.printf("negative lists in %d applications: major tax violation %d, abnormal operation %d (%d removed),"
                + " serious violation %d%n", N, tax, abnormal, repaired, serious);
        assertThat(tax / (double) N).isBetween(0.0005, 0.01);
        assertThat(abnormal / (double) N).isBetween(0.02, 0.06);
        assertThat(serious / (double) N).isBetween(0.0003, 0.008);
        assertThat(repaired).isBetween(abnormal / 3, abnormal * 4 / 5);
        int anyListed = (int) portfolio.stream().filter(l -> {
            var s = l.application().sources();
            return s.tax().map(r -> !r.majorViolationListings().isEmpty()).orElse(false)
                    || s.penalties().map(r -> !r.abnormalOperationListings().isEmpty()
                            || !r.seriousViolationListings().isEmpty()).orElse(false);
        }).count();
        System.out.printf("default rate: listed on any of the three %.2f%% of %d, all %.2f%%%n",
                100.0 * listedDefaults / anyListed, anyListed, 100.0 * defaults / N);
        assertThat(listedDefaults / (double) anyListed).isGreaterThan(1.3 * defaults / (double) N);
    }

    // ---- qualifications -------------------------------------------------------------------------------

    /**
     * Certificates go where the innovation is: most firms applying for the technology product hold one
     * valid on the application date, few others do, and some of the certificates on record have expired
     * (so the expired path of the technology product's eligibility is exercised by the demo).
     */
    @Test
    void generate_qualifications_mostTechnologyApplicantsHoldOne_fewOthers_someExpired() {
        int tech = 0;
        int techValid = 0;
        int others = 0;
        int othersAny = 0;
        int certificates = 0;
        int expired = 0;
        for (LabeledApplication l : portfolio) {
            LoanApplication a = l.application();
            var qs = a.enterprise().qualifications();
            boolean valid = qs.stream().anyMatch(q -> q.isValidOn(a.decisionDate()));
            certificates += qs.size();
            expired += (int) qs.stream().filter(q -> q.expires().isBefore(a.decisionDate())).count();
            if (a.product().equals(Product.TECHNOLOGY)) {
                tech++;
                techValid += valid ? 1 : 0;
            } else {
                others++;
                othersAny += qs.isEmpty() ? 0 : 1;
            }
        }
        System.out.printf("qualifications: %d of %d technology applicants hold a valid one, %d of %d others hold any;"
                + " %d of %d certificates expired%n", techValid, tech, othersAny, others, expired, certificates);
        assertThat(techValid / (double) tech).isBetween(0.6, 0.9);
        assertThat(othersAny / (double) others).isBetween(0.01, 0.08);
        assertThat(expired / (double) certificates).isBetween(0.05, 0.25);
    }

    // ---- determinism ----------------------------------------------------------------------------------

    @Test
    void writeJsonLines_sameSeed_identicalBytesSequentialAndParallel() {
        GeneratorConfig cfg = GeneratorConfig.builder().count(3 * PortfolioGenerator.CHUNK + 17).seed(99).build();
        byte[] sequential = jsonLines(cfg, 1);
        assertThat(jsonLines(cfg, 2)).isEqualTo(sequential);
        assertThat(jsonLines(cfg, 3)).isEqualTo(sequential);
        String text = new String(sequential, StandardCharsets.UTF_8);
        assertThat(text.split("\n", -1)).hasSize((int) cfg.count() + 1);
        assertThat(text).endsWith("\n");
    }

    /**
     * Pins the output: models, bundles and golden files elsewhere are built from this data. When the
     * generator changes on purpose, update the digest (and say so in the commit).
     */
    @Test
    void writeJsonLines_seed1_matchesThePinnedDigest() throws Exception {
        byte[] bytes = jsonLines(GeneratorConfig.builder().count(2_000).seed(1).build(), 2);
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        StringBuilder hex = new StringBuilder();
        for (byte b : d) {
            hex.append(String.format("%02x", b));
        }
        assertThat(hex.toString()).as("SHA-256 of the first 2,000 records of seed 1 (JDK 17 and 25 agree)")
                .isEqualTo("5126be54318d12fdf3aad8a48c208e3aa8ca3ca4305830dfbcf1ef97bc37dc42");
    }

    /**
     * The one-size-fits-all story of docs/synthetic-portfolio.md: technology and catering firms show
     * worse generic indicators (leverage) than manufacturing although their true risk is no higher.
     */
    @Test
    void generate_technologyAndCatering_lookWorseOnLeverageThanTheirTrueRiskSays() {
        PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().count(20_000).seed(5).build());
        double[][] acc = new double[3][3]; // per group: count with statements, sum of debt ratios; sum truePd over all
        int[] all = new int[3];
        for (long i = 0; i < 20_000; i++) {
            LabeledApplication a = gen.generate(i);
            char s = a.application().enterprise().industry().section();
            int g = s == 'C' ? 0 : s == 'I' ? 1 : s == 'H' ? 2 : -1;
            if (g < 0) {
                continue;
            }
            all[g]++;
            acc[g][2] += a.outcome().orElseThrow().truePd().orElseThrow();
            a.application().sources().financials().ifPresent(f -> {
                acc[g][0]++;
                acc[g][1] += f.totalLiabilities().doubleValue() / f.totalAssets().doubleValue();
            });
        }
        double debtC = acc[0][1] / acc[0][0];
        double pdC = acc[0][2] / all[0];
        for (int g = 1; g <= 2; g++) {
            assertThat(acc[g][1] / acc[g][0]).as("mean debt ratio of group %d vs manufacturing", g)
                    .isGreaterThan(debtC + 0.04);
            assertThat(acc[g][2] / all[g]).as("mean truePd of group %d vs manufacturing", g)
                    .isLessThan(pdC + 0.004);
        }
    }

    @Test
    void writeJsonLines_differentSeeds_differ() {
        byte[] a = jsonLines(GeneratorConfig.builder().count(50).seed(1).build(), 1);
        byte[] b = jsonLines(GeneratorConfig.builder().count(50).seed(2).build(), 1);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void generate_singleIndex_equalsTheSameRecordOfTheWholePortfolio() {
        PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().count(N).seed(7).build());
        for (int i : new int[] {0, 1, 1023, 1024, 39_999}) {
            assertThat(ApplicationJson.write(gen.generate(i))).isEqualTo(ApplicationJson.write(portfolio.get(i)));
        }
        assertThat(portfolio.get(42).application().id()).isEqualTo("SYN-000000042");
    }

    @Test
    void generate_negativeIndex_rejected() {
        PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().build());
        assertThatThrownBy(() -> gen.generate(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 0");
    }

    @Test
    void config_contradictions_rejectedWithWhatIsValid() {
        assertThatThrownBy(() -> GeneratorConfig.builder().count(-1).build())
                .hasMessageContaining("count (-1) must be >= 0");
        assertThatThrownBy(() -> GeneratorConfig.builder()
                .applicationDates(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 4, 1)).build())
                .hasMessageContaining("is before firstApplicationDate");
        assertThatThrownBy(() -> GeneratorConfig.builder().scoringBias('Z', 1).build())
                .hasMessageContaining("valid: A..T");
        assertThatThrownBy(() -> GeneratorConfig.builder().recordedOutcomeBias('H', 1).recordedOutcomeBias('H', 2)
                .build()).hasMessageContaining("twice for industry section H");
        assertThatThrownBy(() -> GeneratorConfig.builder().scoringBias('I', Double.NaN).build())
                .hasMessageContaining("finite");
    }

    // ---- the ground truth -----------------------------------------------------------------------------

    @Test
    void defaultRate_overall_withinTheDocumentedRange() {
        double defaults = 0;
        double pd = 0;
        for (LabeledApplication l : portfolio) {
            defaults += l.outcome().orElseThrow().defaulted12m() ? 1 : 0;
            pd += l.outcome().orElseThrow().truePd().orElseThrow();
        }
        assertThat(defaults / N).isBetween(0.03, 0.06);
        assertThat(pd / N).isBetween(0.03, 0.06);
    }

    @Test
    void defaultRate_byIndustry_withinBinomialToleranceOfMeanTruePd() {
        Map<Character, double[]> bySection = new TreeMap<>();
        for (LabeledApplication l : portfolio) {
            double[] s = bySection.computeIfAbsent(l.application().enterprise().industry().section(),
                    k -> new double[4]);
            double p = l.outcome().orElseThrow().truePd().orElseThrow();
            s[0]++;
            s[1] += l.outcome().orElseThrow().defaulted12m() ? 1 : 0;
            s[2] += p;
            s[3] += p * (1 - p);
        }
        int checked = 0;
        for (Map.Entry<Character, double[]> e : bySection.entrySet()) {
            double[] s = e.getValue();
            if (s[0] < 300) {
                continue;
            }
            checked++;
            // Poisson-binomial: variance of the count is the sum of p(1-p); 4.5 sd leaves a ~1e-5 false alarm rate
            double tolerance = 4.5 * Math.sqrt(s[3]) / s[0];
            assertThat(s[1] / s[0]).as("section %s: defaults vs mean truePd", e.getKey())
                    .isCloseTo(s[2] / s[0], org.assertj.core.data.Offset.offset(tolerance));
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void truePd_separatesDefaultersFromOthers() {
        // the oracle: AUC of truePd against the outcome, by the rank-sum formula
        List<double[]> rows = new ArrayList<>(N);
        for (LabeledApplication l : portfolio) {
            rows.add(new double[] {l.outcome().orElseThrow().truePd().orElseThrow(),
                l.outcome().orElseThrow().defaulted12m() ? 1 : 0});
        }
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        double rankSum = 0;
        long pos = 0;
        for (int i = 0; i < rows.size(); ) {
            int j = i;
            while (j < rows.size() && rows.get(j)[0] == rows.get(i)[0]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (rows.get(k)[1] == 1) {
                    rankSum += midRank;
                    pos++;
                }
            }
            i = j;
        }
        long neg = rows.size() - pos;
        double auc = (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
        assertThat(auc).isBetween(0.75, 0.92);
    }

    @Test
    void cateringAndRetail_defaultNoMoreThanManufacturingByMuch() {
        double[] c = rate('C');
        double[] h = rate('H');
        assertThat(h[1] / h[0]).isLessThan(1.6 * c[1] / c[0]);
    }

    @Test
    void industryDrivers_visibleInTheFeatures() {
        // technology: more invention patents, lower true PD
        assertThat(meanPd(i -> isTech(i) && value(i, StandardFeatures.INVENTION_PATENTS) >= 3))
                .isLessThan(0.85 * meanPd(i -> isTech(i) && value(i, StandardFeatures.INVENTION_PATENTS) == 0));
        // catering and retail: interrupted tax declarations, higher true PD
        assertThat(meanPd(i -> isContinuitySensitive(i) && value(i, StandardFeatures.TAX_CONTINUITY_INDEX) < 0.95))
                .isGreaterThan(1.3 * meanPd(i -> isContinuitySensitive(i)
                        && value(i, StandardFeatures.TAX_CONTINUITY_INDEX) == 1.0));
        // agriculture: stronger seasonal peaks, higher true PD
        assertThat(meanPd(i -> section(i) == 'A' && value(i, StandardFeatures.SALES_SEASONALITY) > 2.1))
                .isGreaterThan(meanPd(i -> section(i) == 'A' && value(i, StandardFeatures.SALES_SEASONALITY) < 1.7));
        // an unrepaired dishonest listing weighs more than a repaired one
        assertThat(meanPd(i -> value(i, StandardFeatures.DISHONEST_STATUS) == 2))
                .isGreaterThan(meanPd(i -> value(i, StandardFeatures.DISHONEST_STATUS) == 1));
    }

    private static char section(int i) {
        return portfolio.get(i).application().enterprise().industry().section();
    }

    private static boolean isTech(int i) {
        return section(i) == 'I' || section(i) == 'M';
    }

    private static boolean isContinuitySensitive(int i) {
        var code = portfolio.get(i).application().enterprise().industry();
        return code.section() == 'H' || code.code().equals("F52");
    }

    /** NaN (never matching a comparison) when missing. */
    private static double value(int i, int feature) {
        return features.get(i).value(feature);
    }

    private static double meanPd(java.util.function.IntPredicate p) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < N; i++) {
            if (p.test(i)) {
                sum += portfolio.get(i).outcome().orElseThrow().truePd().orElseThrow();
                n++;
            }
        }
        assertThat(n).as("group size").isGreaterThan(30);
        return sum / n;
    }

    private static double[] rate(char section) {
        double[] s = new double[2];
        for (LabeledApplication l : portfolio) {
            if (l.application().enterprise().industry().section() == section) {
                s[0]++;
                s[1] += l.outcome().orElseThrow().truePd().orElseThrow();
            }
        }
        return s;
    }

    // ---- mixes ----------------------------------------------------------------------------------------

    @Test
    void mixes_industryRegionSizeOwnership_arePlausible() {
        Map<Character, Integer> sections = new TreeMap<>();
        Map<EconomicZone, Integer> zones = new EnumMap<>(EconomicZone.class);
        Map<SizeClass, Integer> sizes = new EnumMap<>(SizeClass.class);
        int privateOwned = 0;
        for (LabeledApplication l : portfolio) {
            var e = l.application().enterprise();
            sections.merge(e.industry().section(), 1, Integer::sum);
            zones.merge(e.region().zone(), 1, Integer::sum);
            sizes.merge(e.sizeClass(), 1, Integer::sum);
            privateOwned += e.ownership() == OwnershipType.PRIVATE ? 1 : 0;
        }
        assertThat(share(sections.get('C'))).isBetween(0.26, 0.32);
        assertThat(share(sections.get('F'))).isBetween(0.21, 0.27);
        assertThat(share(sections.get('H'))).isBetween(0.06, 0.10);
        assertThat(share(sections.get('I')) + share(sections.get('M'))).isBetween(0.09, 0.13);
        assertThat(share(sections.get('A'))).isBetween(0.045, 0.075);
        assertThat(share(zones.get(EconomicZone.EAST))).isBetween(0.55, 0.75);
        assertThat(zones).containsKeys(EconomicZone.values());
        assertThat(share(sizes.get(SizeClass.MICRO)) + share(sizes.get(SizeClass.SMALL))).isGreaterThan(0.9);
        assertThat(share(privateOwned)).isBetween(0.85, 0.91);
    }

    // ---- rare states at their configured rates --------------------------------------------------------

    @Test
    void rareStates_presentAtTheirConfiguredRates() {
        int noConsent = 0;
        int unrepaired = 0;
        int repaired = 0;
        int serious = 0;
        int whitelisted = 0;
        int inconsistent = 0;
        int chain = 0;
        int rated = 0;
        int techProduct = 0;
        int staleTax = 0;
        for (int i = 0; i < N; i++) {
            LoanApplication a = portfolio.get(i).application();
            FeatureVector v = features.get(i);
            noConsent += a.dataUseConsent() ? 0 : 1;
            unrepaired += v.value(StandardFeatures.DISHONEST_STATUS) == 2 ? 1 : 0;
            repaired += v.value(StandardFeatures.DISHONEST_STATUS) == 1 ? 1 : 0;
            serious += v.value(StandardFeatures.SERIOUS_PENALTIES_36M) > 0 ? 1 : 0;
            whitelisted += v.value(StandardFeatures.TAX_RATING_A_YEARS) >= 3 ? 1 : 0;
            inconsistent += v.value(StandardFeatures.REVENUE_CONSISTENCY_GAP) > 0.08 ? 1 : 0;
            chain += a.sources().supplyChain().isPresent() ? 1 : 0;
            rated += v.value(StandardFeatures.CORE_ENTERPRISE_RATING) >= 5 ? 1 : 0;
            techProduct += a.product().equals(Product.TECHNOLOGY) ? 1 : 0;
            var appMonth = java.time.YearMonth.from(a.applicationTime().atOffset(ZoneOffset.ofHours(8)));
            if (a.sources().tax().isPresent()
                    && a.sources().tax().get().declaredSales().lastMonth().isBefore(appMonth.minusMonths(6))) {
                staleTax++;
            }
        }
        double consenting = 1 - RecordFactory.P_NO_CONSENT;
        assertThat(share(noConsent)).isCloseTo(RecordFactory.P_NO_CONSENT, org.assertj.core.data.Offset.offset(0.005));
        // listings: ~2.2% of firms, 40% of them repaired, visible when courts data is supplied (92%)
        assertThat(share(unrepaired + repaired)).isBetween(0.012, 0.03);
        assertThat((double) repaired / (unrepaired + repaired))
                .isCloseTo(RecordFactory.P_REPAIRED, org.assertj.core.data.Offset.offset(0.08));
        assertThat(share(serious)).isBetween(0.01, 0.03);
        assertThat(share(whitelisted)).isBetween(0.05, 0.12);
        // misreported revenue (5.6% of firms) is visible where tax and statement are supplied (~83%) and
        // the tax series covers the statement's fiscal year (applications from May on): about 2.1%
        assertThat(share(inconsistent)).isBetween(0.014, 0.03);
        assertThat(share(chain)).isBetween(0.07 * consenting, 0.11);
        assertThat(rated).isGreaterThan(chain / 2);
        assertThat(share(techProduct)).isBetween(0.04, 0.10);
        // stale: 5% of applications, a third of them in tax
        assertThat(share(staleTax)).isCloseTo(RecordFactory.P_STALE / 3 * 0.96 * consenting,
                org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void missingSources_areAbsentNotZero_andFollowConsent() {
        int noTax = 0;
        for (LabeledApplication l : portfolio) {
            LoanApplication a = l.application();
            if (!a.dataUseConsent()) {
                assertThat(a.sources().present()).allMatch(s -> s.source() == org.creditkit.core.domain.DataSource.BANK_CREDIT);
            }
            noTax += a.sources().tax().isEmpty() ? 1 : 0;
        }
        assertThat(share(noTax)).isBetween(0.05, 0.09);
    }

    @Test
    void applicationDates_withinTheConfiguredRange() {
        for (LabeledApplication l : portfolio) {
            LocalDate d = l.application().applicationTime().atOffset(ZoneOffset.ofHours(8)).toLocalDate();
            assertThat(d).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        }
    }

    // ---- biases ---------------------------------------------------------------------------------------

    @Test
    void recordedOutcomeBias_inflatesRecordedDefaultsOfTheGroupOnly_truePdUnchanged() {
        int n = 20_000;
        List<LabeledApplication> fair = PortfolioGenerator.of(GeneratorConfig.builder().count(n).seed(7).build())
                .generateAll();
        List<LabeledApplication> biased = PortfolioGenerator.of(GeneratorConfig.builder().count(n).seed(7)
                .recordedOutcomeBias('H', 1.5).build()).generateAll();
        double[] h = new double[3];
        for (int i = 0; i < n; i++) {
            var f = fair.get(i).outcome().orElseThrow();
            var b = biased.get(i).outcome().orElseThrow();
            assertThat(b.truePd()).isEqualTo(f.truePd());
            assertThat(biased.get(i).application()).isEqualTo(fair.get(i).application());
            if (fair.get(i).application().enterprise().industry().section() == 'H') {
                h[0]++;
                h[1] += b.defaulted12m() ? 1 : 0;
                h[2] += b.truePd().orElseThrow();
            } else {
                assertThat(b.defaulted12m()).isEqualTo(f.defaulted12m());
            }
        }
        // a logit shift of 1.5 multiplies small PDs by up to 4.5 (less for larger ones): the recorded rate
        // at least doubles, far beyond binomial noise (about 1 percentage point here)
        assertThat(h[1] / h[0]).isGreaterThan(2.0 * h[2] / h[0]);
    }

    @Test
    void scoringBias_makesTheGroupsDataLookWorse_truePdUnchanged() {
        int n = 20_000;
        List<LabeledApplication> fair = PortfolioGenerator.of(GeneratorConfig.builder().count(n).seed(7).build())
                .generateAll();
        List<LabeledApplication> biased = PortfolioGenerator.of(GeneratorConfig.builder().count(n).seed(7)
                .scoringBias('I', 1.0).build()).generateAll();
        double fairMargin = 0;
        double biasedMargin = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            assertThat(biased.get(i).outcome()).isEqualTo(fair.get(i).outcome());
            if (fair.get(i).application().enterprise().industry().section() != 'I') {
                assertThat(biased.get(i).application()).isEqualTo(fair.get(i).application());
                continue;
            }
            FeatureVector f = FeatureExtractor.standard().extract(fair.get(i).application());
            FeatureVector b = FeatureExtractor.standard().extract(biased.get(i).application());
            if (!f.isMissing(StandardFeatures.NET_MARGIN) && !b.isMissing(StandardFeatures.NET_MARGIN)) {
                fairMargin += f.value(StandardFeatures.NET_MARGIN);
                biasedMargin += b.value(StandardFeatures.NET_MARGIN);
                k++;
            }
        }
        assertThat(k).isGreaterThan(300);
        // margin = ... + 0.04 * observed quality: a 1-sd shift lowers it by about 0.04
        assertThat((fairMargin - biasedMargin) / k).isBetween(0.03, 0.05);
    }

    private static double share(Integer count) {
        return count == null ? 0 : count / (double) N;
    }
}
