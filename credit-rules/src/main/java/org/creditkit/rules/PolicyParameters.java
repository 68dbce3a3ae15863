package org.creditkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.creditkit.core.domain.Product;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.rules.internal.JsonDoc;
import org.creditkit.rules.internal.JsonFields;

/**
 * The thresholds, caps, grids and industry multiples of a decision policy: what risk teams tune
 * without touching rule code. Loaded from the rule set's {@value #FILE_NAME} and validated on load;
 * rules read it as {@code Case( params.... )}.
 *
 * <p>The file format (every key required, no other keys allowed):
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "referenceRate": 0.031,                      // 1-year LPR; price = referenceRate + grade spread
 *   "seriousPenaltyLookbackMonths": 36,          // serious penalty this recent -> decline
 *   "yellowCardMonths": 12,                      // repaired listing this recent -> manual review
 *   "reducedLimitPd": 0.2,                       // mitigation above this PD also reduces the limit
 *   "reducedLimitFactor": 0.5,                   // by this factor
 *   "mitigationMaxTermMonths": 12,               // mitigation shortens longer terms to this
 *   "riskCompensationProducts": ["AGRICULTURE"], // products a risk-compensation fund covers
 *   "acceptedCoreEnterpriseRatings": ["AAA"],    // supply-chain core ratings accepted without review
 *   "reviewDataQualityFlags": ["STALE_SOURCE"],  // flags that send to review; the others only warn
 *   "minScoreConfidence": 0.35,                  // score confidence below this -> manual review
 *   "currentOverdueDeclineDays": 30,             // overdue at a bank now: above -> decline, 1..this -> review
 *   "enforcementReviewCases": 1,                 // enforcement cases at least this -> manual review
 *   "lossModel": {"lgdUnsecured": 0.45,          // expected-loss model, see LossModel
 *                 "guaranteeCoverShare": 0.5, "collateralLtv": 0.7, "collateralRecoveryRate": 0.6,
 *                 "riskFundNplThreshold": 0.03, "riskFundShare": 0.5},
 *   "products": { "GENERAL": {"instantMaxPd": 0.03, "reviewMaxPd": 0.08, "autoApprovalCap": 5000000,
 *                             "maxAmount": 10000000, "maxTermMonths": 36,
 *                             "pdCeiling": 0.25,             // risk appetite: PD above -> decline
 *                             "maxExpectedLossRate": 0.025,  // mitigated offers: EL / EAD at most this
 *                             "maxExpectedLoss": 150000},    // and EL at most this (CNY)
 *                 ... all five products },
 *   "gradeSpreads": { "AAA": 0.003, ..., "D": 0.07 },   // best grade first, spreads non-decreasing
 *   "industryMultiples": { "default": {"revenueMultiple": 0.2, "taxMultiple": 8},
 *                          "C": {...}, "C39": {...} }  // division, then section, then default
 * }
 * }</pre>
 *
 * @param referenceRate the reference (base) rate
 * @param seriousPenaltyLookbackMonths look-back period of the serious-penalty hard stop
 * @param yellowCardMonths months after a repair during which the yellow card applies
 * @param reducedLimitPd PD above which mitigation also reduces the limit
 * @param reducedLimitFactor factor applied to the amount under a reduced limit, in (0, 1)
 * @param mitigationMaxTermMonths term a shorter-term measure shortens to
 * @param riskCompensationProducts products covered by a government risk-compensation fund
 * @param acceptedCoreEnterpriseRatings supply-chain core enterprise ratings accepted without review
 * @param reviewDataQualityFlags data-quality flags that send an application to manual review; any
 *        other flag only adds a warning to the decision's reasons
 * @param minScoreConfidence score confidence (share of the model's discriminating weight on present data)
 *        below which the application goes to manual review naming the missing sources
 * @param currentOverdueDeclineDays days currently overdue at a bank (indicator {@code current_days_overdue})
 *        above which the application is declined; 1 up to this many days send it to manual review
 * @param enforcementReviewCases enforcement cases (indicator {@code enforcement_cases}) from which the
 *        application goes to manual review
 * @param lossModel the expected-loss model (LGD, guarantee, collateral and risk-fund parameters)
 * @param products policy per product (all products present)
 * @param gradeSpreads spread over the reference rate per grade, best grade first, in file order
 * @param industryMultiples limit multiples by division, section or {@code "default"}
 */
