package org.creditkit.core.score.scorecard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditkit.core.score.spi.ModelFormat;
import org.creditkit.core.score.spi.ModelReadContext;
import org.creditkit.core.score.spi.ScoringModel;

/**
 * Bundle format of {@link Scorecard}:
 *
 * <pre>{@code
 * {"type": "scorecard", "intercept": -3.6,
 *  "characteristics": [
 *    {"feature": "debt_to_asset", "missing": 0.2,
 *     "bins": [{"lo": "-inf", "hi": 0.4, "logOdds": -0.3}, {"lo": 0.4, "hi": "+inf", "logOdds": 0.5}]},
 *    {"feature": "tax_rating_latest", "missing": 0.3, "other": 0.0,
 *     "categories": [{"codes": [4], "logOdds": -0.5}, {"codes": [0, 1], "logOdds": 0.9}]}]}
 * }</pre>
 */
public final class ScorecardFormat implements ModelFormat {

    /** Type name. */
    public static final String TYPE = Scorecard.TYPE;

    /** Public for {@link java.util.ServiceLoader}-style instantiation. */
    public ScorecardFormat() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<ScoringModel> read(JsonNode json, ModelReadContext ctx) {
        String p = ctx.path();
        ctx.onlyFields(json, p, "type", "intercept", "characteristics");
        double intercept = ctx.logOdds(json, "intercept", p);
        JsonNode chars = ctx.array(json, "characteristics", p);
        List<Scorecard.Characteristic> list = new ArrayList<>();
        int before = ctx.problems().size();
        for (int j = 0; j < chars.size(); j++) {
            JsonNode c = chars.get(j);
            String cp = p + ".characteristics[" + j + "]";
            if (!c.isObject()) {
                ctx.problem(cp, "must be an object, got " + ModelReadContext.describe(c));
                continue;
            }
            String feature = ctx.text(c, "feature", cp);
            JsonNode missingNode = c.get("missing");
            double missing;
            if (missingNode == null) {
                ctx.problem(cp + ".missing", "feature '" + feature
                        + "' has no missing bin; add \"missing\": <log-odds> (every characteristic needs one)");
                missing = 0;
            } else {
                missing = ctx.logOdds(missingNode, cp + ".missing");
            }
            boolean hasBins = c.has("bins");
            boolean hasCats = c.has("categories");
            if (hasBins == hasCats) {
                ctx.problem(cp, "feature '" + feature + "' needs exactly one of \"bins\" (numeric) or "
                        + "\"categories\" (categorical)");
                continue;
            }
            if (hasBins) {
                ctx.onlyFields(c, cp, "feature", "missing", "bins");
                JsonNode bins = ctx.array(c, "bins", cp);
                List<Scorecard.Bin> out = new ArrayList<>();
                for (int b = 0; b < bins.size(); b++) {
                    JsonNode bin = bins.get(b);
                    String bp = cp + ".bins[" + b + "]";
                    if (!bin.isObject()) {
                        ctx.problem(bp, "must be an object, got " + ModelReadContext.describe(bin));
                        continue;
                    }
                    ctx.onlyFields(bin, bp, "lo", "hi", "logOdds");
                    double lo = ctx.extendedNumber(bin.get("lo"), bp + ".lo");
                    double hi = ctx.extendedNumber(bin.get("hi"), bp + ".hi");
                    double v = ctx.logOdds(bin, "logOdds", bp);
                    out.add(Scorecard.Bin.of(lo, hi, v));
                }
                list.add(new Scorecard.Numeric(feature, out, missing));
            } else {
                ctx.onlyFields(c, cp, "feature", "missing", "other", "categories");
                double other = ctx.logOdds(c, "other", cp);
                JsonNode cats = ctx.array(c, "categories", cp);
                List<Scorecard.Category> out = new ArrayList<>();
                for (int b = 0; b < cats.size(); b++) {
                    JsonNode cat = cats.get(b);
                    String bp = cp + ".categories[" + b + "]";
                    if (!cat.isObject()) {
                        ctx.problem(bp, "must be an object, got " + ModelReadContext.describe(cat));
                        continue;
                    }
                    ctx.onlyFields(cat, bp, "codes", "logOdds");
                    JsonNode codes = ctx.array(cat, "codes", bp);
                    List<Double> cs = new ArrayList<>();
                    for (int k = 0; k < codes.size(); k++) {
                        cs.add(ctx.number(codes.get(k), bp + ".codes[" + k + "]"));
                    }
                    out.add(Scorecard.Category.of(cs, ctx.logOdds(cat, "logOdds", bp)));
                }
                list.add(new Scorecard.Categorical(feature, out, other, missing));
            }
        }
        boolean parsed = ctx.problems().size() == before;
        Scorecard.validate(ctx.catalogue(), Double.isNaN(intercept) ? 0 : intercept, list,
                j -> p + ".characteristics[" + j + "]", p + ".intercept", ctx::consequentProblem);
        if (!parsed || ctx.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(Scorecard.validated(ctx.catalogue(), intercept, list));
    }

    @Override
    public ObjectNode write(ScoringModel model) {
        if (!(model instanceof Scorecard card)) {
            throw new IllegalArgumentException("format '" + TYPE + "' cannot write a model of type '"
                    + model.type() + "' (" + model.getClass().getName() + ")");
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("type", TYPE);
        o.put("intercept", card.intercept());
        ArrayNode chars = o.putArray("characteristics");
        for (Scorecard.Characteristic c : card.characteristics()) {
            ObjectNode co = chars.addObject();
            co.put("feature", c.feature());
            co.put("missing", c.missingLogOdds());
            if (c instanceof Scorecard.Numeric num) {
                ArrayNode bins = co.putArray("bins");
                for (Scorecard.Bin b : num.bins()) {
                    ObjectNode bo = bins.addObject();
                    putEdge(bo, "lo", b.lo());
                    putEdge(bo, "hi", b.hi());
                    bo.put("logOdds", b.logOdds());
                }
            } else {
                Scorecard.Categorical cat = (Scorecard.Categorical) c;
                co.put("other", cat.otherLogOdds());
                ArrayNode cats = co.putArray("categories");
                for (Scorecard.Category category : cat.categories()) {
                    ObjectNode bo = cats.addObject();
                    ArrayNode codes = bo.putArray("codes");
                    category.codes().forEach(codes::add);
                    bo.put("logOdds", category.logOdds());
                }
            }
        }
        return o;
    }

    private static void putEdge(ObjectNode o, String field, double v) {
        if (v == Double.NEGATIVE_INFINITY) {
            o.put(field, "-inf");
        } else if (v == Double.POSITIVE_INFINITY) {
            o.put(field, "+inf");
        } else {
            o.put(field, v);
        }
    }
}
