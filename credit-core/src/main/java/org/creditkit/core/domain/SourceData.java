package org.creditkit.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The public, bank and third-party data supplied with an application. Every source is optional;
 * an absent source is {@link Optional#empty()}, never a record of zeros.
 *
 * @param tax                  tax authority data
 * @param socialInsurance      social insurance data
 * @param utilities            water and electricity
 * @param customs              customs declarations
 * @param courts               court data
 * @param penalties            administrative penalties
 * @param intellectualProperty patents and trademarks
 * @param financials           latest annual financial statement
 * @param bankCredit           bank credit history
 * @param carbon               carbon emissions
 * @param supplyChain          supply-chain link to a core enterprise
 */
public record SourceData(Optional<TaxRecord> tax, Optional<SocialInsuranceRecord> socialInsurance,
                         Optional<UtilityRecord> utilities, Optional<CustomsRecord> customs,
                         Optional<CourtRecord> courts, Optional<PenaltyRecord> penalties,
                         Optional<IntellectualPropertyRecord> intellectualProperty,
                         Optional<FinancialStatement> financials, Optional<BankCreditRecord> bankCredit,
                         Optional<CarbonRecord> carbon, Optional<SupplyChainLink> supplyChain) {

    private static final SourceData NONE = builder().build();

    /** @throws NullPointerException if any part is null (use {@link Optional#empty()}) */
    public SourceData {
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(socialInsurance, "socialInsurance");
        Objects.requireNonNull(utilities, "utilities");
        Objects.requireNonNull(customs, "customs");
        Objects.requireNonNull(courts, "courts");
        Objects.requireNonNull(penalties, "penalties");
        Objects.requireNonNull(intellectualProperty, "intellectualProperty");
        Objects.requireNonNull(financials, "financials");
        Objects.requireNonNull(bankCredit, "bankCredit");
        Objects.requireNonNull(carbon, "carbon");
        Objects.requireNonNull(supplyChain, "supplyChain");
    }

    /** No sources at all. */
    public static SourceData none() {
        return NONE;
    }

    /** The records present, in declaration order. */
    public List<SourceRecord> present() {
        List<SourceRecord> out = new ArrayList<>(11);
        tax.ifPresent(out::add);
        socialInsurance.ifPresent(out::add);
        utilities.ifPresent(out::add);
        customs.ifPresent(out::add);
        courts.ifPresent(out::add);
        penalties.ifPresent(out::add);
        intellectualProperty.ifPresent(out::add);
        financials.ifPresent(out::add);
        bankCredit.ifPresent(out::add);
        carbon.ifPresent(out::add);
        supplyChain.ifPresent(out::add);
        return out;
    }

    /**
     * The record of one source, or null when it is absent (or the source is supplied with the
     * application itself): {@link #present()} without building a list, for {@link SourceLineage#of}.
     */
    SourceRecord recordOrNull(DataSource source) {
        Optional<? extends SourceRecord> r = switch (source) {
            case TAX -> tax;
            case SOCIAL_INSURANCE -> socialInsurance;
            case UTILITIES -> utilities;
            case CUSTOMS -> customs;
            case COURTS -> courts;
            case PENALTIES -> penalties;
            case INTELLECTUAL_PROPERTY -> intellectualProperty;
            case FINANCIAL_STATEMENTS -> financials;
            case BANK_CREDIT -> bankCredit;
            case CARBON -> carbon;
            case SUPPLY_CHAIN -> supplyChain;
            case APPLICATION, MARKET_SUPERVISION -> Optional.empty();
        };
        return r.orElse(null);
    }

    /** A builder with every source absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder; each setter takes a present record. */
    public static final class Builder {
        private TaxRecord tax;
        private SocialInsuranceRecord socialInsurance;
        private UtilityRecord utilities;
        private CustomsRecord customs;
        private CourtRecord courts;
        private PenaltyRecord penalties;
        private IntellectualPropertyRecord intellectualProperty;
        private FinancialStatement financials;
        private BankCreditRecord bankCredit;
        private CarbonRecord carbon;
        private SupplyChainLink supplyChain;

        private Builder() {
        }

        /** Sets the tax record. */
        public Builder tax(TaxRecord v) {
            tax = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the social insurance record. */
        public Builder socialInsurance(SocialInsuranceRecord v) {
            socialInsurance = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the utilities record. */
        public Builder utilities(UtilityRecord v) {
            utilities = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the customs record. */
        public Builder customs(CustomsRecord v) {
            customs = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the court record. */
        public Builder courts(CourtRecord v) {
            courts = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the penalty record. */
        public Builder penalties(PenaltyRecord v) {
            penalties = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the intellectual property record. */
        public Builder intellectualProperty(IntellectualPropertyRecord v) {
            intellectualProperty = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the financial statement. */
        public Builder financials(FinancialStatement v) {
            financials = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the bank credit record. */
        public Builder bankCredit(BankCreditRecord v) {
            bankCredit = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the carbon record. */
        public Builder carbon(CarbonRecord v) {
            carbon = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the supply-chain link. */
        public Builder supplyChain(SupplyChainLink v) {
            supplyChain = Objects.requireNonNull(v);
            return this;
        }

        /** Builds the immutable value. */
        public SourceData build() {
            return new SourceData(Optional.ofNullable(tax), Optional.ofNullable(socialInsurance),
                    Optional.ofNullable(utilities), Optional.ofNullable(customs), Optional.ofNullable(courts),
                    Optional.ofNullable(penalties), Optional.ofNullable(intellectualProperty),
                    Optional.ofNullable(financials), Optional.ofNullable(bankCredit), Optional.ofNullable(carbon),
                    Optional.ofNullable(supplyChain));
        }
    }
}
