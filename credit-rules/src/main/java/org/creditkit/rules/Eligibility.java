package org.creditkit.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditkit.core.codes.SizeClass;
import org.creditkit.core.domain.Qualification;
import org.creditkit.core.domain.QualificationKind;

/**
 * Who may borrow under a product (准入条件), from the product's {@code "eligibility"} object in
 * {@code products.json}. Every criterion is optional; an empty list or set, a zero minimum or a
 * {@code false} requirement means "no restriction". An indicator a criterion needs that is missing
 * fails the criterion (unknown is not eligible), and the failure says it is missing.
 *
 * @param industries GB/T 4754-2017 codes or prefixes the industry must start with: a section letter
 *        ({@code "M"}) or a division ({@code "C39"}); empty: any industry
 * @param sizeClasses allowed size classes; empty: any size
 * @param regions GB/T 2260 code prefixes the region of registration must start with (2 digits a
 *        province, 4 a prefecture, 6 a county); empty: anywhere
 * @param minFirmAgeYears least years since establishment (indicator {@code firm_age_years}); 0: none
 * @param minAmount least requested amount in CNY; 0: none
 * @param requiresWhitelist whether the tax credit whitelist (rating A in each of the last three years) is required
 * @param requiresCoreEnterpriseRating whether a supply-chain core enterprise rating is required
 * @param minIndicators least value per catalogue indicator id, e.g. {@code invention_patents: 1}
 * @param maxIndicators greatest value per catalogue indicator id, e.g. {@code carbon_intensity: 0.5} (green credit:
 *        a carbon record at most this intensive)
 * @param requiredQualifications qualifications of which the enterprise must hold at least one, valid on the
 *        decision date (any-of, in file order, no kind twice); empty: none required. An expired certificate
 *        is not held, and the failure names it ({@code HIGH_TECH_ENTERPRISE expired 2025-03-01})
 */
