package org.creditkit.rules.testing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.creditkit.core.domain.Product;
import org.creditkit.rules.CompiledRuleSet;
import org.creditkit.rules.Decision;
import org.creditkit.rules.MitigationMeasure;
import org.creditkit.rules.PolicyParameters;
import org.creditkit.rules.RuleDecider;
import org.creditkit.rules.RuleProblem;
import org.creditkit.rules.RuleInput;
import org.creditkit.rules.Tier;
import org.creditkit.rules.internal.Names;

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
 * @param sites where the named references stand in the scenario file, by JSON pointer
 *        ({@code /expect/firedRules/0}, {@code /input/product}): the file, line and column, with the name
 *        given there as the message; empty for a scenario not read from a file
 */
public record Scenario(String name, String description, RuleInput input, Tier tier, Set<MitigationMeasure> conditions,
        Set<String> firedRules, Optional<BigDecimal> approvedAmount, OptionalInt approvedTermMonths,
        Map<String, RuleProblem> sites) {

    /**
     * A scenario not read from a file: its references are reported without a file location.
     */
    public Scenario(String name, String description, RuleInput input, Tier tier, Set<MitigationMeasure> conditions,
            Set<String> firedRules, Optional<BigDecimal> approvedAmount, OptionalInt approvedTermMonths) {
        this(name, description, input, tier, conditions, firedRules, approvedAmount, approvedTermMonths, Map.of());
    }

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
        sites = Map.copyOf(sites);
    }

    /**
     * Runs the case against a decider.
     *
     * @param decider the rules under test
     * @return the result with every difference
     */
    public ScenarioResult run(RuleDecider decider) {
        List<String> unknown = decider instanceof CompiledRuleSet rules ? unknownReferences(rules) : List.of();
        if (unknown.stream().anyMatch(u -> u.contains(" is not a product of "))) {
            return new ScenarioResult(this, unknown, Optional.empty()); // nothing to decide: the product is not there
        }
        Decision d;
        try {
            d = decider.decide(input, "scenario");
        } catch (org.creditkit.core.CreditException e) {
            return new ScenarioResult(this, List.of("the decision failed: " + e.getMessage()), Optional.empty());
        }
        List<String> diff = new java.util.ArrayList<>(unknown);
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

    /**
     * The names this scenario expects that the rule set does not have: a misspelt rule in
     * {@code firedRules} can never fire (the case fails with no hint that the name is wrong, or, with the
     * misspelling in a rule set that later gains such a name, passes for the wrong reason), and a product
     * the set does not offer cannot be decided. Each names the file, line and column, the JSON path, the
     * rule set, and the nearest valid name.
     */
    private List<String> unknownReferences(CompiledRuleSet rules) {
        List<String> out = new java.util.ArrayList<>();
        Product product = input.product();
        if (!rules.parameters().offers(product)) {
            List<String> ids = rules.parameters().products().keySet().stream().map(Product::id).toList();
            out.add(at("/input/product", "product '" + product.id() + "' is not a product of " + rules.origin()
                    + " (" + PolicyParameters.PRODUCTS_FILE_NAME + ")" + Names.suggestion(product.id(), ids)
                    + (Names.nearest(product.id(), ids).isPresent() ? " its products: " + ids : "")));
        }
        out.addAll(Names.unknownRules(sites, firedRules, rules.firableRuleNames(), rules.origin()));
        return out;
    }

    /** {@code file:line:column $.path: message} at a pointer of the scenario file, or the path alone. */
    private String at(String pointer, String message) {
        RuleProblem site = sites.get(pointer);
        String path = org.creditkit.rules.internal.JsonDoc.path(pointer);
        return site == null ? path + ": " + message
                : RuleProblem.of(site.file(), site.line(), site.column(), path + ": " + message).toString();
    }
}
