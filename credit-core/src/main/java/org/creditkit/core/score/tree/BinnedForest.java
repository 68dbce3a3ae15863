package org.creditkit.core.score.tree;

import java.util.Arrays;
import java.util.Optional;
import org.creditkit.core.feature.FeatureVector;

/**
 * The sum of an ensemble's leaf values for one row with split values replaced by their ranks: the
 * layout {@link TreeEnsemble#logOdds} uses when every split is ordinal. Built at load from the node
 * lists (the bundle format does not change).
 *
 * <p><b>Ranks instead of thresholds.</b> The distinct thresholds of each feature are sorted,
 * {@code c[0] < c[1] < ...}; a split {@code x <= c[j]} becomes {@code bin(x) < j + 1} with
 * {@code bin(x)} the number of thresholds below {@code x}, which is the same test exactly (the
 * thresholds below {@code x} are a prefix of the sorted list). A missing value gets {@code bin} = the
 * threshold count (every test fails: right, Smile's rule) in slot {@code 2f} and 0 (every test holds:
 * left) in slot {@code 2f + 1}, and a node reads the slot of its missing direction. A split is then
 * the int {@code rank << slotBits | slot} and the row's key for a slot {@code bin << slotBits |
 * slotMask}: {@code key < split} exactly when {@code bin < rank}, one int compare.
 *
 * <p><b>Binning a row.</b> Each used feature's {@code bin} is a branch-free binary search
 * (Khuong and Morin, "Array Layouts for Comparison-Based Searching", ACM JEA 2017) over its
 * thresholds padded with +Infinity to a power of two, four features at a time in lock-step (features
 * sorted by threshold count, so the four take about as many steps): the four dependent load chains
 * overlap. A NaN fails every compare, so its search ends at 0, the missing-left bin.
 *
 * <p><b>Walking the trees.</b> A node is one long, the split int in the low half and the index of
 * its left child in the high half (the right child follows it: nodes in breadth-first order, siblings
 * adjacent); a leaf is a self-loop whose split always goes left, so every walk takes a fixed number of
 * steps, the deepest tree's depth among {@link #LANES} consecutive trees, and those trees are walked
 * in lock-step: their independent load chains overlap (the fixed-depth several-trees-at-once
 * traversal of Asadi, Lin and de Vries, "Runtime Optimizations for Tree-Based Machine Learning
 * Models", IEEE TKDE 2014). One step is a node load, a key load, an int compare and an add. Leaf
 * values are added in tree order, so the sum is bit-for-bit the node walk's.
 */
final class BinnedForest {

    /** Trees walked in lock-step. */
    static final int LANES = 8;
    /** Features binned in lock-step. */
    private static final int BIN_LANES = 4;

    private final int trees;
    private final int slotBits;
    private final int slotMask;
    /** Per node: left child index {@code << 32 | split}. */
    private final long[] nodes;
    /** Per node: its value (a leaf's is what the walk adds). */
    private final double[] values;
    private final int[] roots;
    /** Per group of {@link #LANES} trees (the last may be short): the deepest tree's depth. */
    private final int[] groupDepth;
    /** Per bin lane: the feature (a short last group repeats its last feature). */
    private final int[] binFeature;
    /** Per bin lane: start of the feature's padded thresholds in {@link #cutTable}. */
    private final int[] binStart;
    /** Per bin lane: the feature's real threshold count, the bin of a missing value going right. */
    private final int[] binCount;
    /** Per group of {@link #BIN_LANES} features: half the padded length (0: one threshold). */
    private final int[] binHalf;
    /** Every used feature's sorted distinct thresholds, each padded with +Infinity to its group's length. */
    private final double[] cutTable;
    private final ThreadLocal<int[]> keys;

    private BinnedForest(int trees, int slotBits, long[] nodes, double[] values, int[] roots, int[] groupDepth,
                         int[] binFeature, int[] binStart, int[] binCount, int[] binHalf, double[] cutTable,
                         int slots) {
        this.trees = trees;
        this.slotBits = slotBits;
        this.slotMask = (1 << slotBits) - 1;
        this.nodes = nodes;
        this.values = values;
        this.roots = roots;
        this.groupDepth = groupDepth;
        this.binFeature = binFeature;
        this.binStart = binStart;
        this.binCount = binCount;
        this.binHalf = binHalf;
        this.cutTable = cutTable;
        int mask = slotMask;
        this.keys = ThreadLocal.withInitial(() -> {
            int[] k = new int[slots];
            Arrays.fill(k, mask);
            return k;
        });
    }

