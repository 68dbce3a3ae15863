package org.creditkit.core.score.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.spi.ScoringModel;

/**
 * A points scorecard: an intercept plus, per feature (characteristic), the log-odds of the bin the
 * value falls in. Numeric characteristics have intervals {@code [lo, hi)} that ascend and cover
 * {@code (-inf, +inf)} without gaps; categorical ones map sets of codes to a value with an
 * {@code other} value for unseen codes. Every characteristic has a missing bin. Bin values are
 * log-odds of default (for a logistic regression on weights of evidence: coefficient &times; WoE);
 * the bundle's {@link org.creditkit.core.score.Scaling} turns them into points.
 *
 * <p>Evaluation runs over flat primitive arrays and does not allocate. A numeric characteristic's bin
 * is found by a binary search over its edges padded with {@code +Infinity} to {@code 2^levels - 1}
 * slots, the same for every characteristic (at most 15 edges; a wider characteristic is searched
 * alone): {@code levels} compares, unrolled, with the missing bin's value in the same row and chosen by
 * integer arithmetic on the value's bits. That beat counting all the edges at or below the value (5
 * compares for 6 bins) by about 30% (docs/performance.md); a test checks every path against the bins
 * themselves on random values, edges and missing values.
 *
 * <pre>{@code
 * Scorecard card = Scorecard.builder(FeatureCatalogue.standard())
 *     .intercept(-3.5)
 *     .numeric("debt_to_asset", new double[] {0.4, 0.7}, new double[] {-0.3, 0.0, 0.6}, 0.2)
 *     .categorical("tax_rating_latest", List.of(Scorecard.Category.of(List.of(4.0), -0.5),
 *                  Scorecard.Category.of(List.of(0.0, 1.0), 0.9)), 0.0, 0.3)
 *     .build();
 * }</pre>
 */
public final class Scorecard implements ScoringModel {

    /** Type name in bundles. */
    public static final String TYPE = "scorecard";

    /**
     * A numeric bin {@code [lo, hi)}.
     *
     * @param lo      inclusive lower edge ({@code -Infinity} for the first bin)
     * @param hi      exclusive upper edge ({@code +Infinity} for the last bin)
     * @param logOdds log-odds contribution of a value in the bin
     */
    public record Bin(double lo, double hi, double logOdds) {
        /** Factory. */
        public static Bin of(double lo, double hi, double logOdds) {
            return new Bin(lo, hi, logOdds);
        }

        /** {@code [0.4, 0.7)}. */
        public String label() {
            return "[" + edge(lo) + ", " + edge(hi) + ")";
        }
    }

    /**
     * A category bin: a set of codes sharing one value.
     *
     * @param codes   the codes (feature values) in this bin, at least one, finite
     * @param logOdds log-odds contribution
     */
    public record Category(List<Double> codes, double logOdds) {
        /** Copies the codes. */
        public Category {
            codes = List.copyOf(codes);
        }

        /** Factory. */
        public static Category of(List<Double> codes, double logOdds) {
            return new Category(codes, logOdds);
        }

