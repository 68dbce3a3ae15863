package org.creditkit.models.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.creditkit.models.binning.Bin;
import org.creditkit.models.binning.FeatureBinning;
import org.creditkit.models.data.Feature;

/**
 * Population stability: {@code PSI = sum (a_i - e_i) * ln(a_i / e_i)} over bins, where
 * {@code e_i} and {@code a_i} are the shares of the expected (development) and actual populations
 * in bin {@code i}; empty bins are floored at a share of 0.0001. The same formula over a feature's
 * bins is its characteristic stability index (CSI). Bands: below 0.10 stable, 0.10-0.25 moderate,
 * above 0.25 a shift.
 */
public final class Stability {

    private static final double FLOOR = 1e-4;

    /** The usual PSI bands. */
    public enum Band {
        /** PSI below 0.10. */
        STABLE,
        /** PSI from 0.10 to 0.25. */
        MODERATE,
        /** PSI above 0.25. */
        SHIFT;

        /**
         * The band of a PSI value.
         *
         * @param psi the index
         * @return its band
         */
        public static Band of(double psi) {
            return psi < 0.10 ? STABLE : psi <= 0.25 ? MODERATE : SHIFT;
        }
    }

    /**
     * One bin of a stability table.
     *
     * @param label bin description
     * @param expectedShare share of the expected population
     * @param actualShare share of the actual population
     * @param contribution the bin's term of the index
     */
    public record BinShift(String label, double expectedShare, double actualShare, double contribution) {
    }

    /**
     * A stability index with its bins.
     *
     * @param name what was compared (score, or a feature name)
     * @param index PSI or CSI
     * @param band its band
     * @param bins per-bin shares and contributions
     */
    public record Result(String name, double index, Band band, List<BinShift> bins) {

        /** Copies. */
        public Result {
            bins = List.copyOf(bins);
        }
    }

    private Stability() {
    }

    /**
     * PSI of two score (or PD) distributions on the deciles of the expected one.
     *
     * @param name what the values are
     * @param expected development values
     * @param actual recent values
     * @param bins number of quantile bins, at least 2
     * @return the index with its bins
     */
    public static Result psi(String name, double[] expected, double[] actual, int bins) {
        if (expected.length == 0 || actual.length == 0) {
            throw new IllegalArgumentException("PSI of (" + name + ") needs values on both sides, got "
                    + expected.length + " expected and " + actual.length + " actual");
        }
        return Reference.of(name, expected, bins).psi(actual);
    }

    /**
     * A development sample's distribution kept without the sample: its quantile cuts and the count
     * per bin, so that a later sample's PSI against it can be computed from a model file alone (the
     * model bundle records the training sample's, see {@code credit train}).
     *
     * @param name what the values are
     * @param cuts ascending bin cuts (k cuts make k + 1 bins: below the first, ..., from the last)
     * @param counts development count per bin, one more than the cuts
     */
    public record Reference(String name, List<Double> cuts, List<Long> counts) {

        /**
         * Checks and copies.
         *
         * @param name see {@link #name()}
         * @param cuts see {@link #cuts()}
         * @param counts see {@link #counts()}
         * @throws IllegalArgumentException if the cuts do not ascend or the counts are not one more
         *     than the cuts, negative, or all zero
         */
        public Reference {
            Objects.requireNonNull(name, "name");
            cuts = List.copyOf(cuts);
            counts = List.copyOf(counts);
            if (counts.size() != cuts.size() + 1) {
                throw new IllegalArgumentException("Reference distribution of " + name + ": " + cuts.size()
                        + " cuts need " + (cuts.size() + 1) + " counts, got " + counts.size());
            }
            for (int i = 1; i < cuts.size(); i++) {
                if (!(cuts.get(i) > cuts.get(i - 1))) {
                    throw new IllegalArgumentException("Reference distribution of " + name + ": cuts must ascend, got "
                            + cuts);
                }
            }
            if (counts.stream().anyMatch(c -> c < 0) || counts.stream().mapToLong(Long::longValue).sum() == 0) {
                throw new IllegalArgumentException("Reference distribution of " + name
                        + ": counts must be non-negative and not all zero, got " + counts);
            }
        }

