package org.creditkit.models.binning;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.creditkit.models.data.Feature;

/**
 * The bins of one feature: for a numeric feature ascending cut points {@code c0 < c1 < ...} making
 * bins {@code [-inf,c0), [c0,c1), ..., [ck-1,+inf)}; for a categorical feature a map from level code
 * to bin; in both cases a missing bin last. Immutable.
 */
public final class FeatureBinning {

    private final Feature feature;
    private final double[] cuts;
    private final int[] levelToBin;
    private final List<Bin> bins;
    private final double iv;
    private final boolean monotonic;
    private final double[] woe;

    private FeatureBinning(Feature feature, double[] cuts, int[] levelToBin, List<Bin> bins, boolean monotonic) {
        this.feature = feature;
        this.cuts = cuts;
        this.levelToBin = levelToBin;
        this.bins = List.copyOf(bins);
        this.monotonic = monotonic;
        this.woe = new double[bins.size()];
        double total = 0;
        double g = 0;
        double b = 0;
        for (Bin bin : bins) {
            g += bin.goods();
            b += bin.bads();
        }
        for (int i = 0; i < bins.size(); i++) {
            Bin bin = bins.get(i);
            woe[i] = bin.woe();
            if (g > 0 && b > 0) {
                total += (bin.goods() / g - bin.bads() / b) * bin.woe();
            }
        }
        this.iv = total;
    }

    /**
     * Creates a numeric binning.
     *
     * @param feature the numeric feature
     * @param cuts strictly ascending finite cut points; {@code cuts.length + 1} value bins
     * @param bins the value bins in order followed by the missing bin
     * @param monotonic whether the WoE was constrained to be monotonic
     * @return the binning
     * @throws IllegalArgumentException if the cuts do not ascend or the bin count does not match
     */
    public static FeatureBinning numeric(Feature feature, double[] cuts, List<Bin> bins, boolean monotonic) {
        Objects.requireNonNull(feature, "feature");
        if (feature.isCategorical()) {
            throw new IllegalArgumentException("Feature (" + feature.name() + ") is categorical, not numeric");
        }
        for (int i = 0; i < cuts.length; i++) {
            if (!Double.isFinite(cuts[i]) || (i > 0 && cuts[i] <= cuts[i - 1])) {
                throw new IllegalArgumentException("The cut points " + Arrays.toString(cuts) + " of feature ("
                        + feature.name() + ") must be finite and strictly ascending");
            }
        }
        checkBins(feature, bins, cuts.length + 1);
        return new FeatureBinning(feature, cuts.clone(), new int[0], bins, monotonic);
    }

    /**
     * Creates a categorical binning.
     *
     * @param feature the categorical feature
     * @param levelToBin per level code the bin index, or -1 for the missing bin (levels unseen in
     *        training)
     * @param bins the value bins followed by the missing bin
     * @return the binning
     * @throws IllegalArgumentException if the map does not match the levels or bins
     */
    public static FeatureBinning categorical(Feature feature, int[] levelToBin, List<Bin> bins) {
        Objects.requireNonNull(feature, "feature");
        if (!feature.isCategorical() || levelToBin.length != feature.levels().size()) {
            throw new IllegalArgumentException("Feature (" + feature.name() + ") needs one bin index per level, got "
                    + levelToBin.length + " for " + feature.levels().size() + " levels");
        }
        checkBins(feature, bins, -1);
        for (int b : levelToBin) {
            if (b < -1 || b >= bins.size() - 1) {
                throw new IllegalArgumentException("Feature (" + feature.name() + ") maps a level to bin " + b
                        + ", valid are -1.." + (bins.size() - 2));
            }
        }
        return new FeatureBinning(feature, new double[0], levelToBin.clone(), bins, false);
    }

    private static void checkBins(Feature feature, List<Bin> bins, int valueBins) {
        if (bins.isEmpty() || !bins.get(bins.size() - 1).missing()) {
            throw new IllegalArgumentException("The bins of feature (" + feature.name() + ") must end with the missing bin");
        }
        if (valueBins >= 0 && bins.size() != valueBins + 1) {
            throw new IllegalArgumentException("Feature (" + feature.name() + ") has " + bins.size() + " bins, expected "
                    + (valueBins + 1));
        }
    }

    /**
     * The feature binned.
     *
     * @return the feature
     */
    public Feature feature() {
        return feature;
    }

    /**
     * The feature name.
     *
     * @return the name
     */
    public String name() {
        return feature.name();
    }

    /**
     * The bins, value bins first and the missing bin last.
     *
     * @return the bins
     */
    public List<Bin> bins() {
        return bins;
    }

    /**
     * The numeric cut points.
     *
     * @return a copy, empty for a categorical feature
     */
    public double[] cuts() {
        return cuts.clone();
    }

    /**
     * Level code to bin map of a categorical feature.
     *
     * @return a copy, empty for a numeric feature; -1 means the missing bin
     */
    public int[] levelToBin() {
        return levelToBin.clone();
    }

    /**
     * Index of the missing bin.
     *
     * @return {@code bins().size() - 1}
     */
    public int missingBin() {
        return bins.size() - 1;
    }

    /**
     * Information value {@code sum (%good - %bad) * WoE} over all bins including missing.
     *
     * @return the IV
     */
    public double iv() {
        return iv;
    }

    /**
     * Whether the WoE was constrained to be monotonic.
     *
     * @return the flag
     */
    public boolean monotonic() {
        return monotonic;
    }

    /**
     * The bin of a value.
     *
     * @param value a number, a level code, or {@code NaN} for missing
     * @return the bin index
     */
    public int binIndex(double value) {
        if (Double.isNaN(value)) {
            return bins.size() - 1;
        }
        if (feature.isCategorical()) {
            int code = (int) value;
            int b = code >= 0 && code < levelToBin.length ? levelToBin[code] : -1;
            return b < 0 ? bins.size() - 1 : b;
        }
        int pos = Arrays.binarySearch(cuts, value);
        return pos >= 0 ? pos + 1 : -pos - 1;
    }

    /**
     * The WoE of a value.
     *
     * @param value a number, a level code, or {@code NaN}
     * @return the WoE of its bin
     */
    public double woe(double value) {
        return woe[binIndex(value)];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureBinning b && feature.equals(b.feature) && Arrays.equals(cuts, b.cuts)
                && Arrays.equals(levelToBin, b.levelToBin) && bins.equals(b.bins) && monotonic == b.monotonic;
    }

    @Override
    public int hashCode() {
        return 31 * feature.hashCode() + bins.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureBinning[" + feature.name() + ", iv=" + iv + ", bins=" + bins + "]";
    }
}
