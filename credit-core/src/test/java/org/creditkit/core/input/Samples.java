package org.creditkit.core.input;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.codes.RegionCode;
import org.creditkit.core.codes.Uscc;
import org.creditkit.core.domain.BankCreditRecord;
import org.creditkit.core.domain.CarbonRecord;
import org.creditkit.core.domain.CourtRecord;
import org.creditkit.core.domain.CustomsRecord;
import org.creditkit.core.domain.DishonestListing;
import org.creditkit.core.domain.Enterprise;
import org.creditkit.core.domain.FinancialStatement;
import org.creditkit.core.domain.GuaranteeType;
import org.creditkit.core.domain.IntellectualPropertyRecord;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.domain.OwnershipType;
import org.creditkit.core.domain.Penalty;
import org.creditkit.core.domain.PenaltyRecord;
import org.creditkit.core.domain.PenaltySeverity;
import org.creditkit.core.domain.Product;
import org.creditkit.core.domain.Provenance;
import org.creditkit.core.domain.SocialInsuranceRecord;
import org.creditkit.core.domain.SourceData;
import org.creditkit.core.domain.SupplyChainLink;
import org.creditkit.core.domain.TaxGrade;
import org.creditkit.core.domain.TaxRating;
import org.creditkit.core.domain.TaxRecord;
import org.creditkit.core.domain.UtilityRecord;

/** Shared test fixtures: a complete, valid application with every source present. */
public final class Samples {

    /** Application time: 2025-07-01 10:00 China Standard Time. */
    public static final Instant APPLICATION_TIME = Instant.parse("2025-07-01T02:00:00Z");
    /** Sources are as of the end of June 2025. */
    public static final Instant AS_OF = Instant.parse("2025-06-30T16:00:00Z");

    private Samples() {
    }

    /** A valid USCC with the given 17-character prefix. */
    public static Uscc uscc(String first17) { // the 17th character is recomputed (GB 11714)
        return Uscc.complete(first17.substring(0, 16));
    }

    /** Twelve months Jul 2024 .. Jun 2025 of {@code v, v*1.01, ...} (gentle growth, no swings). */
    public static MonthlySeries gentle(double v) {
        return gentle(YearMonth.of(2024, 7), 12, v);
    }

    /** {@code months} months from {@code first} of {@code v, v*1.01, ...} (gentle growth, no swings). */
    public static MonthlySeries gentle(YearMonth first, int months, double v) {
        double[] values = new double[months];
        for (int i = 0; i < months; i++) {
            values[i] = Math.round(v * Math.pow(1.01, i));
        }
        return MonthlySeries.of(first, values);
    }

    /** The enterprise of {@link #full()}. */
    public static Enterprise enterprise() {
        return new Enterprise(uscc("91310115MA1K4B7T5"), "上海示例精密机械有限公司", LocalDate.of(2016, 3, 18),
                new BigDecimal("5000000.00"), IndustryCode.of("C34"), RegionCode.of("310115"), 86,
                new BigDecimal("24000000.00"), new BigDecimal("18000000.00"), OwnershipType.PRIVATE);
    }

    /**
     * All eleven sources, mutually consistent: tax-declared sales of 2024 (Jan 2024 .. Jun 2025 declared)
     * within 0.2% of the 2024 statement revenue and the reported revenue; insured headcount equal to
     * the employees; every source current; no swings.
     */
    public static SourceData allSources() {
        Provenance p = Provenance.of("test-gateway", AS_OF);
        return SourceData.builder()
                .tax(new TaxRecord(Provenance.of("sh-tax", AS_OF), gentle(YearMonth.of(2024, 1), 18, 1_890_000),
                        gentle(YearMonth.of(2024, 1), 18, 110_000),
                        List.of(new TaxRating(2022, TaxGrade.A), new TaxRating(2023, TaxGrade.A),
                                new TaxRating(2024, TaxGrade.B))))
                .socialInsurance(new SocialInsuranceRecord(p, MonthlySeries.of(YearMonth.of(2024, 7),
                        84, 84, 85, 85, 86, 86, 86, 86, 85, 86, 86, 86), BigDecimal.ZERO))
                .utilities(new UtilityRecord(p, gentle(42_000), gentle(900)))
                .customs(new CustomsRecord(p, gentle(100_000), gentle(300_000)))
                .courts(new CourtRecord(p, 2, 0, 0, List.of(new DishonestListing(LocalDate.of(2021, 5, 10),
                        Optional.of(LocalDate.of(2021, 11, 2))))))
                .penalties(new PenaltyRecord(p, List.of(new Penalty(LocalDate.of(2023, 8, 14),
                        PenaltySeverity.MINOR, new BigDecimal("2000.00")))))
                .intellectualProperty(new IntellectualPropertyRecord(p, 3, 11, 4, 2))
                .financials(new FinancialStatement(Provenance.of("sh-tax-statements", Instant.parse("2025-04-30T00:00:00Z")),
                        2024, new BigDecimal("18000000.00"), new BigDecimal("9500000.00"),
                        new BigDecimal("11000000.00"), new BigDecimal("6000000.00"), new BigDecimal("24000000.00"),
                        new BigDecimal("1450000.00"), new BigDecimal("-120000.50"), new BigDecimal("760000.00")))
                .bankCredit(new BankCreditRecord(p, 2, new BigDecimal("3200000.00"), 0, 15, 64))
                .carbon(new CarbonRecord(p, 2024, 1234.5))
                .supplyChain(new SupplyChainLink(p, uscc("91310000132200821"), "AAA", 38,
                        new BigDecimal("1800000.00")))
                .build();
    }

    /** A complete valid application with every source present. */
    public static LoanApplication full() {
        return new LoanApplication("APP-2025-000001", APPLICATION_TIME, Product.GENERAL,
                new BigDecimal("1500000.00"), 12, "working capital for a new CNC line", GuaranteeType.NONE, true,
                enterprise(), allSources());
    }

    /** A valid application with no sources at all. */
    public static LoanApplication bare() {
        return new LoanApplication("APP-2025-000002", APPLICATION_TIME, Product.TECHNOLOGY, new BigDecimal("300000"),
                24, "", GuaranteeType.GUARANTEE_INSTITUTION, false, enterprise(), SourceData.none());
    }

    /** The application with other sources. */
    public static LoanApplication withSources(LoanApplication a, SourceData sources) {
        return new LoanApplication(a.id(), a.applicationTime(), a.product(), a.amount(), a.termMonths(), a.purpose(),
                a.guarantee(), a.dataUseConsent(), a.enterprise(), sources);
    }
}
