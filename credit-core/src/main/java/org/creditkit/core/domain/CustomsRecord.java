package org.creditkit.core.domain;

import java.util.Objects;

/**
 * Customs declarations.
 *
 * @param provenance  where and as of when
 * @param imports     monthly import value (CNY)
 * @param exports     monthly export value (CNY)
 */
public record CustomsRecord(Provenance provenance, MonthlySeries imports, MonthlySeries exports)
        implements SourceRecord {

    /** Checks non-null parts. */
    public CustomsRecord {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(exports, "exports");
    }

    @Override
    public DataSource source() {
        return DataSource.CUSTOMS;
    }
}
