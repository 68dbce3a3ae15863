package org.creditkit.core.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
 * @param qualifications     certificates such as high-tech enterprise (高新技术企业) or 专精特新 status, held now or
 *                           expired, in input order; empty when none is on record; no certificate twice
 *                           ({@link Qualification#sameCertificate})
 */
public record Enterprise(Uscc uscc, String name, LocalDate establishmentDate,
                         BigDecimal registeredCapital, IndustryCode industry, RegionCode region, int employees,
                         BigDecimal annualRevenue, BigDecimal totalAssets, OwnershipType ownership,
                         List<Qualification> qualifications) {

    /** @throws IllegalArgumentException on a blank name, negative amounts or a certificate listed twice */
    public Enterprise {
        qualifications = List.copyOf(qualifications);
        for (int i = 1; i < qualifications.size(); i++) {
            int j = Qualification.duplicateBefore(qualifications, i);
            if (j >= 0) {
                throw new IllegalArgumentException("qualifications[" + i + "] is the certificate of qualifications["
                        + j + "] again (" + qualifications.get(i).kind() + " issued " + qualifications.get(i).issued()
                        + ")");
            }
        }
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

    /**
     * An enterprise with no qualification on record.
     *
     * @throws IllegalArgumentException on a blank name or negative amounts
     */
    public Enterprise(Uscc uscc, String name, LocalDate establishmentDate, BigDecimal registeredCapital,
                      IndustryCode industry, RegionCode region, int employees, BigDecimal annualRevenue,
                      BigDecimal totalAssets, OwnershipType ownership) {
        this(uscc, name, establishmentDate, registeredCapital, industry, region, employees, annualRevenue, totalAssets,
                ownership, List.of());
    }

    /**
     * This enterprise with other qualifications (everything else equal).
     *
     * @param list the certificates
     * @return the copy
     */
    public Enterprise withQualifications(List<Qualification> list) {
        return new Enterprise(uscc, name, establishmentDate, registeredCapital, industry, region, employees,
                annualRevenue, totalAssets, ownership, list);
    }

    /** Size class derived by the 2011 SME standard from industry, employees, revenue and assets. */
    public SizeClass sizeClass() {
        return SizeClassifier.classify(industry, employees, annualRevenue, totalAssets);
    }
}
