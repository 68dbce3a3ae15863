package org.creditkit.rules.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.creditkit.core.codes.EconomicZone;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.codes.RegionCode;
import org.creditkit.core.domain.Enterprise;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.OwnershipType;
import org.creditkit.core.fairness.CounterfactualProbe;
import org.creditkit.core.fairness.CounterfactualReport;
import org.creditkit.core.fairness.ScoreShiftReport;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.codes.SizeClass;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.RuleInput;
import org.creditkit.rules.Tier;

/**
 * The counterfactual probe of the fairness audit run against a {@link CreditEngine}: every
 * application is re-decided with one protected attribute swapped to each other value, everything else
 * equal, and the share of decisions (tiers) that change is reported. Neither the default policy nor
 * the standard features use the economic zone or the ownership type, so for them any change is a
 * finding.
 *
 * <p>Size class is derived from employees, revenue and assets (2011 standard), so it cannot be
 * swapped in the application without changing the financial data that legitimately drives the score;
 * it is swapped in the scored {@link RuleInput} instead, which measures what the rules do with it
 * (the default policy picks mitigation measures by size, so conditions may change; tiers should not).
 *
 * <pre>{@code
 * CounterfactualReport r = Counterfactuals.probe(engine, applications, Counterfactuals.Attribute.ZONE);
 * r.changed().rate();   // share of (application, other value) pairs whose tier changed
 * }</pre>
 */
public final class Counterfactuals {

    /** The attributes that can be swapped. */
    public enum Attribute {
        /** Economic zone, swapped by moving the registration to a district of another zone. */
        ZONE,
        /** Ownership type. */
        OWNERSHIP,
        /** Size class, swapped in the scored rule input (score unchanged). */
        SIZE,
        /**
         * Industry section (GB/T 4754), swapped to one code per section the applications have (the
         * first seen): the industry layer is meant to move the score by industry, the base is not.
         */
        INDUSTRY
    }

    /**
     * One district per economic zone, used as the swapped registration: Shanghai Pudong, Wuhan
     * Wuchang, Chengdu Wuhou, Shenyang Heping.
     */
    private static final Map<EconomicZone, RegionCode> DISTRICT = Map.of(
            EconomicZone.EAST, RegionCode.of("310115"),
            EconomicZone.CENTRAL, RegionCode.of("420106"),
            EconomicZone.WEST, RegionCode.of("510107"),
            EconomicZone.NORTHEAST, RegionCode.of("210102"));

    private Counterfactuals() {
    }

    /**
     * Runs the probe for one attribute.
     *
     * @param engine       the engine whose decisions are probed
     * @param applications the applications (at least one)
     * @param attribute    the attribute to swap
     * @return the share of decisions that changed, per (from, to) pair and overall, with lost and
     *         gained favourable decisions (favourable = instant approval or approval with mitigation)
     */
    public static CounterfactualReport probe(CreditEngine engine, List<LoanApplication> applications,
                                             Attribute attribute) {
        return switch (attribute) {
            case ZONE -> CounterfactualProbe.run(applications, "zone",
                    a -> a.enterprise().region().zone().name(),
                    Arrays.stream(EconomicZone.values()).map(Enum::name).toList(),
                    (a, zone) -> withRegion(a, DISTRICT.get(EconomicZone.valueOf(zone))),
                    a -> engine.decide(a).tier().name(), Counterfactuals::favourable);
            case OWNERSHIP -> CounterfactualProbe.run(applications, "ownership",
                    a -> a.enterprise().ownership().name(),
                    Arrays.stream(OwnershipType.values()).map(Enum::name).toList(),
                    (a, o) -> withOwnership(a, OwnershipType.valueOf(o)),
                    a -> engine.decide(a).tier().name(), Counterfactuals::favourable);
            case SIZE -> CounterfactualProbe.run(
                    applications.stream().map(a -> engine.evaluate(a, Optional.empty()).input()).toList(), "sizeClass",
                    in -> in.sizeClass().name(),
                    Arrays.stream(SizeClass.values()).map(Enum::name).toList(),
                    (in, size) -> in.toBuilder().sizeClass(SizeClass.valueOf(size)).build(),
                    in -> engine.decide(in).tier().name(), Counterfactuals::favourable);
            case INDUSTRY -> {
                Map<String, IndustryCode> codes = sectionCodes(applications);
                yield CounterfactualProbe.run(applications, "industry",
                        a -> a.enterprise().industry().sectionCode(), List.copyOf(codes.keySet()),
                        (a, section) -> withIndustry(a, codes.get(section)),
                        a -> engine.decide(a).tier().name(), Counterfactuals::favourable);
            }
        };
    }

