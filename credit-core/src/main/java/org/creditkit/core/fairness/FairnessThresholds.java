package org.creditkit.core.fairness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.Problem;

/**
 * The thresholds of the fairness checks, read from a JSON file. The shipped default
 * ({@code org/creditkit/core/fairness/default-thresholds.json}) is:
 * <pre>{@code
 * {
 *   "minGroupSize": 30,
 *   "minClassSize": 10,
 *   "alpha": 0.05,
 *   "approvalRatio": { "warnBelow": 0.90, "failBelow": 0.80 },
 *   "equalOpportunityDifference": { "warnAbove": 0.05, "failAbove": 0.10 },
 *   "calibrationGap": { "warnAbove": 0.02, "failAbove": 0.05 },
 *   "pdBandEdges": [0.0, 0.01, 0.02, 0.05, 0.10, 0.20, 1.0]
 * }
 * }</pre>
 * A file may give only some fields; the others keep their default values. Unknown fields are
 * rejected.
 *
 * @param minGroupSize groups (and references) with fewer records are {@link CheckStatus#INSUFFICIENT_DATA}
 * @param minClassSize for outcome checks, the fewest good (and, where needed, bad) outcomes a group needs
 * @param alpha significance level of the tests (a difference is significant if its p-value is below
 *     alpha and, for differences with an interval, the 95% interval excludes zero)
 * @param approvalRatioWarnBelow approval ratio (group over reference) below which a check warns
 * @param approvalRatioFailBelow approval ratio below which an unexplained, significant gap fails
 *     (0.8 is the "four-fifths" convention)
 * @param equalOpportunityWarnAbove |TPR difference| above which the equal-opportunity check warns
 * @param equalOpportunityFailAbove |TPR difference| above which a significant difference fails
 * @param calibrationWarnAbove |mean PD - observed default rate| above which calibration warns
 * @param calibrationFailAbove |mean PD - observed default rate| above which a significant gap fails
 * @param pdBandEdges ascending PD band edges from 0 to 1 for calibration per band
 */
