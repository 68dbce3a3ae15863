package org.creditkit.models.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.creditkit.core.score.Scaling;
import org.creditkit.models.ModelException;
import org.creditkit.models.binning.Bin;
import org.creditkit.models.binning.FeatureBinning;
import org.creditkit.models.data.Feature;
import org.creditkit.models.data.FeatureKind;
import org.creditkit.models.gbm.FeatureEncoding;
import org.creditkit.models.gbm.FlatTrees;
import org.creditkit.models.gbm.GbmOptions;
import org.creditkit.models.gbm.TrainedGbm;
import org.creditkit.models.overlay.IndustryOverlay;
import org.creditkit.models.overlay.OverlayModel;
import org.creditkit.models.scorecard.ScorecardFeature;
import org.creditkit.models.scorecard.TrainedScorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@link TrainedModel} as JSON. The content is canonical (fixed field order,
 * doubles in Java's round-trip form), and {@code sha256} is the SHA-256 of the compact content
 * without that field, so the same model always gives the same file and checksum, and a changed file
 * is rejected on load. No Java serialization is involved.
 */
public final class ModelJson {

    /** Value of the {@code format} field. */
    public static final String FORMAT = "creditkit-workbench-model";
    /** The format version written and read. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelJson() {
    }

    /**
     * Writes a model to a file.
     *
     * @param model the model
     * @param file the target path
     * @return the checksum written
     * @throws ModelException if the file cannot be written
     */
    public static String save(TrainedModel model, Path file) {
        ObjectNode root = toJson(model);
        try {
            Files.writeString(file, PRETTY.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("Cannot write model " + file + ": " + e.getMessage(), e);
        }
        return root.get("sha256").asText();
    }

    /**
     * Reads a model file, verifying format, version and checksum.
     *
     * @param file the path
     * @return the model
     * @throws ModelException if the file is unreadable, of another format, or tampered with
     */
    public static TrainedModel load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("Cannot read model " + file + ": " + e.getMessage(), e);
        }
        return read(text, file.toString());
    }

    /**
     * The canonical JSON of a model including its checksum.
     *
     * @param model the model
     * @return the JSON tree
     */
    public static ObjectNode toJson(TrainedModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        root.put("kind", model.kind());
        ObjectNode meta = root.putObject("metadata");
        model.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> meta.put(e.getKey(), e.getValue()));
        root.put("calibrationShift", model.calibrationShift());
        model.scorecard().ifPresent(c -> root.set("scorecard", scorecard(c)));
        model.gbm().ifPresent(g -> root.set("gbm", gbm(g)));
        root.set("overlays", overlays(model.overlays()));
        root.put("sha256", checksum(root));
        return root;
    }

    /**
     * The checksum of a model, as written to its file.
     *
     * @param model the model
     * @return lower-case hex SHA-256
     */
    public static String checksum(TrainedModel model) {
        return toJson(model).get("sha256").asText();
    }

    /**
     * Parses model JSON.
     *
     * @param text the JSON
     * @param source name for messages
     * @return the model
     * @throws ModelException on a format, version or checksum problem
     */
    public static TrainedModel read(String text, String source) {
        ObjectNode root;
        try {
            JsonNode node = MAPPER.readTree(text);
            if (!(node instanceof ObjectNode o)) {
                throw new ModelException(source + ": a model file is a JSON object");
            }
            root = o;
        } catch (JsonProcessingException e) {
            throw new ModelException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new ModelException(source + ": $.format is '" + root.path("format").asText() + "', expected '" + FORMAT
                    + "'");
        }
        if (root.path("formatVersion").asInt(-1) != VERSION) {
            throw new ModelException(source + ": $.formatVersion is " + root.path("formatVersion") + ", this reader knows "
                    + VERSION);
        }
        String stored = root.path("sha256").asText();
        ObjectNode copy = root.deepCopy();
        copy.remove("sha256");
        String actual = checksum(copy);
        if (!actual.equals(stored)) {
            throw new ModelException(source + ": $.sha256 is " + stored + " but the content hashes to " + actual
                    + "; the file was changed after training");
        }
        try {
            Map<String, String> meta = new LinkedHashMap<>();
            JsonNode metaNode = root.path("metadata");
            Iterator<String> it = metaNode.fieldNames();
            while (it.hasNext()) {
                String key = it.next();
                meta.put(key, metaNode.get(key).asText());
            }
            Optional<TrainedScorecard> card = root.has("scorecard") ? Optional.of(readScorecard(root.get("scorecard")))
                    : Optional.empty();
            Optional<TrainedGbm> gbm = root.has("gbm") ? Optional.of(readGbm(root.get("gbm"))) : Optional.empty();
            return new TrainedModel(card, gbm, readOverlays(root.get("overlays")), num(root, "calibrationShift"), meta);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelException(source + ": invalid model content: " + e.getMessage(), e);
        }
    }

    private static String checksum(ObjectNode withoutSum) {
        ObjectNode c = withoutSum.deepCopy();
        c.remove("sha256");
        try {
            byte[] bytes = MAPPER.writeValueAsString(c).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new ModelException("Cannot checksum model: " + e.getMessage(), e);
        }
    }

    // ---- writing

    private static ObjectNode feature(Feature f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", f.name());
        n.put("kind", f.kind().name());
        ArrayNode levels = n.putArray("levels");
        f.levels().forEach(levels::add);
        return n;
    }

    private static ObjectNode binning(FeatureBinning b) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("feature", feature(b.feature()));
        n.put("monotonic", b.monotonic());
        ArrayNode cuts = n.putArray("cuts");
        for (double c : b.cuts()) {
            cuts.add(c);
        }
        ArrayNode map = n.putArray("levelToBin");
        for (int m : b.levelToBin()) {
            map.add(m);
        }
        ArrayNode bins = n.putArray("bins");
        for (Bin bin : b.bins()) {
            ObjectNode o = bins.addObject();
            o.put("label", bin.label());
            o.put("missing", bin.missing());
            ArrayNode cats = o.putArray("categories");
            bin.categories().forEach(cats::add);
            o.put("goods", bin.goods());
            o.put("bads", bin.bads());
            o.put("woe", bin.woe());
        }
        return n;
    }

    private static ObjectNode scorecard(TrainedScorecard c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("intercept", c.intercept());
        ObjectNode s = n.putObject("scaling");
        s.put("baseScore", c.scaling().baseScore());
        s.put("baseOdds", c.scaling().baseOdds());
        s.put("pdo", c.scaling().pdo());
        ArrayNode notes = n.putArray("notes");
        c.notes().forEach(notes::add);
        ArrayNode fs = n.putArray("features");
        for (ScorecardFeature f : c.features()) {
            ObjectNode o = fs.addObject();
            o.set("binning", binning(f.binning()));
            o.put("coefficient", f.coefficient());
            ArrayNode pts = o.putArray("points");
            f.points().forEach(pts::add);
        }
        return n;
    }

    private static ObjectNode gbm(TrainedGbm g) {
        ObjectNode n = MAPPER.createObjectNode();
        GbmOptions o = g.options();
        ObjectNode opt = n.putObject("options");
        opt.put("trees", o.trees());
        opt.put("maxDepth", o.maxDepth());
        opt.put("maxNodes", o.maxNodes());
        opt.put("nodeSize", o.nodeSize());
        opt.put("shrinkage", o.shrinkage());
        opt.put("subsample", o.subsample());
        opt.put("seed", o.seed());
        ArrayNode enc = n.putArray("encodings");
        for (FeatureEncoding e : g.encodings()) {
            ObjectNode en = enc.addObject();
            en.set("feature", feature(e.feature()));
            ArrayNode lv = en.putArray("levelValue");
            for (double v : e.levelValue()) {
                if (Double.isNaN(v)) {
                    lv.addNull();
                } else {
                    lv.add(v);
                }
            }
            en.put("sentinel", e.sentinel());
        }
        ArrayNode imp = n.putArray("importance");
        g.importance().forEach(imp::add);
        FlatTrees t = g.trees();
        ObjectNode tn = n.putObject("trees");
        ArrayNode names = tn.putArray("featureNames");
        t.featureNames().forEach(names::add);
        tn.put("intercept", t.intercept());
        tn.put("shrinkage", t.shrinkage());
        ints(tn.putArray("roots"), t.roots());
        ints(tn.putArray("feature"), t.feature());
        ArrayNode th = tn.putArray("threshold");
        for (double v : t.threshold()) {
            th.add(v);
        }
        ints(tn.putArray("trueChild"), t.trueChild());
        ints(tn.putArray("falseChild"), t.falseChild());
        ArrayNode mt = tn.putArray("missingToTrue");
        for (boolean v : t.missingToTrue()) {
            mt.add(v);
        }
        ArrayNode leaf = tn.putArray("leaf");
        for (double v : t.leaf()) {
            leaf.add(v);
        }
        return n;
    }

    private static void ints(ArrayNode a, int[] v) {
        for (int x : v) {
            a.add(x);
        }
    }

    private static ObjectNode overlays(OverlayModel m) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode notes = n.putArray("notes");
        m.notes().forEach(notes::add);
        ArrayNode os = n.putArray("overlays");
        for (IndustryOverlay o : m.overlays()) {
            ObjectNode on = os.addObject();
            on.put("industry", o.industry());
            on.put("rows", o.rows());
            on.put("bads", o.bads());
            on.put("credibility", o.credibility());
            on.put("rawShift", o.rawShift());
            on.put("shift", o.shift());
            ArrayNode fs = on.putArray("features");
            o.features().forEach(f -> fs.add(binning(f)));
            ArrayNode cs = on.putArray("coefficients");
            o.coefficients().forEach(cs::add);
        }
        return n;
    }

    // ---- reading

    private static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be a number");
        }
        return v.asDouble();
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static List<Double> doubles(JsonNode a) {
        List<Double> out = new ArrayList<>();
        a.forEach(x -> out.add(x.isNull() ? Double.NaN : x.asDouble()));
        return out;
    }

    private static double[] doubleArray(JsonNode a) {
        return doubles(a).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int[] intArray(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    private static Feature readFeature(JsonNode n) {
        return new Feature(n.get("name").asText(), FeatureKind.valueOf(n.get("kind").asText()), strings(n.get("levels")));
    }

    private static FeatureBinning readBinning(JsonNode n) {
        Feature f = readFeature(n.get("feature"));
        double[] cuts = doubleArray(n.get("cuts"));
        List<Bin> bins = new ArrayList<>();
        JsonNode bs = n.get("bins");
        for (int i = 0; i < bs.size(); i++) {
            JsonNode b = bs.get(i);
            boolean missing = b.get("missing").asBoolean();
            double lower = Double.NaN;
            double upper = Double.NaN;
            if (!f.isCategorical() && !missing) {
                lower = i == 0 ? Double.NEGATIVE_INFINITY : cuts[i - 1];
                upper = i == cuts.length ? Double.POSITIVE_INFINITY : cuts[i];
            }
            bins.add(new Bin(b.get("label").asText(), lower, upper, strings(b.get("categories")), missing,
                    b.get("goods").asInt(), b.get("bads").asInt(), num(b, "woe")));
        }
        return f.isCategorical() ? FeatureBinning.categorical(f, intArray(n.get("levelToBin")), bins)
                : FeatureBinning.numeric(f, cuts, bins, n.get("monotonic").asBoolean());
    }

    private static TrainedScorecard readScorecard(JsonNode n) {
        JsonNode s = n.get("scaling");
        Scaling scaling = Scaling.of(num(s, "baseScore"), num(s, "baseOdds"), num(s, "pdo"));
        List<ScorecardFeature> fs = new ArrayList<>();
        for (JsonNode f : n.get("features")) {
            fs.add(new ScorecardFeature(readBinning(f.get("binning")), num(f, "coefficient"), doubles(f.get("points"))));
        }
        return new TrainedScorecard(fs, num(n, "intercept"), scaling, strings(n.get("notes")));
    }

    private static TrainedGbm readGbm(JsonNode n) {
        JsonNode o = n.get("options");
        GbmOptions options = new GbmOptions(o.get("trees").asInt(), o.get("maxDepth").asInt(), o.get("maxNodes").asInt(),
                o.get("nodeSize").asInt(), num(o, "shrinkage"), num(o, "subsample"), o.get("seed").asLong());
        List<FeatureEncoding> enc = new ArrayList<>();
        for (JsonNode e : n.get("encodings")) {
            enc.add(new FeatureEncoding(readFeature(e.get("feature")), doubles(e.get("levelValue")), num(e, "sentinel")));
        }
        JsonNode t = n.get("trees");
        JsonNode mt = t.get("missingToTrue");
        boolean[] missing = new boolean[mt.size()];
        for (int i = 0; i < missing.length; i++) {
            missing[i] = mt.get(i).asBoolean();
        }
        FlatTrees trees = new FlatTrees(strings(t.get("featureNames")), intArray(t.get("roots")),
                intArray(t.get("feature")), doubleArray(t.get("threshold")), intArray(t.get("trueChild")),
                intArray(t.get("falseChild")), missing, doubleArray(t.get("leaf")), num(t, "intercept"),
                num(t, "shrinkage"));
        return new TrainedGbm(enc, trees, doubles(n.get("importance")), options);
    }

    private static OverlayModel readOverlays(JsonNode n) {
        List<IndustryOverlay> os = new ArrayList<>();
        for (JsonNode o : n.get("overlays")) {
            List<FeatureBinning> fs = new ArrayList<>();
            o.get("features").forEach(f -> fs.add(readBinning(f)));
            os.add(new IndustryOverlay(o.get("industry").asText(), o.get("rows").asInt(), o.get("bads").asInt(),
                    num(o, "credibility"), num(o, "rawShift"), num(o, "shift"), fs, doubles(o.get("coefficients"))));
        }
        return new OverlayModel(os, strings(n.get("notes")));
    }
}
