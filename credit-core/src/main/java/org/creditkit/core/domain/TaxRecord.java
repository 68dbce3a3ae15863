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
 */
public record TaxRecord(Provenance provenance, MonthlySeries declaredSales, MonthlySeries taxPaid,
                        List<TaxRating> ratings) implements SourceRecord {

    /** Checks non-null parts and copies the ratings. */
    public TaxRecord {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(declaredSales, "declaredSales");
        Objects.requireNonNull(taxPaid, "taxPaid");
        ratings = List.copyOf(ratings);
    }

    @Override
    public DataSource source() {
        return DataSource.TAX;
    }
}
