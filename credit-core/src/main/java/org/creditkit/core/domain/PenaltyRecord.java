package org.creditkit.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * Administrative penalties and the market-supervision lists (国家企业信用信息公示系统).
 *
 * @param provenance where and as of when
 * @param penalties  the penalties (possibly none: a clean record is data, not absence)
 * @param abnormalOperationListings listings in the abnormal-operation list (经营异常名录), e.g. for a
 *                   missed annual report or an unreachable address; a removal counts as the repair
 * @param seriousViolationListings listings in the serious-violation list (严重违法失信名单), any repaired
 */
public record PenaltyRecord(Provenance provenance, List<Penalty> penalties,
                            List<DishonestListing> abnormalOperationListings,
                            List<DishonestListing> seriousViolationListings) implements SourceRecord {

    /** Checks non-null parts and copies the lists. */
    public PenaltyRecord {
        Objects.requireNonNull(provenance, "provenance");
        penalties = List.copyOf(penalties);
        abnormalOperationListings = List.copyOf(abnormalOperationListings);
        seriousViolationListings = List.copyOf(seriousViolationListings);
    }

    /**
     * Penalties without list entries.
     *
     * @param provenance where and as of when
     * @param penalties  the penalties
     */
    public PenaltyRecord(Provenance provenance, List<Penalty> penalties) {
        this(provenance, penalties, List.of(), List.of());
    }

    @Override
    public DataSource source() {
        return DataSource.PENALTIES;
    }
}
