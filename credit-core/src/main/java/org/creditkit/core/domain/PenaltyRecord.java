package org.creditkit.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * Administrative penalties.
 *
 * @param provenance where and as of when
 * @param penalties  the penalties (possibly none: a clean record is data, not absence)
 */
public record PenaltyRecord(Provenance provenance, List<Penalty> penalties) implements SourceRecord {

    /** Checks non-null parts and copies the list. */
    public PenaltyRecord {
        Objects.requireNonNull(provenance, "provenance");
        penalties = List.copyOf(penalties);
    }

    @Override
    public DataSource source() {
        return DataSource.PENALTIES;
    }
}
