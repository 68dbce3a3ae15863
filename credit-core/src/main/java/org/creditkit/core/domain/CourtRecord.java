package org.creditkit.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * Court data over the look-back window of the source (normally 36 months).
 *
 * @param provenance         where and as of when
 * @param casesAsDefendant   civil and commercial cases with the enterprise as defendant
 * @param unansweredCases    of those, cases where the enterprise did not respond (court dispute response)
 * @param enforcementCases   enforcement (执行) cases against the enterprise
 * @param dishonestListings  dishonest-debtor listings, any repaired
 */
public record CourtRecord(Provenance provenance, int casesAsDefendant, int unansweredCases, int enforcementCases,
                          List<DishonestListing> dishonestListings) implements SourceRecord {

    /** @throws IllegalArgumentException on negative counts or more unanswered cases than cases */
    public CourtRecord {
        Objects.requireNonNull(provenance, "provenance");
        if (casesAsDefendant < 0 || unansweredCases < 0 || enforcementCases < 0) {
            throw new IllegalArgumentException("court case counts must be >= 0");
        }
        if (unansweredCases > casesAsDefendant) {
            throw new IllegalArgumentException("unansweredCases (" + unansweredCases
                    + ") must not exceed casesAsDefendant (" + casesAsDefendant + ")");
        }
        dishonestListings = List.copyOf(dishonestListings);
    }

    @Override
    public DataSource source() {
        return DataSource.COURTS;
    }
}
