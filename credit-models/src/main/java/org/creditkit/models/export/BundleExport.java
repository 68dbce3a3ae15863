package org.creditkit.models.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.creditkit.core.codes.IndustryCatalogue;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureCategory;
import org.creditkit.core.feature.FeatureDefinition;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.GradeBands;
import org.creditkit.core.codes.IndustryScheme;
import org.creditkit.core.score.IndustryOverlay;
import org.creditkit.core.score.Scaling;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.score.scorecard.Scorecard;
import org.creditkit.core.score.spi.ScoringModel;
import org.creditkit.core.score.tree.TreeEnsemble;
import org.creditkit.models.ModelException;
import org.creditkit.models.binning.Bin;
import org.creditkit.models.binning.FeatureBinning;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.IndustryGrouping;
import org.creditkit.models.data.Feature;
import org.creditkit.models.data.FeatureAlignment;
import org.creditkit.models.gbm.FeatureEncoding;
import org.creditkit.models.gbm.FlatTrees;
import org.creditkit.models.gbm.TrainedGbm;
import org.creditkit.models.scorecard.ScorecardOptions;
import org.creditkit.models.store.TrainedModel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts a {@link TrainedModel} into a core {@link ModelBundle}.
 *
 * <p>Mapping: a scorecard's intercept and per-bin {@code coefficient * WoE} become a core
 * {@link Scorecard} (numeric bins {@code [lo, hi)} are the same intervals; a categorical feature's
 * unseen levels score as its missing bin, so {@code other = missing}), each characteristic with its
 * population shares (the share of the binning's training rows in each bin, which make the neutral
 * points reasons are measured against); a GBM becomes a
 * {@link TreeEnsemble} with Smile's intercept, shrinkage and {@code scale = 2}, every node's
 * {@code x <= t} branch as the left child and missing values to the right, as in Smile, and every
 * node's training cover (the rows reaching it; they make the neutral contributions reasons are
 * measured against). The
 * calibration shift is added to the base intercept (halved for the ensemble, whose scale is 2). An
 * overlay becomes a scorecard (intercept shift plus its own features) or, when it has no own
 * features, a one-leaf ensemble holding just the shift.
 *
 * <p>Feature values: numeric values pass through. A categorical feature is coded by its level index
 * when the base is a scorecard and by the GBM's bad-rate rank when the base is a GBM; the inline
 * catalogue definition lists the codes ({@code formula}) for readers, and the bundle's
 * {@code training.columns} records them for {@link #vectors}, so a table is scored from the bundle
 * alone.
 */
public final class BundleExport {

    private static final GradeBands GRADE_BANDS = GradeBands.byPd(List.of(GradeBands.Band.of("AAA", 0.005),
            GradeBands.Band.of("AA", 0.01), GradeBands.Band.of("A", 0.02), GradeBands.Band.of("BBB", 0.04),
            GradeBands.Band.of("BB", 0.08), GradeBands.Band.of("B", 0.15), GradeBands.Band.of("CCC", 0.30),
            GradeBands.Band.of("D", 1.0)));

    /**
     * Identity and description of the bundle.
     *
     * @param id bundle id
     * @param version bundle version
     * @param createdBy tool and version
     * @param description free text
     * @param catalogueVersion version of the inline catalogue for a custom table (ignored when the
     *        data uses the standard catalogue)
     */
    public record Options(String id, String version, String createdBy, String description, String catalogueVersion) {

        /**
         * Defaults for a model trained by {@code credit train}.
         *
         * @param id bundle id
         * @return the options
         */
        public static Options of(String id) {
            return new Options(id, "1", "creditkit credit train", "", "workbench:" + id + "/1");
        }
    }

    private BundleExport() {
    }

    /**
     * The catalogue the model's features are laid out against: the standard SME catalogue when
     * every feature is a numeric standard indicator, otherwise an inline catalogue of the trained
     * features (ids made lower snake case).
     *
     * @param model the trained model
     * @param catalogueVersion version for an inline catalogue
     * @return the catalogue
     */
    public static FeatureCatalogue catalogue(TrainedModel model, String catalogueVersion) {
        List<Feature> features = allFeatures(model);
        FeatureCatalogue standard = FeatureCatalogue.standard();
        if (features.stream().allMatch(f -> !f.isCategorical() && standard.indexOf(f.name()) >= 0)) {
            return standard;
        }
        List<FeatureDefinition> defs = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Feature f : features) {
            String id = id(f.name());
            String before = seen.putIfAbsent(id, f.name());
            if (before != null) {
                throw new ModelException("Features (" + before + ") and (" + f.name() + ") both map to catalogue id '" + id
                        + "'; rename one column");
            }
            String formula = f.isCategorical() ? "category codes: " + codes(model, f) : "column " + f.name();
            defs.add(new FeatureDefinition(id, FeatureCategory.CREDIT_HISTORY, "Training column " + f.name(),
                    "训练数据列 " + f.name(), f.isCategorical() ? "code" : "value", formula, List.of(DataSource.APPLICATION)));
        }
        return FeatureCatalogue.of(catalogueVersion, defs);
    }

    /**
     * Builds the bundle.
     *
     * @param model the trained model
     * @param options identity of the bundle
     * @param metrics metrics to record (e.g. the metrics JSON)
     * @return the validated bundle
     * @throws ModelException if an overlay's industry group is not a GB/T 4754 code or the core
     *         rejects the model
     */
    public static ModelBundle export(TrainedModel model, Options options, ObjectNode metrics) {
        FeatureCatalogue catalogue = catalogue(model, options.catalogueVersion());
        ScoringModel base = model.scorecard().isPresent()
                ? scorecard(catalogue, model, model.scorecard().get().intercept() + model.calibrationShift(),
                        model.scorecard().get().features().stream().map(f -> new Term(f.binning(), f.coefficient()))
                                .toList())
                : ensemble(catalogue, model.gbm().orElseThrow(), model.calibrationShift());
        ObjectNode training = JsonNodeFactory.instance.objectNode();
        model.metadata().forEach(training::put);
        training.put("baseKind", model.kind());
        training.set(DETAIL, TrainingDetail.of(model).toJson());
        ArrayNode columns = training.putArray(COLUMNS);
        for (Column c : columns(model, catalogue)) {
            columns.add(c.toJson());
        }
        ModelBundle.Builder b = ModelBundle.builder().id(options.id()).version(options.version())
                .createdBy(options.createdBy()).description(options.description()).catalogue(catalogue)
                .scaling(scaling(model)).gradeBands(gradeBands()).base(base).training(training).metrics(metrics);
        for (org.creditkit.models.overlay.IndustryOverlay o : model.overlays().overlays()) {
            boolean naics = o.industry().startsWith(IndustryGrouping.NAICS_PREFIX);
            String code = naics ? o.industry().substring(IndustryGrouping.NAICS_PREFIX.length()) : gbt(o.industry());
            List<Term> terms = new ArrayList<>();
            for (int j = 0; j < o.features().size(); j++) {
                terms.add(new Term(o.features().get(j), o.coefficients().get(j)));
            }
            ScoringModel m = terms.isEmpty()
                    ? TreeEnsemble.of(catalogue, o.shift(), 1, 1, List.of(List.of(TreeEnsemble.Node.leaf(0))))
                    : scorecard(catalogue, model, o.shift(), terms);
            b.overlay(IndustryOverlay.of(naics ? IndustryScheme.NAICS : IndustryScheme.GBT_4754,
                    "industry-" + (naics ? "naics-" : "") + code.toLowerCase(Locale.ROOT), "Industry "
                    + (naics ? "NAICS " : "") + code + " overlay (" + o.rows() + " rows, credibility "
                    + String.format(Locale.ROOT, "%.3f", o.credibility()) + ")", List.of(code), m));
        }
        try {
            return b.build();
        } catch (RuntimeException e) {
            throw new ModelException("The core rejected the exported bundle: " + e.getMessage(), e);
        }
    }

    /**
     * Lays out every row of a table (CSV/ARFF dataset) as a core feature vector of the bundle's
     * catalogue, from the bundle alone: the training columns and their category codes are recorded
     * in the bundle's {@code training.columns} (name, catalogue id, and for a categorical column each
     * coded level with its code; levels not listed, and levels unseen in training, are missing).
     *
     * @param bundle a bundle written by {@link #export}
     * @param data rows with the bundle's training columns (by name; categorical levels by name)
     * @return one vector per row
     * @throws ModelException if the bundle has no {@code training.columns}, a column is not in the
     *         bundle's catalogue, or the data lacks a column or has it with another kind
     */
    public static List<FeatureVector> vectors(ModelBundle bundle, Dataset data) {
        FeatureCatalogue catalogue = bundle.catalogue();
        List<Column> columns = columns(bundle);
        List<Feature> features = columns.stream().map(Column::feature).toList();
        double[][] cols = FeatureAlignment.columns(data, features);
        int[] pos = new int[columns.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = catalogue.indexOf(columns.get(i).id());
            if (pos[i] < 0) {
                throw new ModelException("Bundle " + bundle.id() + ": training column (" + columns.get(i).name()
                        + ") maps to feature '" + columns.get(i).id() + "' which catalogue " + catalogue.version()
                        + " does not define");
            }
        }
        List<FeatureVector> out = new ArrayList<>(data.rows());
        for (int r = 0; r < data.rows(); r++) {
            double[] v = new double[catalogue.size()];
            java.util.Arrays.fill(v, Double.NaN);
            for (int i = 0; i < pos.length; i++) {
                double x = cols[i][r];
                Column c = columns.get(i);
                v[pos[i]] = c.categorical() && !Double.isNaN(x) ? c.codes().get((int) x) : x;
            }
            out.add(FeatureVector.of(catalogue, v));
        }
        return out;
    }

    /**
     * The categorical values of {@code data} that the bundle's training columns do not know, one
     * message per column ({@link FeatureAlignment#unknownLevels}): they score as missing.
     *
     * @param bundle a bundle written by {@link #export}
     * @param data rows with the bundle's training columns
     * @return the messages; empty when every value is known
     * @throws ModelException if the bundle has no well-formed {@code training.columns}
     */
    public static List<String> unknownLevels(ModelBundle bundle, Dataset data) {
        return FeatureAlignment.unknownLevels(data, columns(bundle).stream().map(Column::feature).toList());
    }

    /**
     * The training columns a bundle records, in the order the model reads them.
     *
     * @param bundle a bundle written by {@link #export}
     * @return the columns
     * @throws ModelException if the bundle has no well-formed {@code training.columns}
     */
    public static List<Column> columns(ModelBundle bundle) {
        JsonNode json = bundle.training().path(COLUMNS);
        if (!json.isArray()) {
            throw new ModelException("Bundle " + bundle.id() + " has no $.training." + COLUMNS + " (the training columns"
                    + " and their category codes); only bundles written by credit train can score a CSV/ARFF table");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            Column c = Column.fromJson(json.get(i), "$.training." + COLUMNS + "[" + i + "]", bundle.id());
            if (columns.stream().anyMatch(o -> o.name().equals(c.name()))) {
                throw new ModelException("Bundle " + bundle.id() + ": $.training." + COLUMNS + "[" + i + "]: column '"
                        + c.name() + "' is listed twice; each training column once");
            }
            columns.add(c);
        }
        return columns;
    }

    /**
     * The GB/T 4754 code of an industry group: a section letter as is, a two-digit division with
     * its section ({@code 39 -> C39}).
     *
     * @param group the group from the training data
     * @return the code
     * @throws ModelException if the group is not a GB/T 4754 section or division
     */
    public static String gbt(String group) {
        if (group.length() == 1 && IndustryCatalogue.sections().contains(group.charAt(0))) {
            return group;
        }
        if (group.length() == 3 && Character.isLetter(group.charAt(0))) {
            try {
                return IndustryCode.of(group).code();
            } catch (org.creditkit.core.CreditDataException e) {
                throw new ModelException("Industry group " + group + ": " + e.getMessage(), e);
            }
        }
        if (group.length() == 2 && Character.isDigit(group.charAt(0)) && Character.isDigit(group.charAt(1))) {
            for (IndustryCode c : IndustryCatalogue.allDivisions()) {
                if (c.division().equals(group)) {
                    return c.code();
                }
            }
        }
        throw new ModelException("Industry group '" + group + "' is not a GB/T 4754-2017 section (A-T) or division"
                + " (01-97); core bundles key overlays by GB/T 4754 codes (use --industry-digits 2 on GB/T codes)");
    }

    // ---------------------------------------------------------------- parts

    private record Term(FeatureBinning binning, double coefficient) {
    }

    /** The key under {@code training} that lists the training columns. */
    private static final String COLUMNS = "columns";

    /** The key under {@code training} that holds the {@link TrainingDetail}. */
    private static final String DETAIL = "detail";

    /**
     * What training learnt beyond the scoring model, as recorded in a bundle by {@link #export}.
     *
     * @param bundle the bundle
     * @return the detail, or empty for a bundle without {@code training.detail}
     * @throws ModelException if the recorded detail is malformed
     */
    public static Optional<TrainingDetail> detail(ModelBundle bundle) {
        JsonNode n = bundle.training().get(DETAIL);
        return n == null ? Optional.empty()
                : Optional.of(TrainingDetail.fromJson(n, "bundle " + bundle.id() + " $.training." + DETAIL));
    }

    /**
     * A training column as recorded in the bundle's {@code training.columns}.
     *
     * @param name the column's name in the training data
     * @param id the catalogue id of the feature it fills
     * @param categorical whether the column is categorical
     * @param levels the coded levels of a categorical column (levels not listed are missing)
     * @param codes the value in the feature vector of each of {@code levels}
     */
    public record Column(String name, String id, boolean categorical, List<String> levels, List<Double> codes) {

        /** Copies. */
        public Column {
            levels = List.copyOf(levels);
            codes = List.copyOf(codes);
        }

        /**
         * The column as a dataset feature, for {@link FeatureAlignment}.
         *
         * @return numeric, or categorical with the coded levels
         */
        public Feature feature() {
            return categorical ? Feature.categorical(name, levels) : Feature.numeric(name);
        }

        ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("name", name);
            n.put("id", id);
            n.put("kind", categorical ? "categorical" : "numeric");
            if (categorical) {
                ArrayNode ls = n.putArray("levels");
                for (int l = 0; l < levels.size(); l++) {
                    ls.addObject().put("level", levels.get(l)).put("code", codes.get(l));
                }
            }
            return n;
        }

        static Column fromJson(JsonNode n, String path, String bundle) {
            String name = n.path("name").asText("");
            String id = n.path("id").asText("");
            String kind = n.path("kind").asText("");
            if (name.isEmpty() || id.isEmpty() || !(kind.equals("numeric") || kind.equals("categorical"))) {
                throw new ModelException("Bundle " + bundle + ": " + path + " needs a name, an id and kind numeric or"
                        + " categorical, got " + n);
            }
            List<String> levels = new ArrayList<>();
            List<Double> codes = new ArrayList<>();
            if (kind.equals("categorical")) {
                JsonNode ls = n.path("levels");
                for (int l = 0; l < ls.size(); l++) {
                    JsonNode e = ls.get(l);
                    if (!e.path("level").isTextual() || !e.path("code").isNumber()) {
                        throw new ModelException("Bundle " + bundle + ": " + path + ".levels[" + l
                                + "] needs a text level and a numeric code, got " + e);
                    }
                    if (levels.contains(e.get("level").asText())) {
                        // a second code for one value: the first was silently shadowed by the second
                        throw new ModelException("Bundle " + bundle + ": " + path + ".levels[" + l + "]: level '"
                                + e.get("level").asText() + "' is listed twice; each level has one code");
                    }
                    levels.add(e.get("level").asText());
                    codes.add(e.get("code").asDouble());
                }
            }
            return new Column(name, id, kind.equals("categorical"), levels, codes);
        }
    }

    /** The columns the model reads, with the codes its vectors use (levels without a code left out). */
    private static List<Column> columns(TrainedModel model, FeatureCatalogue catalogue) {
        List<Column> out = new ArrayList<>();
        for (Feature f : allFeatures(model)) {
            String id = catalogue == FeatureCatalogue.standard() ? f.name() : id(f.name());
            List<String> levels = new ArrayList<>();
            List<Double> codes = new ArrayList<>();
            if (f.isCategorical()) {
                Map<Integer, Double> m = codeMap(model, f);
                for (int l = 0; l < f.levels().size(); l++) {
                    if (!m.get(l).isNaN()) {
                        levels.add(f.levels().get(l));
                        codes.add(m.get(l));
                    }
                }
            }
            out.add(new Column(f.name(), id, f.isCategorical(), levels, codes));
        }
        return out;
    }

    private static ScoringModel scorecard(FeatureCatalogue catalogue, TrainedModel model, double intercept,
            List<Term> terms) {
        Scorecard.Builder b = Scorecard.builder(catalogue).intercept(intercept);
        for (Term t : terms) {
            FeatureBinning fb = t.binning();
            String id = catalogue == FeatureCatalogue.standard() ? fb.name() : id(fb.name());
            List<Bin> bins = fb.bins();
            double missing = t.coefficient() * bins.get(fb.missingBin()).woe();
            // population shares: the share of training rows in each bin, for the neutral points of reasons
            double rows = Math.max(1, bins.stream().mapToInt(Bin::count).sum());
            double missingShare = bins.get(fb.missingBin()).count() / rows;
            if (fb.feature().isCategorical()) {
                Map<Integer, Double> codeMap = codeMap(model, fb.feature());
                int[] levelToBin = fb.levelToBin();
                List<Scorecard.Category> cats = new ArrayList<>();
                List<Double> catShares = new ArrayList<>();
                double otherShare = 0;
                for (int bi = 0; bi < fb.missingBin(); bi++) {
                    List<Double> codes = new ArrayList<>();
                    for (int l = 0; l < levelToBin.length; l++) {
                        Double c = codeMap.get(l);
                        if (levelToBin[l] == bi && c != null && !c.isNaN()) {
                            codes.add(c);
                        }
                    }
                    if (!codes.isEmpty()) {
                        cats.add(Scorecard.Category.of(codes, t.coefficient() * bins.get(bi).woe()));
                        catShares.add(bins.get(bi).count() / rows);
                    } else {
                        otherShare += bins.get(bi).count() / rows; // its levels have no code: they score as other
                    }
                }
                b.categorical(id, cats, missing, missing, new Scorecard.Shares(catShares, otherShare, missingShare));
            } else {
                double[] values = new double[fb.missingBin()];
                double[] shares = new double[values.length];
                for (int bi = 0; bi < values.length; bi++) {
                    values[bi] = t.coefficient() * bins.get(bi).woe();
                    shares[bi] = bins.get(bi).count() / rows;
                }
                b.numeric(id, fb.cuts(), values, missing, Scorecard.Shares.numeric(shares, missingShare));
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ModelException("The core rejected the exported scorecard: " + e.getMessage(), e);
        }
    }

    private static TreeEnsemble ensemble(FeatureCatalogue catalogue, TrainedGbm gbm, double shift) {
        FlatTrees t = gbm.trees();
        int[] featurePos = new int[t.featureNames().size()];
        for (int i = 0; i < featurePos.length; i++) {
            String name = t.featureNames().get(i);
            featurePos[i] = catalogue.indexOf(catalogue == FeatureCatalogue.standard() ? name : id(name));
        }
        int[] feature = t.feature();
        double[] threshold = t.threshold();
        int[] trueChild = t.trueChild();
        int[] falseChild = t.falseChild();
        boolean[] missingToTrue = t.missingToTrue();
        double[] leaf = t.leaf();
        double[] cover = t.cover();
        int[] roots = t.roots();
        List<List<TreeEnsemble.Node>> trees = new ArrayList<>();
        for (int k = 0; k < roots.length; k++) {
            int start = roots[k];
            int end = k + 1 < roots.length ? roots[k + 1] : feature.length;
            List<TreeEnsemble.Node> nodes = new ArrayList<>();
            for (int i = start; i < end; i++) {
                TreeEnsemble.Node n = feature[i] < 0 ? TreeEnsemble.Node.leaf(leaf[i])
                        : TreeEnsemble.Node.split(featurePos[feature[i]], threshold[i], trueChild[i] - start,
                                falseChild[i] - start, missingToTrue[i]);
                nodes.add(t.hasCovers() ? n.withCover(cover[i]) : n);
            }
            trees.add(nodes);
        }
        try {
            return TreeEnsemble.of(catalogue, t.intercept() + shift / 2, t.shrinkage(), 2, trees);
        } catch (IllegalArgumentException e) {
            throw new ModelException("The core rejected the exported tree ensemble: " + e.getMessage(), e);
        }
    }

    private static Scaling scaling(TrainedModel model) {
        return model.scorecard().map(c -> c.scaling()).orElse(ScorecardOptions.defaultScaling());
    }

    /**
     * The grade bands of every bundle {@code credit train} writes, by PD (a band holds PDs up to its
     * cutoff): AAA to 0.5%, AA 1%, A 2%, BBB 4%, BB 8%, B 15%, CCC 30%, D above. The workbench's
     * per-grade tables use the same bands, so they grade as the exported bundle does.
     *
     * @return the bands
     */
    public static GradeBands gradeBands() {
        return GRADE_BANDS;
    }


    private static List<Feature> allFeatures(TrainedModel model) {
        return model.inputFeatures();
    }

    /** Level index -> code in the vector: GBM rank when the base is a GBM, else the level index. */
    private static Map<Integer, Double> codeMap(TrainedModel model, Feature f) {
        Map<Integer, Double> out = new HashMap<>();
        Optional<FeatureEncoding> enc = model.gbm().flatMap(g -> g.encodings().stream()
                .filter(e -> e.feature().name().equals(f.name())).findFirst());
        for (int l = 0; l < f.levels().size(); l++) {
            out.put(l, enc.isPresent() ? enc.get().levelValue().get(l) : (double) l);
        }
        return out;
    }

    private static String codes(TrainedModel model, Feature f) {
        Map<Integer, Double> m = codeMap(model, f);
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < f.levels().size(); l++) {
            double c = m.get(l);
            if (Double.isNaN(c)) {
                continue;
            }
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append(String.format(Locale.ROOT, "%.0f", c)).append(" = ").append(f.levels().get(l));
        }
        return s.append("; other levels are missing").toString();
    }

    /**
     * The catalogue id of a column name: lower snake case, prefixed {@code f_} when it would not
     * start with a letter ({@code "Credit Amount (CNY)" -> credit_amount_cny}).
     *
     * @param name a column name
     * @return the id
     */
    public static String id(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            s = "f_" + s;
        }
        return s;
    }
}