    /**
     * Runs the probe over scores for one attribute: the distribution of the PD change per swap and
     * whether each change came only through the industry layer (see {@link ScoreShiftReport}).
     * For industry, {@link ScoreShiftReport.Path#THROUGH_INDUSTRY_LAYER} is the intended result;
     * for zone and ownership, anything but {@link ScoreShiftReport.Path#NONE} is a finding.
     *
     * <pre>{@code
     * ScoreShiftReport r = Counterfactuals.scores(engine, applications, Counterfactuals.Attribute.INDUSTRY);
     * log.info(r.summary());
     * }</pre>
     *
     * @param engine the engine whose scores are probed
     * @param applications the applications (at least one)
     * @param attribute the attribute to swap: zone, ownership or industry
     * @return the PD changes
     * @throws IllegalArgumentException for {@link Attribute#SIZE}: size class is derived from the
     *     financial data the score uses, so it cannot be swapped with everything else equal
     */
    public static ScoreShiftReport scores(CreditEngine engine, List<LoanApplication> applications,
            Attribute attribute) {
        Function<LoanApplication, ScoreResult> score = a -> engine.evaluate(a, Optional.empty()).score();
        return switch (attribute) {
            case ZONE -> CounterfactualProbe.scores(applications, "zone", a -> a.enterprise().region().zone().name(),
                    Arrays.stream(EconomicZone.values()).map(Enum::name).toList(),
                    (a, zone) -> withRegion(a, DISTRICT.get(EconomicZone.valueOf(zone))), score);
            case OWNERSHIP -> CounterfactualProbe.scores(applications, "ownership",
                    a -> a.enterprise().ownership().name(),
                    Arrays.stream(OwnershipType.values()).map(Enum::name).toList(),
                    (a, o) -> withOwnership(a, OwnershipType.valueOf(o)), score);
            case INDUSTRY -> {
                Map<String, IndustryCode> codes = sectionCodes(applications);
                yield CounterfactualProbe.scores(applications, "industry",
                        a -> a.enterprise().industry().sectionCode(), List.copyOf(codes.keySet()),
                        (a, section) -> withIndustry(a, codes.get(section)), score);
            }
            case SIZE -> throw new IllegalArgumentException("size class is derived from employees, revenue and "
                    + "assets, which the score uses, so it cannot be swapped with everything else equal; probe "
                    + "its decisions with probe(engine, applications, Attribute.SIZE)");
        };
    }

    /** One code per industry section the applications have, the first seen, by section. */
    private static Map<String, IndustryCode> sectionCodes(List<LoanApplication> applications) {
        Map<String, IndustryCode> codes = new TreeMap<>();
        applications.forEach(a -> codes.putIfAbsent(a.enterprise().industry().sectionCode(), a.enterprise().industry()));
        return codes;
    }

    static LoanApplication withIndustry(LoanApplication a, IndustryCode industry) {
        Enterprise e = a.enterprise();
        return withEnterprise(a, new Enterprise(e.uscc(), e.name(), e.establishmentDate(), e.registeredCapital(),
                industry, e.region(), e.employees(), e.annualRevenue(), e.totalAssets(), e.ownership(),
                e.qualifications()));
    }

    private static boolean favourable(String tier) {
        return Tier.valueOf(tier).isApproval();
    }

    static LoanApplication withRegion(LoanApplication a, RegionCode region) {
        Enterprise e = a.enterprise();
        return withEnterprise(a, new Enterprise(e.uscc(), e.name(), e.establishmentDate(), e.registeredCapital(),
                e.industry(), region, e.employees(), e.annualRevenue(), e.totalAssets(), e.ownership(),
                e.qualifications()));
    }

    static LoanApplication withOwnership(LoanApplication a, OwnershipType ownership) {
        Enterprise e = a.enterprise();
        return withEnterprise(a, new Enterprise(e.uscc(), e.name(), e.establishmentDate(), e.registeredCapital(),
                e.industry(), e.region(), e.employees(), e.annualRevenue(), e.totalAssets(), ownership,
                e.qualifications()));
    }

    private static LoanApplication withEnterprise(LoanApplication a, Enterprise e) {
        return new LoanApplication(a.id(), a.applicationTime(), a.product(), a.amount(), a.termMonths(), a.purpose(),
                a.guarantee(), a.dataUseConsent(), e, a.sources());
    }
}
