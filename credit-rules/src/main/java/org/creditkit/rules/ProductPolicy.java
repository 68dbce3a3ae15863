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
 * @param pdCeiling the risk appetite's PD ceiling: above it the application is declined
 * @param maxExpectedLossRate the appetite for expected loss over the exposure (EL / EAD over the term):
 *        a mitigated offer must bring its EL rate to at most this
 * @param maxExpectedLoss the appetite for expected loss per application in CNY
 */
public record ProductPolicy(Product product, double instantMaxPd, double reviewMaxPd,
        BigDecimal autoApprovalCap, BigDecimal maxAmount, int maxTermMonths, double pdCeiling,
        double maxExpectedLossRate, BigDecimal maxExpectedLoss) {

    /**
     * Creates the product policy (checked as part of {@link PolicyParameters}).
     *
     * @param product the product
     * @param instantMaxPd highest PD approved instantly
     * @param reviewMaxPd highest PD sent to manual review
     * @param autoApprovalCap automatic approval cap in CNY
     * @param maxAmount product maximum in CNY
     * @param maxTermMonths product maximum term
     * @param pdCeiling PD above which the application is declined
     * @param maxExpectedLossRate highest EL rate a mitigated offer may carry
     * @param maxExpectedLoss highest EL in CNY a mitigated offer may carry
     * @return the product policy
     */
    public static ProductPolicy of(Product product, double instantMaxPd, double reviewMaxPd,
            BigDecimal autoApprovalCap, BigDecimal maxAmount, int maxTermMonths, double pdCeiling,
            double maxExpectedLossRate, BigDecimal maxExpectedLoss) {
        return new ProductPolicy(product, instantMaxPd, reviewMaxPd, autoApprovalCap, maxAmount, maxTermMonths,
                pdCeiling, maxExpectedLossRate, maxExpectedLoss);
    }
}
