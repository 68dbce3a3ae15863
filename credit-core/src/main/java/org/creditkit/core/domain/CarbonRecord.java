package org.creditkit.core.domain;

import java.util.Objects;

/**
 * Carbon emissions accounting for one year.
 *
 * @param provenance       where and as of when
 * @param year             the accounted year
 * @param emissionsTonnes  CO2-equivalent emissions in tonnes (>= 0)
 */
public record CarbonRecord(Provenance provenance, int year, double emissionsTonnes) implements SourceRecord {

    /** @throws IllegalArgumentException on a NaN, infinite or negative amount */
    public CarbonRecord {
        Objects.requireNonNull(provenance, "provenance");
        if (!Double.isFinite(emissionsTonnes) || emissionsTonnes < 0) {
            throw new IllegalArgumentException("emissionsTonnes (" + emissionsTonnes + ") must be finite and >= 0");
        }
    }

    @Override
    public DataSource source() {
        return DataSource.CARBON;
    }
}
