package org.creditkit.rules;

import java.util.Objects;

/**
 * One eligibility criterion of a product applied to one application: met or not, with what it asks
 * and what the application has, in English and Chinese.
 *
 * @param id the criterion's key in {@code products.json} ({@code industries}, {@code sizeClasses},
 *        {@code regions}, {@code minFirmAgeYears}, {@code minAmount}, {@code requiresWhitelist},
 *        {@code requiresCoreEnterpriseRating}, {@code requiredQualifications}, {@code minIndicators/<indicator id>}
 *        or {@code maxIndicators/<indicator id>})
 * @param met whether the application meets it
 * @param en what was asked and found, in English
 * @param zh the same in Chinese
 */
public record Criterion(String id, boolean met, String en, String zh) {

    /** Checks the fields. */
    public Criterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
    }
}