public record PolicyParameters(
        double referenceRate,
        int seriousPenaltyLookbackMonths,
        int yellowCardMonths,
        double reducedLimitPd,
        BigDecimal reducedLimitFactor,
        int mitigationMaxTermMonths,
        Set<Product> riskCompensationProducts,
        Set<String> acceptedCoreEnterpriseRatings,
        Set<DataQualityFlag> reviewDataQualityFlags,
        double minScoreConfidence,
        int currentOverdueDeclineDays,
        int enforcementReviewCases,
        LossModel lossModel,
        Map<Product, ProductPolicy> products,
        Map<String, Double> gradeSpreads,
        Map<String, IndustryMultiple> industryMultiples) {

    /** The parameters file name inside a rule set. */
    public static final String FILE_NAME = "parameters.json";

    /** The supported {@code formatVersion}. */
    public static final int FORMAT_VERSION = 1;

    private static final Pattern INDUSTRY_KEY = Pattern.compile("default|[A-T]|[A-T][0-9]{2}");
    private static final BigDecimal MAX_MONEY = new BigDecimal("100000000000");

    /**
     * Copies the collections and checks consistency.
     *
     * @throws RuleSetException listing every problem (located at {@code <programmatic>})
     */
    public PolicyParameters {
        riskCompensationProducts = riskCompensationProducts.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(riskCompensationProducts));
        acceptedCoreEnterpriseRatings = Collections.unmodifiableSet(new LinkedHashSet<>(acceptedCoreEnterpriseRatings));
        reviewDataQualityFlags = reviewDataQualityFlags.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(reviewDataQualityFlags));
        products = Collections.unmodifiableMap(new EnumMap<>(products));
        gradeSpreads = Collections.unmodifiableMap(new LinkedHashMap<>(gradeSpreads));
        industryMultiples = Collections.unmodifiableMap(new LinkedHashMap<>(industryMultiples));
        Objects.requireNonNull(lossModel, "lossModel");
        List<String[]> problems = consistencyProblems(referenceRate, reducedLimitPd, reducedLimitFactor,
                mitigationMaxTermMonths, lossModel, products, gradeSpreads, industryMultiples);
        if (!problems.isEmpty()) {
            List<RuleProblem> located = new ArrayList<>();
            for (String[] p : problems) {
                located.add(RuleProblem.of("<programmatic>", 1, 1, JsonDoc.path(p[0]) + ": " + p[1]));
            }
            throw new RuleSetException("parameters", located);
        }
    }

    /**
     * The policy of a product.
     *
     * @param product the product
     * @return its policy
     */
    public ProductPolicy product(Product product) {
        return products.get(product);
    }

    /**
     * The limit multiples for an industry: the division's, else the section's, else the default.
     *
     * @param section GB/T 4754 section letter
     * @param division GB/T 4754 division code
     * @return the multiples
     */
    public IndustryMultiple multipleFor(String section, String division) {
        IndustryMultiple m = industryMultiples.get(division);
        if (m == null) {
            m = industryMultiples.get(section);
        }
        return m != null ? m : industryMultiples.get("default");
    }

    /**
     * Whether the price grid has the grade.
     *
     * @param grade a grade
     * @return true when priced
     */
    public boolean pricesGrade(String grade) {
        return gradeSpreads.containsKey(grade);
    }

    /**
     * The price of a grade: reference rate plus the grade's spread, or plus the worst spread when the
     * grid lacks the grade.
     *
     * @param grade a grade
     * @return the annual interest rate
     */
    public double priceFor(String grade) {
        Double spread = gradeSpreads.get(grade);
        return referenceRate + (spread != null ? spread : worstSpread());
    }

    /**
     * The largest spread of the grid.
     *
     * @return the worst grade's spread
     */
    public double worstSpread() {
        double worst = 0;
        for (double s : gradeSpreads.values()) {
            worst = Math.max(worst, s);
        }
        return worst;
    }

    /**
     * Whether a government risk-compensation fund covers the product.
     *
     * @param product a product
     * @return true when covered
     */
    public boolean riskFundCovers(Product product) {
        return riskCompensationProducts.contains(product);
    }

    /**
     * Whether a supply-chain core enterprise rating is accepted without review.
     *
     * @param rating a rating
     * @return true when accepted
     */
    public boolean acceptsCoreRating(String rating) {
        return acceptedCoreEnterpriseRatings.contains(rating);
    }

    /**
     * Whether any of the flags sends the application to manual review.
     *
     * @param flags an application's data-quality flags
     * @return true when at least one is a review flag
     */
    public boolean reviewsAny(Set<DataQualityFlag> flags) {
        for (DataQualityFlag f : flags) {
            if (reviewDataQualityFlags.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any of the flags is a warning only (not a review flag).
     *
     * @param flags an application's data-quality flags
     * @return true when at least one flag only warns
     */
    public boolean warnsAny(Set<DataQualityFlag> flags) {
        for (DataQualityFlag f : flags) {
            if (!reviewDataQualityFlags.contains(f)) {
                return true;
            }
        }
        return false;
    }

    private static List<String[]> consistencyProblems(double referenceRate, double reducedLimitPd,
            BigDecimal reducedLimitFactor, int mitigationMaxTermMonths, LossModel lossModel,
            Map<Product, ProductPolicy> products, Map<String, Double> gradeSpreads,
            Map<String, IndustryMultiple> industryMultiples) {
        List<String[]> out = new ArrayList<>(lossModel.problems());
        for (Product p : Product.values()) {
            ProductPolicy pp = products.get(p);
            String at = "/products/" + p.name();
            if (pp == null) {
                out.add(new String[] {"/products", "missing product " + p.name()});
                continue;
            }
            if (pp.product() != p) {
                out.add(new String[] {at, "holds the policy of " + pp.product() + ", not of " + p});
            }
            if (!(pp.instantMaxPd() < pp.reviewMaxPd())) {
                out.add(new String[] {at + "/instantMaxPd", "instantMaxPd " + pp.instantMaxPd()
                        + " must be below reviewMaxPd " + pp.reviewMaxPd()});
            }
            if (!(pp.pdCeiling() > pp.reviewMaxPd() && pp.pdCeiling() <= 1)) {
                out.add(new String[] {at + "/pdCeiling", "pdCeiling " + pp.pdCeiling()
                        + " must be above reviewMaxPd " + pp.reviewMaxPd() + " and at most 1"});
            }
            if (!(pp.maxExpectedLossRate() > 0 && pp.maxExpectedLossRate() <= 1)) {
                out.add(new String[] {at + "/maxExpectedLossRate", pp.maxExpectedLossRate()
                        + " is out of range, must be in (0, 1]"});
            }
            if (pp.maxExpectedLoss().signum() <= 0) {
                out.add(new String[] {at + "/maxExpectedLoss", pp.maxExpectedLoss().toPlainString()
                        + " must be > 0 CNY"});
            }
            if (pp.autoApprovalCap().compareTo(pp.maxAmount()) > 0) {
                out.add(new String[] {at + "/autoApprovalCap", "autoApprovalCap " + pp.autoApprovalCap().toPlainString()
                        + " must not exceed maxAmount " + pp.maxAmount().toPlainString()});
            }
            if (mitigationMaxTermMonths > pp.maxTermMonths()) {
                out.add(new String[] {"/mitigationMaxTermMonths", "mitigationMaxTermMonths " + mitigationMaxTermMonths
                        + " must not exceed the maxTermMonths " + pp.maxTermMonths() + " of " + p});
            }
            if (reducedLimitPd < pp.reviewMaxPd()) {
                out.add(new String[] {"/reducedLimitPd", "reducedLimitPd " + reducedLimitPd
                        + " must not be below the reviewMaxPd " + pp.reviewMaxPd() + " of " + p
                        + " (a reduced limit is a mitigation measure)"});
            }
        }
        if (!(referenceRate >= 0 && referenceRate <= 0.5)) {
            out.add(new String[] {"/referenceRate", referenceRate + " is out of range, must be in [0, 0.5]"});
        }
        if (reducedLimitFactor.signum() <= 0 || reducedLimitFactor.compareTo(BigDecimal.ONE) >= 0) {
            out.add(new String[] {"/reducedLimitFactor", reducedLimitFactor.toPlainString()
                    + " is out of range, must be in (0, 1)"});
        }
        if (gradeSpreads.isEmpty()) {
            out.add(new String[] {"/gradeSpreads", "must price at least one grade"});
        }
        double previous = Double.NEGATIVE_INFINITY;
        String previousGrade = "";
        for (Map.Entry<String, Double> e : gradeSpreads.entrySet()) {
            if (e.getValue() < previous) {
                out.add(new String[] {"/gradeSpreads/" + e.getKey(), "spread " + e.getValue() + " of grade " + e.getKey()
                        + " is below the spread " + previous + " of the better grade " + previousGrade
                        + " (grades are listed best first; spreads must not decrease)"});
            }
            previous = e.getValue();
            previousGrade = e.getKey();
        }
        if (!industryMultiples.containsKey("default")) {
            out.add(new String[] {"/industryMultiples", "missing key 'default' (the multiples for any other industry)"});
        }
        for (String key : industryMultiples.keySet()) {
            if (!INDUSTRY_KEY.matcher(key).matches()) {
                out.add(new String[] {"/industryMultiples/" + key, "'" + key
                        + "' is not 'default', a GB/T 4754 section letter (e.g. C) or a division (e.g. C39)"});
            }
        }
        return out;
    }

    /**
     * Parses and validates a parameters file.
     *
     * @param file the file name for problem locations
     * @param json the file content
     * @return the parameters
     * @throws RuleSetException listing every problem as {@code file:line:column $.key: message}
     */
    public static PolicyParameters fromJson(String file, String json) {
        JsonDoc doc = JsonDoc.parse(file, json);
        List<RuleProblem> problems = new ArrayList<>();
        JsonFields f = new JsonFields(doc, problems);
        JsonNode root = doc.root();
        Set<String> keys = Set.of("formatVersion", "referenceRate", "seriousPenaltyLookbackMonths", "yellowCardMonths",
                "reducedLimitPd", "reducedLimitFactor", "mitigationMaxTermMonths", "riskCompensationProducts",
                "acceptedCoreEnterpriseRatings", "reviewDataQualityFlags", "minScoreConfidence", "currentOverdueDeclineDays",
                "enforcementReviewCases", "lossModel", "products", "gradeSpreads", "industryMultiples");
        if (!f.object("", root, keys, Set.of())) {
            throw new RuleSetException(file, problems);
        }
        int format = f.integer("/formatVersion", root.get("formatVersion"), 0, Integer.MAX_VALUE);
        if (root.has("formatVersion") && format != FORMAT_VERSION) {
            f.problem("/formatVersion", "unsupported format version " + format + ", this library reads " + FORMAT_VERSION);
        }
        double referenceRate = f.number("/referenceRate", root.get("referenceRate"), 0, 0.5, false);
        int lookback = f.integer("/seriousPenaltyLookbackMonths", root.get("seriousPenaltyLookbackMonths"), 1, 240);
        int yellow = f.integer("/yellowCardMonths", root.get("yellowCardMonths"), 0, 240);
        double reducedPd = f.number("/reducedLimitPd", root.get("reducedLimitPd"), 0, 1, true);
        BigDecimal reducedFactor = f.decimal("/reducedLimitFactor", root.get("reducedLimitFactor"),
                BigDecimal.ZERO, BigDecimal.ONE, true);
        int mitigationTerm = f.integer("/mitigationMaxTermMonths", root.get("mitigationMaxTermMonths"), 1, 360);
        Set<Product> fundProducts = EnumSet.noneOf(Product.class);
        List<JsonNode> fp = f.array("/riskCompensationProducts", root.get("riskCompensationProducts"));
        for (int i = 0; i < fp.size(); i++) {
            Product p = f.enumValue("/riskCompensationProducts/" + i, fp.get(i), Product.class, null);
            if (p != null) {
                fundProducts.add(p);
            }
        }
        Set<String> ratings = new LinkedHashSet<>();
        List<JsonNode> rs = f.array("/acceptedCoreEnterpriseRatings", root.get("acceptedCoreEnterpriseRatings"));
        for (int i = 0; i < rs.size(); i++) {
            String r = f.text("/acceptedCoreEnterpriseRatings/" + i, rs.get(i));
            if (rs.get(i).isTextual() && r.isBlank()) {
                f.problem("/acceptedCoreEnterpriseRatings/" + i, "a rating must not be blank");
            }
            ratings.add(r);
        }
        Set<DataQualityFlag> reviewFlags = EnumSet.noneOf(DataQualityFlag.class);
        List<JsonNode> rf = f.array("/reviewDataQualityFlags", root.get("reviewDataQualityFlags"));
        for (int i = 0; i < rf.size(); i++) {
            DataQualityFlag flag = f.enumValue("/reviewDataQualityFlags/" + i, rf.get(i), DataQualityFlag.class, null);
            if (flag != null) {
                reviewFlags.add(flag);
            }
        }
        double minConfidence = f.number("/minScoreConfidence", root.get("minScoreConfidence"), 0, 1, false);
        int overdueDays = f.integer("/currentOverdueDeclineDays", root.get("currentOverdueDeclineDays"), 0, 3650);
        int enforcementCases = f.integer("/enforcementReviewCases", root.get("enforcementReviewCases"), 1, 10_000);
        LossModel lossModel = new LossModel(0.45, 0, 1, 0, 0, 0);
        JsonNode ln = root.get("lossModel");
        if (ln != null && f.object("/lossModel", ln, Set.of("lgdUnsecured", "guaranteeCoverShare", "collateralLtv",
                "collateralRecoveryRate", "riskFundNplThreshold", "riskFundShare"), Set.of())) {
            lossModel = new LossModel(
                    f.number("/lossModel/lgdUnsecured", ln.get("lgdUnsecured"), 0, 1, true),
                    f.number("/lossModel/guaranteeCoverShare", ln.get("guaranteeCoverShare"), 0, 1, false),
                    f.number("/lossModel/collateralLtv", ln.get("collateralLtv"), 0, 1, true),
                    f.number("/lossModel/collateralRecoveryRate", ln.get("collateralRecoveryRate"), 0, 1, false),
                    f.number("/lossModel/riskFundNplThreshold", ln.get("riskFundNplThreshold"), 0, 0.99, false),
                    f.number("/lossModel/riskFundShare", ln.get("riskFundShare"), 0, 1, false));
        }
        Map<Product, ProductPolicy> products = new EnumMap<>(Product.class);
        JsonNode pn = root.get("products");
        Set<String> productNames = new LinkedHashSet<>();
        for (Product p : Product.values()) {
            productNames.add(p.name());
        }
        if (pn != null && f.object("/products", pn, productNames, Set.of())) {
            for (Product p : Product.values()) {
                JsonNode n = pn.get(p.name());
                String at = "/products/" + p.name();
                if (n == null || !f.object(at, n, Set.of("instantMaxPd", "reviewMaxPd", "autoApprovalCap", "maxAmount",
                        "maxTermMonths", "pdCeiling", "maxExpectedLossRate", "maxExpectedLoss"), Set.of())) {
                    continue;
                }
                products.put(p, ProductPolicy.of(p,
                        f.number(at + "/instantMaxPd", n.get("instantMaxPd"), 0, 1, true),
                        f.number(at + "/reviewMaxPd", n.get("reviewMaxPd"), 0, 1, true),
                        f.decimal(at + "/autoApprovalCap", n.get("autoApprovalCap"), BigDecimal.ZERO, MAX_MONEY, true),
                        f.decimal(at + "/maxAmount", n.get("maxAmount"), BigDecimal.ZERO, MAX_MONEY, true),
                        f.integer(at + "/maxTermMonths", n.get("maxTermMonths"), 1, 360),
                        f.number(at + "/pdCeiling", n.get("pdCeiling"), 0, 1, true),
                        f.number(at + "/maxExpectedLossRate", n.get("maxExpectedLossRate"), 0, 1, true),
                        f.decimal(at + "/maxExpectedLoss", n.get("maxExpectedLoss"), BigDecimal.ZERO, MAX_MONEY, true)));
            }
        }
        Map<String, Double> spreads = new LinkedHashMap<>();
        JsonNode gn = root.get("gradeSpreads");
        if (gn != null && f.object("/gradeSpreads", gn, Set.of(), fieldNames(gn))) {
            for (Map.Entry<String, JsonNode> e : gn.properties()) {
                spreads.put(e.getKey(), f.number("/gradeSpreads/" + e.getKey(), e.getValue(), 0, 0.5, false));
            }
        }
        Map<String, IndustryMultiple> multiples = new LinkedHashMap<>();
        JsonNode in = root.get("industryMultiples");
        if (in != null && f.object("/industryMultiples", in, Set.of(), fieldNames(in))) {
            for (Map.Entry<String, JsonNode> e : in.properties()) {
                String at = "/industryMultiples/" + e.getKey();
                if (!f.object(at, e.getValue(), Set.of("revenueMultiple", "taxMultiple"), Set.of())) {
                    continue;
                }
                multiples.put(e.getKey(), IndustryMultiple.of(
                        f.decimal(at + "/revenueMultiple", e.getValue().get("revenueMultiple"), BigDecimal.ZERO,
                                BigDecimal.valueOf(5), true),
                        f.decimal(at + "/taxMultiple", e.getValue().get("taxMultiple"), BigDecimal.ZERO,
                                BigDecimal.valueOf(100), true)));
            }
        }
        if (problems.isEmpty()) {
            for (String[] p : consistencyProblems(referenceRate, reducedPd, reducedFactor, mitigationTerm, lossModel,
                    products, spreads, multiples)) {
                problems.add(doc.problem(p[0], p[1]));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(file, problems);
        }
        return new PolicyParameters(referenceRate, lookback, yellow, reducedPd, reducedFactor, mitigationTerm,
                fundProducts, ratings, reviewFlags, minConfidence, overdueDays, enforcementCases, lossModel, products, spreads, multiples);
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> names = new LinkedHashSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
