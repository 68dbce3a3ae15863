package org.creditkit.models.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.creditkit.models.ModelException;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.Feature;

/**
 * Stops training on a target leak: a feature that alone separates defaulters far beyond every other
 * feature (a true-PD column left in a CSV, an outcome-derived field, a post-default status) makes a
 * model that looks excellent and is worthless. Each feature's single-feature AUC is measured (numeric:
 * its values, higher or lower = riskier, missing rows left out; categorical: each level's bad rate),
 * written as the Gini-like gain {@code |AUC - 0.5|}. A feature is a suspected leak when
 *
 * <ul>
 *   <li>its AUC is at least {@link #ABSOLUTE_AUC} (0.95): nothing observed before a loan separates
 *       defaulters that well; or</li>
 *   <li>its AUC is at least {@link #DOMINANT_AUC} (0.75) and its gain is at least {@link #DOMINANCE}
 *       (1.5) times the next feature's: one column carries far more than every other; or</li>
 *   <li>it is the strongest feature, its AUC is at least {@link #DOMINANT_AUC}, and it is shaped like a
 *       probability of this very target: every value within [0, 1] and its mean within
 *       {@link #PD_MEAN_TOLERANCE} (30%) of the observed default rate. This is the true-PD column of
 *       synthetic data or a vendor PD computed after the fact; on the project's synthetic portfolio it
 *       reaches AUC 0.89 while the best real feature reaches 0.84, so dominance alone would miss it.</li>
 * </ul>
 *
 * <p>A suspected leak stops training with a {@link ModelException} naming it and its AUC beside the
 * next feature's, unless it is allowed ({@code --allow-feature NAME}).
 *
 * <pre>{@code
 * LeakGuard.Result r = LeakGuard.check(data, Set.of());      // throws on a leak
 * r.notes().forEach(System.err::println);                     // one line of the strong features
 * }</pre>
 */
public final class LeakGuard {

    /** An AUC at or above this alone marks a leak. */
    public static final double ABSOLUTE_AUC = 0.95;
    /** The least AUC of a feature that dominates the others. */
    public static final double DOMINANT_AUC = 0.75;
    /** How many times the next feature's gain a dominating feature's gain must be. */
    public static final double DOMINANCE = 1.5;
    /** Relative distance of a PD-shaped column's mean from the default rate. */
    public static final double PD_MEAN_TOLERANCE = 0.30;

    private LeakGuard() {
    }

    /**
     * One feature's separation of the target.
     *
     * @param name the feature
     * @param auc its single-feature AUC, at least 0.5 (the better direction)
     */
    public record FeatureAuc(String name, double auc, boolean pdShaped) {
    }

    /**
     * What the guard measured.
     *
     * @param ranked every feature by AUC, strongest first
     * @param allowedLeaks suspected leaks that were allowed
     * @param notes one line for the allowed leaks and one for the strong features, if any
     */
    public record Result(List<FeatureAuc> ranked, List<String> allowedLeaks, List<String> notes) {

