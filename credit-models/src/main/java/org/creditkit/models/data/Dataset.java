package org.creditkit.models.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable columnar training data: feature columns (numeric values or categorical codes as
 * {@code double}, {@code NaN} = missing), a 0/1 target where 1 means default ("bad"), the source
 * line of each row, and optionally an industry group per row and a true PD per row (synthetic
 * data).
 *
 * <p>Accessors return copies or single values; the arrays inside are never exposed.
 */
public final class Dataset {

    /** Industry code of a row whose industry is unknown. */
    public static final int NO_INDUSTRY = -1;

    private final List<Feature> features;
    private final Map<String, Integer> index;
    private final double[][] columns;
    private final int[] target;
    private final long[] lines;
    private final List<String> industryLevels;
    private final int[] industry;
    private final double[] truePd;
    private final int bads;

    private Dataset(List<Feature> features, double[][] columns, int[] target, long[] lines,
            List<String> industryLevels, int[] industry, double[] truePd) {
        this.features = List.copyOf(features);
        this.columns = columns;
        this.target = target;
        this.lines = lines;
        this.industryLevels = List.copyOf(industryLevels);
        this.industry = industry;
        this.truePd = truePd;
        this.index = new HashMap<>();
        for (int f = 0; f < this.features.size(); f++) {
            if (index.put(this.features.get(f).name(), f) != null) {
                throw new IllegalArgumentException("Duplicate feature name (" + this.features.get(f).name() + ")");
            }
        }
        int b = 0;
        for (int y : target) {
            b += y;
        }
        this.bads = b;
    }

