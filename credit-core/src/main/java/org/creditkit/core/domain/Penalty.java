package org.creditkit.core.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One administrative penalty.
 *
 * @param date     date of the decision
 * @param severity severity
 * @param amount   fine in CNY (>= 0; zero for a warning)
 */
public record Penalty(LocalDate date, PenaltySeverity severity, BigDecimal amount) {
    /** Checks non-null parts. */
    public Penalty {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(amount, "amount");
    }
}
