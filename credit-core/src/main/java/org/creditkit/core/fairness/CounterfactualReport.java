package org.creditkit.core.fairness;

import java.util.List;

/**
 * The result of a {@link CounterfactualProbe}: the share of decisions that change when one
 * attribute is swapped, overall and per (original value, swapped value) pair, each with its Wilson
 * 95% interval, and how many favourable decisions were lost or gained.
 *
 * @param attribute the swapped attribute
 * @param applications applications probed
 * @param changed decisions changed / swaps made (every application is swapped to every other value)
 * @param lostFavourable swaps that turned a favourable decision unfavourable
 * @param gainedFavourable swaps that turned an unfavourable decision favourable
 * @param cells per (from, to) pair, sorted by from then to
 */
public record CounterfactualReport(String attribute, int applications, RateEstimate changed, int lostFavourable,
        int gainedFavourable, List<CounterfactualReport.Cell> cells) {

    /**
     * Copies the cells.
     *
     * @param attribute see {@link #attribute()}
     * @param applications see {@link #applications()}
     * @param changed see {@link #changed()}
     * @param lostFavourable see {@link #lostFavourable()}
     * @param gainedFavourable see {@link #gainedFavourable()}
     * @param cells see {@link #cells()}
     */
    public CounterfactualReport {
        cells = List.copyOf(cells);
    }

    /**
     * One (from, to) pair.
     *
     * @param from the application's own value
     * @param to the value swapped in
     * @param changed decisions changed / applications with value {@code from}
     * @param lostFavourable favourable decisions that became unfavourable
     * @param gainedFavourable unfavourable decisions that became favourable
     */
    public record Cell(String from, String to, RateEstimate changed, int lostFavourable, int gainedFavourable) {
    }

    /**
     * Renders the report as a Markdown section (deterministic, {@code Locale.ROOT} numbers).
     *
     * @return the Markdown text
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("## Counterfactual probe: ").append(attribute).append("\n\n");
        sb.append(applications).append(" applications re-decided with ").append(attribute)
                .append(" swapped to every other value: ").append(Fmt.rate(changed)).append(" of decisions changed (")
                .append(lostFavourable).append(" favourable lost, ").append(gainedFavourable)
                .append(" gained).\n\n");
        sb.append("| From | To | Swaps | Changed | Share changed [95% CI] | Lost favourable | Gained favourable |\n");
        sb.append("|---|---|---:|---:|---|---:|---:|\n");
        for (Cell c : cells) {
            sb.append("| ").append(c.from()).append(" | ").append(c.to()).append(" | ").append(c.changed().trials())
                    .append(" | ").append(c.changed().successes()).append(" | ").append(Fmt.r(c.changed().rate()))
                    .append(' ').append(Fmt.ci(c.changed().ci())).append(" | ").append(c.lostFavourable())
                    .append(" | ").append(c.gainedFavourable()).append(" |\n");
        }
        return sb.toString();
    }
}