    /**
     * The layout of an ensemble's trees, or empty when one has a nominal split or a feature has more
     * distinct thresholds than a rank can hold (the node walk answers for those).
     *
     * @param packed   {@link TreeEnsemble}'s node words: per node {@code k}, {@code [2k]} the threshold's
     *                 bits and {@code [2k+1]} {@code left << 32 | slot << 8 | kind} (kind bit 1: nominal),
     *                 breadth-first with siblings adjacent, a leaf pointing to itself
     * @param values   every node's value, indexed like {@code packed}
     * @param roots    each tree's root node
     * @param depth    each tree's depth (levels below the root)
     * @param features catalogue size
     */
    static Optional<BinnedForest> of(long[] packed, double[] values, int[] roots, int[] depth, int features) {
        int total = values.length;
        double[][] all = new double[features][];
        int[] count = new int[features];
        for (int k = 0; k < total; k++) {
            long word = packed[2 * k + 1];
            if ((int) (word >>> 32) == k) {
                continue; // a leaf
            }
            if ((word & 2) != 0) {
                return Optional.empty();
            }
            int f = (int) word >>> 9;
            if (all[f] == null) {
                all[f] = new double[8];
            } else if (count[f] == all[f].length) {
                all[f] = Arrays.copyOf(all[f], 2 * count[f]);
            }
            all[f][count[f]++] = Double.longBitsToDouble(packed[2 * k]);
        }
        double[][] cuts = new double[features][];
        Integer[] order = new Integer[features];
        int used = 0;
        int maxCuts = 0;
        for (int f = 0; f < features; f++) {
            if (count[f] > 0) {
                cuts[f] = distinctSorted(all[f], count[f]);
                order[used++] = f;
                maxCuts = Math.max(maxCuts, cuts[f].length);
            }
        }
        int slots = 2 * features;
        int slotBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(slots - 1));
        int pass = (1 << (31 - slotBits)) - 1; // rank of a leaf's split, above every bin
        if (maxCuts >= pass) {
            return Optional.empty();
        }
        // bin lanes: features by threshold count, most first, four to a group padded to one power of two
        Integer[] byCount = Arrays.copyOf(order, used);
        Arrays.sort(byCount, (a, b) -> Integer.compare(cuts[b].length, cuts[a].length));
        int groups = (used + BIN_LANES - 1) / BIN_LANES;
        int[] binFeature = new int[groups * BIN_LANES];
        int[] binStart = new int[groups * BIN_LANES];
        int[] binCount = new int[groups * BIN_LANES];
        int[] binHalf = new int[groups];
        int tableSize = 0;
        for (int g = 0; g < groups; g++) {
            int padded = Integer.highestOneBit(2 * cuts[byCount[g * BIN_LANES]].length - 1);
            binHalf[g] = padded >>> 1;
            tableSize += Math.min(BIN_LANES, used - g * BIN_LANES) * padded;
        }
        double[] cutTable = new double[tableSize];
        Arrays.fill(cutTable, Double.POSITIVE_INFINITY);
        for (int g = 0, at = 0; g < groups; g++) {
            for (int l = 0; l < BIN_LANES; l++) {
                int lane = g * BIN_LANES + l;
                if (lane < used) {
                    double[] c = cuts[byCount[lane]];
                    System.arraycopy(c, 0, cutTable, at, c.length);
                    binFeature[lane] = byCount[lane];
                    binStart[lane] = at;
                    binCount[lane] = c.length;
                    at += binHalf[g] == 0 ? 1 : 2 * binHalf[g];
                } else {
                    binFeature[lane] = binFeature[lane - 1];
                    binStart[lane] = binStart[lane - 1];
                    binCount[lane] = binCount[lane - 1];
                }
            }
        }
        long[] nodes = new long[total];
        long leafSplit = (long) pass << slotBits;
        for (int k = 0; k < total; k++) {
            long word = packed[2 * k + 1];
            long left = word >>> 32;
            if (left == k) {
                nodes[k] = left << 32 | leafSplit;
            } else {
                int slot = (int) word >>> 8;
                long rank = Arrays.binarySearch(cuts[slot >>> 1], Double.longBitsToDouble(packed[2 * k])) + 1;
                nodes[k] = left << 32 | rank << slotBits | slot;
            }
        }
        int[] groupDepth = new int[(roots.length + LANES - 1) / LANES];
        for (int t = 0; t < roots.length; t++) {
            groupDepth[t / LANES] = Math.max(groupDepth[t / LANES], depth[t]);
        }
        return Optional.of(new BinnedForest(roots.length, slotBits, nodes, values, roots, groupDepth, binFeature,
                binStart, binCount, binHalf, cutTable, slots));
    }

    /** The first {@code n} values sorted, duplicates (same bits) removed. */
    private static double[] distinctSorted(double[] values, int n) {
        double[] c = Arrays.copyOf(values, n);
        Arrays.sort(c);
        int k = 0;
        for (int i = 0; i < c.length; i++) {
            if (k == 0 || Double.compare(c[i], c[k - 1]) != 0) {
                c[k++] = c[i];
            }
        }
        return Arrays.copyOf(c, k);
    }

    /** The sum of every tree's leaf value for {@code x}, added in tree order. */
    double sum(FeatureVector x) {
        final int[] key = bin(x, keys.get());
        final long[] node = nodes;
        final double[] value = values;
        final int[] root = roots;
        final int mask = slotMask;
        double sum = 0;
        int t = 0;
        for (int g = 0; t + LANES <= trees; g++, t += LANES) {
            int a0 = root[t];
            int a1 = root[t + 1];
            int a2 = root[t + 2];
            int a3 = root[t + 3];
            int a4 = root[t + 4];
            int a5 = root[t + 5];
            int a6 = root[t + 6];
            int a7 = root[t + 7];
            for (int d = groupDepth[g]; d > 0; d--) {
                long n0 = node[a0];
                long n1 = node[a1];
                long n2 = node[a2];
                long n3 = node[a3];
                long n4 = node[a4];
                long n5 = node[a5];
                long n6 = node[a6];
                long n7 = node[a7];
                a0 = (int) (n0 >>> 32) + (key[(int) n0 & mask] < (int) n0 ? 0 : 1);
                a1 = (int) (n1 >>> 32) + (key[(int) n1 & mask] < (int) n1 ? 0 : 1);
                a2 = (int) (n2 >>> 32) + (key[(int) n2 & mask] < (int) n2 ? 0 : 1);
                a3 = (int) (n3 >>> 32) + (key[(int) n3 & mask] < (int) n3 ? 0 : 1);
                a4 = (int) (n4 >>> 32) + (key[(int) n4 & mask] < (int) n4 ? 0 : 1);
                a5 = (int) (n5 >>> 32) + (key[(int) n5 & mask] < (int) n5 ? 0 : 1);
                a6 = (int) (n6 >>> 32) + (key[(int) n6 & mask] < (int) n6 ? 0 : 1);
                a7 = (int) (n7 >>> 32) + (key[(int) n7 & mask] < (int) n7 ? 0 : 1);
            }
            sum += value[a0];
            sum += value[a1];
            sum += value[a2];
            sum += value[a3];
            sum += value[a4];
            sum += value[a5];
            sum += value[a6];
            sum += value[a7];
        }
        for (; t < trees; t++) {
            int a = root[t];
            for (int d = groupDepth[t / LANES]; d > 0; d--) {
                long n = node[a];
                a = (int) (n >>> 32) + (key[(int) n & mask] < (int) n ? 0 : 1);
            }
            sum += value[a];
        }
        return sum;
    }

    /** The row's key per slot of a used feature: {@code bin << slotBits | slotMask}. */
    int[] bin(FeatureVector x, int[] key) {
        final double[] c = cutTable;
        final int shift = slotBits;
        final int mask = slotMask;
        for (int g = 0, l = 0; g < binHalf.length; g++, l += BIN_LANES) {
            int f0 = binFeature[l];
            int f1 = binFeature[l + 1];
            int f2 = binFeature[l + 2];
            int f3 = binFeature[l + 3];
            double v0 = x.value(f0);
            double v1 = x.value(f1);
            double v2 = x.value(f2);
            double v3 = x.value(f3);
            int s0 = binStart[l];
            int s1 = binStart[l + 1];
            int s2 = binStart[l + 2];
            int s3 = binStart[l + 3];
            int b0 = s0;
            int b1 = s1;
            int b2 = s2;
            int b3 = s3;
            for (int half = binHalf[g]; half > 0; half >>>= 1) {
                b0 = c[b0 + half] < v0 ? b0 + half : b0;
                b1 = c[b1 + half] < v1 ? b1 + half : b1;
                b2 = c[b2 + half] < v2 ? b2 + half : b2;
                b3 = c[b3 + half] < v3 ? b3 + half : b3;
            }
            // a NaN compares false throughout: bin 0, the missing-left slot's; the other slot gets the count
            int k0 = b0 - s0 + (c[b0] < v0 ? 1 : 0);
            int k1 = b1 - s1 + (c[b1] < v1 ? 1 : 0);
            int k2 = b2 - s2 + (c[b2] < v2 ? 1 : 0);
            int k3 = b3 - s3 + (c[b3] < v3 ? 1 : 0);
            key[2 * f0] = (v0 != v0 ? binCount[l] : k0) << shift | mask;
            key[2 * f0 + 1] = k0 << shift | mask;
            key[2 * f1] = (v1 != v1 ? binCount[l + 1] : k1) << shift | mask;
            key[2 * f1 + 1] = k1 << shift | mask;
            key[2 * f2] = (v2 != v2 ? binCount[l + 2] : k2) << shift | mask;
            key[2 * f2 + 1] = k2 << shift | mask;
            key[2 * f3] = (v3 != v3 ? binCount[l + 3] : k3) << shift | mask;
            key[2 * f3 + 1] = k3 << shift | mask;
        }
        return key;
    }
}
