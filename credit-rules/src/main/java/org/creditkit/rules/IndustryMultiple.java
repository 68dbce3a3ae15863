package org.creditkit.rules;

import java.math.BigDecimal;

/**
 * Credit-limit multiples of an industry: the limit is the larger of revenue × revenue multiple and
 * tax paid × tax multiple, for whichever bases are known.
 *
 * @param revenueMultiple multiple of annual revenue (&gt; 0)
 * @param taxMultiple multiple of annual tax paid (&gt; 0)
 */
public record IndustryMultiple(BigDecimal revenueMultiple, BigDecimal taxMultiple) {

    /**
     * Creates the multiples.
     *
     * @param revenueMultiple multiple of annual revenue
     * @param taxMultiple multiple of annual tax paid
     * @return the multiples
     */
    public static IndustryMultiple of(BigDecimal revenueMultiple, BigDecimal taxMultiple) {
        return new IndustryMultiple(revenueMultiple, taxMultiple);
    }
}