public record FairnessThresholds(int minGroupSize, int minClassSize, double alpha,
        double approvalRatioWarnBelow, double approvalRatioFailBelow,
        double equalOpportunityWarnAbove, double equalOpportunityFailAbove,
        double calibrationWarnAbove, double calibrationFailAbove, List<Double> pdBandEdges) {

    private static final String DEFAULT_RESOURCE = "default-thresholds.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final FairnessThresholds DEFAULTS = loadDefaults();

    /**
     * Checks consistency.
     *
     * @param minGroupSize see {@link #minGroupSize()}
     * @param minClassSize see {@link #minClassSize()}
     * @param alpha see {@link #alpha()}
     * @param approvalRatioWarnBelow see {@link #approvalRatioWarnBelow()}
     * @param approvalRatioFailBelow see {@link #approvalRatioFailBelow()}
     * @param equalOpportunityWarnAbove see {@link #equalOpportunityWarnAbove()}
     * @param equalOpportunityFailAbove see {@link #equalOpportunityFailAbove()}
     * @param calibrationWarnAbove see {@link #calibrationWarnAbove()}
     * @param calibrationFailAbove see {@link #calibrationFailAbove()}
     * @param pdBandEdges see {@link #pdBandEdges()}
     * @throws CreditModelException if a size is below 1, alpha is outside (0, 1), a warn level is
     *     looser than its fail level, or the band edges do not ascend from 0 to 1; the problem's
     *     location is the JSON path of the offending field, e.g. {@code $.approvalRatio}
     */
    public FairnessThresholds {
        require(minGroupSize >= 1, "$.minGroupSize", "must be an integer of at least 1, got " + minGroupSize);
        require(minClassSize >= 1, "$.minClassSize", "must be an integer of at least 1, got " + minClassSize);
        require(alpha > 0.0 && alpha < 1.0, "$.alpha", "must be in (0, 1), got " + alpha);
        require(approvalRatioFailBelow >= 0.0 && approvalRatioFailBelow <= approvalRatioWarnBelow
                && approvalRatioWarnBelow <= 1.0, "$.approvalRatio",
                "needs 0 <= failBelow <= warnBelow <= 1, got failBelow=" + approvalRatioFailBelow
                        + " warnBelow=" + approvalRatioWarnBelow);
        require(equalOpportunityWarnAbove >= 0.0 && equalOpportunityWarnAbove <= equalOpportunityFailAbove
                && equalOpportunityFailAbove <= 1.0, "$.equalOpportunityDifference",
                "needs 0 <= warnAbove <= failAbove <= 1, got warnAbove="
                        + equalOpportunityWarnAbove + " failAbove=" + equalOpportunityFailAbove);
        require(calibrationWarnAbove >= 0.0 && calibrationWarnAbove <= calibrationFailAbove
                && calibrationFailAbove <= 1.0, "$.calibrationGap",
                "needs 0 <= warnAbove <= failAbove <= 1, got warnAbove=" + calibrationWarnAbove
                        + " failAbove=" + calibrationFailAbove);
        pdBandEdges = List.copyOf(pdBandEdges);
        require(pdBandEdges.size() >= 2 && pdBandEdges.get(0) == 0.0
                && pdBandEdges.get(pdBandEdges.size() - 1) == 1.0, "$.pdBandEdges",
                "must start at 0.0 and end at 1.0, got " + pdBandEdges);
        for (int i = 1; i < pdBandEdges.size(); i++) {
            require(pdBandEdges.get(i) > pdBandEdges.get(i - 1), "$.pdBandEdges",
                    "must strictly ascend, got " + pdBandEdges);
        }
    }

    /**
     * Returns the shipped default thresholds.
     *
     * @return the defaults
     */
    public static FairnessThresholds defaults() {
        return DEFAULTS;
    }

    /**
     * Reads thresholds from a JSON file; missing fields keep their defaults.
     *
     * @param file the file
     * @return the thresholds
     * @throws CreditModelException if the file cannot be read, is not valid JSON, has unknown fields
     *     or inconsistent values; each problem's location is the file and the JSON path, e.g.
     *     {@code thresholds.json $.approvalRatio.failBelow}
     */
    public static FairnessThresholds read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new CreditModelException(file.toString(), "cannot read the thresholds file: " + e.getMessage()
                    + "; pass a readable JSON file (see docs/fairness.md)", e);
        }
    }

    /**
     * Parses thresholds from JSON text; missing fields keep their defaults.
     *
     * @param json the JSON text
     * @param source where the text came from, for messages
     * @return the thresholds
     * @throws CreditModelException if the text is not valid JSON, has unknown fields or inconsistent
     *     values; each problem's location is {@code source} and the JSON path
     */
    public static FairnessThresholds parse(String json, String source) {
        return parse(json, source, DEFAULTS);
    }

    /**
     * Returns a copy with another minimum group size.
     *
     * @param size the minimum group size, at least 1
     * @return the copy
     */
    public FairnessThresholds withMinGroupSize(int size) {
        return new FairnessThresholds(size, minClassSize, alpha, approvalRatioWarnBelow, approvalRatioFailBelow,
                equalOpportunityWarnAbove, equalOpportunityFailAbove, calibrationWarnAbove, calibrationFailAbove,
                pdBandEdges);
    }

    private static FairnessThresholds loadDefaults() {
        try (InputStream in = FairnessThresholds.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + DEFAULT_RESOURCE);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            FairnessThresholds builtIn = new FairnessThresholds(30, 10, 0.05, 0.9, 0.8, 0.05, 0.1, 0.02, 0.05,
                    List.of(0.0, 1.0));
            return parse(text, DEFAULT_RESOURCE, builtIn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FairnessThresholds parse(String json, String source, FairnessThresholds base) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new CreditModelException(source, "thresholds are not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CreditModelException(source + " $", "thresholds must be a JSON object");
        }
        checkFields(root, "$", source, Set.of("minGroupSize", "minClassSize", "alpha", "approvalRatio",
                "equalOpportunityDifference", "calibrationGap", "pdBandEdges"));
        int minGroupSize = intField(root, "minGroupSize", "$", source, base.minGroupSize());
        int minClassSize = intField(root, "minClassSize", "$", source, base.minClassSize());
        double alpha = number(root, "alpha", "$", source, base.alpha());
        JsonNode ratio = object(root, "approvalRatio", source, Set.of("warnBelow", "failBelow"));
        JsonNode eo = object(root, "equalOpportunityDifference", source, Set.of("warnAbove", "failAbove"));
        JsonNode cal = object(root, "calibrationGap", source, Set.of("warnAbove", "failAbove"));
        List<Double> edges = base.pdBandEdges();
        JsonNode e = root.get("pdBandEdges");
        if (e != null) {
            if (!e.isArray()) {
                throw new CreditModelException(source + " $.pdBandEdges", "must be an array of numbers, got " + e);
            }
            edges = new ArrayList<>();
            for (int i = 0; i < e.size(); i++) {
                if (!e.get(i).isNumber()) {
                    throw new CreditModelException(source + " $.pdBandEdges[" + i + "]", "must be a number, got "
                            + e.get(i));
                }
                edges.add(e.get(i).asDouble());
            }
        }
        double ratioWarn = number(ratio, "warnBelow", "$.approvalRatio", source, base.approvalRatioWarnBelow());
        double ratioFail = number(ratio, "failBelow", "$.approvalRatio", source, base.approvalRatioFailBelow());
        double eoWarn = number(eo, "warnAbove", "$.equalOpportunityDifference", source,
                base.equalOpportunityWarnAbove());
        double eoFail = number(eo, "failAbove", "$.equalOpportunityDifference", source,
                base.equalOpportunityFailAbove());
        double calWarn = number(cal, "warnAbove", "$.calibrationGap", source, base.calibrationWarnAbove());
        double calFail = number(cal, "failAbove", "$.calibrationGap", source, base.calibrationFailAbove());
        try {
            return new FairnessThresholds(minGroupSize, minClassSize, alpha, ratioWarn, ratioFail, eoWarn, eoFail,
                    calWarn, calFail, edges);
        } catch (CreditModelException ex) {
            // the constructor knows the JSON path, only the caller knows the file
            Problem p = ex.problems().get(0);
            throw new CreditModelException(source + " " + p.location(), p.message(), ex);
        }
    }

    private static JsonNode object(JsonNode root, String name, String source, Set<String> allowed) {
        JsonNode n = root.get(name);
        if (n == null) {
            return MAPPER.createObjectNode();
        }
        if (!n.isObject()) {
            throw new CreditModelException(source + " $." + name, "must be an object with the fields "
                    + new TreeSet<>(allowed) + ", got " + n);
        }
        checkFields(n, "$." + name, source, allowed);
        return n;
    }

    private static void checkFields(JsonNode node, String path, String source, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new CreditModelException(source + " " + path + "." + f, "unknown field " + path + "." + f
                        + "; valid fields are " + new TreeSet<>(allowed));
            }
        }
    }

    private static double number(JsonNode node, String name, String path, String source, double fallback) {
        JsonNode n = node.get(name);
        if (n == null) {
            return fallback;
        }
        if (!n.isNumber()) {
            throw new CreditModelException(source + " " + path + "." + name, "must be a number, got " + n);
        }
        return n.asDouble();
    }

    private static int intField(JsonNode node, String name, String path, String source, int fallback) {
        JsonNode n = node.get(name);
        if (n == null) {
            return fallback;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new CreditModelException(source + " " + path + "." + name, "must be an integer, got " + n);
        }
        return n.asInt();
    }

    private static void require(boolean ok, String path, String message) {
        if (!ok) {
            throw new CreditModelException(path, "invalid thresholds: " + message);
        }
    }
}
