package org.creditkit.core.fairness;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The results of one grouping.
 *
 * @param grouping the grouping's name
 * @param referenceGroup the label of the reference group
 * @param referenceRule how the reference was chosen, e.g. "named", "largest group"
 * @param groups one result per group, sorted by label
 * @param summary Fairlearn-style summaries
 * @param betweenGroupTheil the between-group generalized entropy index (alpha = 1): the Theil
 *     index of the benefits after replacing each record's benefit by its group's mean benefit
 *     (AIF360 {@code between_group_generalized_entropy_index}); absent without outcomes
 */
public record GroupingResult(String grouping, String referenceGroup, String referenceRule,
        List<GroupResult> groups, FairlearnSummary summary, OptionalDouble betweenGroupTheil) {

    /**
     * Copies the group list.
     *
     * @param grouping see {@link #grouping()}
     * @param referenceGroup see {@link #referenceGroup()}
     * @param referenceRule see {@link #referenceRule()}
     * @param groups see {@link #groups()}
     * @param summary see {@link #summary()}
     * @param betweenGroupTheil see {@link #betweenGroupTheil()}
     */
    public GroupingResult {
        groups = List.copyOf(groups);
    }
}
