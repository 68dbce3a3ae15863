package org.creditkit.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Every product of the rule set matched against one enterprise's application (信用贷款超市 / 政策找人):
 * the products it is offered, best offer first, and the others with why not.
 *
 * <p>Offers are ranked by {@link #RANKING}: the tier (instant approval, then manual review, then
 * mitigation), then the lower interest rate, then the larger approved amount, then the order of
 * {@code products.json}. A product is refused when a criterion of its eligibility is missed (the
 * outcome's {@link ProductOutcome#criteriaMissed()}) or when the policy declines the application
 * under it (the decision's reasons, e.g. the PD above the product's ceiling).
 *
 * @param applicationId the application's id
 * @param offers the products offered, best first
 * @param refused the products not offered, in {@code products.json} order
 */
public record ProductMatch(String applicationId, List<ProductOutcome> offers, List<ProductOutcome> refused) {

    /** Best offer first: tier, then lower rate, then larger amount (a stable sort keeps file order for ties). */
    public static final Comparator<ProductOutcome> RANKING = Comparator
            .comparing((ProductOutcome o) -> o.decision().tier())
            .thenComparingDouble(o -> o.decision().interestRate())
            .thenComparing(o -> o.decision().approvedAmount(), Comparator.reverseOrder());

    /** Checks the fields and copies the lists. */
    public ProductMatch {
        Objects.requireNonNull(applicationId, "applicationId");
        offers = List.copyOf(offers);
        refused = List.copyOf(refused);
    }

    /**
     * The best offer, if any.
     *
     * @return the first offer
     */
    public java.util.Optional<ProductOutcome> best() {
        return offers.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(offers.get(0));
    }
}
