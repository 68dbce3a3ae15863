package org.creditkit.models.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.codes.RegionCode;
import org.creditkit.core.codes.Uscc;
import org.creditkit.core.domain.BankCreditRecord;
import org.creditkit.core.domain.Enterprise;
import org.creditkit.core.domain.FinancialStatement;
import org.creditkit.core.domain.GuaranteeType;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.OwnershipType;
import org.creditkit.core.domain.Product;
import org.creditkit.core.domain.Provenance;
import org.creditkit.core.domain.SourceData;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.models.Progress;
import org.creditkit.models.export.BundleExport;
import org.creditkit.models.overlay.OverlayModel;
import org.creditkit.models.overlay.OverlayOptions;
import org.creditkit.models.overlay.OverlayTrainer;
import org.creditkit.models.scorecard.ScorecardOptions;
import org.creditkit.models.scorecard.ScorecardTrainer;
import org.creditkit.models.scorecard.TrainedScorecard;
import org.creditkit.models.store.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

public class PortfolioReaderTest {

    private static final Instant TIME = Instant.parse("2025-07-01T02:00:00Z");
    private static final Instant AS_OF = Instant.parse("2025-06-30T16:00:00Z");
    private static final String[] INDUSTRIES = {"C34", "F51", "I65"};

    @TempDir
    Path dir;

    /**
     * Applications with their true PD and outcome in {@code truth}.
     *
     * @param n how many
     * @param seed random seed
     * @param truth receives {pd, outcome} per application
     * @return the applications
     */
    public static List<LoanApplication> applications(int n, long seed, List<double[]> truth) {
        Random rnd = new Random(seed);
        List<LoanApplication> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Uscc uscc = Uscc.complete(String.format("91310115MA%06d", i));
            IndustryCode industry = IndustryCode.of(INDUSTRIES[i % 3]);
            long assets = 5_000_000 + rnd.nextInt(20_000_000);
            double leverage = 0.2 + 0.7 * rnd.nextDouble();
            int overdue = rnd.nextDouble() < 0.2 ? 30 + rnd.nextInt(60) : 0;
            Enterprise e = new Enterprise(uscc, "示例企业" + i, LocalDate.of(2015, 1, 1).plusDays(i % 2000),
                    new BigDecimal("1000000.00"), industry, RegionCode.of("310115"), 20 + i % 80,
                    BigDecimal.valueOf(assets), BigDecimal.valueOf(assets), OwnershipType.PRIVATE);
            Provenance p = Provenance.of("test", AS_OF);
            SourceData.Builder sources = SourceData.builder().financials(new FinancialStatement(
                    Provenance.of("stmt", Instant.parse("2025-04-30T00:00:00Z")), 2024, BigDecimal.valueOf(assets),
                    BigDecimal.valueOf(Math.round(assets * leverage)), BigDecimal.valueOf(assets / 2),
                    BigDecimal.valueOf(Math.min(assets / 4, Math.round(assets * leverage))), BigDecimal.valueOf(assets),
                    BigDecimal.valueOf(assets / 20),
                    BigDecimal.valueOf(assets / 30), BigDecimal.ZERO));
            if (i % 10 != 0) {
                sources.bankCredit(new BankCreditRecord(p, 1, new BigDecimal("100000.00"), overdue, overdue, 36));
            }
            double z = -3 + 3 * (leverage - 0.5) + (overdue > 0 ? 1.5 : 0) + (i % 3 == 2 ? 0.5 : 0);
            double pd = 1 / (1 + Math.exp(-z));
            truth.add(new double[] {pd, rnd.nextDouble() < pd ? 1 : 0});
            out.add(new LoanApplication("APP-" + i, TIME, Product.GENERAL, new BigDecimal("500000.00"), 12, "",
                    GuaranteeType.NONE, true, e, sources.build()));
        }
        return out;
    }

    /**
     * Writes a labelled portfolio file.
     *
     * @param file target
     * @param apps applications
     * @param truth {pd, outcome} per application
     * @param extraLines text appended at the end
     * @throws IOException on write failure
     */
    public static void writePortfolio(Path file, List<LoanApplication> apps, List<double[]> truth, String extraLines)
            throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < apps.size(); i++) {
            s.append(ApplicationJson.write(LabeledApplication.of(apps.get(i), truth.get(i)[1] == 1, truth.get(i)[0])))
                    .append('\n');
        }
        s.append(extraLines);
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    private Path write(List<LoanApplication> apps, List<double[]> truth, String extraLines) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < apps.size(); i++) {
            s.append(ApplicationJson.write(LabeledApplication.of(apps.get(i), truth.get(i)[1] == 1, truth.get(i)[0])))
                    .append('\n');
        }
        s.append(extraLines);
        Path file = dir.resolve("portfolio.jsonl");
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void read_labelledLines_becomeStandardFeaturesWithIndustryAndTruePd() throws IOException {
        List<double[]> truth = new ArrayList<>();
        List<LoanApplication> apps = applications(300, 1, truth);
        String unlabeled = ApplicationJson.write(apps.get(0)) + "\n";
        Path file = write(apps, truth, "{not json\n" + unlabeled);
        LoadResult r = DatasetReader.read(file, ColumnMapping.unlabelled().withMaxBadRowShare(0.05));
        Dataset d = r.dataset();
        assertThat(d.rows()).isEqualTo(300);
        assertThat(r.sourceRows()).isEqualTo(302);
        assertThat(r.skipped()).extracting(SkippedRow::line).containsExactly(301L, 302L);
        assertThat(r.skipped().get(1).reason()).contains("no outcome");
        assertThat(d.industryLevels()).containsExactly("C", "F", "I");
        assertThat(d.truePd()).isPresent();
        assertThat(d.truePd().get()[5]).isCloseTo(truth.get(5)[0], within(1e-12));
        FeatureVector v = FeatureExtractor.standard().extract(apps.get(7));
        int f = d.indexOf("debt_to_asset").orElseThrow();
        assertThat(d.value(f, 7)).isEqualTo(v.value("debt_to_asset"));
        assertThat(d.features()).hasSize(FeatureExtractor.standard().catalogue().size());
    }

    @Test
    void trainedOnPortfolio_exportedBundleScoresFeatureExtractorVectorsIdentically() throws IOException {
        List<double[]> truth = new ArrayList<>();
        List<LoanApplication> apps = applications(1500, 2, truth);
        Path file = write(apps, truth, "");
        Dataset d = DatasetReader.read(file, ColumnMapping.unlabelled()).dataset();
        TrainedScorecard card = ScorecardTrainer.fit(d, ScorecardOptions.defaults(), Progress.none());
        OverlayModel overlays = OverlayTrainer.fit(d, card.logOdds(d), OverlayOptions.defaults().withMinBads(10));
        TrainedModel m = TrainedModel.of(card, overlays, 0, Map.of());
        ModelBundle bundle = BundleExport.export(m, BundleExport.Options.of("portfolio"),
                JsonNodeFactory.instance.objectNode());
        assertThat(bundle.catalogue().version()).isEqualTo(FeatureExtractor.standard().catalogue().version());
        double[] expected = m.logOdds(d);
        FeatureExtractor fx = FeatureExtractor.standard();
        for (int i = 0; i < apps.size(); i++) {
            double got = bundle.scorer().score(fx.extract(apps.get(i)), apps.get(i).enterprise().industry()).logOdds();
            assertThat(got).as("application %d", i).isCloseTo(expected[i], within(1e-9));
        }
    }
}
