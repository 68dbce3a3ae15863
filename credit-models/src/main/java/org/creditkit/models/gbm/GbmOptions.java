package org.creditkit.models.gbm;

/**
 * Settings of gradient boosting (passed to Smile's {@code GradientTreeBoost.fit}).
 *
 * @param trees number of trees, at least 1
 * @param maxDepth the deepest a tree may grow, at least 2
 * @param maxNodes the most leaves per tree, at least 2
 * @param nodeSize the fewest rows in a leaf, at least 1
 * @param shrinkage learning rate in (0, 1]
 * @param subsample share of rows sampled for each tree in (0, 1]
 * @param seed seed of Smile's random number generator (row sampling)
 */
public record GbmOptions(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample,
        long seed) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException on a value outside its range
     */
    public GbmOptions {
        if (trees < 1 || maxDepth < 2 || maxNodes < 2 || nodeSize < 1) {
            throw new IllegalArgumentException("GBM needs trees >= 1, maxDepth >= 2, maxNodes >= 2, nodeSize >= 1; got "
                    + trees + ", " + maxDepth + ", " + maxNodes + ", " + nodeSize);
        }
        if (!(shrinkage > 0 && shrinkage <= 1) || !(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("GBM shrinkage and subsample must be in (0,1], got " + shrinkage + ", "
                    + subsample);
        }
    }

    /**
     * 200 trees of at most 8 leaves and depth 4, leaves of at least 10 rows, shrinkage 0.05,
     * subsample 0.7.
     *
     * @param seed the seed
     * @return the defaults
     */
    public static GbmOptions defaults(long seed) {
        return new GbmOptions(200, 4, 8, 10, 0.05, 0.7, seed);
    }

    /**
     * Returns a copy with another number of trees.
     *
     * @param n trees
     * @return the copy
     */
    public GbmOptions withTrees(int n) {
        return new GbmOptions(n, maxDepth, maxNodes, nodeSize, shrinkage, subsample, seed);
    }
}
