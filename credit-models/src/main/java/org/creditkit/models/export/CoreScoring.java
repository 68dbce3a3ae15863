package org.creditkit.models.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.codes.IndustryScheme;
import org.creditkit.core.score.IndustryOverlay;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.models.ModelException;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.IndustryGrouping;

/**
 * Scores data with an exported core {@link ModelBundle} (the runtime path), for evaluating and
 * monitoring what will actually run.
 */
public final class CoreScoring {

    private CoreScoring() {
    }

    /**
     * Log-odds of every labelled, valid line of a portfolio file, in the order the
     * {@link org.creditkit.models.data.PortfolioReader} keeps them: features from the standard
     * extractor, industry overlay resolved by the core from each enterprise's GB/T code.
     *
     * @param bundle the bundle (standard catalogue)
     * @param portfolio the JSON Lines file
     * @return log-odds per kept line
     * @throws org.creditkit.core.CreditModelException if the bundle is not laid out against the
     *         standard catalogue
     */
    public static double[] portfolioLogOdds(ModelBundle bundle, Path portfolio) {
        FeatureExtractor fx = bundle.requireCompatible(FeatureExtractor.standard());
        double[][] out = {new double[1024]};
        int[] n = {0};
        StrictApplicationReader.standard().readBatch(portfolio, la -> {
            if (la.outcome().isEmpty()) {
                return;
            }
            if (n[0] == out[0].length) {
                out[0] = java.util.Arrays.copyOf(out[0], n[0] * 2);
            }
            out[0][n[0]++] = bundle.scorer().score(fx.extract(la.application()), la.application().enterprise().industry())
                    .logOdds();
        }, bad -> { });
        return java.util.Arrays.copyOf(out[0], n[0]);
    }

    /**
     * Log-odds of every row of a table (CSV/ARFF) with the bundle: the base from the core scorer on
     * the row's vector, plus the overlay whose GB/T codes include the row's industry group.
     *
     * @param bundle the exported bundle (its {@code training.columns} give the feature coding)
     * @param data the rows
     * @return log-odds per row
     * @throws ModelException if the bundle does not record its training columns or the data lacks one
     */
    public static double[] tableLogOdds(ModelBundle bundle, Dataset data) {
        List<FeatureVector> vectors = BundleExport.vectors(bundle, data);
        double[] out = new double[data.rows()];
        for (int r = 0; r < out.length; r++) {
            double z = bundle.scorer().scoreBase(vectors.get(r)).logOdds();
            int g = data.industry(r);
            if (g != Dataset.NO_INDUSTRY) {
                Optional<IndustryOverlay> o = overlay(bundle, data.industryLevels().get(g));
                if (o.isPresent()) {
                    z += o.get().model().logOdds(vectors.get(r));
                }
            }
            out[r] = z;
        }
        return out;
    }

    private static Optional<IndustryOverlay> overlay(ModelBundle bundle, String group) {
        if (group.startsWith(IndustryGrouping.NAICS_PREFIX)) {
            String naics = group.substring(IndustryGrouping.NAICS_PREFIX.length());
            return bundle.overlays().stream()
                    .filter(o -> o.scheme() == IndustryScheme.NAICS && o.industries().contains(naics)).findFirst();
        }
        String code;
        try {
            code = BundleExport.gbt(group);
        } catch (ModelException e) {
            return Optional.empty();
        }
        return bundle.overlays().stream()
                .filter(o -> o.scheme() == IndustryScheme.GBT_4754 && o.industries().contains(code)).findFirst();
    }
}
