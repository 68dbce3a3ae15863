package org.creditkit.core.quality;

import java.util.Objects;
import org.creditkit.core.domain.DataSource;

/**
 * One data-quality finding with its evidence.
 *
 * @param flag      the concern
 * @param source    the source it is about (the first of two for an inconsistency)
 * @param subject   the data compared or measured, as JSON paths below {@code $.sources} or
 *                  {@code $.enterprise}, e.g. {@code tax.declaredSales vs financials.revenue}
 * @param measured  the measured value, in {@code unit}
 * @param threshold the threshold it was compared with, in {@code unit}
 * @param unit      the unit of both numbers, e.g. {@code relative difference}, {@code swings}, {@code days}
 * @param message   one sentence for people: what was found, with the numbers
 */
public record DataQualityFinding(DataQualityFlag flag, DataSource source, String subject, double measured,
                                 double threshold, String unit, String message) {

    /** @throws NullPointerException if a part is null */
    public DataQualityFinding {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(message, "message");
    }

    /** {@code FLAG subject: message}. */
    @Override
    public String toString() {
        return flag + " " + subject + ": " + message;
    }
}
