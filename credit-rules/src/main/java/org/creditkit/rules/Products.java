package org.creditkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.codes.SizeClass;
import org.creditkit.core.domain.Product;
import org.creditkit.core.domain.QualificationKind;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.rules.internal.JsonDoc;
import org.creditkit.rules.internal.JsonFields;

/**
 * Reads a rule set's {@value PolicyParameters#PRODUCTS_FILE_NAME}: the loan products as data. A bank
 * adds a product by adding an entry (no code); applications name it by its id. Every key of a
 * product is required except inside {@code "eligibility"}, where each criterion is optional; no
 * other keys are allowed, and every problem is reported with its file, line, column and JSON path.
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "products": {
 *     "TECHNOLOGY": {                           // the id: [A-Z][A-Z0-9_]*, what applications name
 *       "nameEn": "Technology credit", "nameZh": "科技贷",
 *       "eligibility": {                        // 准入: every criterion optional, all must hold
 *         "industries": ["C39", "I", "M"],       // GB/T 4754 section letters or divisions (prefixes)
 *         "sizeClasses": ["MICRO", "SMALL", "MEDIUM"],
 *         "regions": ["33", "3101"],            // GB/T 2260 prefixes: 2 digits a province, 4 a city, 6 a county
 *         "minFirmAgeYears": 1,                 // indicator firm_age_years
 *         "minAmount": 100000,                  // CNY
 *         "requiresWhitelist": false,           // tax credit rating A three years running
 *         "requiresCoreEnterpriseRating": false,// supply-chain core enterprise rated
 *         "minIndicators": {"invention_patents": 1}, // any catalogue indicator id (docs/features.md)
 *         "maxIndicators": {"carbon_intensity": 0.5}, // at most; a missing indicator fails either
 *         "requiredQualifications": ["HIGH_TECH_ENTERPRISE", "SPECIALISED_INNOVATIVE_SME", "LITTLE_GIANT",
 *                                    "TECH_SME"]  // any one, valid on the decision date
 *       },
 *       "instantMaxPd": 0.05, "reviewMaxPd": 0.12,  // PD cutoffs of instant approval and manual review
 *       "autoApprovalCap": 50000000,            // largest amount approved automatically (CNY)
 *       "maxAmount": 50000000, "maxTermMonths": 60,
 *       "pdCeiling": 0.3,                       // risk appetite: PD above -> decline
 *       "maxExpectedLossRate": 0.03,            // mitigated offers: EL / EAD at most this
 *       "maxExpectedLoss": 1500000              // and EL at most this (CNY)
 *     }
 *   }
 * }
 * }</pre>
 * Products are listed in the order of the file; {@code credit match} ranks offers and breaks ties by it.
 */
public final class Products {

    private static final Set<String> KEYS = Set.of("nameEn", "nameZh", "eligibility", "instantMaxPd", "reviewMaxPd",
            "autoApprovalCap", "maxAmount", "maxTermMonths", "pdCeiling", "maxExpectedLossRate", "maxExpectedLoss");
    private static final Set<String> ELIGIBILITY_KEYS = Set.of("industries", "sizeClasses", "regions", "minFirmAgeYears",
            "minAmount", "requiresWhitelist", "requiresCoreEnterpriseRating", "minIndicators", "maxIndicators",
            "requiredQualifications");
    private static final Pattern INDUSTRY = Pattern.compile("[A-T]|[A-T][0-9]{2}");
    private static final Pattern GROUP_OR_CLASS = Pattern.compile("[A-T][0-9]{3,4}");
    private static final Pattern REGION = Pattern.compile("[1-9][0-9]|[1-9][0-9]{3}|[1-9][0-9]{5}");
    private static final BigDecimal MAX_MONEY = new BigDecimal("100000000000");

    private Products() {
    }

    /**
     * Parses and validates a products file (each product's values are cross-checked as part of
     * {@link PolicyParameters}).
     *
     * @param json the content of {@value PolicyParameters#PRODUCTS_FILE_NAME}
     * @return the products by id, in file order
     * @throws RuleSetException listing every problem as {@code products.json:line:column $.path: message}
     */
    public static Map<Product, ProductPolicy> fromJson(String json) {
        JsonDoc doc = JsonDoc.parse(PolicyParameters.PRODUCTS_FILE_NAME, json);
        List<RuleProblem> problems = new ArrayList<>();
        Map<Product, ProductPolicy> out = read(new JsonFields(doc, problems));
        if (!problems.isEmpty()) {
            throw new RuleSetException(PolicyParameters.PRODUCTS_FILE_NAME, problems);
        }
        return out;
    }

