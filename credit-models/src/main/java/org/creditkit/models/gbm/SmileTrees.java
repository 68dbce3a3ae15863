package org.creditkit.models.gbm;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.creditkit.models.ModelException;

import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.classification.GradientTreeBoost;
import smile.regression.RegressionTree;

/**
 * Copies the trees of a binary Smile {@code GradientTreeBoost} into {@link FlatTrees}.
 *
 * <p>Smile 3.1.1 keeps the split value of an {@code OrdinalNode} in a package-private field
 * {@code value} without an accessor; it is read by reflection (Smile is on the class path, so the
 * field is accessible); likewise the binary intercept {@code b} of {@code GradientTreeBoost}. Nominal splits cannot occur because every column given to Smile is a
 * double; one would be rejected here. Nodes are laid out depth-first, parent before children.
 */
final class SmileTrees {

    private static final Field ORDINAL_VALUE;
    private static final Field INTERCEPT;

    static {
        try {
            ORDINAL_VALUE = OrdinalNode.class.getDeclaredField("value");
            ORDINAL_VALUE.setAccessible(true);
            INTERCEPT = GradientTreeBoost.class.getDeclaredField("b");
            INTERCEPT.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError("Cannot read OrdinalNode.value of Smile " + e);
        }
    }

    private final List<Integer> feature = new ArrayList<>();
    private final List<Double> threshold = new ArrayList<>();
    private final List<Integer> trueChild = new ArrayList<>();
    private final List<Integer> falseChild = new ArrayList<>();
    private final List<Double> leaf = new ArrayList<>();

    private SmileTrees() {
    }

    static FlatTrees flatten(GradientTreeBoost model, List<String> featureNames, double shrinkage) {
        double intercept;
        try {
            intercept = INTERCEPT.getDouble(model);
        } catch (IllegalAccessException e) {
            throw new ModelException("Cannot read the intercept of a Smile GradientTreeBoost: " + e.getMessage(), e);
        }
        SmileTrees s = new SmileTrees();
        RegressionTree[] trees = model.trees();
        int[] roots = new int[trees.length];
        for (int t = 0; t < trees.length; t++) {
            roots[t] = s.add(trees[t].root());
        }
        int n = s.feature.size();
        int[] f = new int[n];
        double[] th = new double[n];
        int[] tc = new int[n];
        int[] fc = new int[n];
        double[] lv = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = s.feature.get(i);
            th[i] = s.threshold.get(i);
            tc[i] = s.trueChild.get(i);
            fc[i] = s.falseChild.get(i);
            lv[i] = s.leaf.get(i);
        }
        return new FlatTrees(featureNames, roots, f, th, tc, fc, new boolean[n], lv, intercept, shrinkage);
    }

    private int add(Node node) {
        int id = feature.size();
        feature.add(-1);
        threshold.add(0.0);
        trueChild.add(-1);
        falseChild.add(-1);
        leaf.add(0.0);
        if (node instanceof RegressionNode r) {
            leaf.set(id, r.output());
            return id;
        }
        if (node instanceof OrdinalNode o) {
            double value;
            try {
                value = ORDINAL_VALUE.getDouble(o);
            } catch (IllegalAccessException e) {
                throw new ModelException("Cannot read the split value of a Smile OrdinalNode: " + e.getMessage(), e);
            }
            InternalNode in = o;
            feature.set(id, in.feature());
            threshold.set(id, value);
            int t = add(in.trueChild());
            int f = add(in.falseChild());
            trueChild.set(id, t);
            falseChild.set(id, f);
            return id;
        }
        throw new ModelException("Unexpected Smile tree node " + node.getClass().getName()
                + "; only OrdinalNode splits and RegressionNode leaves can be exported");
    }
}
