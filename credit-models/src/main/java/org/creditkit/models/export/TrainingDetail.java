package org.creditkit.models.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.creditkit.core.score.Scaling;
import org.creditkit.models.ModelException;
import org.creditkit.models.binning.Bin;
import org.creditkit.models.overlay.IndustryOverlay;
import org.creditkit.models.scorecard.ScorecardFeature;
import org.creditkit.models.scorecard.TrainedScorecard;
import org.creditkit.models.store.TrainedModel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What training learnt beyond the scoring model itself, as a model report shows it: per scorecard
 * feature its bins with their training counts, WoE and points, IV and coefficient; a GBM's
 * importance; each overlay's shift and credibility; and the training facts. {@link BundleExport}
 * records it in the bundle's {@code training.detail}, so a report on a bundle needs nothing beside
 * the bundle; it is never used for scoring.
 *
 * @param metadata training facts (data file, target, seed, ...), sorted by key
 * @param scorecard the base scorecard's detail, when the base is a scorecard
 * @param gbm the base GBM's detail, when the base is a GBM
 * @param overlays the industry overlays' detail, possibly none
 */
public record TrainingDetail(Map<String, String> metadata, Optional<Card> scorecard, Optional<Boost> gbm,
        List<Overlay> overlays) {

    /** Checks and copies. */
    public TrainingDetail {
        metadata = Map.copyOf(new TreeMap<>(metadata));
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(gbm, "gbm");
        overlays = List.copyOf(overlays);
    }

    /**
     * A scorecard's detail.
     *
     * @param intercept the intercept (log-odds)
     * @param scaling the score scaling
     * @param features per feature its bins
     */
    public record Card(double intercept, Scaling scaling, List<CardFeature> features) {

        /** Copies. */
        public Card {
            Objects.requireNonNull(scaling, "scaling");
            features = List.copyOf(features);
        }
    }

    /**
     * One scorecard feature.
     *
     * @param name the feature (column) name
     * @param iv its information value
     * @param coefficient its logistic-regression coefficient on WoE
     * @param monotonic whether its WoE was made monotonic
     * @param bins its bins, the missing bin last
     */
    public record CardFeature(String name, double iv, double coefficient, boolean monotonic, List<BinRow> bins) {

        /** Copies. */
        public CardFeature {
            Objects.requireNonNull(name, "name");
            bins = List.copyOf(bins);
        }
    }

    /**
     * One bin in training.
     *
     * @param label the bin's label
     * @param count training rows in the bin
     * @param bads training defaults in the bin
     * @param woe weight of evidence {@code ln(%good/%bad)}
     * @param points the scorecard points of the bin
     */
    public record BinRow(String label, int count, int bads, double woe, double points) {

        /** Checks. */
        public BinRow {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A gradient-boosting model's detail.
     *
     * @param trees number of trees
     * @param shrinkage learning rate
     * @param maxNodes most leaves per tree
     * @param features the input features, in order
     * @param importance per input feature Smile's split-gain importance
     */
    public record Boost(int trees, double shrinkage, int maxNodes, List<String> features, List<Double> importance) {

        /** Copies and checks the sizes. */
        public Boost {
            features = List.copyOf(features);
            importance = List.copyOf(importance);
            if (features.size() != importance.size()) {
                throw new IllegalArgumentException(features.size() + " features but " + importance.size()
                        + " importances");
            }
        }
    }

    /**
     * One industry overlay.
     *
     * @param industry the industry group as in the data
     * @param shift the applied intercept shift
     * @param credibility the credibility weight applied
     */
    public record Overlay(String industry, double shift, double credibility) {

        /** Checks. */
        public Overlay {
            Objects.requireNonNull(industry, "industry");
        }
    }

    /**
     * The detail of a trained model.
     *
     * @param model the model
     * @return its detail
     */
    public static TrainingDetail of(TrainedModel model) {
        Optional<Card> card = model.scorecard().map(TrainingDetail::card);
        Optional<Boost> boost = model.gbm().map(g -> new Boost(g.trees().trees(), g.options().shrinkage(),
                g.options().maxNodes(), g.trees().featureNames(), g.importance()));
        List<Overlay> overlays = new ArrayList<>();
        for (IndustryOverlay o : model.overlays().overlays()) {
            overlays.add(new Overlay(o.industry(), o.shift(), o.credibility()));
        }
        return new TrainingDetail(model.metadata(), card, boost, overlays);
    }

    private static Card card(TrainedScorecard c) {
        List<CardFeature> features = new ArrayList<>();
        for (ScorecardFeature f : c.features()) {
            List<BinRow> bins = new ArrayList<>();
            for (int i = 0; i < f.binning().bins().size(); i++) {
                Bin b = f.binning().bins().get(i);
                bins.add(new BinRow(b.label(), b.count(), b.bads(), b.woe(), f.points().get(i)));
            }
            features.add(new CardFeature(f.name(), f.binning().iv(), f.coefficient(), f.binning().monotonic(), bins));
        }
        return new Card(c.intercept(), c.scaling(), features);
    }

    /**
     * The detail as JSON, for the bundle's {@code training.detail}.
     *
     * @return the JSON object
     */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        ObjectNode meta = n.putObject("metadata");
        metadata.forEach(meta::put);
        scorecard.ifPresent(c -> {
            ObjectNode s = n.putObject("scorecard");
            s.put("intercept", c.intercept());
            s.putObject("scaling").put("baseScore", c.scaling().baseScore()).put("baseOdds", c.scaling().baseOdds())
                    .put("pdo", c.scaling().pdo());
            ArrayNode fs = s.putArray("features");
            for (CardFeature f : c.features()) {
                ObjectNode fn = fs.addObject().put("name", f.name()).put("iv", f.iv()).put("coefficient", f.coefficient())
                        .put("monotonic", f.monotonic());
                ArrayNode bs = fn.putArray("bins");
                for (BinRow b : f.bins()) {
                    bs.addObject().put("label", b.label()).put("count", b.count()).put("bads", b.bads())
                            .put("woe", b.woe()).put("points", b.points());
                }
            }
        });
        gbm.ifPresent(g -> {
            ObjectNode s = n.putObject("gbm").put("trees", g.trees()).put("shrinkage", g.shrinkage())
                    .put("maxNodes", g.maxNodes());
            ArrayNode is = s.putArray("importance");
            for (int i = 0; i < g.features().size(); i++) {
                is.addObject().put("feature", g.features().get(i)).put("importance", g.importance().get(i));
            }
        });
        ArrayNode os = n.putArray("overlays");
        for (Overlay o : overlays) {
            os.addObject().put("industry", o.industry()).put("shift", o.shift()).put("credibility", o.credibility());
        }
        return n;
    }

    /**
     * Reads the detail written by {@link #toJson()}.
     *
     * @param n the JSON object
     * @param where where it was read from, for messages (e.g. {@code bundle.json $.training.detail})
     * @return the detail
     * @throws ModelException if a field is missing or of the wrong type
     */
    public static TrainingDetail fromJson(JsonNode n, String where) {
        Map<String, String> meta = new TreeMap<>();
        need(n, "metadata", where).properties().forEach(e -> meta.put(e.getKey(), e.getValue().asText()));
        Optional<Card> card = Optional.empty();
        if (n.has("scorecard")) {
            JsonNode s = n.get("scorecard");
            JsonNode sc = need(s, "scaling", where + ".scorecard");
            List<CardFeature> features = new ArrayList<>();
            JsonNode fs = need(s, "features", where + ".scorecard");
            for (int i = 0; i < fs.size(); i++) {
                JsonNode f = fs.get(i);
                String at = where + ".scorecard.features[" + i + "]";
                List<BinRow> bins = new ArrayList<>();
                JsonNode bs = need(f, "bins", at);
                for (int j = 0; j < bs.size(); j++) {
                    JsonNode b = bs.get(j);
                    String bat = at + ".bins[" + j + "]";
                    bins.add(new BinRow(text(b, "label", bat), (int) num(b, "count", bat), (int) num(b, "bads", bat),
                            num(b, "woe", bat), num(b, "points", bat)));
                }
                features.add(new CardFeature(text(f, "name", at), num(f, "iv", at), num(f, "coefficient", at),
                        need(f, "monotonic", at).asBoolean(), bins));
            }
            String sat = where + ".scorecard.scaling";
            card = Optional.of(new Card(num(s, "intercept", where + ".scorecard"),
                    Scaling.of(num(sc, "baseScore", sat), num(sc, "baseOdds", sat), num(sc, "pdo", sat)), features));
        }
        Optional<Boost> boost = Optional.empty();
        if (n.has("gbm")) {
            JsonNode g = n.get("gbm");
            String at = where + ".gbm";
            List<String> names = new ArrayList<>();
            List<Double> importance = new ArrayList<>();
            JsonNode is = need(g, "importance", at);
            for (int i = 0; i < is.size(); i++) {
                names.add(text(is.get(i), "feature", at + ".importance[" + i + "]"));
                importance.add(num(is.get(i), "importance", at + ".importance[" + i + "]"));
            }
            boost = Optional.of(new Boost((int) num(g, "trees", at), num(g, "shrinkage", at), (int) num(g, "maxNodes", at),
                    names, importance));
        }
        List<Overlay> overlays = new ArrayList<>();
        JsonNode os = need(n, "overlays", where);
        for (int i = 0; i < os.size(); i++) {
            String at = where + ".overlays[" + i + "]";
            overlays.add(new Overlay(text(os.get(i), "industry", at), num(os.get(i), "shift", at),
                    num(os.get(i), "credibility", at)));
        }
        return new TrainingDetail(meta, card, boost, overlays);
    }

    private static JsonNode need(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new ModelException(where + ": missing field '" + field + "'");
        }
        return v;
    }

    private static double num(JsonNode n, String field, String where) {
        JsonNode v = need(n, field, where);
        if (!v.isNumber()) {
            throw new ModelException(where + "." + field + ": expected a number, got " + v);
        }
        return v.asDouble();
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = need(n, field, where);
        if (!v.isTextual()) {
            throw new ModelException(where + "." + field + ": expected text, got " + v);
        }
        return v.asText();
    }
}
