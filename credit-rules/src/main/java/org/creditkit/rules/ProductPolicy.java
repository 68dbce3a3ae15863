package org.creditkit.rules;

import java.math.BigDecimal;
import org.creditkit.core.domain.Product;

/**
 * The policy parameters of one loan product; rules read the input's product policy as
 * {@code Case( product.instantMaxPd ... )}.
 *
 * @param product the product
 * @param instantMaxPd highest PD approved instantly (inclusive)
 * @param reviewMaxPd highest PD sent to manual review (inclusive); above it is mitigation
 * @param autoApprovalCap highest requested amount (CNY, inclusive) that may be approved automatically
 * @param maxAmount highest amount (CNY) the product lends at all; approved amounts are capped by it
 * @param maxTermMonths longest term of the product in months; approved terms are capped by it
 */
public record ProductPolicy(Product product, double instantMaxPd, double reviewMaxPd,
        BigDecimal autoApprovalCap, BigDecimal maxAmount, int maxTermMonths) {

    /**
     * Creates the product policy (checked as part of {@link PolicyParameters}).
     *
     * @param product the product
     * @param instantMaxPd highest PD approved instantly
     * @param reviewMaxPd highest PD sent to manual review
     * @param autoApprovalCap automatic approval cap in CNY
     * @param maxAmount product maximum in CNY
     * @param maxTermMonths product maximum term
     * @return the product policy
     */
    public static ProductPolicy of(Product product, double instantMaxPd, double reviewMaxPd,
            BigDecimal autoApprovalCap, BigDecimal maxAmount, int maxTermMonths) {
        return new ProductPolicy(product, instantMaxPd, reviewMaxPd, autoApprovalCap, maxAmount, maxTermMonths);
    }
}
