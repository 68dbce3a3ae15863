package org.creditkit.core.score.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.Problem;
import org.creditkit.core.input.JsonStrings;
import org.creditkit.core.input.Utf8;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureCategory;
import org.creditkit.core.feature.FeatureDefinition;
import org.creditkit.core.feature.Openness;
import org.creditkit.core.feature.StandardFeatures;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.GradeBands;
import org.creditkit.core.codes.IndustryScheme;
import org.creditkit.core.score.IndustryOverlay;
import org.creditkit.core.score.Scaling;
import org.creditkit.core.score.spi.ModelFormat;
import org.creditkit.core.score.spi.ModelReadContext;
import org.creditkit.core.score.spi.ModelRegistry;
import org.creditkit.core.score.spi.ScoringModel;
import org.creditkit.core.sign.SignatureCheck;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.sign.TrustStore;

/**
 * A complete, versioned model in JSON: scaling, grade bands, feature catalogue (built-in by version,
 * or inline definitions for a custom table), the features used, a base model, industry overlays,
 * training metadata and metrics, sealed with a SHA-256 over the canonical content and optionally signed
 * with Ed25519 ({@link #signedWith}, {@link #verify}; the format is in docs/bundles.md). Reading caps
 * the file size ({@link BundleLoader#DEFAULT_MAX_BYTES}) and checks every number is finite and in
 * range; whether to <em>trust</em> a bundle is decided by {@link BundleLoader} or the engine's builder.
 *
 * <p>Reading verifies the format version, the checksum, every reference to a feature, every model
 * type name and every structural rule, and throws one {@link CreditModelException} listing every
 * problem with its JSON path. Java serialization is never used.
 *
 * <pre>{@code
 * ModelBundle bundle = ModelBundle.read(Path.of("model.json"));   // or ModelBundle.defaultBundle()
 * CompositeScorer scorer = bundle.scorer();
 * ScoreResult r = scorer.score(vector, enterprise.industry());
 *
 * ModelBundle trained = ModelBundle.builder()
 *     .id("sme-gbm").version("2026.11.1").createdBy("credit train")
 *     .catalogue(FeatureCatalogue.standard()).scaling(Scaling.of(600, 50, 40)).gradeBands(bands)
 *     .base(ensemble).overlay(IndustryOverlay.of("technology", "Technology", List.of("I65"), card))
 *     .metric("auc", 0.81).build();
 * trained.write(Path.of("sme-gbm.json"));
 * }</pre>
 *
 * <h2>Format version 1</h2>
 * <pre>{@code
 * {"formatVersion": 1, "id": "...", "version": "...", "createdBy": "...", "description": "...",
 *  "scaling": {"baseScore": 600, "baseOdds": 50, "pdo": 40},
 *  "grades": {"basis": "score", "bands": [{"grade": "AAA", "cutoff": 760}, ..., {"grade": "D", "cutoff": "-inf"}]},
 *  "catalogue": {"version": "creditkit-sme/1"}            (or with "definitions": [...] for a custom one)
 *  "features": ["debt_to_asset", ...],                    (every feature a model reads)
 *  "base": {"type": "scorecard", ...},
 *  "overlays": [{"id": "technology", "name": "...", "industries": ["I63", "M"], "model": {...}}],
 *  (an overlay may add "scheme": "NAICS" and NAICS prefixes such as "72"; without it, GB/T 4754)
 *  "training": {...}, "metrics": {...},
 *  "checksum": "sha256:...",
 *  "signature": {"algorithm": "Ed25519", "keyId": "...", "value": "..."}}   (optional)
 * }</pre>
 */
public final class ModelBundle {

