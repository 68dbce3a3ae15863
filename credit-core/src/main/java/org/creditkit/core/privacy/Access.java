package org.creditkit.core.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * One read of an enterprise's data or explanation, as the {@link AccessLog} records it.
 *
 * @param time when
 * @param principal who read, as the caller identifies itself (a user or service name); not blank
 * @param subject whose data: a keyed pseudonym (never a USCC or name in clear)
 * @param what what was read, e.g. {@code decision-explanation}, {@code score-explanation}
 * @param level the access level it was read at
 * @param identitiesShown whether the USCC and name were shown in clear ({@code --show-identities})
 */
public record Access(Instant time, String principal, String subject, String what, AccessLevel level,
                     boolean identitiesShown) {

    /** Checks the fields. */
    public Access {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(level, "level");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("an access needs a principal (who read), got a blank one");
        }
    }
}
