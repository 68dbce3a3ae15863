package org.creditkit.rules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;

/**
 * Every indicator of the standard feature catalogue as the model saw it, by id, with its missing
 * state: what rules read as {@code input.indicators.value("current_days_overdue")} or
 * {@code input.indicators.missing("tax_continuity_index")}. A missing indicator's value is
 * {@code NaN}; Drools orders NaN above every number, so a rule on an indicator must guard with
 * {@code !input.indicators.missing("...")} (the default policy's do); an id the catalogue
 * does not have is refused with the valid ids (a misspelt id in a rule never silently reads as
 * missing). Immutable.
 */
public final class Indicators {

    private static final FeatureCatalogue CATALOGUE = FeatureCatalogue.standard();
    private static final Indicators NONE = new Indicators(filledNaN());

    private final double[] values;

    private Indicators(double[] values) {
        this.values = values;
    }

    private static double[] filledNaN() {
        double[] v = new double[CATALOGUE.size()];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /**
     * No indicator known (every one missing): inputs scored elsewhere, or scenarios that set none.
     *
     * @return the empty indicators
     */
    public static Indicators none() {
        return NONE;
    }

    /**
     * The indicators of an extracted feature vector.
     *
     * @param x a vector laid out against the standard catalogue
     * @return the indicators
     * @throws RuleInputException if the vector is laid out against another catalogue
     */
    public static Indicators of(FeatureVector x) {
        if (x.catalogue() != CATALOGUE) {
            throw new RuleInputException("indicators must be laid out against the standard catalogue "
                    + CATALOGUE.version() + ", got " + x.catalogue().version());
        }
        double[] v = new double[CATALOGUE.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = x.value(i);
        }
        return new Indicators(v);
    }

    /**
     * Indicators from id -> value pairs (NaN for missing); the ids not given are missing.
     *
     * @param byId values by indicator id
     * @return the indicators
     * @throws RuleInputException naming an unknown id or an infinite value
     */
    public static Indicators of(Map<String, Double> byId) {
        double[] v = filledNaN();
        for (Map.Entry<String, Double> e : byId.entrySet()) {
            double d = e.getValue();
            if (Double.isInfinite(d)) {
                throw new RuleInputException("indicator " + e.getKey() + " must be finite or missing, got " + d);
            }
            v[index(e.getKey())] = d;
        }
        return new Indicators(v);
    }

    private static int index(String id) {
        int i = CATALOGUE.indexOf(id);
        if (i < 0) {
            throw new RuleInputException("unknown indicator '" + id + "'; the catalogue " + CATALOGUE.version()
                    + " has " + CATALOGUE.definitions().stream().map(d -> d.id()).toList());
        }
        return i;
    }

    /**
     * An indicator's value, {@code NaN} when missing.
     *
     * @param id an indicator id of the standard catalogue
     * @return the value
     * @throws RuleInputException if the id is not in the catalogue
     */
    public double value(String id) {
        return values[index(id)];
    }

    /**
     * Whether an indicator is missing.
     *
     * @param id an indicator id of the standard catalogue
     * @return true when missing
     * @throws RuleInputException if the id is not in the catalogue
     */
    public boolean missing(String id) {
        return Double.isNaN(values[index(id)]);
    }

    /**
     * The present indicators by id, in catalogue order.
     *
     * @return id -> value of every present indicator
     */
    public Map<String, Double> present() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                out.put(CATALOGUE.get(i).id(), values[i]);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Indicators other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Indicators" + present();
    }
}
