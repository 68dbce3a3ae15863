package org.creditkit.models.binning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;

/**
 * Supervised binning of every feature of a dataset.
 *
 * <p>Method: a numeric feature is first cut at up to {@code fineClasses} quantiles (fine classes);
 * a categorical feature's levels are ordered by their smoothed bad rate and each level is a fine
 * class. Adjacent fine classes are then merged by a best-first binary tree: among all current bins,
 * the split that adds the most information value is made, as long as both sides hold at least
 * {@code minBinShare} of the non-missing rows, the gain is at least {@code minIvGain} and there are
 * fewer than {@code maxBins} bins (Siddiqi, <i>Credit Risk Scorecards</i>, ch. 7, coarse
 * classing by IV). A monotonic constraint is enforced afterwards by merging adjacent bins that
 * break the trend (pool adjacent violators). Missing values get their own bin; when training has no
 * missing values, the missing bin takes the lowest (riskiest) WoE of the feature, a conservative
 * choice noted in the result. Deterministic: no randomness, ties broken by position.
 */
public final class Binner {

    private static final double SMOOTH = 0.5;
    private static final String NO_MISSING = ": no missing values in training; missing scores as the riskiest bin";

    private Binner() {
    }

    /**
     * Bins every feature and drops those below the IV threshold.
     *
     * @param data the training data
     * @param options binning settings
     * @param progress where to report per-feature progress
     * @return kept and dropped binnings with notes
     */
    public static BinningResult fit(Dataset data, BinningOptions options, Progress progress) {
        List<FeatureBinning> kept = new ArrayList<>();
        List<FeatureBinning> dropped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int nf = data.features().size();
        List<String> noMissing = new ArrayList<>();
        List<String> strong = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
            List<String> featureNotes = new ArrayList<>();
            FeatureBinning fb = fitFeature(data, f, options, featureNotes);
            for (String n : featureNotes) {
                if (n.endsWith(NO_MISSING)) {
                    noMissing.add(fb.name());
                } else {
                    notes.add(n);
                }
            }
            if (fb.iv() < options.minIv()) {
                dropped.add(fb);
                notes.add(String.format(Locale.ROOT, "dropped (%s): IV %.4f is below the threshold %.4f",
                        fb.name(), fb.iv(), options.minIv()));
            } else {
                kept.add(fb);
                if (fb.iv() > 0.5) {
                    strong.add(String.format(Locale.ROOT, "%s %.3f", fb.name(), fb.iv()));
                }
            }
            progress.step("binning", f + 1, nf);
        }
        if (!strong.isEmpty()) {
            // one line, not one identical warning per feature: LeakGuard stops training on a real leak
            notes.add(strong.size() + " feature(s) with IV above 0.5 (strong; check none is known only after the "
                    + "loan): " + String.join(", ", strong));
        }
        if (!noMissing.isEmpty()) {
            notes.add(noMissing.size() + " feature(s) had no missing values in training; missing scores as their riskiest"
                    + " bin: " + String.join(", ", noMissing));
        }
        return new BinningResult(kept, dropped, notes);
    }

    /**
     * Bins one feature.
     *
     * @param data the training data
     * @param f the column index
     * @param options binning settings
     * @param notes receives notes about this feature
     * @return the binning
     */
    public static FeatureBinning fitFeature(Dataset data, int f, BinningOptions options, List<String> notes) {
        Feature feature = data.features().get(f);
        int n = data.rows();
        double totalGood = n - data.bads();
        double totalBad = data.bads();
        int missG = 0;
        int missB = 0;
        int present = 0;
        for (int r = 0; r < n; r++) {
            if (Double.isNaN(data.value(f, r))) {
                if (data.target(r) == 1) {
                    missB++;
                } else {
                    missG++;
                }
            } else {
                present++;
            }
        }
        int minCount = Math.max(1, (int) Math.ceil(options.minBinShare() * present));
        if (feature.isCategorical()) {
            return categorical(data, f, feature, options, notes, totalGood, totalBad, missG, missB, minCount);
        }
        return numeric(data, f, feature, options, notes, totalGood, totalBad, missG, missB, present, minCount);
    }

    private static FeatureBinning numeric(Dataset data, int f, Feature feature, BinningOptions o, List<String> notes,
            double totalGood, double totalBad, int missG, int missB, int present, int minCount) {
        int n = data.rows();
        double[] sorted = new double[present];
        int k = 0;
        for (int r = 0; r < n; r++) {
            double v = data.value(f, r);
            if (!Double.isNaN(v)) {
                sorted[k++] = v;
            }
        }
        Arrays.sort(sorted);
        double[] fineCuts = fineCuts(sorted, o.fineClasses());
        int classes = fineCuts.length + 1;
        int[] fg = new int[classes];
        int[] fbad = new int[classes];
        for (int r = 0; r < n; r++) {
            double v = data.value(f, r);
            if (!Double.isNaN(v)) {
                int pos = Arrays.binarySearch(fineCuts, v);
                int c = pos >= 0 ? pos + 1 : -pos - 1;
                if (data.target(r) == 1) {
                    fbad[c]++;
                } else {
                    fg[c]++;
                }
            }
        }
        List<Integer> bounds = split(fg, fbad, o.maxBins(), minCount, o.minIvGain(), totalGood, totalBad);
        boolean monotonic = o.monotonicAllNumeric() || o.monotonic().contains(feature.name());
        if (monotonic) {
            bounds = monotone(bounds, fg, fbad);
        }
        double[] cuts = new double[bounds.size() - 2];
        for (int i = 1; i < bounds.size() - 1; i++) {
            cuts[i - 1] = fineCuts[bounds.get(i) - 1];
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            int g = 0;
            int b = 0;
            for (int c = bounds.get(i); c < bounds.get(i + 1); c++) {
                g += fg[c];
                b += fbad[c];
            }
            double lower = i == 0 ? Double.NEGATIVE_INFINITY : cuts[i - 1];
            double upper = i == cuts.length ? Double.POSITIVE_INFINITY : cuts[i];
            bins.add(new Bin("[" + num(lower) + ", " + num(upper) + ")", lower, upper, List.of(), false, g, b,
                    woe(g, b, totalGood, totalBad)));
        }
        bins.add(missingBin(feature, bins, missG, missB, totalGood, totalBad, notes));
        return FeatureBinning.numeric(feature, cuts, bins, monotonic);
    }

    private static FeatureBinning categorical(Dataset data, int f, Feature feature, BinningOptions o,
            List<String> notes, double totalGood, double totalBad, int missG, int missB, int minCount) {
        int levels = feature.levels().size();
        int[] lg = new int[levels];
        int[] lb = new int[levels];
        for (int r = 0; r < data.rows(); r++) {
            double v = data.value(f, r);
            if (!Double.isNaN(v)) {
                if (data.target(r) == 1) {
                    lb[(int) v]++;
                } else {
                    lg[(int) v]++;
                }
            }
        }
        List<Integer> seen = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            if (lg[l] + lb[l] > 0) {
                seen.add(l);
            }
        }
        seen.sort((a, b) -> {
            double ra = (lb[a] + SMOOTH) / (lg[a] + lb[a] + 2 * SMOOTH);
            double rb = (lb[b] + SMOOTH) / (lg[b] + lb[b] + 2 * SMOOTH);
            int c = Double.compare(ra, rb);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int classes = seen.size();
        int[] fg = new int[classes];
        int[] fbad = new int[classes];
        for (int i = 0; i < classes; i++) {
            fg[i] = lg[seen.get(i)];
            fbad[i] = lb[seen.get(i)];
        }
        List<Integer> bounds = classes == 0 ? List.of(0, 0)
                : split(fg, fbad, o.maxBins(), minCount, o.minIvGain(), totalGood, totalBad);
        int[] levelToBin = new int[levels];
        Arrays.fill(levelToBin, -1);
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            int g = 0;
            int b = 0;
            List<String> cats = new ArrayList<>();
            for (int c = bounds.get(i); c < bounds.get(i + 1); c++) {
                g += fg[c];
                b += fbad[c];
                levelToBin[seen.get(c)] = i;
                cats.add(feature.levels().get(seen.get(c)));
            }
            bins.add(new Bin("{" + String.join(", ", cats) + "}", Double.NaN, Double.NaN, cats, false, g, b,
                    woe(g, b, totalGood, totalBad)));
        }
        if (seen.size() < levels) {
            notes.add("feature (" + feature.name() + "): " + (levels - seen.size())
                    + " level(s) unseen in training score as missing");
        }
        bins.add(missingBin(feature, bins, missG, missB, totalGood, totalBad, notes));
        return FeatureBinning.categorical(feature, levelToBin, bins);
    }

    private static Bin missingBin(Feature feature, List<Bin> valueBins, int g, int b, double totalGood,
            double totalBad, List<String> notes) {
        if (g + b > 0) {
            return new Bin("missing", Double.NaN, Double.NaN, List.of(), true, g, b, woe(g, b, totalGood, totalBad));
        }
        double worst = valueBins.stream().mapToDouble(Bin::woe).min().orElse(0);
        notes.add("feature (" + feature.name() + ")" + NO_MISSING);
        return new Bin("missing", Double.NaN, Double.NaN, List.of(), true, 0, 0, worst);
    }

    /**
     * Fine cut points; bins are [c_{i-1}, c_i). A feature with at most {@code classes} distinct
     * values (counts, codes such as the dishonest-debtor status) is cut at every distinct value, so
     * a rare but telling value keeps its own fine class; otherwise the cuts are quantiles over the
     * distinct values, which would fold a value held by under 1/classes of the rows into its
     * neighbour.
     */
    static double[] fineCuts(double[] sorted, int classes) {
        int m = sorted.length;
        if (m == 0) {
            return new double[0];
        }
        double[] distinct = new double[classes];
        int d = 0;
        for (int i = 1; i < m && d <= classes; i++) {
            if (sorted[i] > sorted[i - 1]) {
                if (d == classes) {
                    d++;
                    break;
                }
                distinct[d++] = sorted[i];
            }
        }
        if (d <= classes - 1) {
            return Arrays.copyOf(distinct, d);
        }
        double[] cuts = new double[classes];
        int k = 0;
        for (int i = 1; i < classes; i++) {
            double q = sorted[(int) ((long) i * m / classes)];
            if (q > sorted[0] && (k == 0 || q > cuts[k - 1])) {
                cuts[k++] = q;
            }
        }
        return Arrays.copyOf(cuts, k);
    }

    /**
     * Best-first splitting of fine classes; returns bin boundaries as fine-class indices
     * {@code 0 = b0 < b1 < ... < bk = classes}.
     */
    static List<Integer> split(int[] g, int[] b, int maxBins, int minCount, double minGain, double totalGood,
            double totalBad) {
        int classes = g.length;
        long[] cg = new long[classes + 1];
        long[] cb = new long[classes + 1];
        for (int i = 0; i < classes; i++) {
            cg[i + 1] = cg[i] + g[i];
            cb[i + 1] = cb[i] + b[i];
        }
        List<Integer> bounds = new ArrayList<>(List.of(0, classes));
        while (bounds.size() - 1 < maxBins) {
            double bestGain = minGain;
            int bestAt = -1;
            for (int s = 0; s + 1 < bounds.size(); s++) {
                int lo = bounds.get(s);
                int hi = bounds.get(s + 1);
                double whole = iv(cg[hi] - cg[lo], cb[hi] - cb[lo], totalGood, totalBad);
                for (int at = lo + 1; at < hi; at++) {
                    long leftN = cg[at] - cg[lo] + cb[at] - cb[lo];
                    long rightN = cg[hi] - cg[at] + cb[hi] - cb[at];
                    if (leftN < minCount || rightN < minCount) {
                        continue;
                    }
                    double gain = iv(cg[at] - cg[lo], cb[at] - cb[lo], totalGood, totalBad)
                            + iv(cg[hi] - cg[at], cb[hi] - cb[at], totalGood, totalBad) - whole;
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestAt = at;
                    }
                }
            }
            if (bestAt < 0) {
                break;
            }
            bounds.add(bestAt);
            bounds.sort(null);
        }
        return bounds;
    }

    /** Merges adjacent bins until the bad rate is monotonic in the direction of the overall trend. */
    static List<Integer> monotone(List<Integer> boundsIn, int[] g, int[] b) {
        List<Integer> bounds = new ArrayList<>(boundsIn);
        // Direction: sign of the count-weighted covariance of bin position and bad rate.
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        for (int i = 0; i + 1 < bounds.size(); i++) {
            long[] c = counts(bounds, i, g, b);
            double w = c[0] + c[1];
            if (w == 0) {
                continue;
            }
            double rate = c[1] / w;
            sw += w;
            sx += w * i;
            sy += w * rate;
            sxy += w * i * rate;
        }
        boolean increasing = sw == 0 || sxy - sx * sy / sw >= 0;
        boolean changed = true;
        while (changed && bounds.size() > 2) {
            changed = false;
            for (int i = 0; i + 2 < bounds.size(); i++) {
                long[] a = counts(bounds, i, g, b);
                long[] c = counts(bounds, i + 1, g, b);
                double ra = (a[1] + SMOOTH) / (a[0] + a[1] + 2 * SMOOTH);
                double rc = (c[1] + SMOOTH) / (c[0] + c[1] + 2 * SMOOTH);
                if (increasing ? ra > rc : ra < rc) {
                    bounds.remove(i + 1);
                    changed = true;
                    break;
                }
            }
        }
        return bounds;
    }

    private static long[] counts(List<Integer> bounds, int bin, int[] g, int[] b) {
        long sg = 0;
        long sb = 0;
        for (int c = bounds.get(bin); c < bounds.get(bin + 1); c++) {
            sg += g[c];
            sb += b[c];
        }
        return new long[] {sg, sb};
    }

    /** Smoothed WoE, {@code ln(((g+0.5)/G) / ((b+0.5)/B))}. */
    static double woe(double g, double b, double totalGood, double totalBad) {
        return Math.log(((g + SMOOTH) / Math.max(totalGood, 1)) / ((b + SMOOTH) / Math.max(totalBad, 1)));
    }

    private static double iv(double g, double b, double totalGood, double totalBad) {
        return (g / Math.max(totalGood, 1) - b / Math.max(totalBad, 1)) * woe(g, b, totalGood, totalBad);
    }

    private static String num(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
