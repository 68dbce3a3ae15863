package org.creditkit.core.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.creditkit.core.score.ScoreResult;

/**
 * Counterfactual probe: re-decides every application with one attribute swapped to each other value
 * and reports the share of decisions that change. A rule set that does not use an attribute (region,
 * ownership, size; industry only where an overlay is meant to use it) should change no decision.
 *
 * <p>It is generic over the application type, so it runs against any decision function:
 * <pre>{@code
 * CounterfactualReport r = CounterfactualProbe.run(applications, "zone",
 *         app -> app.zone().name(), List.of("EAST", "CENTRAL", "WEST", "NORTHEAST"),
 *         (app, zone) -> app.withZone(Zone.valueOf(zone)),
 *         app -> engine.decide(app).tier().name(),
 *         tier -> tier.equals("INSTANT_APPROVAL") || tier.equals("MITIGATION"));
 * }</pre>
 * Both the original and the swapped application are decided by the same function, so the probe
 * measures the function, not drift against an old log. Items are processed in order; the result is
 * deterministic if the decision function is.
 */
public final class CounterfactualProbe {

    private CounterfactualProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param items the applications
     * @param attribute the attribute's name, for the report
     * @param valueOf reads an application's value of the attribute
     * @param values every value to swap to (an application is not swapped to its own value)
     * @param withValue returns a copy of an application with the attribute set to a value
     * @param decide the decision function, returning the decision as text (e.g. the tier)
     * @param favourable which decisions are favourable, to count gained and lost approvals
     * @param <T> the application type
     * @return the report
     * @throws IllegalArgumentException if there are no items or fewer than two values
     */
    public static <T> CounterfactualReport run(List<T> items, String attribute, Function<T, String> valueOf,
            List<String> values, BiFunction<T, String, T> withValue, Function<T, String> decide,
            Predicate<String> favourable) {
        checkInputs(items, attribute, values);
        Map<String, int[]> cells = new TreeMap<>();
        for (T item : items) {
            String from = valueOf.apply(item);
            String original = decide.apply(item);
            boolean wasFavourable = favourable.test(original);
            for (String to : values) {
                if (to.equals(from)) {
                    continue;
                }
                String swapped = decide.apply(withValue.apply(item, to));
                int[] c = cells.computeIfAbsent(from + "\u0000" + to, k -> new int[4]);
                c[0]++;
                if (!swapped.equals(original)) {
                    c[1]++;
                    boolean nowFavourable = favourable.test(swapped);
                    if (wasFavourable && !nowFavourable) {
                        c[2]++;
                    } else if (!wasFavourable && nowFavourable) {
                        c[3]++;
                    }
                }
            }
        }
        List<CounterfactualReport.Cell> out = new ArrayList<>();
        int n = 0;
        int changed = 0;
        int lost = 0;
        int gained = 0;
        for (Map.Entry<String, int[]> e : cells.entrySet()) {
            String[] key = e.getKey().split("\u0000", 2);
            int[] c = e.getValue();
            out.add(new CounterfactualReport.Cell(key[0], key[1], RateEstimate.of(c[1], c[0]), c[2], c[3]));
            n += c[0];
            changed += c[1];
            lost += c[2];
            gained += c[3];
        }
        return new CounterfactualReport(attribute, items.size(), RateEstimate.of(changed, n), lost, gained, out);
    }

    /**
     * Runs the probe over scores: every application is re-scored with the attribute swapped to each
     * other value, and the change of its probability of default is reported: how often it moves, the
     * distribution of the change, and whether each move came through the base model or only through
     * the industry layer (base log-odds equal, overlay log-odds different).
     *
     * <pre>{@code
     * ScoreShiftReport r = CounterfactualProbe.scores(applications, "industry",
     *         app -> app.enterprise().industry().sectionCode(), sections, Apps::withIndustrySection,
     *         app -> engine.evaluate(app, Optional.empty()).score());
     * r.path();   // THROUGH_INDUSTRY_LAYER is intended for industry; for zone anything but NONE is a finding
     * }</pre>
     *
     * @param items the applications
     * @param attribute the attribute's name, for the report
     * @param valueOf reads an application's value of the attribute
     * @param values every value to swap to (an application is not swapped to its own value)
     * @param withValue returns a copy of an application with the attribute set to a value
     * @param score the scoring function
     * @param <T> the application type
     * @return the report
     * @throws IllegalArgumentException if there are no items, fewer than two values, or no swap
     */
    public static <T> ScoreShiftReport scores(List<T> items, String attribute, Function<T, String> valueOf,
            List<String> values, BiFunction<T, String, T> withValue, Function<T, ScoreResult> score) {
        checkInputs(items, attribute, values);
        Map<String, double[]> cells = new TreeMap<>(); // swaps, moved, sum of change, layer only
        double[] changes = new double[items.size() * (values.size() - 1)];
        int swaps = 0;
        int moved = 0;
        int layerOnly = 0;
        double absSum = 0;
        for (T item : items) {
            String from = valueOf.apply(item);
            ScoreResult original = score.apply(item);
            for (String to : values) {
                if (to.equals(from)) {
                    continue;
                }
                ScoreResult swapped = score.apply(withValue.apply(item, to));
                double change = swapped.pd() - original.pd();
                double[] c = cells.computeIfAbsent(from + "\u0000" + to, k -> new double[4]);
                c[0]++;
                c[2] += change;
                if (swaps == changes.length) {
                    changes = java.util.Arrays.copyOf(changes, changes.length * 2 + 1);
                }
                changes[swaps++] = change;
                absSum += Math.abs(change);
                if (Math.abs(change) > ScoreShiftReport.TOLERANCE) {
                    c[1]++;
                    moved++;
                    if (Math.abs(swapped.baseLogOdds() - original.baseLogOdds()) <= ScoreShiftReport.TOLERANCE) {
                        c[3]++;
                        layerOnly++;
                    }
                }
            }
        }
        if (swaps == 0) {
            throw new IllegalArgumentException("No application of the probe has a value of '" + attribute
                    + "' other than those in " + values + "; nothing was swapped");
        }
        List<ScoreShiftReport.Cell> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : cells.entrySet()) {
            String[] key = e.getKey().split("\u0000", 2);
            double[] c = e.getValue();
            out.add(new ScoreShiftReport.Cell(key[0], key[1], RateEstimate.of((int) c[1], (int) c[0]), c[2] / c[0],
                    (int) c[3]));
        }
        double[] sorted = java.util.Arrays.copyOf(changes, swaps);
        java.util.Arrays.sort(sorted);
        ScoreShiftReport.Path path = moved == 0 ? ScoreShiftReport.Path.NONE : layerOnly == moved
                ? ScoreShiftReport.Path.THROUGH_INDUSTRY_LAYER : ScoreShiftReport.Path.OUTSIDE_INDUSTRY_LAYER;
        return new ScoreShiftReport(attribute, items.size(), swaps, RateEstimate.of(moved, swaps), layerOnly,
                ScoreShiftReport.Quantiles.of(sorted), absSum / swaps, path, out);
    }

    private static void checkInputs(List<?> items, String attribute, List<String> values) {
        Objects.requireNonNull(attribute, "attribute");
        if (items.isEmpty()) {
            throw new IllegalArgumentException("The counterfactual probe needs at least one application");
        }
        if (values.stream().distinct().count() < 2) {
            throw new IllegalArgumentException("Attribute '" + attribute + "' needs at least two distinct values to "
                    + "swap between, got " + values);
        }
    }
}