        /** {@code {1, 2}}. */
        public String label() {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < codes.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(edge(codes.get(i)));
            }
            return sb.append('}').toString();
        }
    }

    /** One feature's binning. */
    public sealed interface Characteristic permits Numeric, Categorical {
        /** The feature id. */
        String feature();

        /** Log-odds when the feature is missing (the missing bin). */
        double missingLogOdds();

        /** The lowest log-odds any of its bins gives (its most favourable bin). */
        double best();

        /** The highest log-odds any of its bins gives (its least favourable bin, the missing bin included). */
        double worst();

        /** The population share of each bin (the share of training rows in it), when the model records them. */
        Optional<Shares> shares();

        /**
         * The neutral (population-average) log-odds, {@code Σ share · logOdds} over every bin, the missing
         * bin (and a categorical's {@code other}) included; empty without {@link #shares()}.
         *
         * @return the neutral log-odds, or empty
         */
        OptionalDouble neutral();
    }

    /**
     * The population shares of one characteristic's bins: the share of the training rows (or, for an
     * expert card, of a documented reference portfolio) that fell in each bin. They make the neutral
     * (population-average) points that reason codes are measured against.
     *
     * @param bins    one share per numeric bin or per category, in the characteristic's order
     * @param other   share of codes in no category (categorical only; 0 for a numeric characteristic)
     * @param missing share of rows with the feature missing
     */
    public record Shares(List<Double> bins, double other, double missing) {
        /** Tolerance on {@code Σ shares = 1}: shares written with six decimals, or by hand with three, pass. */
        public static final double SUM_TOLERANCE = 1e-3;

        /** Copies the shares. */
        public Shares {
            bins = List.copyOf(bins);
        }

        /**
         * Shares of a numeric characteristic.
         *
         * @param bins    one per bin
         * @param missing share missing
         * @return the shares
         */
        public static Shares numeric(double[] bins, double missing) {
            return new Shares(Arrays.stream(bins).boxed().toList(), 0, missing);
        }

        /**
         * Shares of a categorical characteristic.
         *
         * @param categories one per category
         * @param other      share of codes in no category
         * @param missing    share missing
         * @return the shares
         */
        public static Shares categorical(double[] categories, double other, double missing) {
            return new Shares(Arrays.stream(categories).boxed().toList(), other, missing);
        }

        /** Sum of every share. */
        public double total() {
            double t = other + missing;
            for (double b : bins) {
                t += b;
            }
            return t;
        }
    }

    /**
     * A numeric characteristic.
     *
     * @param feature        feature id
     * @param bins           bins, ascending, covering (-inf, +inf) without gaps
     * @param missingLogOdds missing bin
     * @param shares         population share of each bin and of the missing bin, when known
     */
    public record Numeric(String feature, List<Bin> bins, double missingLogOdds, Optional<Shares> shares)
            implements Characteristic {
        /** Copies the bins. */
        public Numeric {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(shares, "shares");
            bins = List.copyOf(bins);
        }

        /** A characteristic without population shares (a bundle written before they existed). */
        public Numeric(String feature, List<Bin> bins, double missingLogOdds) {
            this(feature, bins, missingLogOdds, Optional.empty());
        }

        /**
         * The same characteristic with population shares.
         *
         * @param s the shares, one per bin
         * @return a new characteristic
         */
        public Numeric withShares(Shares s) {
            return new Numeric(feature, bins, missingLogOdds, Optional.of(s));
        }

        @Override
        public OptionalDouble neutral() {
            if (shares.isEmpty() || shares.get().bins().size() != bins.size()) {
                return OptionalDouble.empty();
            }
            Shares s = shares.get();
            double n = s.missing() * missingLogOdds;
            for (int b = 0; b < bins.size(); b++) {
                n += s.bins().get(b) * bins.get(b).logOdds();
            }
            return OptionalDouble.of(n);
        }

        @Override
        public double best() {
            double b = missingLogOdds;
            for (Bin bin : bins) {
                b = Math.min(b, bin.logOdds());
            }
            return b;
        }

        @Override
        public double worst() {
            double w = missingLogOdds;
            for (Bin bin : bins) {
                w = Math.max(w, bin.logOdds());
            }
            return w;
        }
    }

    /**
     * A categorical characteristic.
     *
     * @param feature        feature id
     * @param categories     category bins; every code in at most one
     * @param otherLogOdds   value for a code in no category
     * @param missingLogOdds missing bin
     * @param shares         population share of each category, of {@code other} and of the missing bin, when known
     */
    public record Categorical(String feature, List<Category> categories, double otherLogOdds,
                              double missingLogOdds, Optional<Shares> shares) implements Characteristic {
        /** Copies the categories. */
        public Categorical {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(shares, "shares");
            categories = List.copyOf(categories);
        }

        /** A characteristic without population shares (a bundle written before they existed). */
        public Categorical(String feature, List<Category> categories, double otherLogOdds, double missingLogOdds) {
            this(feature, categories, otherLogOdds, missingLogOdds, Optional.empty());
        }

        /**
         * The same characteristic with population shares.
         *
         * @param s the shares, one per category
         * @return a new characteristic
         */
        public Categorical withShares(Shares s) {
            return new Categorical(feature, categories, otherLogOdds, missingLogOdds, Optional.of(s));
        }

        @Override
        public OptionalDouble neutral() {
            if (shares.isEmpty() || shares.get().bins().size() != categories.size()) {
                return OptionalDouble.empty();
            }
            Shares s = shares.get();
            double n = s.missing() * missingLogOdds + s.other() * otherLogOdds;
            for (int b = 0; b < categories.size(); b++) {
                n += s.bins().get(b) * categories.get(b).logOdds();
            }
            return OptionalDouble.of(n);
        }

        @Override
        public double best() {
            double b = Math.min(missingLogOdds, otherLogOdds);
            for (Category c : categories) {
                b = Math.min(b, c.logOdds());
            }
            return b;
        }

        @Override
        public double worst() {
            double w = Math.max(missingLogOdds, otherLogOdds);
            for (Category c : categories) {
                w = Math.max(w, c.logOdds());
            }
            return w;
        }
    }

    private final FeatureCatalogue catalogue;
    private final double intercept;
    private final List<Characteristic> characteristics;

    // flat evaluation tables, one slot per characteristic j
    private final int[] feat;
    private final boolean[] categorical;
    private final int[] keyStart;
    private final int[] keyEnd;
    private final double[] keys;      // numeric: interior edges; categorical: sorted codes
    private final int[] valStart;
    private final double[] vals;      // numeric: one per bin; categorical: one per sorted code
    private final double[] missing;
    private final double[] other;
    private final double[] favourableByFeature;
    private final double[] unfavourableByFeature;
    /** By catalogue position: the neutral log-odds; NaN when the card records no population shares. */
    private final double[] neutralByFeature;
    private final int[] featuresSorted;
    /** Above this many edges in one characteristic the padded rows would be too wide: search each alone. */
    private static final int MAX_PADDED_EDGES = 15;
    /** Compares per numeric lookup: every numeric characteristic's edges fit in {@code 2^levels - 1} slots. */
    private final int levels;
    /** {@code 2^levels}: the row width of {@link #paddedEdges}. */
    private final int width;
    /** True when no characteristic is categorical and every one fits the padded rows. */
    private final boolean allPadded;
    /** Characteristic {@code j}'s edges at {@code [j * width, (j + 1) * width - 1)}, padded with +Infinity. */
    private final double[] paddedEdges;
    /**
     * Its bin values at {@code [j * (width + 1), ...)}, padded with the last bin's value, then the missing
     * bin's value at slot {@code width}.
     */
    private final double[] paddedVals;

    private Scorecard(FeatureCatalogue catalogue, double intercept, List<Characteristic> characteristics) {
        this.catalogue = catalogue;
        this.intercept = intercept;
        this.characteristics = List.copyOf(characteristics);
        int n = this.characteristics.size();
        feat = new int[n];
        categorical = new boolean[n];
        keyStart = new int[n];
        keyEnd = new int[n];
        valStart = new int[n];
        missing = new double[n];
        other = new double[n];
        favourableByFeature = new double[catalogue.size()];
        unfavourableByFeature = new double[catalogue.size()];
        neutralByFeature = new double[catalogue.size()];
        Arrays.fill(neutralByFeature, Double.NaN);
        int nk = 0;
        int nv = 0;
        for (Characteristic c : this.characteristics) {
            if (c instanceof Numeric num) {
                nk += num.bins().size() - 1;
                nv += num.bins().size();
            } else {
                int codes = ((Categorical) c).categories().stream().mapToInt(x -> x.codes().size()).sum();
                nk += codes;
                nv += codes;
            }
        }
        keys = new double[nk];
        vals = new double[nv];
        int k = 0;
        int v = 0;
        for (int j = 0; j < n; j++) {
            Characteristic c = this.characteristics.get(j);
            feat[j] = catalogue.indexOf(c.feature());
            missing[j] = c.missingLogOdds();
            favourableByFeature[feat[j]] = c.best();
            unfavourableByFeature[feat[j]] = c.worst();
            neutralByFeature[feat[j]] = c.neutral().orElse(Double.NaN);
            keyStart[j] = k;
            valStart[j] = v;
            if (c instanceof Numeric num) {
                List<Bin> bins = num.bins();
                for (int b = 0; b < bins.size(); b++) {
                    if (b > 0) {
                        keys[k++] = bins.get(b).lo();
                    }
                    vals[v++] = bins.get(b).logOdds();
                }
            } else {
                Categorical cat = (Categorical) c;
                categorical[j] = true;
                other[j] = cat.otherLogOdds();
                List<double[]> pairs = new ArrayList<>();
                for (Category category : cat.categories()) {
                    for (double code : category.codes()) {
                        pairs.add(new double[] {code, category.logOdds()});
                    }
                }
                pairs.sort((a, b) -> Double.compare(a[0], b[0]));
                for (double[] p : pairs) {
                    keys[k++] = p[0];
                    vals[v++] = p[1];
                }
            }
            keyEnd[j] = k;
        }
        featuresSorted = feat.clone();
        Arrays.sort(featuresSorted);
        int maxEdges = 0;
        boolean anyCategorical = false;
        for (int j = 0; j < n; j++) {
            if (categorical[j]) {
                anyCategorical = true;
            } else {
                maxEdges = Math.max(maxEdges, keyEnd[j] - keyStart[j]);
            }
        }
        levels = 32 - Integer.numberOfLeadingZeros(maxEdges); // 2^levels - 1 >= maxEdges
        width = 1 << levels;
        allPadded = !anyCategorical && maxEdges <= MAX_PADDED_EDGES;
        boolean padded = maxEdges <= MAX_PADDED_EDGES;
        paddedEdges = new double[padded ? n * width : 0];
        paddedVals = new double[padded ? n * (width + 1) : 0];
        for (int j = 0; j < n && padded; j++) {
            if (categorical[j]) {
                continue;
            }
            int edges = keyEnd[j] - keyStart[j];
            for (int e = 0; e < width; e++) {
                paddedEdges[j * width + e] = e < edges ? keys[keyStart[j] + e] : Double.POSITIVE_INFINITY;
            }
            for (int b = 0; b < width; b++) {
                paddedVals[j * (width + 1) + b] = vals[valStart[j] + Math.min(b, edges)];
            }
            paddedVals[j * (width + 1) + width] = missing[j];
        }
    }

    /** A builder against a catalogue. */
    public static Builder builder(FeatureCatalogue catalogue) {
        return new Builder(catalogue);
    }

    /**
     * A scorecard from its parts.
     *
     * @throws IllegalArgumentException listing every structural problem
     */
    public static Scorecard of(FeatureCatalogue catalogue, double intercept, List<Characteristic> characteristics) {
        List<String> problems = new ArrayList<>();
        validate(catalogue, intercept, characteristics, j -> "characteristic " + j, "intercept",
                (where, msg) -> problems.add(where + ": " + msg));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid scorecard: " + String.join("; ", problems));
        }
        return new Scorecard(catalogue, intercept, characteristics);
    }

    /** Builds without re-validating; the format has already reported every problem. */
    static Scorecard validated(FeatureCatalogue catalogue, double intercept, List<Characteristic> characteristics) {
        return new Scorecard(catalogue, intercept, characteristics);
    }

    /**
     * Checks every structural rule and reports each violation as (location, message): finite
     * intercept and values, known and distinct features, numeric bins with {@code lo < hi}, the first
     * starting at -inf, each next bin starting where the previous ends (no gap, no overlap), the last
     * ending at +inf; categories with finite, distinct codes.
     *
     * @param where    location of characteristic {@code j}
     * @param interceptWhere location of the intercept
     */
    static void validate(FeatureCatalogue catalogue, double intercept, List<Characteristic> characteristics,
                         IntFunction<String> where, String interceptWhere,
                         BiConsumer<String, String> report) {
        if (!Double.isFinite(intercept)) {
            report.accept(interceptWhere, "intercept must be finite, got " + intercept);
        }
        if (characteristics.isEmpty()) {
            report.accept(interceptWhere, "a scorecard needs at least one characteristic");
        }
        Set<String> seen = new HashSet<>();
        int withShares = (int) characteristics.stream().filter(c -> c.shares().isPresent()).count();
        for (int j = 0; j < characteristics.size(); j++) {
            Characteristic c = characteristics.get(j);
            String w = where.apply(j);
            String f = c.feature();
            if (withShares > 0 && c.shares().isEmpty()) {
                report.accept(w + ".shares", "feature '" + f + "' has no population shares but " + withShares
                        + " other characteristic(s) of this scorecard do; give every characteristic its shares "
                        + "or none (reasons are measured against the neutral points of all of them)");
            }
            c.shares().ifPresent(s -> validateShares(c, s, w + ".shares", report));
            if (catalogue.indexOf(f) < 0) {
                report.accept(w + ".feature", "unknown feature '" + f + "': catalogue " + catalogue.version()
                        + " has no such feature");
            }
            if (!seen.add(f)) {
                report.accept(w + ".feature", "feature '" + f + "' has two characteristics; merge them into one");
            }
            if (!Double.isFinite(c.missingLogOdds())) {
                report.accept(w + ".missing", "feature '" + f + "': missing bin value must be finite, got "
                        + c.missingLogOdds());
            }
            if (c instanceof Numeric num) {
                validateBins(f, num.bins(), w, report);
            } else {
                Categorical cat = (Categorical) c;
                if (!Double.isFinite(cat.otherLogOdds())) {
                    report.accept(w + ".other", "feature '" + f + "': other bin value must be finite, got "
                            + cat.otherLogOdds());
                }
                if (cat.categories().isEmpty()) {
                    report.accept(w + ".categories", "feature '" + f + "' needs at least one category");
                }
                Set<Double> codes = new HashSet<>();
                for (int b = 0; b < cat.categories().size(); b++) {
                    Category category = cat.categories().get(b);
                    String bw = w + ".categories[" + b + "]";
                    if (!Double.isFinite(category.logOdds())) {
                        report.accept(bw + ".logOdds", "feature '" + f + "' category " + b
                                + ": value must be finite, got " + category.logOdds());
                    }
                    if (category.codes().isEmpty()) {
                        report.accept(bw + ".codes", "feature '" + f + "' category " + b + " has no codes");
                    }
                    for (Double code : category.codes()) {
                        if (code == null || !Double.isFinite(code)) {
                            report.accept(bw + ".codes", "feature '" + f + "' category " + b
                                    + ": codes must be finite numbers, got " + code);
                        } else if (!codes.add(code == 0.0 ? 0.0 : code)) {
                            report.accept(bw + ".codes", "feature '" + f + "' category " + b + ": code "
                                    + edge(code) + " is already in another category");
                        }
                    }
                }
            }
        }
    }

    private static void validateShares(Characteristic c, Shares s, String w, BiConsumer<String, String> report) {
        String f = c.feature();
        boolean numeric = c instanceof Numeric;
        int want = numeric ? ((Numeric) c).bins().size() : ((Categorical) c).categories().size();
        String list = numeric ? "bins" : "categories";
        if (s.bins().size() != want) {
            report.accept(w + "." + list, "feature '" + f + "' has " + want + " " + list + " but "
                    + s.bins().size() + " shares; give one share per " + (numeric ? "bin" : "category")
                    + ", in order");
        }
        boolean ranged = true;
        for (int b = 0; b < s.bins().size(); b++) {
            ranged &= checkShare(f, s.bins().get(b), w + "." + list + "[" + b + "]", report);
        }
        ranged &= checkShare(f, s.missing(), w + ".missing", report);
        if (numeric && s.other() != 0) {
            report.accept(w + ".other", "feature '" + f + "' is numeric: it has no 'other' bin, got share "
                    + s.other());
            ranged = false;
        } else if (!numeric) {
            ranged &= checkShare(f, s.other(), w + ".other", report);
        }
        double total = s.total();
        if (ranged && !(Math.abs(total - 1) <= Shares.SUM_TOLERANCE)) {
            report.accept(w, "feature '" + f + "': population shares sum to " + total
                    + "; they must sum to 1 (within " + Shares.SUM_TOLERANCE + ")");
        }
    }

    private static boolean checkShare(String f, Double v, String w, BiConsumer<String, String> report) {
        if (v == null || !(v >= 0 && v <= 1)) {
            report.accept(w, "feature '" + f + "': a population share must be in [0, 1], got " + v);
            return false;
        }
        return true;
    }

    private static void validateBins(String f, List<Bin> bins, String w, BiConsumer<String, String> report) {
        if (bins.isEmpty()) {
            report.accept(w + ".bins", "feature '" + f + "' needs at least one bin covering (-inf, +inf)");
            return;
        }
        for (int b = 0; b < bins.size(); b++) {
            Bin bin = bins.get(b);
            String bw = w + ".bins[" + b + "]";
            if (Double.isNaN(bin.lo()) || Double.isNaN(bin.hi())) {
                report.accept(bw, "feature '" + f + "' bin " + b + ": edges must not be NaN");
                continue;
            }
            if (!Double.isFinite(bin.logOdds())) {
                report.accept(bw + ".logOdds", "feature '" + f + "' bin " + b + " " + bin.label()
                        + ": value must be finite, got " + bin.logOdds());
            }
            if (!(bin.lo() < bin.hi())) {
                report.accept(bw, "feature '" + f + "' bin " + b + " " + bin.label()
                        + ": edges must ascend (lo < hi)");
            }
            if (b == 0 && bin.lo() != Double.NEGATIVE_INFINITY) {
                report.accept(bw + ".lo", "feature '" + f + "' bin 0 starts at " + edge(bin.lo())
                        + "; the first bin must start at -inf so every value has a bin");
            }
            if (b > 0) {
                double prevHi = bins.get(b - 1).hi();
                if (bin.lo() > prevHi) {
                    report.accept(bw + ".lo", "feature '" + f + "' bin " + b + " starts at " + edge(bin.lo())
                            + " but bin " + (b - 1) + " ends at " + edge(prevHi) + ": gap in coverage ["
                            + edge(prevHi) + ", " + edge(bin.lo()) + ")");
                } else if (bin.lo() < prevHi) {
                    report.accept(bw + ".lo", "feature '" + f + "' bin " + b + " starts at " + edge(bin.lo())
                            + " but bin " + (b - 1) + " ends at " + edge(prevHi)
                            + ": bins overlap or edges do not ascend");
                }
            }
            if (b == bins.size() - 1 && bin.hi() != Double.POSITIVE_INFINITY) {
                report.accept(bw + ".hi", "feature '" + f + "' last bin ends at " + edge(bin.hi())
                        + "; the last bin must end at +inf so every value has a bin");
            }
            if (b < bins.size() - 1 && Double.isInfinite(bin.hi())) {
                report.accept(bw + ".hi", "feature '" + f + "' bin " + b
                        + " ends at +inf but is not the last bin");
            }
        }
    }

    static String edge(double e) {
        if (e == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (e == Double.POSITIVE_INFINITY) {
            return "+inf";
        }
        if (e == Math.rint(e) && Math.abs(e) < 1e15) {
            return Long.toString((long) e);
        }
        return Double.toString(e);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public FeatureCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public int[] features() {
        return featuresSorted.clone();
    }

    /** The intercept (log-odds). */
    public double intercept() {
        return intercept;
    }

    /** The characteristics in evaluation order. */
    public List<Characteristic> characteristics() {
        return characteristics;
    }

    @Override
    public double logOdds(FeatureVector x) {
        checkLayout(x);
        double sum = intercept;
        if (allPadded) {
            final double[] v = paddedVals;
            final int row = width + 1;
            for (int j = 0; j < feat.length; j++) {
                sum += v[j * row + slot(j, x.value(feat[j]))];
            }
            return sum;
        }
        for (int j = 0; j < feat.length; j++) {
            sum += value(j, x.value(feat[j]));
        }
        return sum;
    }

    @Override
    public double contributions(FeatureVector x, double[] out) {
        checkLayout(x);
        double sum = intercept;
        if (allPadded) {
            final double[] t = paddedVals;
            final int row = width + 1;
            for (int j = 0; j < feat.length; j++) {
                int f = feat[j];
                double v = t[j * row + slot(j, x.value(f))];
                out[f] += v;
                sum += v;
            }
            return sum;
        }
        for (int j = 0; j < feat.length; j++) {
            int f = feat[j];
            double v = value(j, x.value(f));
            out[f] += v;
            sum += v;
        }
        return sum;
    }

    @Override
    public double bias() {
        return intercept;
    }

    @Override
    public double favourable(int featureIndex) {
        return favourableByFeature[featureIndex];
    }

    @Override
    public double unfavourable(int featureIndex) {
        return unfavourableByFeature[featureIndex];
    }

    /** The population-average log-odds of the feature's characteristic; empty when the card records no shares. */
    @Override
    public OptionalDouble neutral(int featureIndex) {
        double n = neutralByFeature[featureIndex];
        return Double.isNaN(n) ? OptionalDouble.empty() : OptionalDouble.of(n);
    }

    /** Whether every characteristic records its population shares (validation allows all or none). */
    public boolean hasShares() {
        return characteristics.stream().allMatch(c -> c.shares().isPresent());
    }

    @Override
    public boolean finiteByConstruction() {
        return true;
    }

    /**
     * Whether every characteristic's bins are tabulated in slots ({@link #slotOf}): numeric
     * characteristics of at most 15 edges, no categorical one. A scorer can then keep its own per-slot
     * table (what a bin's value means for reasons and confidence) and read it in the same pass.
     *
     * @return true when {@link #slotOf} and {@link #slotLogOdds} may be called
     */
    public boolean tabulated() {
        return allPadded;
    }

    /**
     * The number of slots of a {@linkplain #tabulated() tabulated} card: for each characteristic, one per
     * bin of its padded row and one for the missing bin.
     *
     * @return the slot count, 0 when the card is not tabulated
     */
    public int slotCount() {
        return allPadded ? feat.length * (width + 1) : 0;
    }

    /**
     * The slot value {@code x} falls in for characteristic {@code j} (in {@link #characteristics()}
     * order) of a {@linkplain #tabulated() tabulated} card, missing ({@code NaN}) included: the same
     * lookup {@link #logOdds} makes, so {@code slotLogOdds(slotOf(j, x))} is its term.
     *
     * @param j a characteristic's position
     * @param x the feature's value, {@code NaN} when missing
     * @return a slot in {@code [0, slotCount())}
     */
    public int slotOf(int j, double x) {
        return j * (width + 1) + slot(j, x);
    }

    /**
     * The log-odds of a slot.
     *
     * @param slot a slot in {@code [0, slotCount())}
     * @return its bin value
     */
    public double slotLogOdds(int slot) {
        return paddedVals[slot];
    }

    /** Log-odds of characteristic {@code j} for value {@code x} (NaN = missing). */
    private double value(int j, double x) {
        if (!categorical[j]) {
            return levels <= 4 ? paddedVals[j * (width + 1) + slot(j, x)] : searched(j, x);
        }
        if (x != x) {
            return missing[j];
        }
        int lo = keyStart[j];
        int hi = keyEnd[j] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            double k = keys[mid];
            if (k < x) {
                lo = mid + 1;
            } else if (k > x) {
                hi = mid - 1;
            } else {
                return vals[mid - keyStart[j] + valStart[j]];
            }
        }
        return other[j];
    }

    /**
     * Characteristic {@code j}'s slot in its row of {@link #paddedVals} for value {@code x}: the number of
     * its edges at or below {@code x}, found by a binary search over the padded row unrolled to
     * {@link #levels} compares (no loop, no early exit; C2 makes the later selects conditional moves),
     * or {@link #width} (the missing bin) for NaN, which passes no compare.
     */
    private int slot(int j, double x) {
        final double[] e = paddedEdges;
        final int base = j << levels;
        // all ones for NaN (its magnitude bits above +Infinity's), else 0: a select on `x != x` compiles
        // to a slow flags sequence (pushf/popf) or a mispredicted branch
        int nan = (int) ((0x7FF0_0000_0000_0000L - (Double.doubleToRawLongBits(x) & Long.MAX_VALUE)) >> 63);
        int i;
        switch (levels) { // the same for every call on this card: a predicted branch
            case 0 -> i = 0;
            case 1 -> i = x >= e[base] ? 1 : 0;
            case 2 -> {
                i = x >= e[base + 1] ? 2 : 0;
                i += x >= e[base + i] ? 1 : 0;
            }
            case 3 -> {
                i = x >= e[base + 3] ? 4 : 0;
                i += x >= e[base + i + 1] ? 2 : 0;
                i += x >= e[base + i] ? 1 : 0;
            }
            default -> {
                i = x >= e[base + 7] ? 8 : 0;
                i += x >= e[base + i + 3] ? 4 : 0;
                i += x >= e[base + i + 1] ? 2 : 0;
                i += x >= e[base + i] ? 1 : 0;
            }
        }
        return i | (nan & width);
    }

    /**
     * Branch-free binary search for the number of interior edges {@code <= x}, for cards with a
     * characteristic of more than {@link #MAX_PADDED_EDGES} edges: the loop count depends only on the
     * edge count and the select compiles to a conditional move.
     */
    private double searched(int j, double x) {
        if (x != x) {
            return missing[j];
        }
        int lo = keyStart[j];
        int n = keyEnd[j] - lo;
        if (n == 0) {
            return vals[valStart[j]];
        }
        int base = lo;
        while (n > 1) {
            int half = n >>> 1;
            base = keys[base + half] <= x ? base + half : base;
            n -= half;
        }
        int bin = base - lo + (keys[base] <= x ? 1 : 0);
        return vals[valStart[j] + bin];
    }

    /**
     * Which bin a value falls in, for explanations: {@code [0.4, 0.7)}, {@code {1, 2}},
     * {@code other} or {@code missing}.
     *
     * @throws IllegalArgumentException if the scorecard has no characteristic for the feature
     */
    public String binLabel(String featureId, double x) {
        for (Characteristic c : characteristics) {
            if (!c.feature().equals(featureId)) {
                continue;
            }
            if (Double.isNaN(x)) {
                return "missing";
            }
            if (c instanceof Numeric num) {
                for (Bin b : num.bins()) {
                    if (x >= b.lo() && x < b.hi()) {
                        return b.label();
                    }
                }
                return num.bins().get(num.bins().size() - 1).label();
            }
            for (Category cat : ((Categorical) c).categories()) {
                if (cat.codes().contains(x)) {
                    return cat.label();
                }
            }
            return "other";
        }
        throw new IllegalArgumentException("scorecard has no characteristic for feature '" + featureId + "'");
    }

    private void checkLayout(FeatureVector x) {
        if (x.catalogue() != catalogue) {
            checkLayoutSlow(x.catalogue());
        }
    }

    private void checkLayoutSlow(FeatureCatalogue c) {
        if (!c.version().equals(catalogue.version()) || c.size() != catalogue.size()) {
            throw new IllegalArgumentException("feature vector is laid out against catalogue " + c.version()
                    + " (" + c.size() + " features) but the scorecard against " + catalogue.version()
                    + " (" + catalogue.size() + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scorecard s && catalogue.version().equals(s.catalogue.version())
                && Double.compare(intercept, s.intercept) == 0 && characteristics.equals(s.characteristics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(catalogue.version(), intercept, characteristics);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Scorecard[%s, intercept=%s, %d characteristics]", catalogue.version(),
                intercept, characteristics.size());
    }

    /** Builds a scorecard characteristic by characteristic; {@link #build} validates everything. */
    public static final class Builder {
        private final FeatureCatalogue catalogue;
        private double intercept;
        private final List<Characteristic> characteristics = new ArrayList<>();

        private Builder(FeatureCatalogue catalogue) {
            this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        }

        /** Sets the intercept (log-odds), default 0. */
        public Builder intercept(double v) {
            intercept = v;
            return this;
        }

        /**
         * Adds a numeric characteristic from interior edges: {@code edges.length + 1} bins
         * {@code (-inf, e0), [e0, e1), ..., [e_last, +inf)}.
         *
         * @param edges    interior edges, strictly ascending
         * @param logOdds  one value per bin ({@code edges.length + 1})
         * @param missing  value of the missing bin
         * @throws IllegalArgumentException if the lengths do not match
         */
        public Builder numeric(String feature, double[] edges, double[] logOdds, double missing) {
            if (logOdds.length != edges.length + 1) {
                throw new IllegalArgumentException("feature '" + feature + "': " + edges.length + " edges need "
                        + (edges.length + 1) + " bin values, got " + logOdds.length);
            }
            List<Bin> bins = new ArrayList<>(logOdds.length);
            for (int b = 0; b < logOdds.length; b++) {
                double lo = b == 0 ? Double.NEGATIVE_INFINITY : edges[b - 1];
                double hi = b == edges.length ? Double.POSITIVE_INFINITY : edges[b];
                bins.add(Bin.of(lo, hi, logOdds[b]));
            }
            characteristics.add(new Numeric(feature, bins, missing));
            return this;
        }

        /**
         * Adds a numeric characteristic with the population share of each bin.
         *
         * @param shares one share per bin and the missing share
         * @throws IllegalArgumentException if the lengths do not match
         */
        public Builder numeric(String feature, double[] edges, double[] logOdds, double missing, Shares shares) {
            numeric(feature, edges, logOdds, missing);
            int last = characteristics.size() - 1;
            characteristics.set(last, ((Numeric) characteristics.get(last)).withShares(shares));
            return this;
        }

        /** Adds a numeric characteristic from explicit bins. */
        public Builder numeric(String feature, List<Bin> bins, double missing) {
            characteristics.add(new Numeric(feature, bins, missing));
            return this;
        }

        /** Adds a categorical characteristic. */
        public Builder categorical(String feature, List<Category> categories, double other, double missing) {
            characteristics.add(new Categorical(feature, categories, other, missing));
            return this;
        }

        /**
         * Adds a categorical characteristic with the population share of each category, of {@code other}
         * and of the missing bin.
         */
        public Builder categorical(String feature, List<Category> categories, double other, double missing,
                                   Shares shares) {
            characteristics.add(new Categorical(feature, categories, other, missing, Optional.of(shares)));
            return this;
        }

        /** Adds any characteristic. */
        public Builder add(Characteristic c) {
            characteristics.add(Objects.requireNonNull(c, "characteristic"));
            return this;
        }

        /**
         * Builds the scorecard.
         *
         * @throws IllegalArgumentException listing every structural problem, naming feature and bin
         */
        public Scorecard build() {
            return Scorecard.of(catalogue, intercept, characteristics);
        }
    }
}
