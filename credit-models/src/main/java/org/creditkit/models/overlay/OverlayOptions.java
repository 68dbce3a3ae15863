package org.creditkit.models.overlay;

import java.util.List;
import java.util.Objects;

import org.creditkit.models.binning.BinningOptions;

/**
 * Settings of overlay fitting.
 *
 * @param minBads an industry needs at least this many defaults to get an overlay
 * @param k0 credibility constant: the weight of an industry with {@code n} rows is
 *        {@code n / (n + k0)}; 0 means no shrinkage (independent per-industry fits); used as given
 *        unless {@code estimateK0}
 * @param estimateK0 whether to estimate {@code k0} from the data (empirical Bayes: the spread of the
 *        raw shifts beyond their sampling noise), falling back to {@code k0} when fewer than three
 *        industries get an overlay
 * @param ownFeatures features each overlay may use beyond its intercept shift (binned within the
 *        industry); empty for intercept-only overlays
 * @param ridge L2 penalty on the own-feature coefficients (not on the shift)
 * @param binning how own features are binned within an industry
 */
public record OverlayOptions(int minBads, double k0, boolean estimateK0, List<String> ownFeatures, double ridge, BinningOptions binning) {

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException on a negative count, constant or penalty
     */
    public OverlayOptions {
        ownFeatures = List.copyOf(ownFeatures);
        Objects.requireNonNull(binning, "binning");
        if (minBads < 1 || !(k0 >= 0) || !(ridge >= 0)) {
            throw new IllegalArgumentException("Overlay minBads must be >= 1 and k0, ridge >= 0; got " + minBads + ", "
                    + k0 + ", " + ridge);
        }
    }

    /**
     * At least 30 defaults, {@code k0} estimated from the data (500 rows when it cannot be),
     * intercept-only, ridge 1.
     *
     * @return the defaults
     */
    public static OverlayOptions defaults() {
        return new OverlayOptions(30, 500, true, List.of(), 1.0, BinningOptions.defaults().withMinIv(0));
    }

    /**
     * Returns a copy with a fixed credibility constant (not estimated).
     *
     * @param k credibility constant
     * @return the copy
     */
    public OverlayOptions withK0(double k) {
        return new OverlayOptions(minBads, k, false, ownFeatures, ridge, binning);
    }

    /**
     * Returns a copy with own features.
     *
     * @param features own features of every overlay
     * @return the copy
     */
    public OverlayOptions withOwnFeatures(List<String> features) {
        return new OverlayOptions(minBads, k0, estimateK0, features, ridge, binning);
    }

    /**
     * Returns a copy with another minimum number of defaults.
     *
     * @param bads minimum defaults
     * @return the copy
     */
    public OverlayOptions withMinBads(int bads) {
        return new OverlayOptions(bads, k0, estimateK0, ownFeatures, ridge, binning);
    }
}
