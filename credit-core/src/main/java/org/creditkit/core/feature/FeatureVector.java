package org.creditkit.core.feature;

import java.util.Arrays;
import java.util.Objects;

/**
 * Feature values of one application against a {@link FeatureCatalogue}: primitive storage plus a
 * missing mask. A missing feature has no value ({@link #value(int)} returns {@code NaN}), and models
 * route it to their explicit missing bin or branch; it is never read as zero. Immutable.
 */
public final class FeatureVector {

    private final FeatureCatalogue catalogue;
    private final double[] values;
    private final long[] missing;

    /** Takes ownership of the arrays (callers in this package hand over fresh arrays). */
    FeatureVector(FeatureCatalogue catalogue, double[] values, long[] missing) {
        this.catalogue = catalogue;
        this.values = values;
        this.missing = missing;
    }

    /**
     * A vector from values where {@code NaN} marks a missing feature.
     *
     * @param values one value per catalogue feature (copied); NaN = missing; infinities rejected
     * @throws IllegalArgumentException on a length mismatch or an infinite value
     */
    public static FeatureVector of(FeatureCatalogue catalogue, double... values) {
        Objects.requireNonNull(catalogue, "catalogue");
        if (values.length != catalogue.size()) {
            throw new IllegalArgumentException("catalogue " + catalogue.version() + " has " + catalogue.size()
                    + " features, got " + values.length + " values");
        }
        double[] v = values.clone();
        long[] m = new long[(v.length + 63) >>> 6];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                m[i >>> 6] |= 1L << i;
            } else if (Double.isInfinite(v[i])) {
                throw new IllegalArgumentException("feature '" + catalogue.get(i).id() + "' is infinite");
            }
        }
        return new FeatureVector(catalogue, v, m);
    }

    /** The catalogue this vector is laid out against. */
    public FeatureCatalogue catalogue() {
        return catalogue;
    }

    /** Number of features. */
    public int size() {
        return values.length;
    }

    /** Value of feature {@code i}, {@code NaN} when missing. */
    public double value(int i) {
        return values[i];
    }

    /** Whether feature {@code i} is missing. */
    public boolean isMissing(int i) {
        return (missing[i >>> 6] & (1L << i)) != 0;
    }

    /**
     * Value by id (slow path, for tools and tests).
     *
     * @throws IllegalArgumentException if the catalogue has no such feature
     */
    public double value(String id) {
        int i = catalogue.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("catalogue " + catalogue.version() + " has no feature '" + id + "'");
        }
        return values[i];
    }

    /** A copy of the values (NaN where missing). */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector f && catalogue == f.catalogue
                && Arrays.equals(values, f.values) && Arrays.equals(missing, f.missing);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + catalogue.version().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FeatureVector[").append(catalogue.version());
        for (int i = 0; i < values.length; i++) {
            sb.append(", ").append(catalogue.get(i).id()).append('=').append(isMissing(i) ? "missing" : values[i]);
        }
        return sb.append(']').toString();
    }
}
