package org.creditkit.core.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.codes.RegionCode;
import org.creditkit.core.codes.SizeClass;
import org.creditkit.core.codes.SizeClassifier;
import org.creditkit.core.codes.Uscc;

/**
 * The enterprise applying, as registered with market supervision plus its self-reported size data.
 *
 * @param uscc               unified social credit code (check character validated)
 * @param name               registered name; not blank
 * @param establishmentDate  date of establishment
 * @param registeredCapital  registered capital in CNY (>= 0)
 * @param industry           GB/T 4754-2017 division
 * @param region             GB/T 2260 region of registration
 * @param employees          number of employees (>= 0)
 * @param annualRevenue      last full year's operating revenue in CNY (>= 0)
 * @param totalAssets        total assets in CNY (>= 0)
 * @param ownership          ownership type
 */
public record Enterprise(Uscc uscc, String name, LocalDate establishmentDate,
                         BigDecimal registeredCapital, IndustryCode industry, RegionCode region, int employees,
                         BigDecimal annualRevenue, BigDecimal totalAssets, OwnershipType ownership) {

    /** @throws IllegalArgumentException on a blank name or negative amounts */
    public Enterprise {
        Objects.requireNonNull(uscc, "uscc");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(establishmentDate, "establishmentDate");
        Objects.requireNonNull(registeredCapital, "registeredCapital");
        Objects.requireNonNull(industry, "industry");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(annualRevenue, "annualRevenue");
        Objects.requireNonNull(totalAssets, "totalAssets");
        Objects.requireNonNull(ownership, "ownership");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (employees < 0 || registeredCapital.signum() < 0 || annualRevenue.signum() < 0 || totalAssets.signum() < 0) {
            throw new IllegalArgumentException("employees, registered capital, revenue and assets must be >= 0");
        }
    }

    /** Size class derived by the 2011 SME standard from industry, employees, revenue and assets. */
    public SizeClass sizeClass() {
        return SizeClassifier.classify(industry, employees, annualRevenue, totalAssets);
    }
}