        /**
         * The distribution of development values over their quantile bins.
         *
         * @param name what the values are
         * @param values development values, at least one
         * @param bins number of quantile bins, at least 2 (fewer when values tie)
         * @return the reference
         */
        public static Reference of(String name, double[] values, int bins) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] cuts = quantileCuts(sorted, bins);
            long[] e = new long[cuts.length + 1];
            for (double v : values) {
                e[bin(cuts, v)]++;
            }
            return new Reference(name, Arrays.stream(cuts).boxed().toList(), Arrays.stream(e).boxed().toList());
        }

        /**
         * The PSI of a later sample against this distribution.
         *
         * @param actual the later sample's values, at least one
         * @return the index with its bins
         * @throws IllegalArgumentException if there is no value
         */
        public Result psi(double[] actual) {
            if (actual.length == 0) {
                throw new IllegalArgumentException("PSI of (" + name + ") needs values on both sides, got 0 actual");
            }
            double[] c = cuts.stream().mapToDouble(Double::doubleValue).toArray();
            long[] e = counts.stream().mapToLong(Long::longValue).toArray();
            long[] a = new long[e.length];
            for (double v : actual) {
                a[bin(c, v)]++;
            }
            return index(name, cutLabels(c), e, a, (int) Arrays.stream(e).sum(), actual.length);
        }
    }

    /**
     * CSI of one feature over the bins of its binning.
     *
     * @param binning the feature's bins (from the model)
     * @param expected development values (numbers, level codes in the binning's levels, or NaN)
     * @param actual recent values, coded the same way
     * @return the index with its bins
     */
    public static Result csi(FeatureBinning binning, double[] expected, double[] actual) {
        int nb = binning.bins().size();
        long[] e = new long[nb];
        long[] a = new long[nb];
        for (double v : expected) {
            e[binning.binIndex(v)]++;
        }
        for (double v : actual) {
            a[binning.binIndex(v)]++;
        }
        List<String> labels = binning.bins().stream().map(Bin::label).toList();
        return index(binning.name(), labels, e, a, expected.length, actual.length);
    }

    /**
     * CSI from counts per bin.
     *
     * @param name the feature
     * @param labels the bins, in display order
     * @param expected development count per bin
     * @param actual recent count per bin
     * @return the index with its bins
     * @throws IllegalArgumentException if the arrays and labels differ in length
     */
    public static Result csi(String name, List<String> labels, long[] expected, long[] actual) {
        if (labels.size() != expected.length || labels.size() != actual.length) {
            throw new IllegalArgumentException("CSI of " + name + ": " + labels.size() + " labels, " + expected.length
                    + " expected and " + actual.length + " actual counts");
        }
        return index(name, labels, expected, actual, (int) Arrays.stream(expected).sum(),
                (int) Arrays.stream(actual).sum());
    }

    /**
     * CSI of a feature without a model: numeric values over deciles of the expected values plus a
     * missing bin, categorical values per level plus a missing bin.
     *
     * @param feature the feature (levels for categorical codes)
     * @param expected development values
     * @param actual recent values, coded against the same levels
     * @return the index with its bins
     */
    public static Result csi(Feature feature, double[] expected, double[] actual) {
        List<String> labels = new ArrayList<>();
        int nb;
        double[] cuts = new double[0];
        if (feature.isCategorical()) {
            labels.addAll(feature.levels());
            nb = labels.size() + 1;
        } else {
            double[] sorted = Arrays.stream(expected).filter(v -> !Double.isNaN(v)).sorted().toArray();
            cuts = quantileCuts(sorted, 10);
            labels.addAll(cutLabels(cuts));
            nb = cuts.length + 2;
        }
        labels.add("missing");
        long[] e = new long[nb];
        long[] a = new long[nb];
        for (double v : expected) {
            e[featureBin(feature, cuts, v, nb)]++;
        }
        for (double v : actual) {
            a[featureBin(feature, cuts, v, nb)]++;
        }
        return index(feature.name(), labels, e, a, expected.length, actual.length);
    }

    private static int featureBin(Feature feature, double[] cuts, double v, int nb) {
        if (Double.isNaN(v)) {
            return nb - 1;
        }
        return feature.isCategorical() ? (int) v : bin(cuts, v);
    }

    /** {@code [-inf, c1)}, {@code [c1, c2)}, ..., {@code [ck, +inf)}. */
    private static List<String> cutLabels(double[] cuts) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= cuts.length; i++) {
            labels.add("[" + (i == 0 ? "-inf" : fmt(cuts[i - 1])) + ", " + (i == cuts.length ? "+inf" : fmt(cuts[i])) + ")");
        }
        return labels;
    }

    private static double[] quantileCuts(double[] sorted, int bins) {
        if (sorted.length == 0) {
            return new double[0];
        }
        double[] cuts = new double[bins - 1];
        int k = 0;
        for (int i = 1; i < bins; i++) {
            double q = sorted[(int) ((long) i * sorted.length / bins)];
            if (q > sorted[0] && (k == 0 || q > cuts[k - 1])) {
                cuts[k++] = q;
            }
        }
        return Arrays.copyOf(cuts, k);
    }

    private static Result index(String name, List<String> labels, long[] e, long[] a, int ne, int na) {
        double total = 0;
        List<BinShift> rows = new ArrayList<>();
        for (int i = 0; i < e.length; i++) {
            if (e[i] == 0 && a[i] == 0) {
                rows.add(new BinShift(labels.get(i), 0, 0, 0));
                continue;
            }
            double es = Math.max((double) e[i] / ne, FLOOR);
            double as = Math.max((double) a[i] / na, FLOOR);
            double c = (as - es) * Math.log(as / es);
            total += c;
            rows.add(new BinShift(labels.get(i), (double) e[i] / ne, (double) a[i] / na, c));
        }
        return new Result(name, total, Band.of(total), rows);
    }

    private static int bin(double[] cuts, double v) {
        int pos = Arrays.binarySearch(cuts, v);
        return pos >= 0 ? pos + 1 : -pos - 1;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
