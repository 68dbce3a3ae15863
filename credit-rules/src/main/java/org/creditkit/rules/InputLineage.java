package org.creditkit.rules;

import java.util.List;
import java.util.Set;
import org.creditkit.core.domain.SourceLineage;

/**
 * Where the facts behind a rule came from: given the rule-input members a rule reads (as the
 * {@link RuleChecker} resolved them when the rule set was built), the source systems and as-of
 * times of the application's data they were derived from. The decision gives each rule reason this
 * lineage, as score reasons carry theirs.
 */
@FunctionalInterface
interface InputLineage {

    /** No lineage: the input was built directly (scenarios, a caller's own {@link RuleInput}). */
    InputLineage NONE = members -> List.of();

    /**
     * The lineage of some members.
     *
     * @param members rule-input member names, e.g. {@code debtorStatus}, {@code reviewFlagged}
     * @return one entry per source system and as-of time, without repeats, in member order
     */
    List<SourceLineage> of(Set<String> members);
}
