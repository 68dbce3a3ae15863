package org.creditkit.core.quality;

import java.util.Objects;
import java.util.function.Supplier;
import org.creditkit.core.domain.DataSource;

/**
 * One data-quality finding with its evidence. An immutable value: two findings are equal when all
 * seven parts are.
 *
 * <p>The checker writes the sentence of {@link #message()} only when someone reads it: the decision
 * path reads the flags alone, and formatting every finding's numbers cost more than finding them.
 */
public final class DataQualityFinding {

    private final DataQualityFlag flag;
    private final DataSource source;
    private final String subject;
    private final double measured;
    private final double threshold;
    private final String unit;
    private final Supplier<String> pending;
    /** Written once from {@link #pending}; a racing second write stores an equal string. */
    private String message;

    /**
     * @param flag      the concern
     * @param source    the source it is about (the first of two for an inconsistency)
     * @param subject   the data compared or measured, as JSON paths below {@code $.sources} or
     *                  {@code $.enterprise}, e.g. {@code tax.declaredSales vs financials.revenue}
     * @param measured  the measured value, in {@code unit}
     * @param threshold the threshold it was compared with, in {@code unit}
     * @param unit      the unit of both numbers, e.g. {@code relative difference}, {@code swings}, {@code days}
     * @param message   one sentence for people: what was found, with the numbers
     * @throws NullPointerException if a part is null
     */
    public DataQualityFinding(DataQualityFlag flag, DataSource source, String subject, double measured,
                              double threshold, String unit, String message) {
        this(flag, source, subject, measured, threshold, unit, () -> message);
        this.message = Objects.requireNonNull(message, "message");
    }

    /** A finding whose message is written on first read; {@code message} must not return null. */
    DataQualityFinding(DataQualityFlag flag, DataSource source, String subject, double measured, double threshold,
                       String unit, Supplier<String> message) {
        this.flag = Objects.requireNonNull(flag, "flag");
        this.source = Objects.requireNonNull(source, "source");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.measured = measured;
        this.threshold = threshold;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.pending = Objects.requireNonNull(message, "message");
    }

    /** The concern. */
    public DataQualityFlag flag() {
        return flag;
    }

    /** The source it is about (the first of two for an inconsistency). */
    public DataSource source() {
        return source;
    }

    /** The data compared or measured, e.g. {@code tax.declaredSales vs financials.revenue}. */
    public String subject() {
        return subject;
    }

    /** The measured value, in {@link #unit()}. */
    public double measured() {
        return measured;
    }

    /** The threshold it was compared with, in {@link #unit()}. */
    public double threshold() {
        return threshold;
    }

    /** The unit of both numbers, e.g. {@code relative difference}, {@code swings}, {@code days}. */
    public String unit() {
        return unit;
    }

    /** One sentence for people: what was found, with the numbers. */
    public String message() {
        String m = message;
        if (m == null) {
            m = Objects.requireNonNull(pending.get(), "message");
            message = m;
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataQualityFinding f && flag == f.flag && source == f.source
                && subject.equals(f.subject) && Double.compare(measured, f.measured) == 0
                && Double.compare(threshold, f.threshold) == 0 && unit.equals(f.unit) && message().equals(f.message());
    }

    @Override
    public int hashCode() {
        return Objects.hash(flag, source, subject, measured, threshold, unit, message());
    }

    /** {@code FLAG subject: message}. */
    @Override
    public String toString() {
        return flag + " " + subject + ": " + message();
    }
}
