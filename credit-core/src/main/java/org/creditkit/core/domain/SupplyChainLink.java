package org.creditkit.core.domain;

import java.math.BigDecimal;
import java.util.Objects;
import org.creditkit.core.codes.Uscc;

/**
 * A supply-chain link to a core enterprise (核心企业).
 *
 * @param provenance            where and as of when
 * @param coreEnterprise        the core enterprise's unified social credit code
 * @param coreRating            the core enterprise's external rating, e.g. {@code AAA}, {@code AA+}, {@code BBB}
 * @param relationshipMonths    months trading with the core enterprise
 * @param confirmedReceivables  receivables confirmed by the core enterprise (CNY)
 */
public record SupplyChainLink(Provenance provenance, Uscc coreEnterprise, String coreRating, int relationshipMonths,
                              BigDecimal confirmedReceivables) implements SourceRecord {

    /** Checks non-null parts. */
    public SupplyChainLink {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(coreEnterprise, "coreEnterprise");
        Objects.requireNonNull(coreRating, "coreRating");
        Objects.requireNonNull(confirmedReceivables, "confirmedReceivables");
        if (relationshipMonths < 0) {
            throw new IllegalArgumentException("relationshipMonths must be >= 0");
        }
    }

    @Override
    public DataSource source() {
        return DataSource.SUPPLY_CHAIN;
    }
}