    /** The format version this reader writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** Classpath resource of the default expert bundle. */
    public static final String DEFAULT_RESOURCE = "/org/creditkit/core/score/expert-bundle.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final class DefaultHolder {
        static final ModelBundle DEFAULT = readResource(DEFAULT_RESOURCE);
    }

    private final String id;
    private final String version;
    private final String createdBy;
    private final String description;
    private final Scaling scaling;
    private final GradeBands gradeBands;
    private final FeatureCatalogue catalogue;
    private final List<String> features;
    private final ScoringModel base;
    private final List<IndustryOverlay> overlays;
    private final ObjectNode training;
    private final ObjectNode metrics;
    private final ObjectNode json;
    private final String checksum;
    private final CompositeScorer scorer;
    private final Optional<BundleSignature> signature;
    private final boolean builtIn;

    private ModelBundle(Builder b, ObjectNode json, String checksum, Optional<BundleSignature> signature) {
        this.id = b.id;
        this.version = b.version;
        this.createdBy = b.createdBy;
        this.description = b.description;
        this.scaling = b.scaling;
        this.gradeBands = b.gradeBands;
        this.catalogue = b.catalogue;
        this.features = usedFeatures(b.catalogue, b.base, b.overlays);
        this.base = b.base;
        this.overlays = List.copyOf(b.overlays);
        this.training = b.training.deepCopy();
        this.metrics = b.metrics.deepCopy();
        this.json = json;
        this.checksum = checksum;
        this.scorer = CompositeScorer.of(id, version, catalogue, scaling, gradeBands, base, overlays);
        this.signature = signature;
        this.builtIn = false;
    }

    /** A copy with another JSON form, signature or provenance (the model parts are shared: immutable). */
    private ModelBundle(ModelBundle o, ObjectNode json, Optional<BundleSignature> signature, boolean builtIn) {
        this.id = o.id;
        this.version = o.version;
        this.createdBy = o.createdBy;
        this.description = o.description;
        this.scaling = o.scaling;
        this.gradeBands = o.gradeBands;
        this.catalogue = o.catalogue;
        this.features = o.features;
        this.base = o.base;
        this.overlays = o.overlays;
        this.training = o.training;
        this.metrics = o.metrics;
        this.json = json;
        this.checksum = o.checksum;
        this.scorer = o.scorer;
        this.signature = signature;
        this.builtIn = builtIn;
    }

    private static List<String> usedFeatures(FeatureCatalogue c, ScoringModel base, List<IndustryOverlay> overlays) {
        TreeSet<Integer> used = new TreeSet<>();
        for (int f : base.features()) {
            used.add(f);
        }
        for (IndustryOverlay o : overlays) {
            for (int f : o.model().features()) {
                used.add(f);
            }
        }
        return used.stream().map(i -> c.get(i).id()).toList();
    }

    /** A builder for writing a new bundle (training export). */
    public static Builder builder() {
        return new Builder();
    }

    /** The default expert bundle shipped in credit-core, loaded once through the validating reader. */
    public static ModelBundle defaultBundle() {
        return DefaultHolder.DEFAULT;
    }

    /**
     * Reads and verifies a bundle file with the standard model registry.
     *
     * @throws CreditModelException listing every problem with its JSON path, or the I/O failure
     */
    public static ModelBundle read(Path file) {
        return read(file, ModelRegistry.standard());
    }

    /**
     * Reads and verifies a bundle file, resolving model types in {@code registry}.
     *
     * @throws CreditModelException listing every problem with its JSON path, or the I/O failure
     */
    public static ModelBundle read(Path file, ModelRegistry registry) {
        return read(file, registry, BundleLoader.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads and verifies a bundle file of at most {@code maxBytes}; a larger file (or a device such as
     * {@code /dev/zero}) is refused after reading {@code maxBytes + 1} bytes, never read whole. This
     * checks integrity, not trust: see {@link #verify(TrustStore)} and {@link BundleLoader}.
     *
     * @throws CreditModelException listing every problem with its JSON path, or the I/O failure
     */
    public static ModelBundle read(Path file, ModelRegistry registry, long maxBytes) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(readCapped(in, file.toString(), maxBytes), file.toString(), registry);
        } catch (IOException e) {
            throw new CreditModelException(file.toString(), "cannot read model bundle: " + e, e);
        }
    }

    private static String readCapped(InputStream in, String source, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new CreditModelException(source, "larger than " + maxBytes + " bytes; a model bundle is "
                    + "at most that (BundleLoader.maxBytes raises the cap for a larger model)");
        }
        // refused where it stops being UTF-8, before any hashing: a lenient decoding would hash U+FFFD, not the file
        java.util.Optional<Utf8.Malformed> bad = Utf8.firstMalformed(bytes);
        if (bad.isPresent()) {
            throw new CreditModelException(source, "model bundle is " + Utf8.notUtf8Text(bad.get().where()));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Reads and verifies a bundle from a stream (not closed).
     *
     * @param source name for messages, e.g. a file name or resource path
     * @throws CreditModelException listing every problem with its JSON path, or the I/O failure
     */
    public static ModelBundle read(InputStream in, String source, ModelRegistry registry) {
        try {
            return parse(readCapped(in, source, BundleLoader.DEFAULT_MAX_BYTES), source, registry);
        } catch (IOException e) {
            throw new CreditModelException(source, "cannot read model bundle: " + e.getMessage(), e);
        }
    }

    /**
     * Parses and verifies bundle JSON text.
     *
     * @param source name for messages
     * @throws CreditModelException listing every problem with its JSON path
     */
    public static ModelBundle parse(String text, String source, ModelRegistry registry) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? source
                    : source + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new CreditModelException(where, "model bundle is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new CreditModelException(source, "model bundle cannot be parsed (" + e.getClass().getSimpleName()
                    + "); a number out of range?", e);
        }
        if (root == null || !root.isObject()) {
            throw new CreditModelException("$", source + ": a model bundle must be a JSON object");
        }
        // before the checksum and the signature: the canonical UTF-8 text hashes half a surrogate pair as '?',
        // so "A\\ud800" and "A?" would share one checksum and one signature
        List<Problem> halves = JsonStrings.unpairedSurrogates(text, source);
        if (!halves.isEmpty()) {
            throw new CreditModelException(halves);
        }
        return new Reader((ObjectNode) root, registry).read();
    }

    private static ModelBundle readResource(String resource) {
        try (InputStream in = ModelBundle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CreditModelException(resource, "default model bundle is missing from the class path");
            }
            ModelBundle b = read(in, resource, ModelRegistry.standard());
            return new ModelBundle(b, b.json, b.signature, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- reading

    private static final class Reader {
        private final ObjectNode root;
        private final ModelRegistry registry;
        private final List<Problem> problems = new ArrayList<>();

        Reader(ObjectNode root, ModelRegistry registry) {
            this.root = root;
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        private void problem(String where, String message) {
            problems.add(Problem.of(where, message));
        }

        ModelBundle read() {
            JsonNode fv = root.get("formatVersion");
            if (fv == null || !fv.isIntegralNumber()) {
                throw new CreditModelException("$.formatVersion", "must be an integer format version ("
                        + FORMAT_VERSION + "), got " + ModelReadContext.describe(fv));
            }
            if (fv.intValue() != FORMAT_VERSION) {
                throw new CreditModelException("$.formatVersion", "unsupported format version " + fv.intValue()
                        + (fv.intValue() > FORMAT_VERSION ? " (written by a newer creditkit)" : "")
                        + "; this reader supports " + FORMAT_VERSION);
            }
            JsonNode cs = root.get("checksum");
            String computed = CanonicalJson.checksum(root);
            if (cs == null || !cs.isTextual()) {
                problem("$.checksum", "is missing; a bundle carries \"checksum\": \"sha256:<hex>\" over its canonical content");
            } else if (!cs.textValue().equals(computed)) {
                problem("$.checksum", "checksum mismatch: the bundle says " + cs.textValue() + " but its content hashes to "
                        + computed + "; the file was changed after it was written (re-export it instead of editing)");
            }
            String[] allowed = {"formatVersion", "id", "version", "createdBy", "description", "scaling", "grades",
                "catalogue", "features", "base", "overlays", "training", "metrics", "checksum", "signature"};
            ModelReadContext top = ModelReadContext.of(FeatureCatalogue.standard(), "$");
            top.onlyFields(root, "$", allowed);
            Builder b = new Builder();
            b.id = top.text(root, "id", "$");
            b.version = top.text(root, "version", "$");
            b.createdBy = top.text(root, "createdBy", "$");
            JsonNode desc = root.get("description");
            if (desc != null) {
                if (desc.isTextual()) {
                    b.description = desc.textValue();
                } else {
                    top.problem("$.description", "must be a string, got " + ModelReadContext.describe(desc));
                }
            }
            problems.addAll(top.problems());
            b.scaling = readScaling();
            b.gradeBands = readGrades();
            Optional<FeatureCatalogue> catalogue = readCatalogue();
            b.training = object("training");
            b.metrics = object("metrics");
            checkFinite(b.metrics, "$.metrics");
            if (catalogue.isEmpty()) {
                throw new CreditModelException(problems);
            }
            FeatureCatalogue cat = catalogue.get();
            b.catalogue = cat;
            Set<String> listed = readFeatureList(cat);
            Optional<ScoringModel> base = readModel(root.get("base"), "$.base", cat);
            List<IndustryOverlay> overlays = readOverlays(cat);
            base.ifPresent(m -> checkListed(m, listed, "$.base"));
            for (int o = 0; o < overlays.size(); o++) {
                checkListed(overlays.get(o).model(), listed, "$.overlays[" + o + "].model");
            }
            if (!problems.isEmpty() || base.isEmpty() || b.scaling == null || b.gradeBands == null) {
                if (problems.isEmpty()) {
                    problem("$", "bundle is incomplete");
                }
                throw new CreditModelException(problems);
            }
            Optional<BundleSignature> signature = readSignature();
            if (!problems.isEmpty()) {
                throw new CreditModelException(problems);
            }
            b.base = base.get();
            b.overlays.addAll(overlays);
            return new ModelBundle(b, root.deepCopy(), computed, signature);
        }

        private Optional<BundleSignature> readSignature() {
            JsonNode s = root.get("signature");
            if (s == null) {
                return Optional.empty();
            }
            String p = "$.signature";
            if (!s.isObject()) {
                problem(p, "must be an object {\"algorithm\": \"Ed25519\", \"keyId\", \"value\"}, got "
                        + ModelReadContext.describe(s));
                return Optional.empty();
            }
            ModelReadContext c = ModelReadContext.of(FeatureCatalogue.standard(), p);
            c.onlyFields(s, p, "algorithm", "keyId", "value");
            String algorithm = c.text(s, "algorithm", p);
            String keyId = c.text(s, "keyId", p);
            String value = c.text(s, "value", p);
            problems.addAll(c.problems());
            if (c.hasProblems()) {
                return Optional.empty();
            }
            if (!algorithm.equals(BundleSignature.ALGORITHM)) {
                problem(p + ".algorithm", "'" + algorithm + "' is not supported; valid: Ed25519");
                return Optional.empty();
            }
            if (!org.creditkit.core.sign.KeyId.isWellFormed(keyId)) {
                problem(p + ".keyId", "must be 16 lowercase hex digits (a key id), got '"
                        + (keyId.length() > 20 ? keyId.substring(0, 20) + "..." : keyId) + "'");
                return Optional.empty();
            }
            try {
                return Optional.of(new BundleSignature(org.creditkit.core.sign.KeyId.of(keyId), value));
            } catch (IllegalArgumentException e) {
                problem(p + ".value", e.getMessage());
                return Optional.empty();
            }
        }

        private ObjectNode object(String field) {
            JsonNode n = root.get(field);
            if (n == null) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!n.isObject()) {
                problem("$." + field, "must be an object, got " + ModelReadContext.describe(n));
                return JsonNodeFactory.instance.objectNode();
            }
            return (ObjectNode) n;
        }

        private void checkFinite(JsonNode n, String path) {
            if (n.isNumber() && !Double.isFinite(n.doubleValue())) {
                problem(path, "must be finite, got " + n.doubleValue());
            } else if (n.isObject()) {
                n.properties().forEach(e -> checkFinite(e.getValue(), path + "." + e.getKey()));
            } else if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    checkFinite(n.get(i), path + "[" + i + "]");
                }
            }
        }

        private Scaling readScaling() {
            JsonNode s = root.get("scaling");
            if (s == null || !s.isObject()) {
                problem("$.scaling", "must be an object {\"baseScore\", \"baseOdds\", \"pdo\"}, got "
                        + ModelReadContext.describe(s));
                return null;
            }
            ModelReadContext c = ModelReadContext.of(FeatureCatalogue.standard(), "$.scaling");
            c.onlyFields(s, "$.scaling", "baseScore", "baseOdds", "pdo");
            double score = c.number(s, "baseScore", "$.scaling");
            double odds = c.number(s, "baseOdds", "$.scaling");
            double pdo = c.number(s, "pdo", "$.scaling");
            if (odds <= 0) {
                c.problem("$.scaling.baseOdds", "base good:bad odds must be > 0, got " + odds);
            }
            if (pdo <= 0) {
                c.problem("$.scaling.pdo", "points to double the odds must be > 0, got " + pdo);
            }
            problems.addAll(c.problems());
            return c.hasProblems() ? null : Scaling.of(score, odds, pdo);
        }

        private GradeBands readGrades() {
            JsonNode g = root.get("grades");
            String p = "$.grades";
            if (g == null || !g.isObject()) {
                problem(p, "must be an object {\"basis\": \"score\"|\"pd\", \"bands\": [...]}, got "
                        + ModelReadContext.describe(g));
                return null;
            }
            ModelReadContext c = ModelReadContext.of(FeatureCatalogue.standard(), p);
            c.onlyFields(g, p, "basis", "bands");
            String basisText = c.text(g, "basis", p);
            GradeBands.Basis basis = null;
            if (basisText.equals("score")) {
                basis = GradeBands.Basis.SCORE;
            } else if (basisText.equals("pd")) {
                basis = GradeBands.Basis.PD;
            } else if (!basisText.isEmpty()) {
                c.problem(p + ".basis", "must be \"score\" or \"pd\", got \"" + basisText + "\"");
            }
            JsonNode arr = c.array(g, "bands", p);
            List<GradeBands.Band> bands = new ArrayList<>();
            for (int i = 0; i < arr.size(); i++) {
                JsonNode b = arr.get(i);
                String bp = p + ".bands[" + i + "]";
                if (!b.isObject()) {
                    c.problem(bp, "must be an object {\"grade\", \"cutoff\"}");
                    continue;
                }
                c.onlyFields(b, bp, "grade", "cutoff");
                bands.add(GradeBands.Band.of(c.text(b, "grade", bp), c.extendedNumber(b.get("cutoff"), bp + ".cutoff")));
            }
            if (basis != null && !c.hasProblems()) {
                for (String msg : GradeBands.problems(basis, bands)) {
                    c.problem(p + ".bands", msg);
                }
            }
            problems.addAll(c.problems());
            if (c.hasProblems() || basis == null) {
                return null;
            }
            return basis == GradeBands.Basis.SCORE ? GradeBands.byScore(bands) : GradeBands.byPd(bands);
        }

        private Optional<FeatureCatalogue> readCatalogue() {
            JsonNode c = root.get("catalogue");
            String p = "$.catalogue";
            if (c == null || !c.isObject()) {
                problem(p, "must be an object {\"version\": ..., [\"definitions\": [...]]}, got "
                        + ModelReadContext.describe(c));
                return Optional.empty();
            }
            ModelReadContext ctx = ModelReadContext.of(FeatureCatalogue.standard(), p);
            ctx.onlyFields(c, p, "version", "definitions");
            String v = ctx.text(c, "version", p);
            JsonNode defs = c.get("definitions");
            if (defs == null) {
                if (v.equals(StandardFeatures.VERSION)) {
                    return Optional.of(FeatureCatalogue.standard());
                }
                if (!v.isEmpty()) {
                    ctx.problem(p + ".version", "unknown catalogue version '" + v + "': the built-in one is "
                            + StandardFeatures.VERSION + "; a custom catalogue needs inline \"definitions\"");
                }
                problems.addAll(ctx.problems());
                return Optional.empty();
            }
            if (v.equals(StandardFeatures.VERSION)) {
                ctx.problem(p + ".version", "catalogue " + v + " is built in and must not be redefined; "
                        + "give a custom catalogue its own version");
            }
            JsonNode arr = ctx.array(c, "definitions", p);
            List<FeatureDefinition> list = new ArrayList<>();
            Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < arr.size(); i++) {
                JsonNode d = arr.get(i);
                String dp = p + ".definitions[" + i + "]";
                if (!d.isObject()) {
                    ctx.problem(dp, "must be an object");
                    continue;
                }
                ctx.onlyFields(d, dp, "id", "category", "description", "descriptionZh", "unit", "formula", "lineage",
                        "openness");
                String fid = ctx.text(d, "id", dp);
                String category = ctx.text(d, "category", dp);
                FeatureCategory cat = null;
                try {
                    cat = FeatureCategory.valueOf(category);
                } catch (IllegalArgumentException e) {
                    if (!category.isEmpty()) {
                        ctx.problem(dp + ".category", "unknown category '" + category + "'; valid: "
                                + java.util.Arrays.toString(FeatureCategory.values()));
                    }
                }
                String en = ctx.text(d, "description", dp);
                JsonNode zhNode = d.get("descriptionZh");
                String zh = zhNode != null && zhNode.isTextual() ? zhNode.textValue() : en;
                String unit = d.has("unit") && d.get("unit").isTextual() ? d.get("unit").textValue() : "";
                String formula = d.has("formula") && d.get("formula").isTextual() ? d.get("formula").textValue() : "";
                JsonNode lin = ctx.array(d, "lineage", dp);
                List<DataSource> sources = new ArrayList<>();
                for (int k = 0; k < lin.size(); k++) {
                    try {
                        sources.add(DataSource.valueOf(lin.get(k).asText()));
                    } catch (IllegalArgumentException e) {
                        ctx.problem(dp + ".lineage[" + k + "]", "unknown data source " + lin.get(k) + "; valid: "
                                + java.util.Arrays.toString(DataSource.values()));
                    }
                }
                if (!fid.isEmpty() && !ids.add(fid)) {
                    ctx.problem(dp + ".id", "feature '" + fid + "' is defined twice");
                    continue;
                }
                Openness openness = Openness.strictest(sources);
                if (d.has("openness")) {
                    JsonNode on = d.get("openness");
                    Optional<Openness> declared = on.isTextual() ? Openness.parse(on.textValue()) : Optional.empty();
                    if (declared.isEmpty()) {
                        ctx.problem(dp + ".openness", "unknown openness " + on + "; valid: public, conditional, not-open");
                    } else {
                        openness = declared.get();
                    }
                }
                if (cat != null && !fid.isEmpty()) {
                    try {
                        list.add(new FeatureDefinition(fid, cat, en, zh, unit, formula, sources, openness));
                    } catch (IllegalArgumentException e) {
                        ctx.problem(dp, e.getMessage());
                    }
                }
            }
            problems.addAll(ctx.problems());
            if (ctx.hasProblems() || v.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(FeatureCatalogue.of(v, list));
        }

        private Set<String> readFeatureList(FeatureCatalogue cat) {
            ModelReadContext ctx = ModelReadContext.of(cat, "$.features");
            JsonNode arr = ctx.array(root, "features", "$");
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < arr.size(); i++) {
                String fp = "$.features[" + i + "]";
                JsonNode f = arr.get(i);
                if (!f.isTextual()) {
                    ctx.problem(fp, "must be a feature id string, got " + ModelReadContext.describe(f));
                    continue;
                }
                if (ctx.feature(f.textValue(), fp).isPresent() && !out.add(f.textValue())) {
                    ctx.problem(fp, "feature '" + f.textValue() + "' is listed twice");
                }
            }
            problems.addAll(ctx.problems());
            return out;
        }

        private void checkListed(ScoringModel m, Set<String> listed, String path) {
            for (int f : m.features()) {
                String id = m.catalogue().get(f).id();
                if (!listed.contains(id)) {
                    problem(path, "model reads feature '" + id + "' which is not in $.features; list every feature "
                            + "the bundle uses");
                }
            }
        }

        private Optional<ScoringModel> readModel(JsonNode m, String p, FeatureCatalogue cat) {
            if (m == null || !m.isObject()) {
                problem(p, "must be a model object with a \"type\", got " + ModelReadContext.describe(m));
                return Optional.empty();
            }
            JsonNode t = m.get("type");
            if (t == null || !t.isTextual()) {
                problem(p + ".type", "must name a model type, one of " + registry.types());
                return Optional.empty();
            }
            Optional<ModelFormat> format = registry.find(t.textValue());
            if (format.isEmpty()) {
                problem(p + ".type", "unknown model type '" + t.textValue() + "'; known: " + registry.types()
                        + " (a bank's own type is added with a ModelFormat via ServiceLoader or ModelRegistry.with)");
                return Optional.empty();
            }
            ModelReadContext ctx = ModelReadContext.of(cat, p);
            Optional<ScoringModel> model;
            try {
                model = format.get().read(m, ctx);
            } catch (RuntimeException e) {
                problem(p, "model type '" + t.textValue() + "' failed to read: " + e);
                return Optional.empty();
            }
            problems.addAll(ctx.problems());
            if (model.isEmpty() && !ctx.hasProblems()) {
                problem(p, "model type '" + t.textValue() + "' returned no model and reported no problem");
            }
            return ctx.hasProblems() ? Optional.empty() : model;
        }

        private List<IndustryOverlay> readOverlays(FeatureCatalogue cat) {
            JsonNode arr = root.get("overlays");
            List<IndustryOverlay> out = new ArrayList<>();
            if (arr == null) {
                return out;
            }
            if (!arr.isArray()) {
                problem("$.overlays", "must be an array of overlays, got " + ModelReadContext.describe(arr));
                return out;
            }
            Map<String, String> claimed = new HashMap<>();
            Set<String> ids = new java.util.HashSet<>();
            for (int o = 0; o < arr.size(); o++) {
                String op = "$.overlays[" + o + "]";
                JsonNode ov = arr.get(o);
                if (!ov.isObject()) {
                    problem(op, "must be an object {\"id\", \"name\", \"industries\", \"model\"}");
                    continue;
                }
                ModelReadContext ctx = ModelReadContext.of(cat, op);
                ctx.onlyFields(ov, op, "id", "name", "scheme", "industries", "model");
                // "scheme" arrived with NAICS overlays; a bundle without it keys its overlays by GB/T 4754
                IndustryScheme scheme = IndustryScheme.GBT_4754;
                if (ov.has("scheme")) {
                    try {
                        scheme = IndustryScheme.parse(ov.get("scheme").asText(""));
                    } catch (IllegalArgumentException e) {
                        ctx.problem(op + ".scheme", e.getMessage());
                    }
                }
                String oid = ctx.text(ov, "id", op);
                String name = ctx.text(ov, "name", op);
                if (!oid.isEmpty() && !oid.matches("[a-z][a-z0-9-]*")) {
                    ctx.problem(op + ".id", "overlay id '" + oid + "' must be lower kebab case, e.g. technology");
                } else if (!oid.isEmpty() && !ids.add(oid)) {
                    ctx.problem(op + ".id", "overlay id '" + oid + "' is used twice");
                }
                JsonNode inds = ctx.array(ov, "industries", op);
                List<String> codes = new ArrayList<>();
                if (inds.isEmpty()) {
                    ctx.problem(op + ".industries", "an overlay must cover at least one industry code");
                }
                for (int i = 0; i < inds.size(); i++) {
                    String ip = op + ".industries[" + i + "]";
                    String code = inds.get(i).asText("");
                    String bad = inds.get(i).isTextual() ? scheme.overlayCodeProblem(code) : "must be a string";
                    if (bad != null) {
                        ctx.problem(ip, bad + (scheme == IndustryScheme.NAICS ? " (a NAICS prefix such as 72)"
                                : " (a section letter A..T or a division such as C39)"));
                        continue;
                    }
                    String prev = claimed.put(scheme.id() + ":" + code, oid);
                    if (prev != null) {
                        ctx.problem(ip, "industry " + code + " is already claimed by overlay '" + prev
                                + "'; each code may select one overlay");
                    }
                    codes.add(code);
                }
                problems.addAll(ctx.problems());
                Optional<ScoringModel> model = readModel(ov.get("model"), op + ".model", cat);
                if (!ctx.hasProblems() && model.isPresent()) {
                    out.add(IndustryOverlay.of(scheme, oid, name, codes, model.get()));
                }
            }
            return out;
        }
    }

    // ---------------------------------------------------------------- writing

    private static ObjectNode toJson(Builder b, ModelRegistry registry) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("formatVersion", FORMAT_VERSION);
        o.put("id", b.id);
        o.put("version", b.version);
        o.put("createdBy", b.createdBy);
        if (!b.description.isEmpty()) {
            o.put("description", b.description);
        }
        ObjectNode s = o.putObject("scaling");
        s.put("baseScore", b.scaling.baseScore());
        s.put("baseOdds", b.scaling.baseOdds());
        s.put("pdo", b.scaling.pdo());
        ObjectNode g = o.putObject("grades");
        g.put("basis", b.gradeBands.basis() == GradeBands.Basis.SCORE ? "score" : "pd");
        ArrayNode bands = g.putArray("bands");
        for (GradeBands.Band band : b.gradeBands.bands()) {
            ObjectNode bo = bands.addObject();
            bo.put("grade", band.grade());
            if (band.cutoff() == Double.NEGATIVE_INFINITY) {
                bo.put("cutoff", "-inf");
            } else {
                bo.put("cutoff", band.cutoff());
            }
        }
        ObjectNode c = o.putObject("catalogue");
        c.put("version", b.catalogue.version());
        if (b.catalogue != FeatureCatalogue.standard()) {
            ArrayNode defs = c.putArray("definitions");
            for (FeatureDefinition d : b.catalogue.definitions()) {
                ObjectNode dn = defs.addObject();
                dn.put("id", d.id());
                dn.put("category", d.category().name());
                dn.put("description", d.description());
                dn.put("descriptionZh", d.descriptionZh());
                dn.put("unit", d.unit());
                dn.put("formula", d.formula());
                ArrayNode lin = dn.putArray("lineage");
                d.lineage().forEach(ds -> lin.add(ds.name()));
                if (d.openness() != Openness.strictest(d.lineage())) {
                    // only a field declared stricter than its sources: bundles of fields at their sources' level stay byte-identical
                    dn.put("openness", d.openness().label());
                }
            }
        }
        ArrayNode feats = o.putArray("features");
        usedFeatures(b.catalogue, b.base, b.overlays).forEach(feats::add);
        o.set("base", writeModel(b.base, registry));
        ArrayNode ovs = o.putArray("overlays");
        for (IndustryOverlay ov : b.overlays) {
            ObjectNode on = ovs.addObject();
            on.put("id", ov.id());
            on.put("name", ov.name());
            if (ov.scheme() != IndustryScheme.GBT_4754) {
                on.put("scheme", ov.scheme().id()); // GB/T bundles stay as they were
            }
            ArrayNode inds = on.putArray("industries");
            ov.industries().forEach(inds::add);
            on.set("model", writeModel(ov.model(), registry));
        }
        o.set("training", b.training.deepCopy());
        o.set("metrics", b.metrics.deepCopy());
        return o;
    }

    private static ObjectNode writeModel(ScoringModel m, ModelRegistry registry) {
        ModelFormat format = registry.find(m.type()).orElseThrow(() -> new IllegalArgumentException(
                "no model format registered for type '" + m.type() + "'; known: " + registry.types()));
        ObjectNode n = format.write(m);
        if (!m.type().equals(n.path("type").asText())) {
            throw new IllegalStateException("format '" + m.type() + "' wrote a model without its \"type\"");
        }
        return n;
    }

    // ---------------------------------------------------------------- accessors

    /** Bundle id. */
    public String id() {
        return id;
    }

    /** Bundle version. */
    public String version() {
        return version;
    }

    /** Who or what created it (tool and version, or author). */
    public String createdBy() {
        return createdBy;
    }

    /** Free-text description, may be empty. */
    public String description() {
        return description;
    }

    /** Score scaling. */
    public Scaling scaling() {
        return scaling;
    }

    /** Grade bands. */
    public GradeBands gradeBands() {
        return gradeBands;
    }

    /** The feature catalogue vectors must be laid out against. */
    public FeatureCatalogue catalogue() {
        return catalogue;
    }

    /**
     * The one compatibility check of a bundle and a feature extractor: this bundle's models read the
     * vectors {@code extractor} produces only when both use the same catalogue (the same instance:
     * a custom catalogue that reuses the standard version string is not the standard one).
     *
     * @param extractor the extractor that will feed this bundle
     * @return {@code extractor}
     * @throws CreditModelException naming the bundle and both catalogue versions
     */
    public org.creditkit.core.feature.FeatureExtractor requireCompatible(
            org.creditkit.core.feature.FeatureExtractor extractor) {
        if (extractor.catalogue() != catalogue) {
            throw new CreditModelException("model " + id + " " + version, "the bundle's models are laid out against "
                    + "feature catalogue " + catalogue.version() + ", but the extractor produces catalogue "
                    + extractor.catalogue().version() + "; train the bundle on the standard indicators (a JSON Lines "
                    + "portfolio) to score applications with it");
        }
        return extractor;
    }

    /** Ids of every feature a model of this bundle reads, in catalogue order. */
    public List<String> features() {
        return features;
    }

    /** The base model. */
    public ScoringModel base() {
        return base;
    }

    /** Industry overlays in bundle order. */
    public List<IndustryOverlay> overlays() {
        return overlays;
    }

    /** Training metadata (a copy). */
    public ObjectNode training() {
        return training.deepCopy();
    }

    /** Metrics (a copy). */
    public ObjectNode metrics() {
        return metrics.deepCopy();
    }

    /** {@code sha256:<hex>} over the canonical content. */
    public String checksum() {
        return checksum;
    }

    /** The signature, when the bundle is signed. */
    public Optional<BundleSignature> signature() {
        return signature;
    }

    /**
     * Whether this is the default expert bundle loaded by {@link #defaultBundle()} from credit-core's
     * own class path: trusted as shipped, by provenance rather than signature (it is as trustworthy as
     * the credit-core jar itself; a copy of it on disk is an ordinary unsigned bundle).
     */
    public boolean builtIn() {
        return builtIn;
    }

    /**
     * This bundle signed with {@code key}: the same content and checksum plus a {@code signature}
     * field (an existing signature is replaced).
     */
    public ModelBundle signedWith(SigningKey key) {
        BundleSignature sig = new BundleSignature(key.id(),
                Base64.getEncoder().encodeToString(key.sign(BundleSignature.message(checksum))));
        ObjectNode signed = json.deepCopy();
        signed.remove("signature");
        ObjectNode s = signed.putObject("signature");
        s.put("algorithm", BundleSignature.ALGORITHM);
        s.put("keyId", sig.keyId().value());
        s.put("value", sig.value());
        return new ModelBundle(this, signed, Optional.of(sig), false);
    }

    /**
     * Whether this bundle is trusted under {@code trust}: the built-in default bundle always is; an
     * unsigned bundle is not; a signed one is when its key is in {@code trust} and the signature
     * matches the checksum (so the content). Never throws for a bad signature.
     */
    public SignatureCheck verify(TrustStore trust) {
        if (builtIn) {
            return new SignatureCheck(true, "the built-in expert bundle of credit-core, trusted as shipped");
        }
        if (signature.isEmpty()) {
            return SignatureCheck.invalid("the bundle is not signed");
        }
        BundleSignature s = signature.get();
        return trust.check(s.keyId(), BundleSignature.message(checksum), s.bytes());
    }

    /** The scorer for this bundle (built once). */
    public CompositeScorer scorer() {
        return scorer;
    }

    /** The bundle as pretty-printed JSON including its checksum (and signature, when signed). */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise bundle " + id, e);
        }
    }

    /**
     * Writes the bundle as pretty-printed JSON (UTF-8).
     *
     * @throws UncheckedIOException on an I/O failure
     */
    public void write(Path file) {
        try {
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model bundle to " + file, e);
        }
    }

    @Override
    public String toString() {
        return "ModelBundle[" + id + " " + version + ", " + checksum + "]";
    }

    // ---------------------------------------------------------------- builder

    /** Builds a new bundle; {@link #build} validates it by writing it and reading it back. */
    public static final class Builder {
        private String id = "";
        private String version = "";
        private String createdBy = "";
        private String description = "";
        private Scaling scaling;
        private GradeBands gradeBands;
        private FeatureCatalogue catalogue = FeatureCatalogue.standard();
        private ScoringModel base;
        private final List<IndustryOverlay> overlays = new ArrayList<>();
        private ObjectNode training = JsonNodeFactory.instance.objectNode();
        private ObjectNode metrics = JsonNodeFactory.instance.objectNode();
        private ModelRegistry registry = ModelRegistry.standard();

        private Builder() {
        }

        /** Bundle id, not blank. */
        public Builder id(String v) {
            id = Objects.requireNonNull(v);
            return this;
        }

        /** Bundle version, not blank. */
        public Builder version(String v) {
            version = Objects.requireNonNull(v);
            return this;
        }

        /** Creator (tool, version, author). */
        public Builder createdBy(String v) {
            createdBy = Objects.requireNonNull(v);
            return this;
        }

        /** Free-text description. */
        public Builder description(String v) {
            description = Objects.requireNonNull(v);
            return this;
        }

        /** Score scaling. */
        public Builder scaling(Scaling v) {
            scaling = Objects.requireNonNull(v);
            return this;
        }

        /** Grade bands. */
        public Builder gradeBands(GradeBands v) {
            gradeBands = Objects.requireNonNull(v);
            return this;
        }

        /** Feature catalogue (default: the standard one); a custom one is written inline. */
        public Builder catalogue(FeatureCatalogue v) {
            catalogue = Objects.requireNonNull(v);
            return this;
        }

        /** Base model. */
        public Builder base(ScoringModel v) {
            base = Objects.requireNonNull(v);
            return this;
        }

        /** Adds an industry overlay. */
        public Builder overlay(IndustryOverlay v) {
            overlays.add(Objects.requireNonNull(v));
            return this;
        }

        /** Training metadata (copied): data set, seed, parameters, row counts. */
        public Builder training(ObjectNode v) {
            training = v.deepCopy();
            return this;
        }

        /** Adds a metric. */
        public Builder metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        /** Metrics (copied), e.g. {@code {"auc": 0.81, "cv": {"folds": [...]}}}. */
        public Builder metrics(ObjectNode v) {
            metrics = v.deepCopy();
            return this;
        }

        /** Registry used to write the models (default: standard). */
        public Builder registry(ModelRegistry v) {
            registry = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Writes the bundle JSON, seals it with its checksum and reads it back through the validating
         * reader, so a built bundle is exactly what a later {@link #read} gives.
         *
         * @throws CreditModelException listing every problem
         * @throws IllegalStateException if scaling, grade bands or base model are not set
         */
        public ModelBundle build() {
            if (scaling == null || gradeBands == null || base == null) {
                throw new IllegalStateException("a bundle needs scaling, gradeBands and base; missing:"
                        + (scaling == null ? " scaling" : "") + (gradeBands == null ? " gradeBands" : "")
                        + (base == null ? " base" : ""));
            }
            ObjectNode json = toJson(this, registry);
            json.put("checksum", CanonicalJson.checksum(json));
            try {
                return parse(MAPPER.writeValueAsString(json), "bundle " + id, registry);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise bundle " + id, e);
            }
        }
    }

    /** For tests in this package: the canonical text. */
    static String canonical(JsonNode n) {
        return CanonicalJson.canonical(n);
    }

}
