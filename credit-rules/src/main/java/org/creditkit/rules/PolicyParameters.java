package org.creditkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
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
 * without touching rule code. Loaded from the rule set's {@value #FILE_NAME} and its products from
 * {@value #PRODUCTS_FILE_NAME} (see {@link Products}), both validated on load; rules read it as
 * {@code Case( params.... )}.
 *
 * <p>The file format (every key required, no other keys allowed):
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "referenceRate": 0.031,                      // 1-year LPR; price = referenceRate + grade spread
 *   "seriousPenaltyLookbackMonths": 36,          // serious penalty this recent -> decline
 *   "repairPeriods": {"dishonestDebtor": 12,     // months after a repair (removal) during which a listing
 *                     "majorTaxViolation": 24,   // still gives a yellow card (manual review), per list;
 *                     "seriousViolation": 36,    // see RepairPeriods
 *                     "abnormalOperation": 3},
 *   "reducedLimitPd": 0.2,                       // mitigation above this PD also reduces the limit
 *   "reducedLimitFactor": 0.5,                   // by this factor
 *   "mitigationMaxTermMonths": 12,               // mitigation shortens longer terms to this
 *   "riskCompensationProducts": ["AGRICULTURE"], // products (ids of products.json) a risk-compensation fund covers
 *   "acceptedCoreEnterpriseRatings": ["AAA+", "AAA", "AAA-"],  // core ratings accepted without review: best down to the worst accepted
 *   "reviewDataQualityFlags": ["STALE_SOURCE"],  // flags that send to review; the others only warn
 *   "minScoreConfidence": 0.35,                  // score confidence below this -> manual review
 *   "currentOverdueDeclineDays": 30,             // overdue at a bank now: above -> decline, 1..this -> review
 *   "enforcementReviewCases": 1,                 // enforcement cases at least this -> manual review
 *   "whitelistBenefits": {"rateDiscount": 0.003, // whitelisted firms (tax A three years): rate minus this
 *                         "limitUplift": 0.2},   // and limit times (1 + this), still capped by the product
 *   "lossModel": {"lgdUnsecured": 0.45,          // expected-loss model, see LossModel
 *                 "guaranteeCoverShare": 0.5, "collateralLtv": 0.7, "collateralRecoveryRate": 0.6,
 *                 "riskFundNplThreshold": 0.03, "riskFundShare": 0.5},
 *   "gradeSpreads": { "AAA": 0.003, ..., "D": 0.07 },   // best grade first, spreads non-decreasing
 *   "industryMultiples": { "default": {"revenueMultiple": 0.2, "taxMultiple": 8},
 *                          "C": {...}, "C39": {...} }  // division, then section, then default
 * }
 * }</pre>
 *
 * @param referenceRate the reference (base) rate
 * @param seriousPenaltyLookbackMonths look-back period of the serious-penalty hard stop
 * @param repairPeriods months after a repair (or removal) during which a listing still gives a yellow card,
 *        per negative list
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
 * @param whitelistRateDiscount what whitelisted firms (tax rating A three years) get off the rate, in [0, 0.05]
 * @param whitelistLimitUplift by how much their limit rises (limit x (1 + this)), in [0, 1]; still capped by the
 *        requested amount and the product's maximum
 * @param lossModel the expected-loss model (LGD, guarantee, collateral and risk-fund parameters)
 * @param products the products by id, in {@value #PRODUCTS_FILE_NAME} order (at least one)
 * @param gradeSpreads spread over the reference rate per grade, best grade first, in file order
 * @param industryMultiples limit multiples by division, section or {@code "default"}
 */
public record PolicyParameters(
        double referenceRate,
        int seriousPenaltyLookbackMonths,
        RepairPeriods repairPeriods,
        double reducedLimitPd,
        BigDecimal reducedLimitFactor,
        int mitigationMaxTermMonths,
        Set<Product> riskCompensationProducts,
        Set<String> acceptedCoreEnterpriseRatings,
        Set<DataQualityFlag> reviewDataQualityFlags,
        double minScoreConfidence,
        int currentOverdueDeclineDays,
        int enforcementReviewCases,
        double whitelistRateDiscount,
        BigDecimal whitelistLimitUplift,
        LossModel lossModel,
        Map<Product, ProductPolicy> products,
        Map<String, Double> gradeSpreads,
        Map<String, IndustryMultiple> industryMultiples) {

    /** The parameters file name inside a rule set. */
    public static final String FILE_NAME = "parameters.json";

    /** The products file name inside a rule set. */
    public static final String PRODUCTS_FILE_NAME = "products.json";

    /** The supported {@code formatVersion}. */
    public static final int FORMAT_VERSION = 1;

    private static final Pattern INDUSTRY_KEY = Pattern.compile("default|[A-T]|[A-T][0-9]{2}");
    private static final BigDecimal MAX_MONEY = new BigDecimal("100000000000");
    /** The ratings the strict application reader accepts for {@code supplyChain.coreRating}. */
    private static final Pattern CORE_RATING = Pattern.compile("(AAA|AA|A|BBB|BB|B|CCC|CC|C)[+-]?|D");

    /**
     * Copies the collections and checks consistency.
     *
     * @throws RuleSetException listing every problem (located at {@code <programmatic>})
     */
    public PolicyParameters {
        riskCompensationProducts = Collections.unmodifiableSet(new LinkedHashSet<>(riskCompensationProducts));
        acceptedCoreEnterpriseRatings = Collections.unmodifiableSet(new LinkedHashSet<>(acceptedCoreEnterpriseRatings));
        reviewDataQualityFlags = reviewDataQualityFlags.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(reviewDataQualityFlags));
        products = Collections.unmodifiableMap(new LinkedHashMap<>(products));
        Objects.requireNonNull(whitelistLimitUplift, "whitelistLimitUplift");
        gradeSpreads = Collections.unmodifiableMap(new LinkedHashMap<>(gradeSpreads));
        industryMultiples = Collections.unmodifiableMap(new LinkedHashMap<>(industryMultiples));
        Objects.requireNonNull(lossModel, "lossModel");
        Objects.requireNonNull(repairPeriods, "repairPeriods");
        List<String[]> problems = consistencyProblems(referenceRate, reducedLimitPd, reducedLimitFactor,
                mitigationMaxTermMonths, lossModel, products, gradeSpreads, industryMultiples);
        problems.addAll(benefitProblems(whitelistRateDiscount, whitelistLimitUplift, riskCompensationProducts, products));
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
     * @throws RuleInputException when the rule set defines no such product (naming the products it defines)
     */
    public ProductPolicy product(Product product) {
        ProductPolicy pp = products.get(product);
        if (pp == null) {
            throw new RuleInputException("product " + product + " is not defined by this rule set's "
                    + PRODUCTS_FILE_NAME + "; its products: " + products.keySet());
        }
        return pp;
    }

    /**
     * Whether the rule set defines a product.
     *
     * @param product a product id
     * @return true when {@value #PRODUCTS_FILE_NAME} defines it
     */
    public boolean offers(Product product) {
        return products.containsKey(product);
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
        return worst(gradeSpreads);
    }

    private static double worst(Map<String, Double> grid) {
        double worst = 0;
        for (double s : grid.values()) {
            worst = Math.max(worst, s);
        }
        return worst;
    }

    /**
     * The rate grid a product is priced by: its own ({@code gradeSpreads} in {@code products.json}) when it
     * has one, else the policy's.
     *
     * @param product a product of the rule set
     * @return spreads by grade, best grade first
     * @throws RuleInputException when the rule set defines no such product
     */
    public Map<String, Double> gradeSpreads(Product product) {
        Map<String, Double> own = product(product).gradeSpreads();
        return own.isEmpty() ? gradeSpreads : own;
    }

    /**
     * Whether the product's grid prices a grade.
     *
     * @param product a product of the rule set
     * @param grade a grade
     * @return true when priced
     */
    public boolean pricesGrade(Product product, String grade) {
        return gradeSpreads(product).containsKey(grade);
    }

    /**
     * The price of a grade under a product: reference rate plus the grade's spread in the product's grid
     * ({@link #gradeSpreads(Product)}), or plus that grid's worst spread when it lacks the grade.
     *
     * @param product a product of the rule set
     * @param grade a grade
     * @return the annual interest rate
     */
    public double priceFor(Product product, String grade) {
        Map<String, Double> grid = gradeSpreads(product);
        Double spread = grid.get(grade);
        return referenceRate + (spread != null ? spread : worst(grid));
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

    /** Every rating an application can carry, best first (the order {@link #CORE_RATING} spells). */
    private static final List<String> RATING_SCALE = ratingScale();

    private static List<String> ratingScale() {
        List<String> scale = new ArrayList<>();
        for (String base : List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C")) {
            scale.add(base + "+");
            scale.add(base);
            scale.add(base + "-");
        }
        scale.add("D");
        return List.copyOf(scale);
    }

    /** The worst rating of {@code accepted} on the scale, or "" when none is on it. */
    private static String worstAccepted(Set<String> accepted) {
        String worst = "";
        for (String r : RATING_SCALE) {
            if (accepted.contains(r)) {
                worst = r;
            }
        }
        return worst;
    }

    /** The ratings better than the worst accepted one that are not accepted, joined with ", ". */
    private static String betterRatingsNotAccepted(Set<String> accepted) {
        String worst = worstAccepted(accepted);
        List<String> missing = new ArrayList<>();
        for (String r : RATING_SCALE) {
            if (r.equals(worst)) {
                break;
            }
            if (!worst.isEmpty() && !accepted.contains(r)) {
                missing.add(r);
            }
        }
        return String.join(", ", missing);
    }

    /** The JSON array of every rating from the best down to {@code worst}. */
    private static String ratingsDownTo(String worst) {
        List<String> quoted = new ArrayList<>();
        for (String r : RATING_SCALE) {
            quoted.add('"' + r + '"');
            if (r.equals(worst)) {
                break;
            }
        }
        return "[" + String.join(", ", quoted) + "]";
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
        if (flags.isEmpty()) {
            return false;
        }
        // over the enum's constants, not the set: an iterator per call (twice per decision) is not always scalar-replaced
        for (DataQualityFlag f : FLAGS) {
            if (flags.contains(f) && reviewDataQualityFlags.contains(f)) {
                return true;
            }
        }
        return false;
    }

    private static final DataQualityFlag[] FLAGS = DataQualityFlag.values();

    /**
     * Whether any of the flags is a warning only (not a review flag).
     *
     * @param flags an application's data-quality flags
     * @return true when at least one flag only warns
     */
    public boolean warnsAny(Set<DataQualityFlag> flags) {
        if (flags.isEmpty()) {
            return false;
        }
        for (DataQualityFlag f : FLAGS) {
            if (flags.contains(f) && !reviewDataQualityFlags.contains(f)) {
                return true;
            }
        }
        return false;
    }

    private static List<String[]> benefitProblems(double rateDiscount, BigDecimal limitUplift,
            Set<Product> fundProducts, Map<Product, ProductPolicy> products) {
        List<String[]> out = new ArrayList<>();
        if (!(rateDiscount >= 0 && rateDiscount <= 0.05)) {
            out.add(new String[] {"/whitelistBenefits/rateDiscount", rateDiscount + " is out of range, must be in [0, 0.05]"});
        }
        if (limitUplift.signum() < 0 || limitUplift.compareTo(BigDecimal.ONE) > 0) {
            out.add(new String[] {"/whitelistBenefits/limitUplift", limitUplift.toPlainString()
                    + " is out of range, must be in [0, 1]"});
        }
        int i = 0;
        for (Product p : fundProducts) {
            if (!products.containsKey(p)) {
                out.add(new String[] {"/riskCompensationProducts/" + i, p + " is not a product of " + PRODUCTS_FILE_NAME
                        + "; its products: " + products.keySet()});
            }
            i++;
        }
        return out;
    }

    /** Spreads that decrease from a better grade to a worse one (grades are listed best first). */
    private static List<String[]> gridProblems(String at, Map<String, Double> grid) {
        List<String[]> out = new ArrayList<>();
        double previous = Double.NEGATIVE_INFINITY;
        String previousGrade = "";
        for (Map.Entry<String, Double> e : grid.entrySet()) {
            if (e.getValue() < previous) {
                out.add(new String[] {at + "/" + e.getKey(), "spread " + e.getValue() + " of grade " + e.getKey()
                        + " is below the spread " + previous + " of the better grade " + previousGrade
                        + " (grades are listed best first; spreads must not decrease)"});
            }
            previous = e.getValue();
            previousGrade = e.getKey();
        }
        return out;
    }

    private static List<String[]> consistencyProblems(double referenceRate, double reducedLimitPd,
            BigDecimal reducedLimitFactor, int mitigationMaxTermMonths, LossModel lossModel,
            Map<Product, ProductPolicy> products, Map<String, Double> gradeSpreads,
            Map<String, IndustryMultiple> industryMultiples) {
        List<String[]> out = new ArrayList<>(lossModel.problems());
        if (products.isEmpty()) {
            out.add(new String[] {"/products", "must define at least one product (" + PRODUCTS_FILE_NAME + ")"});
        }
        for (Map.Entry<Product, ProductPolicy> e : products.entrySet()) {
            Product p = e.getKey();
            ProductPolicy pp = e.getValue();
            String at = "/products/" + p.id();
            if (!pp.product().equals(p)) {
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
            if (pp.eligibility().minAmount().compareTo(pp.maxAmount()) > 0) {
                out.add(new String[] {at + "/eligibility/minAmount", "minAmount "
                        + pp.eligibility().minAmount().toPlainString() + " must not exceed maxAmount "
                        + pp.maxAmount().toPlainString() + ": no application could be eligible"});
            }
            if (pp.autoApprovalCap().compareTo(pp.maxAmount()) > 0) {
                out.add(new String[] {at + "/autoApprovalCap", "autoApprovalCap " + pp.autoApprovalCap().toPlainString()
                        + " must not exceed maxAmount " + pp.maxAmount().toPlainString()});
            }
            if (mitigationMaxTermMonths > pp.maxTermMonths()) {
                out.add(new String[] {"/mitigationMaxTermMonths", "mitigationMaxTermMonths " + mitigationMaxTermMonths
                        + " must not exceed the maxTermMonths " + pp.maxTermMonths() + " of " + p + " ("
                        + PRODUCTS_FILE_NAME + ")"});
            }
            if (!pp.gradeSpreads().isEmpty()) {
                out.addAll(gridProblems(at + "/gradeSpreads", pp.gradeSpreads()));
                if (!pp.gradeSpreads().keySet().equals(gradeSpreads.keySet())) {
                    Set<String> missing = new LinkedHashSet<>(gradeSpreads.keySet());
                    missing.removeAll(pp.gradeSpreads().keySet());
                    Set<String> extra = new LinkedHashSet<>(pp.gradeSpreads().keySet());
                    extra.removeAll(gradeSpreads.keySet());
                    out.add(new String[] {at + "/gradeSpreads", "must price the grades of " + FILE_NAME + "'s gradeSpreads "
                            + gradeSpreads.keySet() + (missing.isEmpty() ? "" : "; missing " + missing)
                            + (extra.isEmpty() ? "" : "; not in that grid " + extra)
                            + " (leave gradeSpreads out to price the product by the policy's grid)"});
                }
            }
            if (reducedLimitPd < pp.reviewMaxPd()) {
                out.add(new String[] {"/reducedLimitPd", "reducedLimitPd " + reducedLimitPd
                        + " must not be below the reviewMaxPd " + pp.reviewMaxPd() + " of " + p + " ("
                        + PRODUCTS_FILE_NAME + "; a reduced limit is a mitigation measure)"});
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
        out.addAll(gridProblems("/gradeSpreads", gradeSpreads));
        if (!industryMultiples.containsKey("default")) {
            out.add(new String[] {"/industryMultiples", "missing key 'default' (the multiples for any other industry)"});
        }
        for (String key : industryMultiples.keySet()) {
            if (!INDUSTRY_KEY.matcher(key).matches()) {
                out.add(new String[] {"/industryMultiples/" + key, "'" + key
                        + "' is not 'default', a GB/T 4754 section letter (e.g. C) or a division (e.g. C39)"});
            } else if (Products.divisionProblem(key) != null) {
                out.add(new String[] {"/industryMultiples/" + key, Products.divisionProblem(key)});
            }
        }
        return out;
    }

    /**
     * Parses and validates a rule set's parameters and products files.
     *
     * @param parametersJson the content of {@value #FILE_NAME}
     * @param productsJson the content of {@value #PRODUCTS_FILE_NAME}
     * @return the parameters
     * @throws RuleSetException listing every problem of both files as {@code file:line:column $.key: message}
     */
    public static PolicyParameters fromJson(String parametersJson, String productsJson) {
        String file = FILE_NAME;
        JsonDoc doc = JsonDoc.parse(file, parametersJson);
        List<RuleProblem> problems = new ArrayList<>();
        JsonFields f = new JsonFields(doc, problems);
        JsonNode root = doc.root();
        Set<String> keys = Set.of("formatVersion", "referenceRate", "seriousPenaltyLookbackMonths", "repairPeriods",
                "reducedLimitPd", "reducedLimitFactor", "mitigationMaxTermMonths", "riskCompensationProducts",
                "acceptedCoreEnterpriseRatings", "reviewDataQualityFlags", "minScoreConfidence", "currentOverdueDeclineDays",
                "enforcementReviewCases", "whitelistBenefits", "lossModel", "gradeSpreads", "industryMultiples");
        // the retired single yellowCardMonths is reported below with its replacement, not as an unknown key
        if (!f.object("", root, keys, Set.of("yellowCardMonths"))) {
            throw new RuleSetException(file, problems);
        }
        int format = f.integer("/formatVersion", root.get("formatVersion"), 0, Integer.MAX_VALUE);
        if (root.has("formatVersion") && format != FORMAT_VERSION) {
            f.problem("/formatVersion", "unsupported format version " + format + ", this library reads " + FORMAT_VERSION);
        }
        double referenceRate = f.number("/referenceRate", root.get("referenceRate"), 0, 0.5, false);
        int lookback = f.integer("/seriousPenaltyLookbackMonths", root.get("seriousPenaltyLookbackMonths"), 1, 240);
        if (root.has("yellowCardMonths")) {
            f.problem("/yellowCardMonths", "replaced by \"repairPeriods\", one period per negative list: "
                    + "{\"dishonestDebtor\": 12, \"majorTaxViolation\": 24, \"seriousViolation\": 36, "
                    + "\"abnormalOperation\": 3} (months)");
        }
        RepairPeriods repair = new RepairPeriods(12, 12, 12, 0);
        JsonNode rp = root.get("repairPeriods");
        if (rp != null && f.object("/repairPeriods", rp, Set.of("dishonestDebtor", "majorTaxViolation",
                "seriousViolation", "abnormalOperation"), Set.of())) {
            int max = RepairPeriods.MAX_MONTHS;
            int[] m = new int[4];
            String[] lists = {"dishonestDebtor", "majorTaxViolation", "seriousViolation", "abnormalOperation"};
            for (int i = 0; i < m.length; i++) {
                // out of range is reported here; clamped so the (then refused) parameters can still be built
                m[i] = Math.max(0, Math.min(max, f.integer("/repairPeriods/" + lists[i], rp.get(lists[i]), 0, max)));
            }
            repair = new RepairPeriods(m[0], m[1], m[2], m[3]);
        }
        double reducedPd = f.number("/reducedLimitPd", root.get("reducedLimitPd"), 0, 1, true);
        BigDecimal reducedFactor = f.decimal("/reducedLimitFactor", root.get("reducedLimitFactor"),
                BigDecimal.ZERO, BigDecimal.ONE, true);
        int mitigationTerm = f.integer("/mitigationMaxTermMonths", root.get("mitigationMaxTermMonths"), 1, 360);
        Set<Product> fundProducts = new LinkedHashSet<>();
        List<JsonNode> fp = f.array("/riskCompensationProducts", root.get("riskCompensationProducts"));
        for (int i = 0; i < fp.size(); i++) {
            String id = f.text("/riskCompensationProducts/" + i, fp.get(i));
            if (Product.isValidId(id)) {
                fundProducts.add(Product.of(id));
            } else if (fp.get(i).isTextual()) {
                f.problem("/riskCompensationProducts/" + i, "'" + id + "' is not a product id (e.g. AGRICULTURE)");
            }
        }
        Set<String> ratings = new LinkedHashSet<>();
        List<JsonNode> rs = f.array("/acceptedCoreEnterpriseRatings", root.get("acceptedCoreEnterpriseRatings"));
        for (int i = 0; i < rs.size(); i++) {
            String r = f.text("/acceptedCoreEnterpriseRatings/" + i, rs.get(i));
            if (rs.get(i).isTextual() && r.isBlank()) {
                f.problem("/acceptedCoreEnterpriseRatings/" + i, "a rating must not be blank");
            } else if (rs.get(i).isTextual() && !CORE_RATING.matcher(r).matches()) {
                // an entry no application can carry never matches: every such loan would go to review
                f.problem("/acceptedCoreEnterpriseRatings/" + i, "'" + r + "' is not a rating an application can"
                        + " carry, so it would never match; valid: AAA, AA, A, BBB, BB, B, CCC, CC, C with an"
                        + " optional + or -, or D");
            }
            ratings.add(r);
        }
        String notAccepted = betterRatingsNotAccepted(ratings);
        if (!notAccepted.isEmpty()) {
            // exact matching with a gap: a better-rated core enterprise would be treated worse than a worse-rated one
            f.problem("/acceptedCoreEnterpriseRatings", "accepts " + worstAccepted(ratings) + " but not the better "
                    + notAccepted + ", so a core enterprise rated " + notAccepted.split(", ")[0]
                    + " would go to review while one rated " + worstAccepted(ratings) + " is accepted; ratings match"
                    + " exactly, so list every rating from the best down to the worst accepted; valid, e.g.: "
                    + ratingsDownTo(worstAccepted(ratings)));
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
        double rateDiscount = 0;
        BigDecimal limitUplift = BigDecimal.ZERO;
        JsonNode wb = root.get("whitelistBenefits");
        if (wb != null && f.object("/whitelistBenefits", wb, Set.of("rateDiscount", "limitUplift"), Set.of())) {
            rateDiscount = f.number("/whitelistBenefits/rateDiscount", wb.get("rateDiscount"), 0, 0.05, false);
            limitUplift = f.decimal("/whitelistBenefits/limitUplift", wb.get("limitUplift"), BigDecimal.ZERO,
                    BigDecimal.ONE, false);
        }
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
        JsonDoc productsDoc = JsonDoc.parse(PRODUCTS_FILE_NAME, productsJson);
        List<RuleProblem> productProblems = new ArrayList<>();
        Map<Product, ProductPolicy> products = Products.read(new JsonFields(productsDoc, productProblems));
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
        if (problems.isEmpty() && productProblems.isEmpty()) {
            List<String[]> found = consistencyProblems(referenceRate, reducedPd, reducedFactor, mitigationTerm, lossModel,
                    products, spreads, multiples);
            found.addAll(benefitProblems(rateDiscount, limitUplift, fundProducts, products));
            for (String[] p : found) {
                if (p[0].startsWith("/products")) {
                    productProblems.add(productsDoc.problem(p[0], p[1]));
                } else {
                    problems.add(doc.problem(p[0], p[1]));
                }
            }
        }
        if (!problems.isEmpty() || !productProblems.isEmpty()) {
            List<RuleProblem> all = new ArrayList<>(problems);
            all.addAll(productProblems);
            throw new RuleSetException(problems.isEmpty() ? PRODUCTS_FILE_NAME
                    : productProblems.isEmpty() ? FILE_NAME : FILE_NAME + ", " + PRODUCTS_FILE_NAME, all);
        }
        return new PolicyParameters(referenceRate, lookback, repair, reducedPd, reducedFactor, mitigationTerm,
                fundProducts, ratings, reviewFlags, minConfidence, overdueDays, enforcementCases, rateDiscount, limitUplift,
                lossModel, products, spreads, multiples);
    }

    /**
     * The parameters and products of a rule set's files.
     *
     * @param files the rule set's files by name ({@link RuleSetSource#files()})
     * @return the parameters
     * @throws RuleSetException when a file is missing or invalid
     */
    public static PolicyParameters fromFiles(Map<String, String> files) {
        List<RuleProblem> missing = new ArrayList<>();
        for (String name : List.of(FILE_NAME, PRODUCTS_FILE_NAME)) {
            if (!files.containsKey(name)) {
                missing.add(RuleProblem.of(name, 1, 1, "missing: a rule set needs its " + name + " next to the .drl files"));
            }
        }
        if (!missing.isEmpty()) {
            throw new RuleSetException("rule set", missing);
        }
        return fromJson(files.get(FILE_NAME), files.get(PRODUCTS_FILE_NAME));
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> names = new LinkedHashSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
