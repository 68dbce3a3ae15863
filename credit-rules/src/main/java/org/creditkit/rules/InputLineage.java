package org.creditkit.rules;

import java.util.List;
import org.creditkit.core.domain.SourceLineage;

/**
 * Where the facts behind a rule came from: given what a rule reads (its {@link Plan}, made once per
 * rule set from the rule-input members the {@link RuleChecker} resolved), the source systems and
 * as-of times of the application's data they were derived from. The decision gives each rule
 * reason this lineage, as score reasons carry theirs. One instance serves one decision.
 */
@FunctionalInterface
interface InputLineage {

    /** No lineage: the input was built directly (scenarios, a caller's own {@link RuleInput}). */
    InputLineage NONE = plan -> List.of();

    /**
     * The lineage of what a rule reads.
     *
     * @param plan the rule's plan
     * @return one entry per source system and as-of time, without repeats, in member order
     */
    List<SourceLineage> of(Plan plan);

    /**
     * What a rule's reasons take their lineage from, resolved once per rule set
     * ({@link RuleInputMapper#plan}) so that a decision does no name lookups: each step is a
     * {@link org.creditkit.core.domain.DataSource} ordinal or one of the derived kinds
     * ({@link RuleInputMapper#SCORE} ...), without repeats, in member order.
     *
     * @param steps the steps (not copied: built by the mapper and never changed)
     */
    record Plan(int[] steps) {
    }
}
