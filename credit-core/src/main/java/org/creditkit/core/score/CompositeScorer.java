package org.creditkit.core.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.codes.IndustryScheme;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureDefinition;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.scorecard.Scorecard;
import org.creditkit.core.score.spi.ScoringModel;

/**
 * Scores feature vectors with a base model plus the industry overlay resolved from the GB/T 4754
 * code: {@code logOdds = base(x) + industry_k(x)}, most specific match first (division {@code C39},
 * then section {@code C}), else the base alone. Then PD, scaled score, grade and up to four reason
 * codes: the features whose points lie furthest below their neutral (population-average) points, ties
 * broken by catalogue order, a feature at or above its neutral points never a reason; bundles without
 * population shares (scorecards) or node covers (tree ensembles) fall back to the most favourable value and say so ({@link #reasonBasis()},
 * {@link ScoreResult#reasonBasis()}). A missing feature gives a missing-data reason (its own code and text,
 * from the {@link ReasonTable}), never a value-driven one. The result also carries the score's
 * confidence: the share of the discriminating weight (highest minus lowest contribution of each
 * feature the models read) that rests on present data, and the sources of the missing weight.
 * Immutable and thread-safe; {@link #score} allocates only its result.
 *
 * <pre>{@code
 * CompositeScorer scorer = ModelBundle.defaultBundle().scorer();
 * ScoreResult r = scorer.score(vector, IndustryCode.of("I65"));
 * r.grade(); r.reasons(); r.overlay();   // e.g. BBB, [R-DEBT_TO_ASSET(-31.0), ...], Optional[technology]
 * }</pre>
 */
public final class CompositeScorer {

    /** Points below which a feature is not a reason (rounding noise). */
    private static final double MIN_POINTS = 1e-9;

    private final String modelId;
    private final String modelVersion;
    private final FeatureCatalogue catalogue;
    private final Scaling scaling;
    private final GradeBands bands;
    private final ScoringModel base;
    private final List<IndustryOverlay> overlays;

    private final ScoringModel[] overlayModels;
    private final List<Optional<String>> overlayIds;
    private final Map<IndustryCode, Integer> byDivision;
    private final int[] bySection;
    /** Per route (0 = base only, k + 1 = overlay k): catalogue positions either model reads, ascending. */
    private final int[][] used;
    /** Per route, by catalogue position: the combined contribution reasons are measured against. */
    private final double[][] reference;
    private final ReasonBasis basis;
    private final String[] codes;
    private final String[] texts;
    private final String[] textsZh;
    private final String[] missingCodes;
    private final String[] missingTexts;
    private final String[] missingTextsZh;
    private final ReasonTable reasonTable;
    /** Per route, by catalogue position: discriminating weight (0 for features the route does not read). */
    private final double[][] weight;
    /** Per route, by catalogue position: its source mask if it has weight, else 0. */
    private final long[][] missingSources;
    /** Per route: total discriminating weight. */
    private final double[] totalWeight;
    /** By catalogue position: bit mask of the feature's sources (DataSource ordinals). */
    private final long[] sourceMask;
    /**
     * The list of sources for each mask of {@link DataSource} bits, built on first use: a plain array,
     * as a boxed-key map cost a box and a hash probe per score. Racy filling is benign: every thread
     * builds an equal immutable list, published safely through its final fields.
     */
    private final List<DataSource>[] sourceLists = newSourceLists();
    private final List<List<DataSource>> lineage;
    private final double factor;
    private final double offset;
    private final ThreadLocal<Scratch> scratch;
    /**
     * The base-only route's single pass, when the base model is a {@linkplain Scorecard#tabulated()
     * tabulated} scorecard whose characteristics follow catalogue order (else null): the card's features by
     * characteristic, and per slot of the card four longs: the bin value's bits, the reason ranking key
     * ({@link #rankKey}, its low 16 bits {@code 0xFFFF - slot}, which order like {@code 0xFFFF - position}
     * as the characteristics follow the catalogue), the feature's discriminating weight's bits when present
     * (0.0 in the missing bin) and its missing sources in the missing bin (else 0); and the reason a slot
     * gives, an immutable record shared by every result that ranks it. The pass adds the terms up in the
     * order the general path does, so results are bit for bit the same, without the contributions array.
     */
    private final Scorecard card;
    private final int[] cardFeature;
    private final long[] slotTerms;
    private final ReasonCode[] slotReasons;

