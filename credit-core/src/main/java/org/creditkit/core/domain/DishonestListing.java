package org.creditkit.core.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An entry on a dishonest or negative list: the court dishonest-debtor list (失信被执行人), the major
 * tax violation list (重大税收违法失信主体), the abnormal-operation list (经营异常名录) or the
 * serious-violation list (严重违法失信名单). Repaired credit counts as repaired from its repair date
 * (信用修复; for the abnormal-operation list, the date of removal).
 *
 * @param listed   date listed
 * @param repaired date the listing was repaired (removed after performance), if it was
 */
public record DishonestListing(LocalDate listed, Optional<LocalDate> repaired) {

    /** @throws IllegalArgumentException if repaired before listed */
    public DishonestListing {
        Objects.requireNonNull(listed, "listed");
        Objects.requireNonNull(repaired, "repaired");
        if (repaired.isPresent() && repaired.get().isBefore(listed)) {
            throw new IllegalArgumentException("repaired " + repaired.get() + " is before listed " + listed);
        }
    }

    /** True when the listing was repaired on or before {@code date}. */
    public boolean isRepairedAsOf(LocalDate date) {
        return repaired.isPresent() && !repaired.get().isAfter(date);
    }
}
