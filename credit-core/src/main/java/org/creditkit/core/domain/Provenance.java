package org.creditkit.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a source record came from and as of when.
 *
 * @param sourceSystem the system that supplied it, e.g. {@code "sz-tax-gateway"}; not blank
 * @param asOf         when the data was current at its source
 */
public record Provenance(String sourceSystem, Instant asOf) {

    /** @throws IllegalArgumentException if {@code sourceSystem} is blank */
    public Provenance {
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(asOf, "asOf");
        if (sourceSystem.isBlank()) {
            throw new IllegalArgumentException("sourceSystem must not be blank");
        }
    }

    /** Factory. */
    public static Provenance of(String sourceSystem, Instant asOf) {
        return new Provenance(sourceSystem, asOf);
    }
}
