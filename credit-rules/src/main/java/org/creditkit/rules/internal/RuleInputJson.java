package org.creditkit.rules.internal;

import org.creditkit.rules.Indicators;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creditkit.core.domain.Product;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.Qualification;
import org.creditkit.core.domain.QualificationKind;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.core.domain.GuaranteeType;
import org.creditkit.core.codes.SizeClass;
import org.creditkit.rules.DebtorStatus;
import org.creditkit.rules.ListStanding;
import org.creditkit.rules.Reason;
import org.creditkit.rules.RuleInput;
import org.creditkit.rules.RuleInputException;

/**
 * Reads a {@link RuleInput} from a scenario's {@code "input"} object. Keys are the record's
 * component names. Required: applicationId, decisionDate (ISO date), product, requestedAmount,
 * requestedTermMonths, consent, industrySection, industryDivision, sizeClass, pd, score, grade.
 * Optional, with explicit absence when left out: annualRevenue, annualTaxPaid (absent when the key is
 * missing), indicators ({id: number or null}; the ones not given are missing), scoreConfidence (1),
 * missingSources ([DataSource names]), scoreReasons ([{code,en,zh}]),
 * dataQualityFlags ([names]), debtorStatus (NONE),
 * repairDate (ISO date, only with REPAIRED), seriousPenaltyCount (0), monthsSinceLastSeriousPenalty
 * (only with a count), taxRatingA3Years (false), coreEnterpriseRating (absent when missing),
 * guaranteeOffered (NONE), majorTaxViolation, abnormalOperation, seriousViolation (each
 * {@code {"status": NONE|REPAIRED|UNREPAIRED, "monthsSinceRepair": n}}, months only with REPAIRED;
 * never listed when left out), qualifications ({@code [{"kind", "certificateNo"?, "issued", "expires"}]}, ISO
 * dates, as in the application JSON; none when left out).
 */
public final class RuleInputJson {

    public static final Set<String> REQUIRED = Set.of("applicationId", "decisionDate", "product", "requestedAmount",
            "requestedTermMonths", "consent", "industrySection", "industryDivision", "sizeClass", "pd", "score", "grade");
    public static final Set<String> OPTIONAL = Set.of("indicators", "scoreConfidence", "missingSources", "annualRevenue", "annualTaxPaid",
            "scoreReasons", "dataQualityFlags",
            "debtorStatus", "repairDate", "seriousPenaltyCount", "monthsSinceLastSeriousPenalty", "taxRatingA3Years",
            "coreEnterpriseRating", "guaranteeOffered", "region", "majorTaxViolation", "abnormalOperation",
            "seriousViolation", "qualifications");

    private static final BigDecimal MAX_MONEY = new BigDecimal("100000000000");

    private RuleInputJson() {
    }

