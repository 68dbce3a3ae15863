package org.creditkit.models.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.creditkit.core.score.GradeBands;
import org.creditkit.core.score.Scaling;
import org.creditkit.core.stats.Auc;

/**
 * Metrics and tables of predicted PDs against outcomes. All methods take {@code pd[i]} and
 * {@code y[i]} (1 = default) of equal length and are deterministic.
 */
public final class Evaluation {

    private static final double Z95 = 1.959963984540054;

    private Evaluation() {
    }

    /**
     * Headline metrics.
     *
     * @param pd predicted PDs in [0,1]
     * @param y outcomes 0/1
     * @return the metrics
     * @throws IllegalArgumentException on length mismatch, empty input or a PD outside [0,1]
     */
    public static Metrics metrics(double[] pd, int[] y) {
        check(pd, y);
        int n = pd.length;
        int bads = 0;
        double brier = 0;
        double logLoss = 0;
        double sumPd = 0;
        for (int i = 0; i < n; i++) {
            bads += y[i];
            double p = pd[i];
            brier += (p - y[i]) * (p - y[i]);
            double pc = Math.min(Math.max(p, 1e-15), 1 - 1e-15);
            logLoss -= y[i] == 1 ? Math.log(pc) : Math.log(1 - pc);
            sumPd += p;
        }
        double auc = auc(pd, y);
        int goods = n - bads;
        double lower = Double.NaN;
        double upper = Double.NaN;
        if (bads > 0 && goods > 0) {
            double se = Auc.hanleyMcNeilStandardError(auc, bads, goods);
            lower = Math.max(0, auc - Z95 * se);
            upper = Math.min(1, auc + Z95 * se);
        }
        return new Metrics(n, bads, auc, lower, upper, 2 * auc - 1, ks(pd, y), brier / n, logLoss / n, sumPd / n,
                (double) bads / n);
    }