    static Map<Product, ProductPolicy> read(JsonFields f) {
        Map<Product, ProductPolicy> out = new LinkedHashMap<>();
        JsonNode root = f.doc().root();
        if (!f.object("", root, Set.of("formatVersion", "products"), Set.of())) {
            return out;
        }
        int format = f.integer("/formatVersion", root.get("formatVersion"), 0, Integer.MAX_VALUE);
        if (root.has("formatVersion") && format != PolicyParameters.FORMAT_VERSION) {
            f.problem("/formatVersion", "unsupported format version " + format + ", this library reads "
                    + PolicyParameters.FORMAT_VERSION);
        }
        JsonNode pn = root.get("products");
        if (pn == null || !pn.isObject()) {
            if (pn != null) {
                f.problem("/products", "must be a JSON object of product id -> product, got " + JsonFields.kind(pn));
            }
            return out;
        }
        if (pn.isEmpty()) {
            f.problem("/products", "must define at least one product");
        }
        for (Map.Entry<String, JsonNode> e : pn.properties()) {
            String at = "/products/" + e.getKey();
            if (!Product.isValidId(e.getKey())) {
                f.problem(at, "'" + e.getKey() + "' is not a product id: upper-case letters, digits and underscores,"
                        + " starting with a letter, at most 40 characters (e.g. GENERAL, TECH_SME)");
                continue;
            }
            JsonNode n = e.getValue();
            if (!f.object(at, n, KEYS, Set.of("gradeSpreads"))) {
                continue;
            }
            Product p = Product.of(e.getKey());
            String nameEn = name(f, at + "/nameEn", n.get("nameEn"));
            String nameZh = name(f, at + "/nameZh", n.get("nameZh"));
            Eligibility eligibility = eligibility(f, at + "/eligibility", n.get("eligibility"));
            out.put(p, new ProductPolicy(p, nameEn, nameZh, eligibility,
                    f.number(at + "/instantMaxPd", n.get("instantMaxPd"), 0, 1, true),
                    f.number(at + "/reviewMaxPd", n.get("reviewMaxPd"), 0, 1, true),
                    f.decimal(at + "/autoApprovalCap", n.get("autoApprovalCap"), BigDecimal.ZERO, MAX_MONEY, true),
                    f.decimal(at + "/maxAmount", n.get("maxAmount"), BigDecimal.ZERO, MAX_MONEY, true),
                    f.integer(at + "/maxTermMonths", n.get("maxTermMonths"), 1, 360),
                    f.number(at + "/pdCeiling", n.get("pdCeiling"), 0, 1, true),
                    f.number(at + "/maxExpectedLossRate", n.get("maxExpectedLossRate"), 0, 1, true),
                    f.decimal(at + "/maxExpectedLoss", n.get("maxExpectedLoss"), BigDecimal.ZERO, MAX_MONEY, true),
                    grid(f, at + "/gradeSpreads", n.get("gradeSpreads"))));
        }
        return out;
    }