    /** Reads the input at {@code pointer}; returns null after recording problems when it is invalid. */
    public static RuleInput read(JsonFields f, String pointer, JsonNode n) {
        int before = f.problems().size();
        if (!f.object(pointer, n, REQUIRED, OPTIONAL)) {
            return null;
        }
        String id = f.text(pointer + "/applicationId", n.get("applicationId"));
        LocalDate date = date(f, pointer + "/decisionDate", n.get("decisionDate"));
        RuleInput.Builder b = RuleInput.builder(id, date)
                .product(product(f, pointer + "/product", n.get("product")))
                .requested(f.decimal(pointer + "/requestedAmount", n.get("requestedAmount"), BigDecimal.ZERO, MAX_MONEY, true),
                        f.integer(pointer + "/requestedTermMonths", n.get("requestedTermMonths"), 1, 360))
                .consent(f.bool(pointer + "/consent", n.get("consent")))
                .industry(f.text(pointer + "/industrySection", n.get("industrySection")),
                        f.text(pointer + "/industryDivision", n.get("industryDivision")))
                .sizeClass(f.enumValue(pointer + "/sizeClass", n.get("sizeClass"), SizeClass.class, SizeClass.SMALL))
                .score(f.number(pointer + "/pd", n.get("pd"), 0, 1, false),
                        f.number(pointer + "/score", n.get("score"), -1e9, 1e9, false),
                        f.text(pointer + "/grade", n.get("grade")));
        if (n.has("region")) {
            String region = f.text(pointer + "/region", n.get("region"));
            if (!region.matches("[1-9][0-9]{5}")) {
                f.problem(pointer + "/region", "'" + region + "' is not a six-digit GB/T 2260 region code (e.g. 330106)");
            } else {
                b.region(region);
            }
        }
        if (n.has("annualRevenue")) {
            b.annualRevenue(f.decimal(pointer + "/annualRevenue", n.get("annualRevenue"), BigDecimal.ZERO, MAX_MONEY, false));
        }
        if (n.has("annualTaxPaid")) {
            b.annualTaxPaid(f.decimal(pointer + "/annualTaxPaid", n.get("annualTaxPaid"), BigDecimal.ZERO, MAX_MONEY, false));
        }
        List<Reason> reasons = new ArrayList<>();
        List<JsonNode> rs = f.array(pointer + "/scoreReasons", n.get("scoreReasons"));
        for (int i = 0; i < rs.size(); i++) {
            String at = pointer + "/scoreReasons/" + i;
            if (f.object(at, rs.get(i), Set.of("code", "en", "zh"), Set.of())) {
                String code = f.text(at + "/code", rs.get(i).get("code"));
                reasons.add(Reason.of(code.isBlank() ? "?" : code, f.text(at + "/en", rs.get(i).get("en")),
                        f.text(at + "/zh", rs.get(i).get("zh"))));
            }
        }
        b.scoreReasons(reasons);
        Set<DataQualityFlag> flags = EnumSet.noneOf(DataQualityFlag.class);
        List<JsonNode> fs = f.array(pointer + "/dataQualityFlags", n.get("dataQualityFlags"));
        for (int i = 0; i < fs.size(); i++) {
            DataQualityFlag flag = f.enumValue(pointer + "/dataQualityFlags/" + i, fs.get(i), DataQualityFlag.class, null);
            if (flag != null) {
                flags.add(flag);
            }
        }
        b.dataQualityFlags(flags);
        Set<DataSource> missing = EnumSet.noneOf(DataSource.class);
        List<JsonNode> ms = f.array(pointer + "/missingSources", n.get("missingSources"));
        for (int i = 0; i < ms.size(); i++) {
            DataSource src = f.enumValue(pointer + "/missingSources/" + i, ms.get(i), DataSource.class, null);
            if (src != null) {
                missing.add(src);
            }
        }
        JsonNode ind = n.get("indicators");
        if (ind != null && !ind.isObject()) {
            f.problem(pointer + "/indicators", "must be an object of indicator id -> number or null");
        } else if (ind != null) {
            java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<String, JsonNode> e : ind.properties()) {
                String at = pointer + "/indicators/" + e.getKey();
                if (org.creditkit.core.feature.FeatureCatalogue.standard().indexOf(e.getKey()) < 0) {
                    f.problem(at, "unknown indicator '" + e.getKey() + "' (see docs/features.md for the ids)");
                } else if (e.getValue().isNull()) {
                    values.put(e.getKey(), Double.NaN);
                } else {
                    values.put(e.getKey(), f.number(at, e.getValue(), -1e15, 1e15, false));
                }
            }
            b.indicators(Indicators.of(values));
        }
        b.scoreConfidence(n.has("scoreConfidence") ? f.number(pointer + "/scoreConfidence", n.get("scoreConfidence"), 0, 1,
                false) : 1.0, missing);
        DebtorStatus status = n.has("debtorStatus")
                ? f.enumValue(pointer + "/debtorStatus", n.get("debtorStatus"), DebtorStatus.class, DebtorStatus.NONE)
                : DebtorStatus.NONE;
        if (status == DebtorStatus.UNREPAIRED) {
            b.unrepairedDishonestDebtor();
        } else if (status == DebtorStatus.REPAIRED) {
            b.repairedDishonestDebtor(n.has("repairDate") ? date(f, pointer + "/repairDate", n.get("repairDate"))
                    : RuleInput.NO_DATE);
        }
        if (status != DebtorStatus.REPAIRED && n.has("repairDate")) {
            f.problem(pointer + "/repairDate", "is only valid with debtorStatus REPAIRED");
        }
        int count = n.has("seriousPenaltyCount")
                ? f.integer(pointer + "/seriousPenaltyCount", n.get("seriousPenaltyCount"), 0, 10_000) : 0;
        int months = n.has("monthsSinceLastSeriousPenalty")
                ? f.integer(pointer + "/monthsSinceLastSeriousPenalty", n.get("monthsSinceLastSeriousPenalty"), 0, 10_000)
                : RuleInput.NO_PENALTY;
        if (count == 0 && n.has("monthsSinceLastSeriousPenalty")) {
            f.problem(pointer + "/monthsSinceLastSeriousPenalty", "is only valid with seriousPenaltyCount > 0");
        }
        b.seriousPenalties(count, months);
        b.taxRatingA3Years(n.has("taxRatingA3Years") && f.bool(pointer + "/taxRatingA3Years", n.get("taxRatingA3Years")));
        if (n.has("coreEnterpriseRating")) {
            b.coreEnterpriseRating(f.text(pointer + "/coreEnterpriseRating", n.get("coreEnterpriseRating")));
        }
        if (n.has("guaranteeOffered")) {
            b.guaranteeOffered(f.enumValue(pointer + "/guaranteeOffered", n.get("guaranteeOffered"), GuaranteeType.class,
                    GuaranteeType.NONE));
        }
        b.majorTaxViolation(standing(f, pointer + "/majorTaxViolation", n.get("majorTaxViolation")))
                .abnormalOperation(standing(f, pointer + "/abnormalOperation", n.get("abnormalOperation")))
                .seriousViolation(standing(f, pointer + "/seriousViolation", n.get("seriousViolation")));
        b.qualifications(qualifications(f, pointer + "/qualifications", n.get("qualifications")));
        if (f.problems().size() > before) {
            return null;
        }
        try {
            return b.build();
        } catch (RuleInputException e) {
            f.problem(pointer, e.getMessage());
            return null;
        }
    }

    /** A list standing; NONE when the key is left out (problems recorded, NONE returned, when invalid). */
    private static ListStanding standing(JsonFields f, String pointer, JsonNode n) {
        if (n == null || !f.object(pointer, n, Set.of("status"), Set.of("monthsSinceRepair"))) {
            return ListStanding.NONE;
        }
        DebtorStatus status = f.enumValue(pointer + "/status", n.get("status"), DebtorStatus.class, DebtorStatus.NONE);
        if (status == DebtorStatus.REPAIRED) {
            if (!n.has("monthsSinceRepair")) {
                f.problem(pointer + "/monthsSinceRepair", "is required with status REPAIRED (whole months since the"
                        + " latest repair, >= 0)");
                return ListStanding.NONE;
            }
            int months = f.integer(pointer + "/monthsSinceRepair", n.get("monthsSinceRepair"), 0, 10_000);
            return months < 0 ? ListStanding.NONE : ListStanding.repaired(months); // a negative one is reported
        }
        if (n.has("monthsSinceRepair")) {
            f.problem(pointer + "/monthsSinceRepair", "is only valid with status REPAIRED");
        }
        return status == DebtorStatus.UNREPAIRED ? ListStanding.UNREPAIRED : ListStanding.NONE;
    }

    /** The certificates; problems recorded (and the entry left out) for an invalid one. */
    private static List<Qualification> qualifications(JsonFields f, String pointer, JsonNode n) {
        List<Qualification> out = new ArrayList<>();
        List<JsonNode> qs = f.array(pointer, n);
        for (int i = 0; i < qs.size(); i++) {
            String at = pointer + "/" + i;
            JsonNode q = qs.get(i);
            if (!f.object(at, q, Set.of("kind", "issued", "expires"), Set.of("certificateNo"))) {
                continue;
            }
            int before = f.problems().size();
            QualificationKind kind = f.enumValue(at + "/kind", q.get("kind"), QualificationKind.class, null);
            Optional<String> number = q.has("certificateNo")
                    ? Optional.of(f.text(at + "/certificateNo", q.get("certificateNo"))) : Optional.empty();
            LocalDate issued = date(f, at + "/issued", q.get("issued"));
            LocalDate expires = date(f, at + "/expires", q.get("expires"));
            if (f.problems().size() > before || kind == null) {
                continue;
            }
            try {
                out.add(new Qualification(kind, number, issued, expires));
            } catch (IllegalArgumentException e) {
                f.problem(at, e.getMessage());
            }
        }
        return out;
    }

    private static LocalDate date(JsonFields f, String pointer, JsonNode n) {
        String s = f.text(pointer, n);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            if (n != null && n.isTextual()) {
                f.problem(pointer, "'" + s + "' is not an ISO date (yyyy-MM-dd)");
            }
            return LocalDate.of(2000, 1, 1);
        }
    }

    private static Product product(JsonFields f, String at, JsonNode n) {
        String id = f.text(at, n);
        if (!Product.isValidId(id)) {
            if (n != null && n.isTextual()) {
                f.problem(at, "'" + id + "' is not a product id: upper-case letters, digits and underscores, starting"
                        + " with a letter (e.g. GENERAL)");
            }
            return Product.GENERAL;
        }
        return Product.of(id);
    }
}
