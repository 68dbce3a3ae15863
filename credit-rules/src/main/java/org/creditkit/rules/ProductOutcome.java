package org.creditkit.rules;

import java.util.List;
import java.util.Objects;
import org.creditkit.core.domain.Product;

/**
 * What one product of the rule set would do for one enterprise: its eligibility criteria, met or
 * missed, and the decision the policy takes on the application under that product.
 *
 * @param product the product id
 * @param nameEn the product's English name
 * @param nameZh the product's Chinese name
 * @param criteria every eligibility criterion the product sets, met or missed (empty: open to anyone)
 * @param decision the decision under this product; a {@link Tier#DECLINE} when ineligible, naming the
 *        missed criteria in its reasons
 */
public record ProductOutcome(Product product, String nameEn, String nameZh, List<Criterion> criteria,
        Decision decision) {

    /** Checks the fields and copies the criteria. */
    public ProductOutcome {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(decision, "decision");
        criteria = List.copyOf(criteria);
    }

    /**
     * Whether every eligibility criterion is met.
     *
     * @return true when eligible
     */
    public boolean eligible() {
        return criteriaMissed().isEmpty();
    }

    /**
     * Whether the product is offered: eligible and not declined.
     *
     * @return true for an offer
     */
    public boolean offered() {
        return eligible() && decision.tier() != Tier.DECLINE;
    }

    /**
     * The criteria met.
     *
     * @return the met criteria, in file order
     */
    public List<Criterion> criteriaMet() {
        return criteria.stream().filter(Criterion::met).toList();
    }

    /**
     * The criteria missed.
     *
     * @return the missed criteria, in file order
     */
    public List<Criterion> criteriaMissed() {
        return criteria.stream().filter(c -> !c.met()).toList();
    }
}
