package org.creditkit.rules.testing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.creditkit.rules.Decision;
import org.creditkit.rules.MitigationMeasure;
import org.creditkit.rules.RuleDecider;
import org.creditkit.rules.RuleInput;
import org.creditkit.rules.Tier;

/**
 * A rule scenario test case for risk teams: an input and the decision it must get. Loaded from a
 * JSON file by {@link Scenarios}:
 * <pre>{@code
 * {
 *   "description": "clean low-risk manufacturer within the cap",
 *   "input": { "applicationId": "S01", "decisionDate": "2026-11-21", "product": "GENERAL", ... },
 *   "expect": { "tier": "INSTANT_APPROVAL", "conditions": [],
 *               "firedRules": ["instant-low-risk", "limit-revenue-base", "price-grade-grid"],
 *               "approvedAmount": 800000, "approvedTermMonths": 12 }
 * }
 * }</pre>
 * {@code tier}, {@code conditions} and {@code firedRules} (the exact set) are required;
 * {@code approvedAmount} and {@code approvedTermMonths} are checked when present.
 *
 * @param name the file name without {@code .json}
 * @param description what the case is about
 * @param input the scored application
 * @param tier expected tier
 * @param conditions expected mitigation conditions (in any order)
 * @param firedRules expected set of fired rule names
 * @param approvedAmount expected amount, when given
 * @param approvedTermMonths expected term, when given
 */
public record Scenario(String name, String description, RuleInput input, Tier tier, Set<MitigationMeasure> conditions,
        Set<String> firedRules, Optional<BigDecimal> approvedAmount, OptionalInt approvedTermMonths) {

    /** Checks and copies. */
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(tier, "tier");
        conditions = Set.copyOf(conditions);
        firedRules = Set.copyOf(firedRules);
        Objects.requireNonNull(approvedAmount, "approvedAmount");
        Objects.requireNonNull(approvedTermMonths, "approvedTermMonths");
    }

    /**
     * Runs the case against a decider.
     *
     * @param decider the rules under test
     * @return the result with every difference
     */
    public ScenarioResult run(RuleDecider decider) {
        Decision d;
        try {
            d = decider.decide(input, "scenario");
        } catch (org.creditkit.core.CreditException e) {
            return new ScenarioResult(this, List.of("the decision failed: " + e.getMessage()), Optional.empty());
        }
        List<String> diff = new java.util.ArrayList<>();
        if (d.tier() != tier) {
            diff.add("tier: expected " + tier + ", got " + d.tier());
        }
        if (!Set.copyOf(d.conditions()).equals(conditions)) {
            diff.add("conditions: expected " + new java.util.TreeSet<>(conditions) + ", got " + d.conditions());
        }
        Set<String> fired = Set.copyOf(d.firedRules());
        if (!fired.equals(firedRules)) {
            java.util.TreeSet<String> missing = new java.util.TreeSet<>(firedRules);
            missing.removeAll(fired);
            java.util.TreeSet<String> extra = new java.util.TreeSet<>(fired);
            extra.removeAll(firedRules);
            diff.add("firedRules: expected but not fired " + missing + ", fired but not expected " + extra);
        }
        approvedAmount.ifPresent(a -> {
            if (a.compareTo(d.approvedAmount()) != 0) {
                diff.add("approvedAmount: expected " + a.toPlainString() + ", got " + d.approvedAmount().toPlainString());
            }
        });
        approvedTermMonths.ifPresent(t -> {
            if (t != d.approvedTermMonths()) {
                diff.add("approvedTermMonths: expected " + t + ", got " + d.approvedTermMonths());
            }
        });
        return new ScenarioResult(this, diff, Optional.of(d));
    }
}
