package org.creditkit.core.domain;

/** A record from one data source, with its provenance. */
public sealed interface SourceRecord
        permits TaxRecord, SocialInsuranceRecord, UtilityRecord, CustomsRecord, CourtRecord, PenaltyRecord,
        IntellectualPropertyRecord, FinancialStatement, BankCreditRecord, CarbonRecord, SupplyChainLink {

    /** Where and as of when. */
    Provenance provenance();

    /** Which source this is. */
    DataSource source();
}
