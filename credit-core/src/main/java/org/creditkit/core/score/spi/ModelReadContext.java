package org.creditkit.core.score.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.creditkit.core.Problem;
import org.creditkit.core.feature.FeatureCatalogue;

/**
 * What a {@link ModelFormat} needs while reading a model: the feature catalogue, the JSON path of the
 * model, a sink for problems, and helpers that read typed fields and report what is wrong with a
 * path. Not thread-safe; one per read.
 */
public final class ModelReadContext {

    private final FeatureCatalogue catalogue;
    private final String path;
    private final List<Problem> problems;

    private ModelReadContext(FeatureCatalogue catalogue, String path, List<Problem> problems) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.path = Objects.requireNonNull(path, "path");
        this.problems = problems;
    }

    /** A context for a model at JSON path {@code path} (e.g. {@code $.base}) with its own problem list. */
    public static ModelReadContext of(FeatureCatalogue catalogue, String path) {
        return new ModelReadContext(catalogue, path, new ArrayList<>());
    }

    /** The catalogue feature ids resolve against. */
    public FeatureCatalogue catalogue() {
        return catalogue;
    }

    /** JSON path of the model object. */
    public String path() {
        return path;
    }

    /** Records a problem at {@code location} (a JSON path). */
    public void problem(String location, String message) {
        problems.add(Problem.of(location, message));
    }

    /**
     * Records a problem found by validating the model read so far, unless it is only the echo of a
     * field already refused while reading: an unreadable number is read as NaN, and the model's own
     * checks would then report the same field again (a bin weight of 1e308 gave "out of range" and
     * then "must be finite, got NaN"). A problem is an echo when an earlier problem stands at the
     * same location or at a field directly inside it.
     */
    public void consequentProblem(String location, String message) {
        for (Problem earlier : problems) {
            String at = earlier.location();
            if (at.equals(location) || parentOf(at).equals(location)) {
                return;
            }
        }
        problem(location, message);
    }

    private static String parentOf(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** Problems recorded so far, in order. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Whether any problem was recorded. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Largest magnitude of any number in a bundle. */
    public static final double MAX_MAGNITUDE = 1e15;
    /** Largest magnitude of one log-odds contribution. */
    public static final double MAX_LOG_ODDS = 100;

    /**
     * A finite number field of {@code obj}; records a problem and returns NaN when absent, not a
     * number, or not finite.
     */
    public double number(JsonNode obj, String field, String objPath) {
        JsonNode n = obj.get(field);
        String p = objPath + "." + field;
        if (n == null || n.isNull()) {
            problem(p, "is missing; a finite number is required");
            return Double.NaN;
        }
        return number(n, p);
    }

    /**
     * A finite number within {@link #MAX_MAGNITUDE} in magnitude (no bundle number is larger: a
     * bigger one is an error or an attack, which would overflow the scoring sums); records a problem
     * and returns NaN otherwise.
     */
    public double number(JsonNode n, String p) {
        if (!n.isNumber()) {
            problem(p, "must be a finite number, got " + describe(n));
            return Double.NaN;
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            problem(p, "must be finite, got " + v);
            return Double.NaN;
        }
        if (Math.abs(v) > MAX_MAGNITUDE) {
            problem(p, v + " is out of range; valid: a magnitude of at most 1e15");
            return Double.NaN;
        }
        return v;
    }

    /**
     * A log-odds contribution (a scorecard bin, an intercept, a tree leaf): finite and within
     * &plusmn;{@link #MAX_LOG_ODDS}, so that no sum of contributions can overflow (a weight of 1e308
     * used to load and then abort every scoring batch); records a problem and returns NaN otherwise.
     */
    public double logOdds(JsonNode obj, String field, String objPath) {
        double v = number(obj, field, objPath);
        return checkLogOdds(v, objPath + "." + field);
    }

    /** As {@link #logOdds(JsonNode, String, String)} for a value node. */
    public double logOdds(JsonNode n, String p) {
        return checkLogOdds(number(n, p), p);
    }

    private double checkLogOdds(double v, String p) {
        if (Math.abs(v) > MAX_LOG_ODDS) {
            problem(p, v + " is out of range for a log-odds contribution; valid: -" + (int) MAX_LOG_ODDS + ".."
                    + (int) MAX_LOG_ODDS + " (odds of e^100 are already certainty)");
            return Double.NaN;
        }
        return v;
    }

    /** A number, or the strings {@code "-inf"} / {@code "+inf"}; records a problem and returns NaN otherwise. */
    public double extendedNumber(JsonNode n, String p) {
        if (n != null && n.isTextual()) {
            switch (n.asText()) {
                case "-inf":
                    return Double.NEGATIVE_INFINITY;
                case "+inf":
                    return Double.POSITIVE_INFINITY;
                default:
                    problem(p, "must be a number, \"-inf\" or \"+inf\", got " + describe(n));
                    return Double.NaN;
            }
        }
        if (n == null || n.isNull()) {
            problem(p, "is missing; a number, \"-inf\" or \"+inf\" is required");
            return Double.NaN;
        }
        return number(n, p);
    }

    /** A non-blank string field; records a problem and returns "" otherwise. */
    public String text(JsonNode obj, String field, String objPath) {
        JsonNode n = obj.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            problem(objPath + "." + field, "must be a non-blank string, got " + describe(n));
            return "";
        }
        return n.asText();
    }

    /** An integer field; records a problem and returns empty otherwise. */
    public OptionalInt integer(JsonNode obj, String field, String objPath) {
        JsonNode n = obj.get(field);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            problem(objPath + "." + field, "must be an integer, got " + describe(n));
            return OptionalInt.empty();
        }
        return OptionalInt.of(n.intValue());
    }

    /** An array field; records a problem and returns an empty array node otherwise. */
    public JsonNode array(JsonNode obj, String field, String objPath) {
        JsonNode n = obj.get(field);
        if (n == null || !n.isArray()) {
            problem(objPath + "." + field, "must be an array, got " + describe(n));
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        return n;
    }

    /**
     * The catalogue position of a feature id; records a problem naming the catalogue and returns empty
     * when the catalogue has no such feature.
     */
    public OptionalInt feature(String id, String p) {
        int i = catalogue.indexOf(id);
        if (i < 0) {
            problem(p, "unknown feature '" + id + "': catalogue " + catalogue.version() + " has no such feature");
            return OptionalInt.empty();
        }
        return OptionalInt.of(i);
    }

    /**
     * Records a problem for every field of {@code obj} not in {@code allowed} (strict reading: a typo
     * must not be ignored silently).
     */
    public void onlyFields(JsonNode obj, String objPath, String... allowed) {
        List<String> ok = List.of(allowed);
        obj.fieldNames().forEachRemaining(f -> {
            if (!ok.contains(f)) {
                problem(objPath + "." + f, "unknown field; allowed: " + ok);
            }
        });
    }

    /** Short description of a node for messages. */
    public static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        String s = n.toString();
        String kind = n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        return kind + " " + (s.length() > 40 ? s.substring(0, 40) + "..." : s);
    }
}
