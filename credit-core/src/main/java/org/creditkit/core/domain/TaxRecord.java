package org.creditkit.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * Tax authority data.
 *
 * @param provenance    where and as of when
 * @param declaredSales monthly declared sales (CNY)
 * @param taxPaid       monthly tax paid (CNY), same months as {@code declaredSales}
 * @param ratings       tax credit ratings by year (ascending years, no duplicates)
 * @param majorViolationListings listings as a party to a major tax violation (重大税收违法失信主体),
 *                      any repaired (信用修复); empty when the tax authority reports none
 */
public record TaxRecord(Provenance provenance, MonthlySeries declaredSales, MonthlySeries taxPaid,
                        List<TaxRating> ratings, List<DishonestListing> majorViolationListings) implements SourceRecord {

    /** Checks non-null parts and copies the lists. */
    public TaxRecord {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(declaredSales, "declaredSales");
        Objects.requireNonNull(taxPaid, "taxPaid");
        ratings = List.copyOf(ratings);
        majorViolationListings = List.copyOf(majorViolationListings);
    }

    /**
     * Tax data without major-violation listings.
     *
     * @param provenance    where and as of when
     * @param declaredSales monthly declared sales (CNY)
     * @param taxPaid       monthly tax paid (CNY)
     * @param ratings       tax credit ratings by year
     */
    public TaxRecord(Provenance provenance, MonthlySeries declaredSales, MonthlySeries taxPaid, List<TaxRating> ratings) {
        this(provenance, declaredSales, taxPaid, ratings, List.of());
    }

    @Override
    public DataSource source() {
        return DataSource.TAX;
    }
}
