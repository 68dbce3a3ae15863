package org.creditkit.models.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.creditkit.models.ModelException;
import org.creditkit.models.eval.CalibrationRow;
import org.creditkit.models.eval.CvResult;
import org.creditkit.models.eval.GroupRow;
import org.creditkit.models.eval.IndustryLayer;
import org.creditkit.models.eval.Metrics;
import org.creditkit.models.eval.ModelVerdict;
import org.creditkit.models.eval.Stability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The metrics file of {@code credit train} and {@code credit evaluate}: top-level {@code rows},
 * {@code bads}, {@code auc} (with {@code aucLower}/{@code aucUpper}), {@code gini}, {@code ks},
 * {@code brier}, {@code logLoss}; {@code oracleAuc} when true PDs are known; {@code cv} with
 * per-fold values and their means when cross-validated; calibration, per-industry and per-grade
 * tables; {@code industryLayer} when industry overlays were trained
 * ({@link #industryLayer}); and the model's kind and checksum. Undefined values (an AUC of a one-outcome group) are
 * {@code null}.
 */
public final class MetricsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {
    }

    /**
     * Builds the metrics JSON.
     *
     * @param evaluation the evaluation of the model on the reported data
     * @param cv cross-validation, when run
     * @param modelKind {@code scorecard} or {@code gbm}
     * @param modelChecksum the model file checksum
     * @return the JSON tree
     */
    public static ObjectNode of(ModelEvaluation evaluation, Optional<CvResult> cv, String modelKind,
            String modelChecksum) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("sample", evaluation.sample());
        verdict(root.putObject("verdict"), evaluation.verdict(cv));
        evaluation.stability().ifPresent(st -> {
            ObjectNode n = root.putObject("stability");
            n.put("against", "training sample");
            put(n, "psi", st.index());
            n.put("band", st.band().name());
            ArrayNode bins = n.putArray("bins");
            for (Stability.BinShift b : st.bins()) {
                ObjectNode o = bins.addObject();
                o.put("bin", b.label());
                put(o, "trainingShare", b.expectedShare());
                put(o, "share", b.actualShare());
                put(o, "contribution", b.contribution());
            }
        });
        metrics(root, evaluation.metrics());
        evaluation.oracle().ifPresent(o -> {
            put(root, "oracleAuc", o.auc());
            metrics(root.putObject("oracle"), o);
        });
        cv.ifPresent(c -> {
            ObjectNode n = root.putObject("cv");
            n.put("k", c.k());
            n.put("seed", c.seed());
            ObjectNode mean = n.putObject("mean");
            put(mean, "auc", c.meanAuc());
            put(mean, "gini", c.meanGini());
            put(mean, "ks", c.meanKs());
            put(mean, "brier", c.meanBrier());
            put(mean, "logLoss", c.meanLogLoss());
            put(n, "sdAuc", c.sdAuc());
            put(n, "pooledAuc", c.pooled().auc());
            ArrayNode folds = n.putArray("folds");
            for (int i = 0; i < c.folds().size(); i++) {
                ObjectNode f = folds.addObject();
                f.put("fold", i + 1);
                metrics(f, c.folds().get(i));
            }
        });
        ArrayNode cal = root.putArray("calibration");
        for (CalibrationRow r : evaluation.calibration()) {
            ObjectNode o = cal.addObject();
            o.put("decile", r.decile());
            o.put("rows", r.rows());
            o.put("bads", r.bads());
            put(o, "meanPd", r.meanPd());
            put(o, "observedRate", r.observedRate());
        }
        groups(root.putArray("industries"), evaluation.industries());
        groups(root.putArray("grades"), evaluation.grades());
        ObjectNode model = root.putObject("model");
        model.put("kind", modelKind);
        model.put("sha256", modelChecksum);
        return root;
    }

    private static void verdict(ObjectNode n, ModelVerdict v) {
        n.put("overall", v.overall().name());
        n.put("basis", v.basis());
        ArrayNode checks = n.putArray("checks");
        for (ModelVerdict.Check c : v.checks()) {
            checks.addObject().put("check", c.name()).put("light", c.light().name()).put("value", c.value())
                    .put("threshold", c.threshold()).put("evidence", c.evidence());
        }
    }

    /** The field of the metrics (and of a bundle's {@code metrics}) holding the training sample's distribution. */
    static final String DEVELOPMENT = "development";

    /**
     * Records the training sample's PD distribution ({@code development}: {@code variable},
     * {@code cuts}, {@code counts}), which a bundle carries in its metrics so that
     * {@code credit evaluate} measures a later sample's stability from the bundle alone.
     *
     * @param root the metrics tree
     * @param development the training sample's distribution ({@link ModelEvaluation#development()})
     */
    public static void development(ObjectNode root, Stability.Reference development) {
        ObjectNode n = root.putObject(DEVELOPMENT);
        n.put("variable", development.name());
        ArrayNode cuts = n.putArray("cuts");
        development.cuts().forEach(cuts::add);
        ArrayNode counts = n.putArray("counts");
        development.counts().forEach(counts::add);
    }

    /**
     * Reads the training sample's distribution from metrics written by {@link #development}.
     *
     * @param metrics a metrics tree, such as a bundle's {@code metrics}
     * @param where the tree's name, for messages
     * @return the distribution, absent when the metrics record none (a bundle trained before it was recorded)
     * @throws ModelException if the recorded distribution is malformed
     */
    public static Optional<Stability.Reference> development(com.fasterxml.jackson.databind.JsonNode metrics,
            String where) {
        com.fasterxml.jackson.databind.JsonNode n = metrics.path(DEVELOPMENT);
        if (n.isMissingNode()) {
            return Optional.empty();
        }
        try {
            List<Double> cuts = new java.util.ArrayList<>();
            n.path("cuts").forEach(c -> cuts.add(c.doubleValue()));
            List<Long> counts = new java.util.ArrayList<>();
            n.path("counts").forEach(c -> counts.add(c.longValue()));
            return Optional.of(new Stability.Reference(n.path("variable").asText("PD"), cuts, counts));
        } catch (IllegalArgumentException e) {
            throw new ModelException(where + "." + DEVELOPMENT + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds the {@code industryLayer} section: {@code folds}, {@code base} and {@code layered}
     * (overall out-of-fold {@code auc} and {@code logLoss}), {@code industries} (per group
     * {@code industry}, {@code rows}, {@code defaults}, {@code observedRate}, and for {@code base}
     * and {@code layered} the {@code meanPd}, {@code observedOverPredicted} and {@code auc};
     * {@code overlay} whether the model has one), {@code minDefaults},
     * {@code worstCalibrationGapBase}, {@code worstCalibrationGapLayered} and
     * {@code noIndustryRows}.
     *
     * @param root the metrics tree
     * @param layer the measured layer
     */
    public static void industryLayer(ObjectNode root, IndustryLayer layer) {
        ObjectNode n = root.putObject("industryLayer");
        n.put("folds", layer.folds());
        overall(n.putObject("base"), layer.base());
        overall(n.putObject("layered"), layer.layered());
        n.put("minDefaults", layer.minDefaults());
        put(n, "worstCalibrationGapBase", layer.worstCalibrationGapBase());
        put(n, "worstCalibrationGapLayered", layer.worstCalibrationGapLayered());
        n.put("noIndustryRows", layer.noIndustryRows());
        ArrayNode rows = n.putArray("industries");
        for (IndustryLayer.Row r : layer.industries()) {
            ObjectNode o = rows.addObject();
            o.put("industry", r.industry());
            o.put("rows", r.rows());
            o.put("defaults", r.defaults());
            put(o, "observedRate", r.observedRate());
            o.put("overlay", r.overlay());
            ObjectNode b = o.putObject("base");
            put(b, "meanPd", r.meanPdBase());
            put(b, "observedOverPredicted", r.observedOverPredictedBase());
            put(b, "auc", r.aucBase());
            ObjectNode l = o.putObject("layered");
            put(l, "meanPd", r.meanPdLayered());
            put(l, "observedOverPredicted", r.observedOverPredictedLayered());
            put(l, "auc", r.aucLayered());
        }
    }

    private static void overall(ObjectNode o, Metrics m) {
        put(o, "auc", m.auc());
        put(o, "logLoss", m.logLoss());
        put(o, "brier", m.brier());
        put(o, "meanPd", m.meanPd());
    }

    /**
     * Writes the JSON to a file.
     *
     * @param json the tree
     * @param file the target
     * @throws ModelException if the file cannot be written
     */
    public static void write(ObjectNode json, Path file) {
        try {
            Files.writeString(file, MAPPER.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("Cannot write metrics " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The JSON as indented text.
     *
     * @param json the tree
     * @return the text
     */
    public static String text(ObjectNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new ModelException("Cannot format metrics: " + e.getMessage(), e);
        }
    }

    private static void metrics(ObjectNode o, Metrics m) {
        o.put("rows", m.rows());
        o.put("bads", m.bads());
        put(o, "auc", m.auc());
        put(o, "aucLower", m.aucLower());
        put(o, "aucUpper", m.aucUpper());
        put(o, "gini", m.gini());
        put(o, "ks", m.ks());
        put(o, "brier", m.brier());
        put(o, "logLoss", m.logLoss());
        put(o, "meanPd", m.meanPd());
        put(o, "observedRate", m.observedRate());
    }

    private static void groups(ArrayNode a, List<GroupRow> rows) {
        for (GroupRow r : rows) {
            ObjectNode o = a.addObject();
            o.put("group", r.group());
            o.put("rows", r.rows());
            o.put("bads", r.bads());
            put(o, "observedRate", r.observedRate());
            put(o, "meanPd", r.meanPd());
            put(o, "auc", r.auc());
        }
    }

    private static void put(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
