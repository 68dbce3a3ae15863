package org.creditkit.core.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Social insurance data.
 *
 * @param provenance       where and as of when
 * @param insuredHeadcount monthly number of insured employees
 * @param arrears          unpaid contributions outstanding (CNY, >= 0)
 */
public record SocialInsuranceRecord(Provenance provenance, MonthlySeries insuredHeadcount, BigDecimal arrears)
        implements SourceRecord {

    /** Checks non-null parts. */
    public SocialInsuranceRecord {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(insuredHeadcount, "insuredHeadcount");
        Objects.requireNonNull(arrears, "arrears");
    }

    @Override
    public DataSource source() {
        return DataSource.SOCIAL_INSURANCE;
    }
}