    /**
     * Creates a dataset, checking shapes and values.
     *
     * @param features feature descriptions, one per column
     * @param columns one array per feature, each of length {@code target.length}; copied
     * @param target 0 (good) or 1 (bad) per row; copied
     * @param lines source line per row, same length as target; copied
     * @param industryLevels industry group names, possibly empty
     * @param industry per row an index into {@code industryLevels} or {@link #NO_INDUSTRY}; empty
     *        (length 0) when the data has no industry column
     * @param truePd per row the true PD in [0,1], or empty (length 0) when unknown
     * @return the dataset
     * @throws IllegalArgumentException on a shape mismatch, a target other than 0/1, a code
     *         outside the levels of a categorical feature, or an infinite value
     */
    public static Dataset of(List<Feature> features, double[][] columns, int[] target, long[] lines,
            List<String> industryLevels, int[] industry, double[] truePd) {
        int n = target.length;
        if (columns.length != features.size()) {
            throw new IllegalArgumentException(columns.length + " columns for " + features.size() + " features");
        }
        if (lines.length != n) {
            throw new IllegalArgumentException(lines.length + " line numbers for " + n + " rows");
        }
        if (industry.length != 0 && industry.length != n) {
            throw new IllegalArgumentException(industry.length + " industry codes for " + n + " rows");
        }
        if (truePd.length != 0 && truePd.length != n) {
            throw new IllegalArgumentException(truePd.length + " true PDs for " + n + " rows");
        }
        double[][] copy = new double[columns.length][];
        for (int f = 0; f < columns.length; f++) {
            Feature feature = features.get(f);
            if (columns[f].length != n) {
                throw new IllegalArgumentException("Column (" + feature.name() + ") has " + columns[f].length
                        + " values for " + n + " rows");
            }
            copy[f] = columns[f].clone();
            for (int r = 0; r < n; r++) {
                double v = copy[f][r];
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("Column (" + feature.name() + ") row " + r + " is infinite");
                }
                if (feature.isCategorical() && !Double.isNaN(v)
                        && (v < 0 || v >= feature.levels().size() || v != Math.rint(v))) {
                    throw new IllegalArgumentException("Column (" + feature.name() + ") row " + r + " has code " + v
                            + ", valid codes are 0.." + (feature.levels().size() - 1));
                }
            }
        }
        for (int r = 0; r < n; r++) {
            if (target[r] != 0 && target[r] != 1) {
                throw new IllegalArgumentException("Target of row " + r + " is " + target[r] + ", must be 0 or 1");
            }
            if (industry.length > 0 && (industry[r] < NO_INDUSTRY || industry[r] >= industryLevels.size())) {
                throw new IllegalArgumentException("Industry code of row " + r + " is " + industry[r]);
            }
            if (truePd.length > 0 && !(truePd[r] >= 0 && truePd[r] <= 1)) {
                throw new IllegalArgumentException("True PD of row " + r + " is " + truePd[r] + ", must be in [0,1]");
            }
        }
        return new Dataset(features, copy, target.clone(), lines.clone(), industryLevels, industry.clone(),
                truePd.clone());
    }

    /**
     * Number of rows.
     *
     * @return the row count
     */
    public int rows() {
        return target.length;
    }

    /**
     * Number of rows with target 1.
     *
     * @return the bad count
     */
    public int bads() {
        return bads;
    }

    /**
     * The feature descriptions in column order.
     *
     * @return the features
     */
    public List<Feature> features() {
        return features;
    }

    /**
     * The column index of a feature.
     *
     * @param name the feature name
     * @return its index, or empty when there is no such feature
     */
    public Optional<Integer> indexOf(String name) {
        return Optional.ofNullable(index.get(name));
    }

    /**
     * One value.
     *
     * @param feature column index
     * @param row row index
     * @return the value or code, {@code NaN} when missing
     */
    public double value(int feature, int row) {
        return columns[feature][row];
    }

    /**
     * A copy of one column.
     *
     * @param feature column index
     * @return the values, {@code NaN} for missing
     */
    public double[] column(int feature) {
        return columns[feature].clone();
    }

    /**
     * The target of one row.
     *
     * @param row row index
     * @return 1 for bad, 0 for good
     */
    public int target(int row) {
        return target[row];
    }

    /**
     * A copy of the target column.
     *
     * @return 0/1 per row
     */
    public int[] targets() {
        return target.clone();
    }

    /**
     * The source line of a row.
     *
     * @param row row index
     * @return the 1-based line where the record started
     */
    public long line(int row) {
        return lines[row];
    }

    /**
     * Whether the data carries an industry column.
     *
     * @return {@code true} when {@link #industry(int)} is meaningful
     */
    public boolean hasIndustry() {
        return industry.length > 0;
    }

    /**
     * Industry group names, indexed by the code {@link #industry(int)} returns.
     *
     * @return the group names, empty without an industry column
     */
    public List<String> industryLevels() {
        return industryLevels;
    }

    /**
     * The industry group code of a row.
     *
     * @param row row index
     * @return an index into {@link #industryLevels()} or {@link #NO_INDUSTRY}
     */
    public int industry(int row) {
        return industry.length == 0 ? NO_INDUSTRY : industry[row];
    }

    /**
     * The true PDs (synthetic data only).
     *
     * @return a copy of the true PD column, or empty when the data has none
     */
    public Optional<double[]> truePd() {
        return truePd.length == 0 ? Optional.empty() : Optional.of(truePd.clone());
    }

    /**
     * The rows at the given indices, in that order (used for folds and samples).
     *
     * @param rows row indices, each in {@code [0, rows())}
     * @return a new dataset with the same features and industry levels
     */
    public Dataset subset(int[] rows) {
        double[][] cols = new double[columns.length][rows.length];
        int[] t = new int[rows.length];
        long[] l = new long[rows.length];
        int[] ind = industry.length == 0 ? new int[0] : new int[rows.length];
        double[] pd = truePd.length == 0 ? new double[0] : new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            for (int f = 0; f < columns.length; f++) {
                cols[f][i] = columns[f][r];
            }
            t[i] = target[r];
            l[i] = lines[r];
            if (ind.length > 0) {
                ind[i] = industry[r];
            }
            if (pd.length > 0) {
                pd[i] = truePd[r];
            }
        }
        return new Dataset(features, cols, t, l, industryLevels, ind, pd);
    }

    /**
     * The same rows restricted to the named features, in the given order.
     *
     * @param names feature names present in this dataset
     * @return a new dataset
     * @throws IllegalArgumentException if a name is unknown
     */
    public Dataset select(List<String> names) {
        List<Feature> fs = new ArrayList<>();
        double[][] cols = new double[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            Integer f = index.get(names.get(i));
            if (f == null) {
                throw new IllegalArgumentException("Unknown feature (" + names.get(i) + "); known: " + index.keySet());
            }
            fs.add(features.get(f));
            cols[i] = columns[f];
        }
        return new Dataset(fs, cols, target, lines, industryLevels, industry, truePd);
    }

    @Override
    public String toString() {
        return "Dataset[rows=" + rows() + ", bads=" + bads + ", features=" + features.size()
                + ", industries=" + industryLevels.size() + ", truePd=" + (truePd.length > 0) + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Dataset d)) {
            return false;
        }
        return features.equals(d.features) && Arrays.deepEquals(columns, d.columns) && Arrays.equals(target, d.target)
                && industryLevels.equals(d.industryLevels) && Arrays.equals(industry, d.industry)
                && Arrays.equals(truePd, d.truePd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, Arrays.hashCode(target), industryLevels);
    }
}