    /** A product's own rate grid, in file order; empty when left out (the policy's grid prices it). */
    private static Map<String, Double> grid(JsonFields f, String at, JsonNode n) {
        Map<String, Double> spreads = new LinkedHashMap<>();
        if (n == null) {
            return spreads;
        }
        Set<String> grades = new LinkedHashSet<>();
        n.fieldNames().forEachRemaining(grades::add);
        if (f.object(at, n, Set.of(), grades)) {
            if (grades.isEmpty()) {
                f.problem(at, "must price at least one grade (or be left out to use the policy's grid)");
            }
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                spreads.put(e.getKey(), f.number(at + "/" + e.getKey(), e.getValue(), 0, 0.5, false));
            }
        }
        return spreads;
    }

    /**
     * Why {@code code} cannot be an eligibility industry, or null. Applications carry a division
     * ({@code C39}) and eligibility is a prefix of it, so a group or class code ({@code C391}) could never
     * match, nor could a division outside its section's range ({@code C99}): both are refused, not left to
     * make the product silently unreachable.
     */
    private static String industryProblem(String code) {
        if (!INDUSTRY.matcher(code).matches()) {
            return "'" + code + "' is not a GB/T 4754 section letter (e.g. M) or division (e.g. C39)"
                    + (GROUP_OR_CLASS.matcher(code).matches() ? "; applications carry the division, so a group or"
                    + " class code (" + code + ") would match none: name its division " + code.substring(0, 3) : "");
        }
        return divisionProblem(code);
    }

    /**
     * Why a well-formed section or division code is not in GB/T 4754-2017 ({@code C99}), or null.
     *
     * @param code a section letter or a section letter and two digits
     * @return the problem, naming the section's division range, or null
     */
    static String divisionProblem(String code) {
        if (code.length() == 3) {
            try {
                IndustryCode.of(code);
            } catch (CreditDataException e) {
                return "'" + code + "': " + e.problems().get(0).message() + "; it would match no application";
            }
        }
        return null;
    }

    private static String name(JsonFields f, String at, JsonNode n) {
        String s = f.text(at, n);
        if (n != null && n.isTextual() && s.isBlank()) {
            f.problem(at, "must not be blank");
        }
        return s;
    }

    private static Eligibility eligibility(JsonFields f, String at, JsonNode n) {
        if (n == null || !f.object(at, n, Set.of(), ELIGIBILITY_KEYS)) {
            return Eligibility.ANYONE;
        }
        List<String> industries = new ArrayList<>();
        List<JsonNode> is = n.has("industries") ? f.array(at + "/industries", n.get("industries")) : List.of();
        for (int i = 0; i < is.size(); i++) {
            String code = f.text(at + "/industries/" + i, is.get(i));
            if (is.get(i).isTextual()) {
                String problem = industryProblem(code);
                if (problem != null) {
                    f.problem(at + "/industries/" + i, problem);
                }
            }
            industries.add(code);
        }
        Set<SizeClass> sizes = EnumSet.noneOf(SizeClass.class);
        List<JsonNode> ss = n.has("sizeClasses") ? f.array(at + "/sizeClasses", n.get("sizeClasses")) : List.of();
        for (int i = 0; i < ss.size(); i++) {
            SizeClass c = f.enumValue(at + "/sizeClasses/" + i, ss.get(i), SizeClass.class, null);
            if (c != null) {
                sizes.add(c);
            }
        }
        List<String> regions = new ArrayList<>();
        List<JsonNode> rs = n.has("regions") ? f.array(at + "/regions", n.get("regions")) : List.of();
        for (int i = 0; i < rs.size(); i++) {
            String code = f.text(at + "/regions/" + i, rs.get(i));
            if (rs.get(i).isTextual() && !REGION.matcher(code).matches()) {
                f.problem(at + "/regions/" + i, "'" + code + "' is not a GB/T 2260 code prefix: 2 digits (province,"
                        + " e.g. 33), 4 (prefecture, e.g. 3301) or 6 (county, e.g. 330106)");
            }
            regions.add(code);
        }
        double minAge = n.has("minFirmAgeYears") ? f.number(at + "/minFirmAgeYears", n.get("minFirmAgeYears"), 0, 200,
                false) : 0;
        BigDecimal minAmount = n.has("minAmount") ? f.decimal(at + "/minAmount", n.get("minAmount"), BigDecimal.ZERO,
                MAX_MONEY, false) : BigDecimal.ZERO;
        boolean whitelist = n.has("requiresWhitelist") && f.bool(at + "/requiresWhitelist", n.get("requiresWhitelist"));
        boolean core = n.has("requiresCoreEnterpriseRating")
                && f.bool(at + "/requiresCoreEnterpriseRating", n.get("requiresCoreEnterpriseRating"));
        Map<String, Double> minIndicators = indicators(f, at + "/minIndicators", n.get("minIndicators"), "least");
        Map<String, Double> maxIndicators = indicators(f, at + "/maxIndicators", n.get("maxIndicators"), "greatest");
        return new Eligibility(industries, sizes, regions, minAge, minAmount, whitelist, core, minIndicators,
                maxIndicators, qualifications(f, at + "/requiredQualifications", n.get("requiredQualifications")));
    }

    /** {@code ["HIGH_TECH_ENTERPRISE", ...]}: any-of, each a {@link QualificationKind} name, none twice, not empty. */
    private static List<QualificationKind> qualifications(JsonFields f, String at, JsonNode n) {
        List<QualificationKind> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        List<JsonNode> qs = f.array(at, n);
        if (n.isArray() && qs.isEmpty()) {
            f.problem(at, "must name at least one qualification (or be left out when none is required); valid values"
                    + " are " + List.of(QualificationKind.values()));
        }
        for (int i = 0; i < qs.size(); i++) {
            QualificationKind k = f.enumValue(at + "/" + i, qs.get(i), QualificationKind.class, null);
            if (k != null && out.contains(k)) {
                f.problem(at + "/" + i, "'" + k + "' is listed twice; the list is any-of, name each qualification once");
            } else if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    /** {@code {"<indicator id>": bound}}, each id in the standard catalogue. */
    private static Map<String, Double> indicators(JsonFields f, String at, JsonNode node, String bound) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (node != null && !node.isObject()) {
            f.problem(at, "must be a JSON object of indicator id -> " + bound + " value, got " + JsonFields.kind(node));
        } else if (node != null) {
            FeatureCatalogue catalogue = FeatureCatalogue.standard();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String where = at + "/" + e.getKey();
                if (catalogue.indexOf(e.getKey()) < 0) {
                    f.problem(where, "unknown indicator '" + e.getKey() + "'; the catalogue " + catalogue.version()
                            + " has " + catalogue.definitions().stream().map(d -> d.id()).toList());
                    continue;
                }
                out.put(e.getKey(), f.number(where, e.getValue(), -1e15, 1e15, false));
            }
        }
        return out;
    }
}
