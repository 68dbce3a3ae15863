package org.creditkit.core.domain;

import java.util.Objects;

/**
 * Water and electricity use.
 *
 * @param provenance  where and as of when
 * @param electricity monthly electricity use (kWh)
 * @param water       monthly water use (tonnes)
 */
public record UtilityRecord(Provenance provenance, MonthlySeries electricity, MonthlySeries water)
        implements SourceRecord {

    /** Checks non-null parts. */
    public UtilityRecord {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(electricity, "electricity");
        Objects.requireNonNull(water, "water");
    }

    @Override
    public DataSource source() {
        return DataSource.UTILITIES;
    }
}
