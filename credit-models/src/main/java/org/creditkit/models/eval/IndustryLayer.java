package org.creditkit.models.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.creditkit.models.data.Dataset;

/**
 * What the industry layer buys, measured out of fold: the base model alone against base plus
 * industry overlays, overall and per industry group. Both sides are out-of-fold predictions (the
 * base cross-fitted, each fold's overlays fitted on the other folds), so neither is flattered by
 * having seen the rows it is judged on.
 *
 * @param folds the folds of the cross-fitting
 * @param base overall metrics of the base alone
 * @param layered overall metrics of base plus overlays
 * @param industries one row per industry group, in name order
 * @param minDefaults an industry counts in the worst calibration gaps when it has at least this
 *        many defaults
 * @param worstCalibrationGapBase the largest {@code |observed - predicted|} default rate of the base
 *        over industries with at least {@code minDefaults} defaults (0 when there are none)
 * @param worstCalibrationGapLayered the same for base plus overlays
 * @param noIndustryRows rows whose industry code was missing or unknown: they are scored by the
 *        base alone (and are in the overall metrics)
 */
public record IndustryLayer(int folds, Metrics base, Metrics layered, List<Row> industries, int minDefaults,
        double worstCalibrationGapBase, double worstCalibrationGapLayered, int noIndustryRows) {

    /** Checks and copies. */
    public IndustryLayer {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(layered, "layered");
        industries = List.copyOf(industries);
    }

    /**
     * One industry group.
     *
     * @param industry the group name
     * @param rows rows of the group
     * @param defaults defaults of the group
     * @param observedRate defaults / rows
     * @param meanPdBase mean out-of-fold PD of the base
     * @param meanPdLayered mean out-of-fold PD of base plus overlay
     * @param aucBase AUC of the base within the group (NaN for a one-class group)
     * @param aucLayered AUC of base plus overlay within the group
     * @param overlay whether the final model has an overlay for the group
     */
    public record Row(String industry, int rows, int defaults, double observedRate, double meanPdBase,
            double meanPdLayered, double aucBase, double aucLayered, boolean overlay) {

        /**
         * Observed over predicted default rate of the base (1 is calibrated; below 1 the base
         * overstates the group's risk).
         *
         * @return O/P of the base
         */
        public double observedOverPredictedBase() {
            return observedRate / meanPdBase;
        }

        /**
         * Observed over predicted default rate of base plus overlay.
         *
         * @return O/P of the layered model
         */
        public double observedOverPredictedLayered() {
            return observedRate / meanPdLayered;
        }
    }

    /**
     * Measures the layer.
     *
     * @param data the rows with their industry groups
     * @param folds the folds of the cross-fitting
     * @param baseLogOdds out-of-fold log-odds of the base
     * @param layeredLogOdds out-of-fold log-odds of base plus overlays
     * @param withOverlay the industry groups the final model has an overlay for
     * @param minDefaults the defaults an industry needs to count in the worst gaps
     * @return the comparison
     * @throws IllegalArgumentException if the lengths differ from the rows
     */
    public static IndustryLayer measure(Dataset data, int folds, double[] baseLogOdds, double[] layeredLogOdds,
            List<String> withOverlay, int minDefaults) {
        int n = data.rows();
        if (baseLogOdds.length != n || layeredLogOdds.length != n) {
            throw new IllegalArgumentException(baseLogOdds.length + " and " + layeredLogOdds.length
                    + " log-odds for " + n + " rows");
        }
        double[] pdBase = Evaluation.pd(baseLogOdds);
        double[] pdLayered = Evaluation.pd(layeredLogOdds);
        int[] y = data.targets();
        Map<String, List<Integer>> members = new TreeMap<>();
        int none = 0;
        for (int r = 0; r < n; r++) {
            int c = data.industry(r);
            if (c == Dataset.NO_INDUSTRY) {
                none++;
            } else {
                members.computeIfAbsent(data.industryLevels().get(c), k -> new ArrayList<>()).add(r);
            }
        }
        List<Row> rows = new ArrayList<>();
        double gapBase = 0;
        double gapLayered = 0;
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            List<Integer> m = e.getValue();
            double[] pb = new double[m.size()];
            double[] pl = new double[m.size()];
            int[] t = new int[m.size()];
            int bads = 0;
            double sb = 0;
            double sl = 0;
            for (int i = 0; i < m.size(); i++) {
                int r = m.get(i);
                pb[i] = pdBase[r];
                pl[i] = pdLayered[r];
                t[i] = y[r];
                bads += t[i];
                sb += pb[i];
                sl += pl[i];
            }
            double observed = (double) bads / m.size();
            Row row = new Row(e.getKey(), m.size(), bads, observed, sb / m.size(), sl / m.size(),
                    Evaluation.auc(pb, t), Evaluation.auc(pl, t), withOverlay.contains(e.getKey()));
            rows.add(row);
            if (bads >= minDefaults) {
                gapBase = Math.max(gapBase, Math.abs(observed - row.meanPdBase()));
                gapLayered = Math.max(gapLayered, Math.abs(observed - row.meanPdLayered()));
            }
        }
        return new IndustryLayer(folds, Evaluation.metrics(pdBase, y), Evaluation.metrics(pdLayered, y), rows,
                minDefaults, gapBase, gapLayered, none);
    }

    /**
     * The comparison as a text table: overall AUC and log loss, then one line per industry with
     * rows, defaults, observed rate, and per model the mean PD, O/P and AUC.
     *
     * @return the lines, each ending in a newline
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT,
                "industry layer, out of fold (%d folds): AUC base %.4f -> layered %.4f, log loss %.4f -> %.4f;"
                        + " worst calibration gap (industries with >= %d defaults) %.4f -> %.4f%n",
                folds, base.auc(), layered.auc(), base.logLoss(), layered.logLoss(), minDefaults,
                worstCalibrationGapBase, worstCalibrationGapLayered));
        sb.append(String.format(java.util.Locale.ROOT, "  %-8s %7s %6s %8s | %8s %5s %6s | %8s %5s %6s%n", "industry",
                "rows", "def.", "observed", "base PD", "O/P", "AUC", "layer PD", "O/P", "AUC"));
        for (Row r : industries) {
            sb.append(String.format(java.util.Locale.ROOT,
                    "  %-8s %,7d %6d %7.2f%% | %7.2f%% %5.2f %6.3f | %7.2f%% %5.2f %6.3f%s%n", r.industry(), r.rows(),
                    r.defaults(), 100 * r.observedRate(), 100 * r.meanPdBase(), r.observedOverPredictedBase(),
                    r.aucBase(), 100 * r.meanPdLayered(), r.observedOverPredictedLayered(), r.aucLayered(),
                    r.overlay() ? "" : "  (base only)"));
        }
        if (noIndustryRows > 0) {
            sb.append(String.format(java.util.Locale.ROOT, "  %,d rows without a known industry code: base only%n",
                    noIndustryRows));
        }
        return sb.toString();
    }
}