    /**
     * AUC by the rank-sum (Mann-Whitney) statistic with ties counted half.
     *
     * @param score higher means riskier
     * @param y outcomes
     * @return the AUC, {@code NaN} if one outcome is absent
     */
    public static double auc(double[] score, int[] y) {
        int n = score.length;
        Integer[] boxed = order(score);
        double rankSumBad = 0;
        long bads = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[boxed[j + 1]] == score[boxed[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[boxed[k]] == 1) {
                    rankSumBad += rank;
                    bads++;
                }
            }
            i = j + 1;
        }
        long goods = n - bads;
        if (bads == 0 || goods == 0) {
            return Double.NaN;
        }
        return (rankSumBad - bads * (bads + 1) / 2.0) / ((double) bads * goods);
    }

    /**
     * KS statistic.
     *
     * @param score higher means riskier
     * @param y outcomes
     * @return the largest gap between cumulative distributions, 0 if one outcome is absent
     */
    public static double ks(double[] score, int[] y) {
        double[][] curve = ksCurve(score, y);
        double best = 0;
        for (double[] p : curve) {
            best = Math.max(best, Math.abs(p[1] - p[2]));
        }
        return best;
    }

    /**
     * The KS curve: per distinct threshold (from the riskiest down) the share of cases above it,
     * the cumulative share of bads and of goods captured.
     *
     * @param score higher means riskier
     * @param y outcomes
     * @return rows {@code {population share, bad share, good share}}, starting at {0,0,0}
     */
    public static double[][] ksCurve(double[] score, int[] y) {
        int n = score.length;
        Integer[] idx = order(score);
        long bads = 0;
        for (int v : y) {
            bads += v;
        }
        long goods = n - bads;
        List<double[]> out = new ArrayList<>();
        out.add(new double[] {0, 0, 0});
        long cb = 0;
        long cg = 0;
        int i = n - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && score[idx[j - 1]] == score[idx[i]]) {
                j--;
            }
            for (int k = j; k <= i; k++) {
                if (y[idx[k]] == 1) {
                    cb++;
                } else {
                    cg++;
                }
            }
            out.add(new double[] {(double) (n - j) / n, bads == 0 ? 0 : (double) cb / bads,
                goods == 0 ? 0 : (double) cg / goods});
            i = j - 1;
        }
        return out.toArray(new double[0][]);
    }

    /**
     * ROC curve points {@code {false positive rate, true positive rate}} from (0,0) to (1,1).
     *
     * @param score higher means riskier
     * @param y outcomes
     * @return the points
     */
    public static double[][] roc(double[] score, int[] y) {
        double[][] ks = ksCurve(score, y);
        double[][] out = new double[ks.length][];
        for (int i = 0; i < ks.length; i++) {
            out[i] = new double[] {ks[i][2], ks[i][1]};
        }
        return out;
    }

    /**
     * Calibration table by decile of predicted PD (1 = lowest).
     *
     * @param pd predicted PDs
     * @param y outcomes
     * @return up to ten rows (fewer when there are fewer than ten cases)
     */
    public static List<CalibrationRow> calibration(double[] pd, int[] y) {
        check(pd, y);
        Integer[] idx = order(pd);
        int n = pd.length;
        List<CalibrationRow> rows = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) d * n / 10);
            int to = (int) ((long) (d + 1) * n / 10);
            if (to <= from) {
                continue;
            }
            int bads = 0;
            double sum = 0;
            for (int k = from; k < to; k++) {
                bads += y[idx[k]];
                sum += pd[idx[k]];
            }
            rows.add(new CalibrationRow(d + 1, to - from, bads, sum / (to - from), (double) bads / (to - from)));
        }
        return rows;
    }

    /**
     * Lift table by decile of predicted PD (1 = highest).
     *
     * @param pd predicted PDs
     * @param y outcomes
     * @return up to ten rows
     */
    public static List<LiftRow> lift(double[] pd, int[] y) {
        check(pd, y);
        Integer[] idx = order(pd);
        int n = pd.length;
        int total = 0;
        for (int v : y) {
            total += v;
        }
        double overall = (double) total / n;
        List<LiftRow> rows = new ArrayList<>();
        int cum = 0;
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) d * n / 10);
            int to = (int) ((long) (d + 1) * n / 10);
            if (to <= from) {
                continue;
            }
            int bads = 0;
            for (int k = from; k < to; k++) {
                bads += y[idx[n - 1 - k]];
            }
            cum += bads;
            double rate = (double) bads / (to - from);
            rows.add(new LiftRow(d + 1, to - from, bads, rate, total == 0 ? 0 : (double) cum / total,
                    overall == 0 ? 0 : rate / overall));
        }
        return rows;
    }

    /**
     * Metrics per group, groups in order of first appearance.
     *
     * @param pd predicted PDs
     * @param y outcomes
     * @param group group name per case
     * @return one row per group
     */
    public static List<GroupRow> byGroup(double[] pd, int[] y, String[] group) {
        check(pd, y);
        if (group.length != pd.length) {
            throw new IllegalArgumentException(group.length + " group labels for " + pd.length + " cases");
        }
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < pd.length; i++) {
            members.computeIfAbsent(group[i], k -> new ArrayList<>()).add(i);
        }
        List<GroupRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            List<Integer> m = e.getValue();
            double[] p = new double[m.size()];
            int[] t = new int[m.size()];
            int bads = 0;
            double sum = 0;
            for (int k = 0; k < m.size(); k++) {
                p[k] = pd[m.get(k)];
                t[k] = y[m.get(k)];
                bads += t[k];
                sum += p[k];
            }
            rows.add(new GroupRow(e.getKey(), m.size(), bads, (double) bads / m.size(), sum / m.size(), auc(p, t)));
        }
        return rows;
    }

    /**
     * Metrics per grade, grades in band order (best first), empty grades left out. Each row is
     * graded exactly as the core scorer grades it ({@link GradeBands#grade(double, double)}).
     *
     * @param pd predicted PDs
     * @param score the score of each row (used when the bands are cut by score)
     * @param y outcomes
     * @param bands the grade bands
     * @return one row per non-empty grade
     */
    public static List<GroupRow> byGrade(double[] pd, double[] score, int[] y, GradeBands bands) {
        String[] g = new String[pd.length];
        for (int i = 0; i < pd.length; i++) {
            g[i] = bands.grade(score[i], pd[i]).code();
        }
        List<GroupRow> rows = byGroup(pd, y, g);
        List<GroupRow> ordered = new ArrayList<>();
        for (String name : bands.bands().stream().map(GradeBands.Band::grade).toList()) {
            rows.stream().filter(r -> r.group().equals(name)).forEach(ordered::add);
        }
        return ordered;
    }

    /**
     * The logistic function.
     *
     * @param logOdds log-odds
     * @return {@code 1 / (1 + exp(-logOdds))}
     */
    public static double pd(double logOdds) {
        return Scaling.pd(logOdds);
    }

    /**
     * The logistic function of every element.
     *
     * @param logOdds log-odds
     * @return PDs
     */
    public static double[] pd(double[] logOdds) {
        double[] out = new double[logOdds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = pd(logOdds[i]);
        }
        return out;
    }

    /** Indices sorted by ascending score, ties by index (stable, deterministic). */
    private static Integer[] order(double[] score) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
        return idx;
    }

    private static void check(double[] pd, int[] y) {
        if (pd.length != y.length) {
            throw new IllegalArgumentException(pd.length + " predictions for " + y.length + " outcomes");
        }
        if (pd.length == 0) {
            throw new IllegalArgumentException("No cases to evaluate");
        }
        for (int i = 0; i < pd.length; i++) {
            if (!(pd[i] >= 0 && pd[i] <= 1)) {
                throw new IllegalArgumentException("PD of case " + i + " is " + pd[i] + ", must be in [0,1]");
            }
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("Outcome of case " + i + " is " + y[i] + ", must be 0 or 1");
            }
        }
    }
}
