package org.creditkit.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A loan application: what is asked for, by whom, with which data.
 *
 * @param id              the bank's application id; not blank
 * @param applicationTime when the application was made; no source data may be dated after it
 * @param product         the credit product
 * @param amount          amount requested in CNY, &gt; 0, at most two decimal places (fen)
 * @param termMonths      term in months, 1..360
 * @param purpose         stated purpose (free text, may be empty)
 * @param guarantee       security offered
 * @param dataUseConsent  whether the enterprise authorised use of its public credit data (授权)
 * @param enterprise      the applicant
 * @param sources         the data supplied
 */
public record LoanApplication(String id, Instant applicationTime, Product product, BigDecimal amount, int termMonths,
                              String purpose, GuaranteeType guarantee, boolean dataUseConsent, Enterprise enterprise,
                              SourceData sources) {

    /**
     * China Standard Time (UTC+8, no daylight saving): every calendar day creditkit derives from an
     * instant (the decision day, fiscal years, staleness months) is taken in it.
     */
    public static final ZoneOffset CHINA_TIME = ZoneOffset.ofHours(8);

    /** @throws IllegalArgumentException on a blank id, non-positive amount, sub-fen amount or bad term */
    public LoanApplication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicationTime, "applicationTime");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(guarantee, "guarantee");
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(sources, "sources");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount (" + amount.toPlainString()
                    + ") must be > 0 CNY with at most two decimal places");
        }
        if (termMonths < 1 || termMonths > 360) {
            throw new IllegalArgumentException("termMonths (" + termMonths + ") must be 1..360");
        }
    }

    /**
     * The decision day: the calendar day of {@link #applicationTime()} in {@link #CHINA_TIME}. The
     * feature extractor, the data-quality checker, the strict reader and the rules all use this one
     * day (an application at 23:30 UTC is decided on the next day in China).
     *
     * @return the decision day
     */
    public LocalDate decisionDate() {
        return decisionDate(applicationTime);
    }

    /**
     * The decision day of an application made at {@code applicationTime}, for callers that hold the
     * instant before the application exists (the strict reader).
     *
     * @param applicationTime when the application was made
     * @return its calendar day in {@link #CHINA_TIME}
     */
    public static LocalDate decisionDate(Instant applicationTime) {
        // what LocalDate.ofInstant(applicationTime, CHINA_TIME) computes, without the ZoneRules it builds per call
        long seconds = applicationTime.getEpochSecond() + CHINA_TIME.getTotalSeconds();
        return LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
    }
}
