package org.creditkit.core.domain;

import java.util.Objects;

/**
 * Patents and trademarks.
 *
 * @param provenance        where and as of when
 * @param inventionPatents  granted invention patents held
 * @param utilityPatents    utility-model and design patents held
 * @param trademarks        registered trademarks held
 * @param patentChanges12m  patent grants, transfers and lapses in the last 12 months (patent change frequency)
 */
public record IntellectualPropertyRecord(Provenance provenance, int inventionPatents, int utilityPatents,
                                         int trademarks, int patentChanges12m) implements SourceRecord {

    /** @throws IllegalArgumentException on a negative count */
    public IntellectualPropertyRecord {
        Objects.requireNonNull(provenance, "provenance");
        if (inventionPatents < 0 || utilityPatents < 0 || trademarks < 0 || patentChanges12m < 0) {
            throw new IllegalArgumentException("patent and trademark counts must be >= 0");
        }
    }

    @Override
    public DataSource source() {
        return DataSource.INTELLECTUAL_PROPERTY;
    }
}
