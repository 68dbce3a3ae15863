package org.creditkit.core.fairness;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of {@link CounterfactualProbe#scores}: how the probability of default moves when one
 * attribute is swapped, everything else equal. Each swap's PD change is split by where it comes
 * from: the base model (which sees every applicant alike, so a change there means the attribute
 * reaches the base through some feature) or only the industry layer (the overlay chosen by the
 * industry code, which is meant to move the PD by industry and nothing else).
 *
 * @param attribute the swapped attribute
 * @param applications applications probed
 * @param swaps swaps made (every application to every other value)
 * @param changed swaps whose PD moved by more than {@link #TOLERANCE}
 * @param throughIndustryLayerOnly changed swaps whose base log-odds stayed equal: the move came from
 *     the industry overlay alone
 * @param pdChange the distribution of PD(swapped) - PD(original) over all swaps
 * @param absolutePdChangeMean the mean of |PD change| over all swaps
 * @param path where the moves come from
 * @param cells per (from, to) pair, sorted by from then to
 */
public record ScoreShiftReport(String attribute, int applications, int swaps, RateEstimate changed,
        int throughIndustryLayerOnly, Quantiles pdChange, double absolutePdChangeMean, Path path,
        List<ScoreShiftReport.Cell> cells) {

    /** A PD change at or below this is no change (the arithmetic of equal inputs). */
    public static final double TOLERANCE = 1e-12;

    /** Where the PD moves come from. */
    public enum Path {
        /** No swap moved the PD: the score does not use the attribute. */
        NONE,
        /** Every move came from the industry overlay alone: intended, when the attribute is industry. */
        THROUGH_INDUSTRY_LAYER,
        /** Some move came through the base model: the attribute reaches the score outside the layer. */
        OUTSIDE_INDUSTRY_LAYER
    }

    /**
     * Quantiles of a distribution (type 7).
     *
     * @param min the minimum
     * @param p05 the 5th percentile
     * @param median the median
     * @param p95 the 95th percentile
     * @param max the maximum
     * @param mean the mean
     */
    public record Quantiles(double min, double p05, double median, double p95, double max, double mean) {

        /**
         * Of sorted values.
         *
         * @param sorted ascending values, at least one
         * @return the quantiles
         */
        static Quantiles of(double[] sorted) {
            double sum = 0;
            for (double v : sorted) {
                sum += v;
            }
            return new Quantiles(sorted[0], Stats.quantile(sorted, 0.05), Stats.quantile(sorted, 0.5),
                    Stats.quantile(sorted, 0.95), sorted[sorted.length - 1], sum / sorted.length);
        }
    }

    /**
     * One (from, to) pair.
     *
     * @param from the application's own value
     * @param to the value swapped in
     * @param changed swaps whose PD moved / swaps
     * @param meanPdChange the mean PD change of the pair's swaps
     * @param throughIndustryLayerOnly changed swaps whose base log-odds stayed equal
     */
    public record Cell(String from, String to, RateEstimate changed, double meanPdChange,
            int throughIndustryLayerOnly) {
    }

    /**
     * Copies the cells.
     *
     * @param attribute see {@link #attribute()}
     * @param applications see {@link #applications()}
     * @param swaps see {@link #swaps()}
     * @param changed see {@link #changed()}
     * @param throughIndustryLayerOnly see {@link #throughIndustryLayerOnly()}
     * @param pdChange see {@link #pdChange()}
     * @param absolutePdChangeMean see {@link #absolutePdChangeMean()}
     * @param path see {@link #path()}
     * @param cells see {@link #cells()}
     */
    public ScoreShiftReport {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(pdChange, "pdChange");
        Objects.requireNonNull(path, "path");
        cells = List.copyOf(cells);
    }

    /**
     * One sentence saying what the probe found, for a report or a log.
     *
     * @return e.g. {@code industry: 3,040 of 3,600 swaps moved the PD, all through the industry layer
     *     (intended); PD change median +0.0012, 5%-95% [-0.0101, +0.0153]}
     */
    public String summary() {
        String where = switch (path) {
            case NONE -> "the score does not use " + attribute;
            case THROUGH_INDUSTRY_LAYER -> "all through the industry layer (intended)";
            case OUTSIDE_INDUSTRY_LAYER -> (changed.successes() - throughIndustryLayerOnly)
                    + " through the base model, outside the industry layer (a finding)";
        };
        return String.format(Locale.ROOT, "%s: %d of %d swaps moved the PD, %s; PD change median %+.4f, "
                + "5%%-95%% [%+.4f, %+.4f], extremes [%+.4f, %+.4f], mean |change| %.4f", attribute,
                changed.successes(), swaps, where, pdChange.median(), pdChange.p05(), pdChange.p95(), pdChange.min(),
                pdChange.max(), absolutePdChangeMean);
    }

    /**
     * Renders the report as a Markdown section (deterministic, {@code Locale.ROOT} numbers).
     *
     * @return the Markdown text
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("## Counterfactual probe of the score: ").append(attribute).append("\n\n");
        sb.append(applications).append(" applications re-scored with ").append(attribute)
                .append(" swapped to every other value. ").append(summary()).append(".\n\n");
        sb.append("| From | To | Swaps | PD moved | Share moved [95% CI] | Mean PD change | Industry layer only |\n");
        sb.append("|---|---|---:|---:|---|---:|---:|\n");
        for (Cell c : cells) {
            sb.append("| ").append(c.from()).append(" | ").append(c.to()).append(" | ").append(c.changed().trials())
                    .append(" | ").append(c.changed().successes()).append(" | ").append(Fmt.r(c.changed().rate()))
                    .append(' ').append(Fmt.ci(c.changed().ci())).append(" | ")
                    .append(String.format(Locale.ROOT, "%+.4f", c.meanPdChange())).append(" | ")
                    .append(c.throughIndustryLayerOnly()).append(" |\n");
        }
        return sb.toString();
    }
}
