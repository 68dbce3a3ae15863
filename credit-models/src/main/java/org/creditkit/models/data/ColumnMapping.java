package org.creditkit.models.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the columns of a source file become a {@link Dataset}: the command-line flags
 * {@code --target COL --bad VALUE}, {@code --features a,b}/{@code --exclude a,b},
 * {@code --categorical x,y}, {@code --industry COL} and {@code --true-pd COL}.
 *
 * <p>Example: {@code ColumnMapping.of("class", "bad").withExclude(List.of("foreign_worker"))}.
 *
 * @param target the target column; empty for unlabelled data (every row then has target 0)
 * @param badValue the target value that means default; empty for unlabelled data
 * @param goodValues the target values that mean no default; rows with a value neither bad nor good are
 *        left out (and counted). Empty: every value but the bad one is good, and the target may then
 *        hold only one other value (a third, such as {@code pending}, is refused at loading)
 * @param features the feature columns to use; empty means every column not otherwise assigned
 * @param exclude columns never used as features
 * @param categorical columns to treat as categorical even where values look numeric
 * @param industry the industry-code column, if any
 * @param truePd the column holding true PDs (synthetic data), if any
 * @param grouping how industry codes are grouped
 * @param maxBadRowShare the largest share of unusable rows tolerated, in [0,1]
 */
public record ColumnMapping(String target, String badValue, List<String> features, Set<String> exclude,
        Set<String> categorical, Optional<String> industry, Optional<String> truePd, IndustryGrouping grouping,
        double maxBadRowShare, Set<String> goodValues) {

    /** Default share of unusable rows above which loading fails. */
    public static final double DEFAULT_MAX_BAD_ROW_SHARE = 0.05;

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if the target is blank, a feature is also excluded, the
     *         share is outside [0,1], or a good value is given without a target or is the bad value
     */
    public ColumnMapping {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(badValue, "badValue");
        features = List.copyOf(features);
        exclude = Set.copyOf(exclude);
        categorical = Set.copyOf(categorical);
        goodValues = Set.copyOf(goodValues);
        Objects.requireNonNull(industry, "industry");
        Objects.requireNonNull(truePd, "truePd");
        Objects.requireNonNull(grouping, "grouping");
        if (target.isBlank() != badValue.isBlank()) {
            throw new IllegalArgumentException("--target and --bad go together (both or, for unlabelled data, neither)");
        }
        if (!goodValues.isEmpty() && target.isBlank()) {
            throw new IllegalArgumentException("--good names target values: it needs --target and --bad");
        }
        if (goodValues.contains(badValue)) {
            throw new IllegalArgumentException("--good '" + badValue + "' is also the --bad value; a target value"
                    + " means default or no default, not both");
        }
        if (!(maxBadRowShare >= 0 && maxBadRowShare <= 1)) {
            throw new IllegalArgumentException("The maximum share of bad rows must be in [0,1], got " + maxBadRowShare);
        }
        for (String f : features) {
            if (exclude.contains(f)) {
                throw new IllegalArgumentException("Column (" + f + ") is both in --features and --exclude");
            }
            if (!target.isEmpty() && f.equals(target)) {
                throw new IllegalArgumentException("The target column (" + f + ") cannot also be a feature");
            }
        }
    }

    /**
     * A mapping without good values: every target value but the bad one is good.
     *
     * @param target see {@link #target()}
     * @param badValue see {@link #badValue()}
     * @param features see {@link #features()}
     * @param exclude see {@link #exclude()}
     * @param categorical see {@link #categorical()}
     * @param industry see {@link #industry()}
     * @param truePd see {@link #truePd()}
     * @param grouping see {@link #grouping()}
     * @param maxBadRowShare see {@link #maxBadRowShare()}
     */
    public ColumnMapping(String target, String badValue, List<String> features, Set<String> exclude,
            Set<String> categorical, Optional<String> industry, Optional<String> truePd, IndustryGrouping grouping,
            double maxBadRowShare) {
        this(target, badValue, features, exclude, categorical, industry, truePd, grouping, maxBadRowShare, Set.of());
    }

    /**
     * A mapping with only the target set: all other columns are features.
     *
     * @param target target column
     * @param badValue value meaning default
     * @return the mapping
     */
    public static ColumnMapping of(String target, String badValue) {
        return new ColumnMapping(target, badValue, List.of(), Set.of(), Set.of(), Optional.empty(), Optional.empty(),
                IndustryGrouping.defaults(), DEFAULT_MAX_BAD_ROW_SHARE);
    }

    /**
     * A mapping for data without outcomes (e.g. recent applications for a stability check): all
     * columns are features and every row gets target 0.
     *
     * @return the mapping
     */
    public static ColumnMapping unlabelled() {
        return of("", "");
    }

    /**
     * Whether the data has a target column.
     *
     * @return {@code false} for {@link #unlabelled()} mappings
     */
    public boolean labelled() {
        return !target.isEmpty();
    }

    /**
     * Returns a copy using exactly these feature columns.
     *
     * @param names feature columns
     * @return the new mapping
     */
    public ColumnMapping withFeatures(List<String> names) {
        return new ColumnMapping(target, badValue, names, exclude, categorical, industry, truePd, grouping,
                maxBadRowShare, goodValues);
    }

    /**
     * Returns a copy excluding these columns.
     *
     * @param names excluded columns
     * @return the new mapping
     */
    public ColumnMapping withExclude(Set<String> names) {
        return new ColumnMapping(target, badValue, features, names, categorical, industry, truePd, grouping,
                maxBadRowShare, goodValues);
    }

    /**
     * Returns a copy forcing these columns to be categorical.
     *
     * @param names categorical columns
     * @return the new mapping
     */
    public ColumnMapping withCategorical(Set<String> names) {
        return new ColumnMapping(target, badValue, features, exclude, names, industry, truePd, grouping,
                maxBadRowShare, goodValues);
    }

    /**
     * Returns a copy with an industry column.
     *
     * @param column the industry-code column
     * @param grouping how codes are grouped
     * @return the new mapping
     */
    public ColumnMapping withIndustry(String column, IndustryGrouping grouping) {
        return new ColumnMapping(target, badValue, features, exclude, categorical, Optional.of(column), truePd,
                grouping, maxBadRowShare, goodValues);
    }

    /**
     * Returns a copy with a true-PD column.
     *
     * @param column the true-PD column
     * @return the new mapping
     */
    public ColumnMapping withTruePd(String column) {
        return new ColumnMapping(target, badValue, features, exclude, categorical, industry, Optional.of(column),
                grouping, maxBadRowShare, goodValues);
    }

    /**
     * Returns a copy with another tolerance for unusable rows.
     *
     * @param share largest tolerated share, in [0,1]
     * @return the new mapping
     */
    public ColumnMapping withMaxBadRowShare(double share) {
        return new ColumnMapping(target, badValue, features, exclude, categorical, industry, truePd, grouping, share,
                goodValues);
    }

    /**
     * Returns a copy with these good target values.
     *
     * @param values the target values that mean no default (empty: every value but the bad one)
     * @return the new mapping
     */
    public ColumnMapping withGoodValues(Set<String> values) {
        return new ColumnMapping(target, badValue, features, exclude, categorical, industry, truePd, grouping,
                maxBadRowShare, values);
    }
}
