package org.creditkit.rules;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of deciding one application: an immutable value carrying the tier, the offer, the
 * conditions, the reasons and the audit trail.
 *
 * @param applicationId the application identifier
 * @param tier the final tier: the most severe tier any rule set
 * @param approvedAmount approved (or, for manual review, proposed) amount in CNY, scale 2; zero when declined
 * @param approvedTermMonths approved term in months; 0 when declined
 * @param interestRate annual rate: the reference rate plus the grade spread; 0 when declined
 * @param conditions mitigation measures required (non-empty only for {@link Tier#MITIGATION}), in enum order:
 *        the smallest set that brings the expected loss within the product's appetite
 * @param expectedLoss PD, LGD assumption, EAD and expected loss of the offer (after the conditions), or of
 *        the requested amount and term for a decline
 * @param reasons score reason codes, then rule reasons, in English and Chinese: the reasons of the outcome,
 *        so an "approved automatically" verdict that a later rule overrode, and the limit and price of a
 *        decline, are left out (the {@code trail} keeps every verdict); a decision of
 *        {@link CreditEngine} makes its score reasons and gives its rule reasons their lineage when the list
 *        is first read (an immutable, thread-safe list equal to the one built at once; until that first read
 *        the decision holds the application it was made from)
 * @param firedRules names of the rules that fired, in firing order, each once
 * @param trail every fired rule's verdict, in firing order
 * @param rulesetVersion SHA-256 (hex) of the rule sources and parameters that decided
 * @param modelId identifier of the scoring model ({@code "none"} when the input was scored elsewhere)
 * @param timings where the time went
 */
public record Decision(
        String applicationId,
        Tier tier,
        BigDecimal approvedAmount,
        int approvedTermMonths,
        double interestRate,
        List<MitigationMeasure> conditions,
        ExpectedLoss expectedLoss,
        List<Reason> reasons,
        List<String> firedRules,
        List<RuleVerdict> trail,
        String rulesetVersion,
        String modelId,
        DecisionTimings timings) {

    /** Checks the fields and copies the lists. */
    public Decision {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(approvedAmount, "approvedAmount");
        Objects.requireNonNull(rulesetVersion, "rulesetVersion");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(expectedLoss, "expectedLoss");
        conditions = List.copyOf(conditions);
        // the engine's own lists (whose reasons may be completed on first read) are immutable already
        reasons = immutable(reasons);
        firedRules = immutable(firedRules);
        trail = immutable(trail);
        if (!conditions.isEmpty() && tier != Tier.MITIGATION) {
            throw new IllegalArgumentException("Decision " + applicationId + ": conditions " + conditions
                    + " are only valid for tier MITIGATION, not " + tier);
        }
    }

    /** {@code list} itself when it is one of the engine's immutable lists, else {@code List.copyOf(list)}. */
    private static <T> List<T> immutable(List<T> list) {
        return list instanceof FrozenList || list instanceof FrozenList.RuleNames || list instanceof LazyReasons ? list
                : List.copyOf(list);
    }

    /**
     * Whether another decision has the same outcome: tier, amount, term, rate, conditions, expected loss, and the
     * same set of fired rules (firing order, timings and reasons' order are not compared).
     *
     * @param other another decision
     * @return true when the outcomes agree
     */
    public boolean sameOutcome(Decision other) {
        return tier == other.tier
                && approvedAmount.compareTo(other.approvedAmount) == 0
                && approvedTermMonths == other.approvedTermMonths
                && Double.compare(interestRate, other.interestRate) == 0
                && conditions.equals(other.conditions)
                && expectedLoss.equals(other.expectedLoss)
                && new HashSet<>(firedRules).equals(new HashSet<>(other.firedRules));
    }

    /**
     * A copy with other timings.
     *
     * @param value the timings
     * @return the copy
     */
    public Decision withTimings(DecisionTimings value) {
        return new Decision(applicationId, tier, approvedAmount, approvedTermMonths, interestRate, conditions, expectedLoss,
                reasons, firedRules, trail, rulesetVersion, modelId, value);
    }

    /** Returns a one-line summary. */
    @Override
    public String toString() {
        return "Decision[" + applicationId + " " + tier + " amount=" + approvedAmount.toPlainString() + " term="
                + approvedTermMonths + " rate=" + interestRate + " conditions=" + conditions + " el="
                + expectedLoss.expectedLoss().toPlainString() + " rules=" + firedRules
                + " ruleset=" + rulesetVersion.substring(0, Math.min(12, rulesetVersion.length())) + " model=" + modelId
                + "]";
    }
}
