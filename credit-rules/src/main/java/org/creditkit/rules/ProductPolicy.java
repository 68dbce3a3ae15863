package org.creditkit.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.creditkit.core.domain.Product;

/**
 * One loan product as the rule set's {@code products.json} defines it: names, eligibility, caps,
 * cutoffs and risk appetite. Rules read the input's product as {@code Case( product.instantMaxPd ... )}.
 *
 * @param product the product id
 * @param nameEn the product's name in English
 * @param nameZh the product's name in Chinese
 * @param eligibility who may borrow under it; an ineligible application is declined naming the failed criteria
 * @param instantMaxPd highest PD approved instantly (inclusive)
 * @param reviewMaxPd highest PD sent to manual review (inclusive); above it is mitigation
 * @param autoApprovalCap highest requested amount (CNY, inclusive) that may be approved automatically
 * @param maxAmount highest amount (CNY) the product lends at all; approved amounts are capped by it
 * @param maxTermMonths longest term of the product in months; approved terms are capped by it
 * @param pdCeiling the risk appetite's PD ceiling: above it the application is declined
 * @param maxExpectedLossRate the appetite for expected loss over the exposure (EL / EAD over the term):
 *        a mitigated offer must bring its EL rate to at most this
 * @param maxExpectedLoss the appetite for expected loss per application in CNY
 * @param gradeSpreads the product's own rate grid: spread over the reference rate per grade, best grade
 *        first, covering the grades of the policy's grid; empty when the product is priced by the policy's
 *        grid ({@code gradeSpreads} of {@code parameters.json}). See {@link PolicyParameters#priceFor(Product, String)}.
 */
public record ProductPolicy(Product product, String nameEn, String nameZh, Eligibility eligibility,
        double instantMaxPd, double reviewMaxPd, BigDecimal autoApprovalCap, BigDecimal maxAmount, int maxTermMonths,
        double pdCeiling, double maxExpectedLossRate, BigDecimal maxExpectedLoss, Map<String, Double> gradeSpreads) {

    /**
     * A product priced by the policy's grid.
     *
     * @param product the product id
     * @param nameEn the product's name in English
     * @param nameZh the product's name in Chinese
     * @param eligibility who may borrow under it
     * @param instantMaxPd highest PD approved instantly
     * @param reviewMaxPd highest PD sent to manual review
     * @param autoApprovalCap automatic approval cap in CNY
     * @param maxAmount product maximum in CNY
     * @param maxTermMonths product maximum term
     * @param pdCeiling PD above which the application is declined
     * @param maxExpectedLossRate highest EL rate a mitigated offer may carry
     * @param maxExpectedLoss highest EL in CNY a mitigated offer may carry
     */
    public ProductPolicy(Product product, String nameEn, String nameZh, Eligibility eligibility, double instantMaxPd,
            double reviewMaxPd, BigDecimal autoApprovalCap, BigDecimal maxAmount, int maxTermMonths, double pdCeiling,
            double maxExpectedLossRate, BigDecimal maxExpectedLoss) {
        this(product, nameEn, nameZh, eligibility, instantMaxPd, reviewMaxPd, autoApprovalCap, maxAmount, maxTermMonths,
                pdCeiling, maxExpectedLossRate, maxExpectedLoss, Map.of());
    }

    /** Checks for nulls and copies the grid (the values are checked as part of {@link PolicyParameters}). */
    public ProductPolicy {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(autoApprovalCap, "autoApprovalCap");
        Objects.requireNonNull(maxAmount, "maxAmount");
        Objects.requireNonNull(maxExpectedLoss, "maxExpectedLoss");
        gradeSpreads = Collections.unmodifiableMap(new LinkedHashMap<>(gradeSpreads));
    }

    /**
     * A product open to anyone, named by its id: for programmatic policies and tests.
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
        return new ProductPolicy(product, product.id(), product.id(), Eligibility.ANYONE, instantMaxPd, reviewMaxPd,
                autoApprovalCap, maxAmount, maxTermMonths, pdCeiling, maxExpectedLossRate, maxExpectedLoss);
    }

    /**
     * The product's id, for rule text ({@code $c.product().id()}).
     *
     * @return the id
     */
    public String id() {
        return product.id();
    }
}