public record Eligibility(List<String> industries, Set<SizeClass> sizeClasses, List<String> regions,
        double minFirmAgeYears, BigDecimal minAmount, boolean requiresWhitelist, boolean requiresCoreEnterpriseRating,
        Map<String, Double> minIndicators, Map<String, Double> maxIndicators,
        List<QualificationKind> requiredQualifications) {

    /** No restriction at all. */
    public static final Eligibility ANYONE = new Eligibility(List.of(), Set.of(), List.of(), 0, BigDecimal.ZERO,
            false, false, Map.of(), Map.of(), List.of());

    /** Copies the collections. */
    public Eligibility {
        industries = List.copyOf(industries);
        sizeClasses = sizeClasses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(sizeClasses));
        regions = List.copyOf(regions);
        minIndicators = Collections.unmodifiableMap(new LinkedHashMap<>(minIndicators));
        maxIndicators = Collections.unmodifiableMap(new LinkedHashMap<>(maxIndicators));
        requiredQualifications = List.copyOf(requiredQualifications);
        if (new HashSet<>(requiredQualifications).size() != requiredQualifications.size()) {
            throw new IllegalArgumentException("requiredQualifications names a kind twice: " + requiredQualifications);
        }
    }

    /** Without required qualifications (as before they existed). */
    public Eligibility(List<String> industries, Set<SizeClass> sizeClasses, List<String> regions,
            double minFirmAgeYears, BigDecimal minAmount, boolean requiresWhitelist, boolean requiresCoreEnterpriseRating,
            Map<String, Double> minIndicators, Map<String, Double> maxIndicators) {
        this(industries, sizeClasses, regions, minFirmAgeYears, minAmount, requiresWhitelist,
                requiresCoreEnterpriseRating, minIndicators, maxIndicators, List.of());
    }

    /** Without indicator maxima (as before they existed). */
    public Eligibility(List<String> industries, Set<SizeClass> sizeClasses, List<String> regions,
            double minFirmAgeYears, BigDecimal minAmount, boolean requiresWhitelist, boolean requiresCoreEnterpriseRating,
            Map<String, Double> minIndicators) {
        this(industries, sizeClasses, regions, minFirmAgeYears, minAmount, requiresWhitelist,
                requiresCoreEnterpriseRating, minIndicators, Map.of());
    }

    /**
     * Every criterion this eligibility sets, applied to an input, in file order.
     *
     * @param in the application as the rules see it
     * @return the criteria, met or not (empty when the product is open to anyone)
     */
    public List<Criterion> evaluate(RuleInput in) {
        return criteria(in, false);
    }

    /**
     * The criteria an input fails.
     *
     * @param in the application as the rules see it
     * @return the failed criteria (empty when eligible)
     */
    public List<Criterion> failures(RuleInput in) {
        return criteria(in, true);
    }

    /**
     * The criteria, or only the failed ones: every decision asks for the failures, and a met criterion's
     * sentences are not written then (they cost about 300 bytes a decision).
     */
    private List<Criterion> criteria(RuleInput in, boolean failedOnly) {
        // the list is made on the first criterion kept (most decisions fail none), the lists are walked by
        // index and the maps only when not empty (an iterator each otherwise), and a criterion's id is
        // written only for a criterion kept: about 90 bytes a decision
        List<Criterion> out = failedOnly ? null : new ArrayList<>(4);
        if (!industries.isEmpty()) {
            boolean met = false;
            for (int i = 0; i < industries.size(); i++) {
                met |= in.industryDivision().startsWith(industries.get(i));
            }
            if (!(failedOnly && met)) {
                out = add(out, new Criterion("industries", met, "industry " + in.industryDivision()
                        + (met ? " is" : " is not") + " one of " + industries,
                        "行业" + in.industryDivision() + (met ? "属于" : "不属于") + industries));
            }
        }
        if (!sizeClasses.isEmpty()) {
            boolean met = sizeClasses.contains(in.sizeClass());
            if (!(failedOnly && met)) {
                out = add(out, new Criterion("sizeClasses", met, "size class " + in.sizeClass()
                        + (met ? " is" : " is not") + " one of " + sizeClasses, "企业规模" + in.sizeClass()
                        + (met ? "属于" : "不属于") + sizeClasses));
            }
        }
        if (!regions.isEmpty()) {
            boolean met = false;
            for (int i = 0; i < regions.size(); i++) {
                met |= !in.region().isEmpty() && in.region().startsWith(regions.get(i));
            }
            if (!(failedOnly && met)) {
                String region = in.region().isEmpty() ? "unknown" : in.region();
                out = add(out, new Criterion("regions", met, "region " + region + (met ? " is" : " is not")
                        + " within " + regions, "注册地区" + (in.region().isEmpty() ? "未知" : in.region())
                        + (met ? "属于" : "不属于") + regions));
            }
        }
        if (minFirmAgeYears > 0) {
            out = add(out, atLeast(failedOnly, "minFirmAgeYears", in, "firm_age_years", minFirmAgeYears,
                    "firm age (years)", "成立年限（年）"));
        }
        if (minAmount.signum() > 0) {
            boolean met = in.requestedAmount().compareTo(minAmount) >= 0;
            if (!(failedOnly && met)) {
                out = add(out, new Criterion("minAmount", met, "requested " + in.requestedAmount().toPlainString()
                        + " CNY, at least " + minAmount.toPlainString() + " CNY", "申请金额"
                        + in.requestedAmount().toPlainString() + "元，最低" + minAmount.toPlainString() + "元"));
            }
        }
        if (requiresWhitelist) {
            boolean met = in.taxRatingA3Years();
            if (!(failedOnly && met)) {
                out = add(out, new Criterion("requiresWhitelist", met,
                        met ? "on the tax credit whitelist (A for three years)"
                                : "not on the tax credit whitelist (A for three years)",
                        met ? "纳税信用白名单（连续三年A级）" : "不在纳税信用白名单（连续三年A级）"));
            }
        }
        if (requiresCoreEnterpriseRating) {
            boolean met = in.hasCoreEnterpriseRating();
            if (!(failedOnly && met)) {
                out = add(out, new Criterion("requiresCoreEnterpriseRating", met, met ? "core enterprise rated "
                        + in.coreEnterpriseRating() : "no supply-chain core enterprise rating", met ? "核心企业评级"
                        + in.coreEnterpriseRating() : "无供应链核心企业评级"));
            }
        }
        if (!requiredQualifications.isEmpty()) {
            out = add(out, qualifications(failedOnly, in));
        }
        if (!minIndicators.isEmpty()) {
            for (Map.Entry<String, Double> e : minIndicators.entrySet()) {
                out = add(out, atLeast(failedOnly, null, in, e.getKey(), e.getValue(), e.getKey(), e.getKey()));
            }
        }
        if (!maxIndicators.isEmpty()) {
            for (Map.Entry<String, Double> e : maxIndicators.entrySet()) {
                out = add(out, atMost(failedOnly, in, e.getKey(), e.getValue()));
            }
        }
        return out == null ? List.of() : out;
    }

    /** {@code out} with {@code c} added, made on the first criterion; {@code out} itself when {@code c} is null. */
    private static List<Criterion> add(List<Criterion> out, Criterion c) {
        if (c == null) {
            return out;
        }
        List<Criterion> list = out == null ? new ArrayList<>(2) : out;
        list.add(c);
        return list;
    }

    /**
     * Criteria joined for a reason text: English with "; ", Chinese with "；".
     *
     * @param criteria the criteria
     * @param zh whether to join the Chinese texts
     * @return the joined text
     */
    public static String describe(List<Criterion> criteria, boolean zh) {
        StringBuilder b = new StringBuilder();
        for (Criterion c : criteria) {
            if (b.length() > 0) {
                b.append(zh ? "；" : "; ");
            }
            b.append(zh ? c.zh() : c.en());
        }
        return b.toString();
    }

    /**
     * Any of {@link #requiredQualifications} valid on the decision date: met names the first held (in
     * file order) and its expiry; missed names each required certificate on record that is not valid
     * then (expired, or issued after the decision date), or says none is on record.
     */
    private Criterion qualifications(boolean failedOnly, RuleInput in) {
        LocalDate day = in.decisionDate();
        List<Qualification> held = in.qualifications();
        for (int i = 0; i < requiredQualifications.size(); i++) {
            QualificationKind k = requiredQualifications.get(i);
            for (int j = 0; j < held.size(); j++) {
                Qualification q = held.get(j);
                if (q.kind() == k && q.isValidOn(day)) {
                    return failedOnly ? null : new Criterion("requiredQualifications", true, "holds " + k
                            + " (valid until " + q.expires() + "), one of " + requiredQualifications, "持有" + k.zh()
                            + "资质（有效期至" + q.expires() + "），要求其一：" + zhNames(requiredQualifications));
                }
            }
        }
        StringBuilder en = new StringBuilder();
        StringBuilder zh = new StringBuilder();
        for (Qualification q : in.qualifications()) {
            if (requiredQualifications.contains(q.kind())) {
                boolean expired = q.expires().isBefore(day);
                en.append(en.length() == 0 ? ": " : ", ").append(q.kind())
                        .append(expired ? " expired " + q.expires() : " issued " + q.issued() + ", after it");
                zh.append(zh.length() == 0 ? "：" : "，").append(q.kind().zh())
                        .append(expired ? "已于" + q.expires() + "到期" : "于" + q.issued() + "方颁发");
            }
        }
        return new Criterion("requiredQualifications", false, "holds none of " + requiredQualifications
                + " valid on " + day + (en.length() == 0 ? ": none on record" : en), "无" + day + "有效的资质（要求其一："
                + zhNames(requiredQualifications) + "）" + (zh.length() == 0 ? "：无记录" : zh));
    }

    private static String zhNames(List<QualificationKind> kinds) {
        StringBuilder b = new StringBuilder();
        for (QualificationKind k : kinds) {
            b.append(b.length() == 0 ? "" : "、").append(k.zh());
        }
        return b.toString();
    }

    /** The criterion that {@code indicator} is at least {@code min}, or null when met and only failures are kept. */
    private static Criterion atLeast(boolean failedOnly, String id, RuleInput in, String indicator, double min,
            String en, String zh) {
        if (in.indicators().missing(indicator)) {
            return new Criterion(id == null ? "minIndicators/" + indicator : id, false,
                    en + " is missing (at least " + num(min) + " required)", zh + "缺失（要求不低于" + num(min) + "）");
        }
        double v = in.indicators().value(indicator);
        boolean met = v >= min;
        return failedOnly && met ? null : new Criterion(id == null ? "minIndicators/" + indicator : id, met,
                en + " " + num(v) + ", at least " + num(min), zh + num(v) + "，要求不低于" + num(min));
    }

    /** The criterion that {@code indicator} is at most {@code max}, or null when met and only failures are kept. */
    private static Criterion atMost(boolean failedOnly, RuleInput in, String indicator, double max) {
        if (in.indicators().missing(indicator)) {
            return new Criterion("maxIndicators/" + indicator, false,
                    indicator + " is missing (at most " + num(max) + " required)",
                    indicator + "缺失（要求不高于" + num(max) + "）");
        }
        double v = in.indicators().value(indicator);
        boolean met = v <= max;
        return failedOnly && met ? null : new Criterion("maxIndicators/" + indicator, met,
                indicator + " " + num(v) + ", at most " + num(max), indicator + num(v) + "，要求不高于" + num(max));
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.valueOf(Math.round(v * 100) / 100.0);
    }
}
