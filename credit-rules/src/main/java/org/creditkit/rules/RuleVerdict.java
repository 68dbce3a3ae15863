package org.creditkit.rules;

import java.util.Objects;

/**
 * One rule's verdict in a decision's trail: which rule fired, what it decided, and why.
 *
 * @param rule the rule name
 * @param verdict what it decided, e.g. {@code tier=DECLINE}, {@code measure=COLLATERAL},
 *        {@code limit=1500000.00}, {@code price=0.0430}
 * @param reason the rule's reason in English and Chinese (its code is the rule name)
 */
public record RuleVerdict(String rule, String verdict, Reason reason) {

    /** Checks the fields. */
    public RuleVerdict {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** Returns {@code rule: verdict}. */
    @Override
    public String toString() {
        return rule + ": " + verdict;
    }
}