        /**
         * Copies the lists.
         *
         * @param ranked see {@link #ranked()}
         * @param allowedLeaks see {@link #allowedLeaks()}
         * @param notes see {@link #notes()}
         */
        public Result {
            ranked = List.copyOf(ranked);
            allowedLeaks = List.copyOf(allowedLeaks);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Checks every feature.
     *
     * @param data the training data
     * @param allowed features allowed even if they look like a leak
     * @return the ranking and notes
     * @throws ModelException naming every suspected leak that is not allowed, with its AUC, the next
     *     feature's, and how to allow it; or naming an allowed feature that does not exist
     */
    public static Result check(Dataset data, Set<String> allowed) {
        for (String a : allowed) {
            if (data.indexOf(a).isEmpty()) {
                throw new ModelException("--allow-feature " + a + ": no such feature; the features are "
                        + data.features().stream().map(Feature::name).toList());
            }
        }
        List<FeatureAuc> ranked = new ArrayList<>();
        int[] y = data.targets();
        for (int f = 0; f < data.features().size(); f++) {
            ranked.add(new FeatureAuc(data.features().get(f).name(), featureAuc(data, f, y), pdShaped(data, f)));
        }
        ranked.sort(Comparator.comparingDouble(FeatureAuc::auc).reversed().thenComparing(FeatureAuc::name));
        List<String> leaks = new ArrayList<>();
        List<String> allowedLeaks = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            FeatureAuc f = ranked.get(i);
            double next = i + 1 < ranked.size() ? ranked.get(i + 1).auc() : 0.5;
            boolean dominant = i == 0 && f.auc() >= DOMINANT_AUC && f.auc() - 0.5 >= DOMINANCE * (next - 0.5);
            boolean pdLike = i == 0 && f.auc() >= DOMINANT_AUC && f.pdShaped();
            if (!(f.auc() >= ABSOLUTE_AUC || dominant || pdLike)) {
                continue;
            }
            String text = String.format(Locale.ROOT, "%s (single-feature AUC %.3f; next strongest %s %.3f%s)", f.name(),
                    f.auc(), i + 1 < ranked.size() ? ranked.get(i + 1).name() : "none", next,
                    f.pdShaped() ? "; its values are probabilities averaging the default rate: a PD of this target" : "");
            (allowed.contains(f.name()) ? allowedLeaks : leaks).add(text);
        }
        if (!leaks.isEmpty()) {
            throw new ModelException("target leak suspected: " + String.join("; ", leaks) + ". A feature that alone "
                    + String.format(Locale.ROOT, "reaches AUC %.2f, or AUC %.2f with %.1f times the next feature's "
                            + "separation or with values shaped like a PD of the target, is almost always the outcome "
                            + "in disguise (a true-PD or status column left in the data). Remove it (--exclude NAME), "
                            + "or keep it with --allow-feature NAME if it is known before the loan is granted.",
                            ABSOLUTE_AUC, DOMINANT_AUC, DOMINANCE));
        }
        List<String> notes = new ArrayList<>();
        if (!allowedLeaks.isEmpty()) {
            notes.add("allowed by --allow-feature although it looks like a target leak: " + String.join("; ", allowedLeaks));
        }
        List<String> strong = new ArrayList<>();
        for (FeatureAuc f : ranked) {
            if (f.auc() >= 0.70 && allowedLeaks.stream().noneMatch(a -> a.startsWith(f.name() + " ("))) {
                strong.add(String.format(Locale.ROOT, "%s %.3f", f.name(), f.auc()));
            }
        }
        if (!strong.isEmpty()) {
            notes.add(strong.size() + " feature(s) with single-feature AUC of 0.70 or more (strong; check they are "
                    + "known before the loan): " + String.join(", ", strong));
        }
        return new Result(ranked, allowedLeaks, notes);
    }

    /** Whether a numeric column holds values within [0, 1] whose mean is near the default rate. */
    static boolean pdShaped(Dataset data, int f) {
        if (data.features().get(f).isCategorical() || data.rows() == 0 || data.bads() == 0) {
            return false;
        }
        double sum = 0;
        int n = 0;
        for (double v : data.column(f)) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (v < 0.0 || v > 1.0) {
                return false;
            }
            sum += v;
            n++;
        }
        double rate = (double) data.bads() / data.rows();
        return n > 0 && Math.abs(sum / n - rate) <= PD_MEAN_TOLERANCE * rate;
    }

    /** The single-feature AUC in its better direction; 0.5 when it cannot separate (one class, no values). */
    static double featureAuc(Dataset data, int f, int[] y) {
        double[] col = data.column(f);
        double[] score;
        int[] target;
        if (data.features().get(f).isCategorical()) {
            // each level scored by its bad rate (missing is a level of its own)
            Map<Double, int[]> counts = new HashMap<>();
            for (int i = 0; i < col.length; i++) {
                int[] c = counts.computeIfAbsent(col[i], k -> new int[2]); // Double.equals: NaN is one key
                c[0]++;
                c[1] += y[i];
            }
            score = new double[col.length];
            for (int i = 0; i < col.length; i++) {
                int[] c = counts.get(col[i]);
                score[i] = (double) c[1] / c[0];
            }
            target = y;
        } else {
            int present = 0;
            for (double v : col) {
                if (!Double.isNaN(v)) {
                    present++;
                }
            }
            score = new double[present];
            target = new int[present];
            int k = 0;
            for (int i = 0; i < col.length; i++) {
                if (!Double.isNaN(col[i])) {
                    score[k] = col[i];
                    target[k++] = y[i];
                }
            }
        }
        double auc = score.length == 0 ? Double.NaN : Evaluation.auc(score, target);
        return Double.isNaN(auc) ? 0.5 : Math.max(auc, 1.0 - auc);
    }
}
