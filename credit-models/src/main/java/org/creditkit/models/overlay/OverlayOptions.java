package org.creditkit.models.overlay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.creditkit.models.binning.BinningOptions;

/**
 * Settings of overlay fitting.
 *
 * @param minBads an industry needs at least this many defaults to get an overlay
 * @param k0 credibility constant used when {@code estimateK0} is false: every parameter of an
 *        industry with {@code n} rows is multiplied by {@code n / (n + k0)}; 0 means no shrinkage
 *        (independent per-industry fits). When {@code estimateK0} is true it is only the fallback
 *        for the shifts when fewer than three industries get an overlay
 * @param estimateK0 whether to estimate the shrinkage from the data (empirical Bayes: the spread of
 *        the raw shifts and of the raw slopes beyond their sampling noise gives the prior variances,
 *        and each overlay is refitted as the posterior mode under that prior)
 * @param ownFeatures features every overlay uses beyond its intercept shift (binned within the
 *        industry; each must be in the data); empty for none
 * @param industryFeatures per industry group the features its overlay uses beyond
 *        {@code ownFeatures}, used when the data has them (a table without those columns simply
 *        gets intercept-only overlays for that industry, with a note)
 * @param ridge L2 penalty on the own-feature coefficients of the raw (unshrunk) fit, for stability
 * @param binning how own features are binned within an industry
 */
public record OverlayOptions(int minBads, double k0, boolean estimateK0, List<String> ownFeatures,
        Map<String, List<String>> industryFeatures, double ridge, BinningOptions binning) {

    /**
     * The features that matter for an industry beyond the generic indicators, per GB/T 4754
     * section: patents and R&amp;D for information technology (I) and research and technical
     * services (M); tax and electricity continuity and seasonality for wholesale and retail (F) and
     * catering (H); seasonality for agriculture (A).
     */
    public static final Map<String, List<String>> GBT_SECTION_FEATURES = standard();

    private static Map<String, List<String>> standard() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("I", List.of("invention_patents", "rd_intensity"));
        m.put("M", List.of("invention_patents", "rd_intensity"));
        m.put("F", List.of("tax_continuity_index", "electricity_continuity"));
        m.put("H", List.of("tax_continuity_index", "electricity_continuity"));
        m.put("A", List.of("sales_seasonality"));
        return Map.copyOf(m);
    }

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException on a negative count, constant or penalty
     */
    public OverlayOptions {
        ownFeatures = List.copyOf(ownFeatures);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        industryFeatures.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        industryFeatures = Map.copyOf(copy);
        Objects.requireNonNull(binning, "binning");
        if (minBads < 1 || !(k0 >= 0) || !(ridge >= 0)) {
            throw new IllegalArgumentException("Overlay minBads must be >= 1 and k0, ridge >= 0; got " + minBads + ", "
                    + k0 + ", " + ridge);
        }
    }

    /**
     * At least 30 defaults, shrinkage estimated from the data (k0 500 rows for the shifts when it
     * cannot be), the {@linkplain #GBT_SECTION_FEATURES industry features of GB/T 4754 sections}
     * where the data has them, ridge 0.1, own features in at most 6 bins of at least 5% of all rows, not
     * constrained to be monotonic.
     *
     * @return the defaults
     */
    public static OverlayOptions defaults() {
        return new OverlayOptions(30, 500, true, List.of(), GBT_SECTION_FEATURES, 0.1,
                new BinningOptions(0.05, 6, 50, 0.002, 0, Set.of(), false));
    }

    /**
     * Returns a copy with a fixed credibility constant (not estimated).
     *
     * @param k credibility constant
     * @return the copy
     */
    public OverlayOptions withK0(double k) {
        return new OverlayOptions(minBads, k, false, ownFeatures, industryFeatures, ridge, binning);
    }

    /**
     * Returns a copy with own features for every overlay.
     *
     * @param features own features of every overlay
     * @return the copy
     */
    public OverlayOptions withOwnFeatures(List<String> features) {
        return new OverlayOptions(minBads, k0, estimateK0, features, industryFeatures, ridge, binning);
    }

    /**
     * Returns a copy with other per-industry features.
     *
     * @param features per industry group its own features (empty map: intercept-only overlays)
     * @return the copy
     */
    public OverlayOptions withIndustryFeatures(Map<String, List<String>> features) {
        return new OverlayOptions(minBads, k0, estimateK0, ownFeatures, features, ridge, binning);
    }

    /**
     * Returns a copy with another minimum number of defaults.
     *
     * @param bads minimum defaults
     * @return the copy
     */
    public OverlayOptions withMinBads(int bads) {
        return new OverlayOptions(bads, k0, estimateK0, ownFeatures, industryFeatures, ridge, binning);
    }
}
