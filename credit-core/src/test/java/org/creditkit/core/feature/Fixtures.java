package org.creditkit.core.feature;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
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

/** Hand-built applications with known feature values. */
final class Fixtures {

    /** 2024-06-15 10:00 at UTC+8. */
    static final Instant APP_TIME = Instant.parse("2024-06-15T02:00:00Z");
    static final Provenance PROV = Provenance.of("test", Instant.parse("2024-06-01T00:00:00Z"));
    static final YearMonth FIRST_24 = YearMonth.of(2022, 6); // 24 months: 2022-06 .. 2024-05

    private Fixtures() {
    }

    static Uscc uscc(String first17) { // the 17th character is recomputed (GB 11714)
        return Uscc.complete(first17.substring(0, 16));
    }

    static Enterprise enterprise(long revenue) {
        return new Enterprise(uscc("91310115MA1K00001"), "Test Co", LocalDate.of(2014, 6, 15),
                new BigDecimal("1000000"), IndustryCode.of("C39"), RegionCode.of("310115"), 40,
                BigDecimal.valueOf(revenue), new BigDecimal("8000000"), OwnershipType.PRIVATE);
    }

    static LoanApplication app(Enterprise e, SourceData sources) {
        return new LoanApplication("APP-1", APP_TIME, Product.GENERAL, new BigDecimal("1000000"), 12, "working capital",
                GuaranteeType.NONE, true, e, sources);
    }

    static LoanApplication bare() {
        return app(enterprise(10_000_000), SourceData.none());
    }

    static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    static MonthlySeries series(YearMonth first, double... values) {
        return MonthlySeries.of(first, values);
    }

    static FinancialStatement statement(long assets, long liabilities, long currentAssets, long currentLiabilities,
                                        long revenue, long profit, long ocf, long rd) {
        return new FinancialStatement(PROV, 2023, BigDecimal.valueOf(assets), BigDecimal.valueOf(liabilities),
                BigDecimal.valueOf(currentAssets), BigDecimal.valueOf(currentLiabilities), BigDecimal.valueOf(revenue),
                BigDecimal.valueOf(profit), BigDecimal.valueOf(ocf), BigDecimal.valueOf(rd));
    }

    static TaxRecord tax(double[] sales, double[] paid, TaxRating... ratings) {
        return new TaxRecord(PROV, series(FIRST_24, sales), series(FIRST_24, paid), List.of(ratings));
    }

    static TaxRating rating(int year, TaxGrade g) {
        return new TaxRating(year, g);
    }

    /** Every source present, with round numbers. */
    static LoanApplication full() {
        double[] sales = new double[24];
        for (int i = 0; i < 24; i++) {
            sales[i] = i < 12 ? 800_000 : 1_000_000;
        }
        return app(enterprise(12_000_000), SourceData.builder()
                .financials(statement(8_000_000, 4_000_000, 3_000_000, 1_500_000, 12_500_000, 625_000, 800_000,
                        250_000))
                .tax(tax(sales, constant(24, 30_000), rating(2021, TaxGrade.B), rating(2022, TaxGrade.A),
                        rating(2023, TaxGrade.A)))
                .socialInsurance(new SocialInsuranceRecord(PROV, series(YearMonth.of(2023, 5), headcount()),
                        new BigDecimal("9999")))
                .utilities(new UtilityRecord(PROV, series(YearMonth.of(2023, 6), electricity()),
                        series(YearMonth.of(2023, 6), constant(12, 100))))
                .customs(new CustomsRecord(PROV, series(YearMonth.of(2023, 6), constant(12, 0)),
                        series(YearMonth.of(2023, 6), 0, 0, 0, 0, 0, 0, 600_000, 0, 600_000, 0, 600_000, 600_000)))
                .courts(new CourtRecord(PROV, 4, 1, 2, List.of(
                        new DishonestListing(LocalDate.of(2020, 1, 1), Optional.of(LocalDate.of(2021, 1, 1))))))
                .penalties(new PenaltyRecord(PROV, List.of(
                        new Penalty(LocalDate.of(2021, 6, 15), PenaltySeverity.SERIOUS, new BigDecimal("50000")),
                        new Penalty(LocalDate.of(2021, 6, 16), PenaltySeverity.SERIOUS, new BigDecimal("50000")),
                        new Penalty(LocalDate.of(2023, 1, 1), PenaltySeverity.MINOR, BigDecimal.ZERO))))
                .bankCredit(new BankCreditRecord(PROV, 2, new BigDecimal("3000000"), 0, 15, 60))
                .intellectualProperty(new IntellectualPropertyRecord(PROV, 3, 7, 2, 1))
                .carbon(new CarbonRecord(PROV, 2023, 240))
                .supplyChain(new SupplyChainLink(PROV, uscc("91440300MA5D00002"), "AA+", 36,
                        new BigDecimal("2400000")))
                .build());
    }

    /** 13 months: 20 .. 25 rising to 25 at the end. */
    static double[] headcount() {
        double[] h = constant(13, 22);
        h[0] = 20;
        h[12] = 25;
        return h;
    }

    /** 12 months: 1000 for the first six, 1500 for the last six. */
    static double[] electricity() {
        double[] e = constant(12, 1000);
        for (int i = 6; i < 12; i++) {
            e[i] = 1500;
        }
        return e;
    }
}