    private static final class Scratch {
        final double[] contributions;

        Scratch(int n) {
            contributions = new double[n];
        }
    }

    private CompositeScorer(String modelId, String modelVersion, FeatureCatalogue catalogue, Scaling scaling,
                            GradeBands bands, ScoringModel base, List<IndustryOverlay> overlays,
                            ReasonTable reasonTable) {
        this.reasonTable = Objects.requireNonNull(reasonTable, "reasonTable");
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.scaling = Objects.requireNonNull(scaling, "scaling");
        this.bands = Objects.requireNonNull(bands, "bands");
        this.base = guard(Objects.requireNonNull(base, "base"));
        this.overlays = List.copyOf(overlays);
        int k = this.overlays.size();
        overlayModels = new ScoringModel[k];
        List<Optional<String>> ids = new ArrayList<>();
        ids.add(Optional.empty());
        byDivision = new HashMap<>();
        bySection = new int[26];
        Arrays.fill(bySection, -1);
        List<String> problems = new ArrayList<>();
        checkCatalogue(base, "base", problems);
        Map<String, String> claimed = new HashMap<>();
        for (int o = 0; o < k; o++) {
            IndustryOverlay ov = this.overlays.get(o);
            overlayModels[o] = guard(ov.model());
            ids.add(Optional.of(ov.id()));
            checkCatalogue(ov.model(), "overlay '" + ov.id() + "'", problems);
            for (String code : ov.industries()) {
                if (ov.scheme() != IndustryScheme.GBT_4754) {
                    continue; // applications carry GB/T codes: a NAICS overlay never selects by application
                }
                String prev = claimed.put(code, ov.id());
                if (prev != null) {
                    problems.add("industry " + code + " is claimed by overlays '" + prev + "' and '" + ov.id()
                            + "'; each code may select one overlay");
                    continue;
                }
                if (IndustryOverlay.isSection(code)) {
                    bySection[code.charAt(0) - 'A'] = o;
                } else {
                    byDivision.put(IndustryCode.of(code), o);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        overlayIds = List.copyOf(ids);
        int n = catalogue.size();
        if (n > 0xFFFF) {
            throw new IllegalArgumentException("catalogue " + catalogue.version() + " has " + n
                    + " features; reason ranking supports at most 65535");
        }
        basis = neutralKnown(this.base) && Arrays.stream(overlayModels).allMatch(CompositeScorer::neutralKnown)
                ? ReasonBasis.NEUTRAL : ReasonBasis.MOST_FAVOURABLE;
        used = new int[k + 1][];
        reference = new double[k + 1][n];
        weight = new double[k + 1][n];
        totalWeight = new double[k + 1];
        for (int r = 0; r <= k; r++) {
            TreeSet<Integer> u = new TreeSet<>();
            for (int f : base.features()) {
                u.add(f);
            }
            if (r > 0) {
                for (int f : overlayModels[r - 1].features()) {
                    u.add(f);
                }
            }
            used[r] = u.stream().mapToInt(Integer::intValue).toArray();
            for (int f : used[r]) {
                double ref = contains(base.features(), f) ? referenceOf(this.base, f) : 0;
                if (r > 0 && contains(overlayModels[r - 1].features(), f)) {
                    ref += referenceOf(overlayModels[r - 1], f);
                }
                reference[r][f] = ref;
                double w = contains(base.features(), f) ? this.base.unfavourable(f) - this.base.favourable(f) : 0;
                if (r > 0 && contains(overlayModels[r - 1].features(), f)) {
                    w += overlayModels[r - 1].unfavourable(f) - overlayModels[r - 1].favourable(f);
                }
                weight[r][f] = Math.max(0, w);
                totalWeight[r] += weight[r][f];
            }
            if (!(totalWeight[r] > 0)) {
                // the models report no weights: every feature they read weighs the same
                for (int f : used[r]) {
                    weight[r][f] = 1;
                }
                totalWeight[r] = Math.max(1, used[r].length);
            }
        }
        codes = new String[n];
        texts = new String[n];
        textsZh = new String[n];
        missingCodes = new String[n];
        missingTexts = new String[n];
        missingTextsZh = new String[n];
        sourceMask = new long[n];
        List<List<DataSource>> lin = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FeatureDefinition d = catalogue.get(i);
            ReasonTable.Texts t = reasonTable.textsFor(d);
            codes[i] = ReasonCode.codeFor(d.id());
            texts[i] = t.en();
            textsZh[i] = t.zh();
            missingCodes[i] = ReasonCode.missingCodeFor(d.id());
            missingTexts[i] = t.missingEn();
            missingTextsZh[i] = t.missingZh();
            lin.add(d.lineage());
            for (DataSource src : d.lineage()) {
                sourceMask[i] |= 1L << src.ordinal();
            }
        }
        lineage = List.copyOf(lin);
        missingSources = new long[k + 1][n];
        for (int r = 0; r <= k; r++) {
            for (int f : used[r]) {
                missingSources[r][f] = weight[r][f] > 0 ? sourceMask[f] : 0;
            }
        }
        factor = scaling.factor();
        offset = scaling.offset();
        scratch = ThreadLocal.withInitial(() -> new Scratch(n));
        card = tabulatedInOrder(this.base);
        if (card == null) {
            cardFeature = null;
            slotTerms = null;
            slotReasons = null;
            return;
        }
        cardFeature = card.features(); // ascending, and in characteristic order (tabulatedInOrder)
        int row = card.slotCount() / cardFeature.length;
        slotTerms = new long[4 * card.slotCount()];
        slotReasons = new ReasonCode[card.slotCount()];
        for (int j = 0; j < cardFeature.length; j++) {
            int f = cardFeature[j];
            for (int s = j * row; s < (j + 1) * row; s++) {
                double v = card.slotLogOdds(s);
                boolean missingBin = s == (j + 1) * row - 1;
                slotTerms[4 * s] = Double.doubleToRawLongBits(v);
                double c = 0.0 + v; // what the general path's contributions array holds
                long key = rankKey(f, c, reference[0]);
                slotTerms[4 * s + 1] = key == 0 ? 0 : key & ~0xFFFFL | 0xFFFF - s;
                if (key != 0) {
                    slotReasons[s] = reason(f, missingBin, factor * (c - reference[0][f]));
                }
                slotTerms[4 * s + 2] = Double.doubleToRawLongBits(missingBin ? 0.0 : weight[0][f]);
                slotTerms[4 * s + 3] = missingBin ? missingSources[0][f] : 0;
            }
        }
    }

    /** The base model as a tabulated scorecard whose characteristics ascend in catalogue order, else null. */
    private static Scorecard tabulatedInOrder(ScoringModel m) {
        if (!(m instanceof Scorecard c) || !c.tabulated() || c.characteristics().isEmpty() || c.slotCount() > 0xFFFF) {
            return null;
        }
        int prev = -1;
        for (Scorecard.Characteristic ch : c.characteristics()) {
            int f = c.catalogue().indexOf(ch.feature());
            if (f <= prev) {
                return null;
            }
            prev = f;
        }
        return c;
    }

    private static boolean neutralKnown(ScoringModel m) {
        for (int f : m.features()) {
            if (m.neutral(f).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private double referenceOf(ScoringModel m, int f) {
        return basis == ReasonBasis.NEUTRAL ? m.neutral(f).getAsDouble() : m.favourable(f);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private void checkCatalogue(ScoringModel m, String what, List<String> problems) {
        if (!m.catalogue().version().equals(catalogue.version()) || m.catalogue().size() != catalogue.size()) {
            problems.add(what + " model is laid out against catalogue " + m.catalogue().version()
                    + " but the scorer against " + catalogue.version());
        }
    }

    private static ScoringModel guard(ScoringModel m) {
        return m.finiteByConstruction() ? m : ScoringModel.validating(m);
    }

    /**
     * A scorer from its parts.
     *
     * @param overlays industry overlays; no industry code may be claimed twice
     * @throws IllegalArgumentException if a model is laid out against another catalogue or an industry
     *                                  code is claimed by two overlays
     */
    public static CompositeScorer of(String modelId, String modelVersion, FeatureCatalogue catalogue,
                                     Scaling scaling, GradeBands bands, ScoringModel base,
                                     List<IndustryOverlay> overlays) {
        return new CompositeScorer(modelId, modelVersion, catalogue, scaling, bands, base, overlays,
                ReasonTable.standard());
    }

    /**
     * The same scorer with the reason texts of another table (a risk team's edited copy).
     *
     * @param table the reason table
     * @return a new scorer
     * @throws IllegalArgumentException if the table names a feature the catalogue does not have
     */
    public CompositeScorer withReasons(ReasonTable table) {
        List<String> unknown = table.unknownIds(catalogue);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the reason table names features the catalogue " + catalogue.version()
                    + " does not have: " + unknown);
        }
        return new CompositeScorer(modelId, modelVersion, catalogue, scaling, bands, base, overlays, table);
    }

    /**
     * What reasons are measured against: {@link ReasonBasis#NEUTRAL} when every model of the bundle
     * records its population (scorecards with population shares, tree ensembles with node covers), else the explicit fallback
     * {@link ReasonBasis#MOST_FAVOURABLE}.
     *
     * @return the basis of every reason this scorer gives
     */
    public ReasonBasis reasonBasis() {
        return basis;
    }

    /** The reason table the texts come from. */
    public ReasonTable reasonTable() {
        return reasonTable;
    }

    /** The overlay that applies to an industry: division match, else section match, else none. */
    public Optional<IndustryOverlay> overlayFor(IndustryCode industry) {
        int r = route(industry);
        return r == 0 ? Optional.empty() : Optional.of(overlays.get(r - 1));
    }

    private int route(IndustryCode industry) {
        Integer d = byDivision.get(industry);
        if (d != null) {
            return d + 1;
        }
        char s = industry.section();
        int o = s >= 'A' && s <= 'Z' ? bySection[s - 'A'] : -1;
        return o + 1;
    }

    /**
     * Scores a vector for an enterprise in {@code industry}.
     *
     * @throws IllegalArgumentException if the vector is laid out against another catalogue
     * @throws org.creditkit.core.CreditModelException if a plug-in model returns a non-finite value
     */
    public ScoreResult score(FeatureVector x, IndustryCode industry) {
        return score(x, route(industry));
    }

    /**
     * Extracts the standard features of an application and scores it for its enterprise's industry.
     *
     * @throws IllegalStateException if this scorer's bundle uses a custom catalogue (extract a vector
     *                               against {@link #catalogue()} and call {@link #score(FeatureVector, IndustryCode)})
     */
    public ScoreResult score(LoanApplication application) {
        return score(extract(application), application.enterprise().industry());
    }

    /**
     * Explains the score of an application (standard features).
     *
     * @throws IllegalStateException if this scorer's bundle uses a custom catalogue
     */
    public ScoreExplanation explain(LoanApplication application) {
        return explain(extract(application), application.enterprise().industry());
    }

    private FeatureVector extract(LoanApplication application) {
        FeatureExtractor x = FeatureExtractor.standard();
        if (x.catalogue() != catalogue) {
            throw new IllegalStateException("model " + modelId + " uses catalogue " + catalogue.version()
                    + ", not the standard " + x.catalogue().version()
                    + " that applications are extracted to; build a FeatureVector against it and score that");
        }
        return x.extract(application);
    }

    /** Scores with the base model alone (no industry known). */
    public ScoreResult scoreBase(FeatureVector x) {
        return score(x, 0);
    }

    private ScoreResult score(FeatureVector x, int r) {
        if (r == 0 && card != null && x.catalogue() == catalogue) {
            return scoreCard(x);
        }
        Scratch s = scratch.get();
        double[] c = s.contributions;
        int[] u = used[r];
        double[] w = weight[r];
        long[] ms = missingSources[r];
        double present = 0;
        long missingMask = 0;
        for (int f : u) { // no branch on missingness, which varies from vector to vector
            c[f] = 0;
            long missing = x.isMissing(f) ? 1 : 0;
            present += w[f] * (1 - missing);
            missingMask |= ms[f] & -missing;
        }
        double baseLo = base.contributions(x, c);
        double indLo = r == 0 ? 0 : overlayModels[r - 1].contributions(x, c);
        double lo = baseLo + indLo;
        // top four reasons (points below the reference): each candidate becomes a long key, the points'
        // raw bits (ordered like the points, as they are positive) with the low 16 bits replaced by
        // 0xFFFF - position, so equal points rank the earlier catalogue position first; a key above the
        // fourth largest so far goes through a compare-exchange network of max/min (arithmetic, no
        // branches) that keeps the four largest. Points within a relative 2^-36 of each other therefore
        // count as ties.
        double[] fav = reference[r];
        long t0 = 0;
        long t1 = 0;
        long t2 = 0;
        long t3 = 0;
        for (int f : u) {
            double pts = factor * (c[f] - fav[f]);
            // all ones when pts > MIN_POINTS: the sign of MIN_POINTS - pts (never -0.0, MIN_POINTS > 0)
            long keep = Double.doubleToRawLongBits(MIN_POINTS - pts) >> 63;
            long key = ((Double.doubleToRawLongBits(pts) & ~0xFFFFL) | (0xFFFF - f)) & keep;
            if (key <= t3) {
                continue; // most candidates once the first few are in: a branch mostly not taken
            }
            long d = t0 - key; // keys are in [0, 2^63): differences do not overflow
            long m = d & (d >> 63);
            long low = key + m;
            t0 -= m;
            d = t1 - low;
            m = d & (d >> 63);
            key = low + m;
            t1 -= m;
            d = t2 - key;
            m = d & (d >> 63);
            low = key + m;
            t2 -= m;
            d = t3 - low;
            t3 -= d & (d >> 63);
        }
        List<ReasonCode> reasons;
        if (t0 == 0) {
            reasons = List.of();
        } else if (t1 == 0) {
            reasons = List.of(reason(t0, c, fav, x));
        } else if (t2 == 0) {
            reasons = List.of(reason(t0, c, fav, x), reason(t1, c, fav, x));
        } else if (t3 == 0) {
            reasons = List.of(reason(t0, c, fav, x), reason(t1, c, fav, x), reason(t2, c, fav, x));
        } else {
            reasons = List.of(reason(t0, c, fav, x), reason(t1, c, fav, x), reason(t2, c, fav, x),
                    reason(t3, c, fav, x));
        }
        double confidence = Math.min(1.0, Math.max(0.0, present / totalWeight[r]));
        double pd = Scaling.pd(lo);
        double score = offset - factor * lo;
        return new ScoreResult(pd, lo, score, bands.grade(score, pd), reasons, baseLo, indLo, overlayIds.get(r),
                modelId, modelVersion, confidence, sources(missingMask), basis);
    }

    /**
     * {@link #score} on the base route of a tabulated scorecard: one pass over the characteristics, each
     * slot's terms read from {@link #slotTerms}, summed in the order the general path sums them.
     */
    private ScoreResult scoreCard(FeatureVector x) {
        final Scorecard k = card;
        final int[] feat = cardFeature;
        final long[] t = slotTerms;
        double lo = k.intercept();
        double present = 0;
        long missingMask = 0;
        Top4 top = new Top4();
        for (int j = 0; j < feat.length; j++) {
            int at = 4 * k.slotOf(j, x.value(feat[j]));
            lo += Double.longBitsToDouble(t[at]);
            long key = t[at + 1];
            present += Double.longBitsToDouble(t[at + 2]);
            missingMask |= t[at + 3];
            top.offer(key);
        }
        return cardResult(x, lo, top.t0, top.t1, top.t2, top.t3, present, missingMask);
    }

    /**
     * The ranking key of feature {@code f} with combined contribution {@code c}: the points' raw bits
     * (ordered like the points, as they are positive) with the low 16 bits replaced by
     * {@code 0xFFFF - f}, so equal points rank the earlier catalogue position first; 0 unless the points
     * exceed {@link #MIN_POINTS}. Points within a relative 2^-36 of each other therefore count as ties.
     */
    private long rankKey(int f, double c, double[] fav) {
        double pts = factor * (c - fav[f]);
        // all ones when pts > MIN_POINTS: the sign of MIN_POINTS - pts (never -0.0, MIN_POINTS > 0)
        long keep = Double.doubleToRawLongBits(MIN_POINTS - pts) >> 63;
        return ((Double.doubleToRawLongBits(pts) & ~0xFFFFL) | (0xFFFF - f)) & keep;
    }

    /**
     * The four largest keys offered, largest first (0 where fewer were positive). A key above the fourth
     * goes through a compare-exchange network of max/min (arithmetic, no branches); the test before it
     * is a branch mostly not taken once the first few are in. C2 keeps it in registers (it does not
     * escape {@link #scoreCard}). The same network is written out in {@link #score}'s general path: there
     * this class, or the result built in a shared method, measured 6-8% slower on the default bundle
     * (2026-12-02, docs/performance.md), so that path stays as it was.
     */
    private static final class Top4 {
        long t0;
        long t1;
        long t2;
        long t3;

        void offer(long key) {
            if (key <= t3) {
                return;
            }
            long d = t0 - key; // keys are in [0, 2^63): differences do not overflow
            long m = d & (d >> 63);
            long low = key + m;
            t0 -= m;
            d = t1 - low;
            m = d & (d >> 63);
            key = low + m;
            t1 -= m;
            d = t2 - key;
            m = d & (d >> 63);
            low = key + m;
            t2 -= m;
            d = t3 - low;
            t3 -= d & (d >> 63);
        }
    }

    /**
     * {@link #score}'s result on {@link #scoreCard}'s path, from the four largest keys
     * {@code t0 >= t1 >= t2 >= t3} (0 for none), the base log-odds, the present weight and the missing sources.
     */
    private ScoreResult cardResult(FeatureVector x, double baseLo, long t0, long t1, long t2, long t3, double present,
                                   long missingMask) {
        double indLo = 0;
        double lo = baseLo + indLo;
        List<ReasonCode> reasons;
        if (t0 == 0) {
            reasons = List.of();
        } else if (t1 == 0) {
            reasons = List.of(slotReason(t0));
        } else if (t2 == 0) {
            reasons = List.of(slotReason(t0), slotReason(t1));
        } else if (t3 == 0) {
            reasons = List.of(slotReason(t0), slotReason(t1), slotReason(t2));
        } else {
            reasons = List.of(slotReason(t0), slotReason(t1), slotReason(t2), slotReason(t3));
        }
        double confidence = Math.min(1.0, Math.max(0.0, present / totalWeight[0]));
        double pd = Scaling.pd(lo);
        double score = offset - factor * lo;
        return new ScoreResult(pd, lo, score, bands.grade(score, pd), reasons, baseLo, indLo, overlayIds.get(0),
                modelId, modelVersion, confidence, sources(missingMask), basis);
    }

    private List<DataSource> sources(long mask) {
        List<DataSource> l = sourceLists[(int) mask];
        return l != null ? l : (sourceLists[(int) mask] = sourceList(mask));
    }

    @SuppressWarnings("unchecked")
    private static List<DataSource>[] newSourceLists() {
        // 13 sources today: 8,192 slots (32 KB); an enum past 20 sources would need a map again
        int n = DataSource.values().length;
        if (n > 20) {
            throw new IllegalStateException(n + " data sources: too many for the source-list table");
        }
        List<DataSource>[] lists = (List<DataSource>[]) new List<?>[1 << n];
        lists[0] = List.of();
        return lists;
    }

    private static List<DataSource> sourceList(long mask) {
        List<DataSource> out = new ArrayList<>();
        for (DataSource d : DataSource.values()) {
            if ((mask & 1L << d.ordinal()) != 0) {
                out.add(d);
            }
        }
        return List.copyOf(out);
    }

    /** The reason of a ranking key on {@link #scoreCard}'s path: the slot's, made at construction. */
    private ReasonCode slotReason(long key) {
        return slotReasons[0xFFFF - (int) (key & 0xFFFF)];
    }

    private ReasonCode reason(long key, double[] c, double[] fav, FeatureVector x) {
        int f = 0xFFFF - (int) (key & 0xFFFF);
        return reason(f, x.isMissing(f), factor * (c[f] - fav[f]));
    }

    private ReasonCode reason(int f, boolean missing, double points) {
        return new ReasonCode(missing ? missingCodes[f] : codes[f], catalogue.get(f).id(),
                missing ? missingTexts[f] : texts[f], missing ? missingTextsZh[f] : textsZh[f], lineage.get(f),
                points, missing);
    }

    /**
     * Scores and explains every feature: value, bin, base and industry log-odds, points added and
     * points lost, lineage. Slow path for the {@code explain} command and audits.
     */
    public ScoreExplanation explain(FeatureVector x, IndustryCode industry) {
        return explain(x, route(industry));
    }

    /** Explains a base-only score. */
    public ScoreExplanation explainBase(FeatureVector x) {
        return explain(x, 0);
    }

    private ScoreExplanation explain(FeatureVector x, int r) {
        ScoreResult result = score(x, r);
        int n = catalogue.size();
        double[] b = new double[n];
        double[] ind = new double[n];
        base.contributions(x, b);
        ScoringModel overlay = r == 0 ? null : overlayModels[r - 1];
        if (overlay != null) {
            overlay.contributions(x, ind);
        }
        List<FeatureExplanation> out = new ArrayList<>();
        for (int f : used[r]) {
            String id = catalogue.get(f).id();
            double v = x.value(f);
            String bin = binLabel(base, id, v);
            if (overlay != null && contains(overlay.features(), f)) {
                String ob = binLabel(overlay, id, v);
                bin = contains(base.features(), f) ? bin + " / " + ob : ob;
            }
            double total = b[f] + ind[f];
            out.add(new FeatureExplanation(id, v, bin, b[f], ind[f], -factor * total,
                    Math.max(0, factor * (total - reference[r][f])), catalogue.get(f).lineage()));
        }
        return new ScoreExplanation(result, base.bias(), overlay == null ? 0 : overlay.bias(), out);
    }

    private static String binLabel(ScoringModel m, String id, double v) {
        if (m instanceof Scorecard card && card.characteristics().stream().anyMatch(c -> c.feature().equals(id))) {
            return card.binLabel(id, v);
        }
        return Double.isNaN(v) ? "missing (path)" : "path";
    }

    /** Bundle id. */
    public String modelId() {
        return modelId;
    }

    /** Bundle version. */
    public String modelVersion() {
        return modelVersion;
    }

    /** The catalogue vectors must be laid out against. */
    public FeatureCatalogue catalogue() {
        return catalogue;
    }

    /** The scaling. */
    public Scaling scaling() {
        return scaling;
    }

    /** The grade bands. */
    public GradeBands gradeBands() {
        return bands;
    }

    /** The overlays in bundle order. */
    public List<IndustryOverlay> overlays() {
        return overlays;
    }

    @Override
    public String toString() {
        return "CompositeScorer[" + modelId + " " + modelVersion + ", overlays "
                + overlays.stream().map(IndustryOverlay::id).toList() + "]";
    }
}
