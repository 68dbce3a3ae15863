package org.creditkit.core.score.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.creditkit.core.score.spi.ModelFormat;
import org.creditkit.core.score.spi.ModelReadContext;
import org.creditkit.core.score.spi.ScoringModel;

/**
 * Bundle format of {@link TreeEnsemble}: intercept, shrinkage, scale and the trees, each a list of
 * nodes with the root first. A split names its feature by id; a leaf has only a value.
 *
 * <pre>{@code
 * {"type": "tree-ensemble", "intercept": -1.2, "shrinkage": 0.05, "scale": 2,
 *  "trees": [{"nodes": [
 *     {"feature": "debt_to_asset", "threshold": 0.7, "left": 1, "right": 2, "missingLeft": false, "value": 0.15},
 *     {"value": -0.1},
 *     {"value": 0.4}]}]}
 * }</pre>
 * A split may add {@code "nominal": true} ({@code x == threshold} goes left); its {@code value} may be
 * left out and is then derived from its children.
 *
 * <p>Every node may record {@code "cover"}: the number (or weight) of training rows reaching it, which
 * makes each feature's neutral contribution known ({@link TreeEnsemble#neutral}) and the reasons
 * neutral-based. Optional, but then on every node of the ensemble: non-negative, a split's cover the
 * sum of its children's, the roots positive and equal. Bundles without covers load as before and
 * measure reasons against the most favourable contribution (0).
 */
public final class TreeEnsembleFormat implements ModelFormat {

    /** Type name. */
    public static final String TYPE = TreeEnsemble.TYPE;

    /** Public for {@link java.util.ServiceLoader}-style instantiation. */
    public TreeEnsembleFormat() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<ScoringModel> read(JsonNode json, ModelReadContext ctx) {
        String p = ctx.path();
        ctx.onlyFields(json, p, "type", "intercept", "shrinkage", "scale", "trees");
        double intercept = ctx.logOdds(json, "intercept", p);
        double shrinkage = ctx.number(json, "shrinkage", p);
        double scale = ctx.number(json, "scale", p);
        JsonNode treesNode = ctx.array(json, "trees", p);
        List<List<TreeEnsemble.Node>> trees = new ArrayList<>(treesNode.size());
        for (int t = 0; t < treesNode.size(); t++) {
            JsonNode tree = treesNode.get(t);
            String tp = p + ".trees[" + t + "]";
            if (!tree.isObject()) {
                ctx.problem(tp, "must be an object with \"nodes\", got " + ModelReadContext.describe(tree));
                trees.add(List.of());
                continue;
            }
            ctx.onlyFields(tree, tp, "nodes");
            JsonNode nodes = ctx.array(tree, "nodes", tp);
            List<TreeEnsemble.Node> list = new ArrayList<>(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                list.add(readNode(nodes.get(i), tp + ".nodes[" + i + "]", ctx));
            }
            trees.add(list);
        }
        boolean parsed = !ctx.hasProblems();
        TreeEnsemble.validate(ctx.catalogue(), intercept, shrinkage, scale, trees, t -> p + ".trees[" + t + "]", p,
                ctx::consequentProblem);
        if (!parsed || ctx.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(TreeEnsemble.validated(ctx.catalogue(), intercept, shrinkage, scale, trees));
    }

    private static TreeEnsemble.Node readNode(JsonNode n, String np, ModelReadContext ctx) {
        if (!n.isObject()) {
            ctx.problem(np, "must be an object, got " + ModelReadContext.describe(n));
            return TreeEnsemble.Node.leaf(0);
        }
        if (!n.has("feature")) {
            ctx.onlyFields(n, np, "value", "cover");
            return TreeEnsemble.Node.leaf(ctx.logOdds(n, "value", np)).withCover(cover(n, np, ctx));
        }
        ctx.onlyFields(n, np, "feature", "threshold", "left", "right", "missingLeft", "nominal", "value", "cover");
        String id = ctx.text(n, "feature", np);
        OptionalInt f = id.isEmpty() ? OptionalInt.empty() : ctx.feature(id, np + ".feature");
        double threshold = ctx.number(n, "threshold", np);
        OptionalInt l = ctx.integer(n, "left", np);
        OptionalInt r = ctx.integer(n, "right", np);
        boolean missingLeft = bool(n, "missingLeft", np, ctx, true);
        boolean nominal = bool(n, "nominal", np, ctx, false);
        double value = Double.NaN;
        if (n.has("value") && !n.get("value").isNull()) {
            value = ctx.logOdds(n.get("value"), np + ".value");
        }
        return new TreeEnsemble.Node(f.orElse(0), threshold, l.orElse(0), r.orElse(0), value, missingLeft, nominal,
                cover(n, np, ctx));
    }

    /** The optional cover, NaN when absent (the ensemble's validation checks all-or-none and the sums). */
    private static double cover(JsonNode n, String np, ModelReadContext ctx) {
        JsonNode c = n.get("cover");
        return c == null || c.isNull() ? Double.NaN : ctx.number(c, np + ".cover");
    }

    private static boolean bool(JsonNode n, String field, String np, ModelReadContext ctx, boolean required) {
        JsonNode b = n.get(field);
        if (b == null) {
            if (required) {
                ctx.problem(np + "." + field, "is missing; say where a missing value goes (true: left, false: right)");
            }
            return false;
        }
        if (!b.isBoolean()) {
            ctx.problem(np + "." + field, "must be true or false, got " + ModelReadContext.describe(b));
            return false;
        }
        return b.booleanValue();
    }

    @Override
    public ObjectNode write(ScoringModel model) {
        if (!(model instanceof TreeEnsemble e)) {
            throw new IllegalArgumentException("format '" + TYPE + "' cannot write a model of type '"
                    + model.type() + "' (" + model.getClass().getName() + ")");
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", TYPE);
        o.put("intercept", e.intercept());
        o.put("shrinkage", e.shrinkage());
        o.put("scale", e.scale());
        ArrayNode trees = o.putArray("trees");
        for (List<TreeEnsemble.Node> tree : e.trees()) {
            ArrayNode nodes = trees.addObject().putArray("nodes");
            for (TreeEnsemble.Node n : tree) {
                ObjectNode no = nodes.addObject();
                if (!n.isLeaf()) {
                    no.put("feature", e.catalogue().get(n.feature()).id());
                    no.put("threshold", n.threshold());
                    no.put("left", n.left());
                    no.put("right", n.right());
                    no.put("missingLeft", n.missingLeft());
                    if (n.nominal()) {
                        no.put("nominal", true);
                    }
                }
                no.put("value", n.value());
                if (n.hasCover()) {
                    no.put("cover", n.cover());
                }
            }
        }
        return o;
    }
}
