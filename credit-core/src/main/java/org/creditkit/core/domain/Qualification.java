package org.creditkit.core.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate of a {@link QualificationKind} the enterprise holds or held. It counts on a day from
 * {@code issued} to {@code expires}, both included; an expired certificate stays on record (it says
 * why a product that requires it is refused) but is not held.
 *
 * @param kind          what the certificate recognises
 * @param certificateNo the certificate or registration number, if given (1..64 characters, not blank)
 * @param issued        the day it was issued
 * @param expires       the last day it is valid; after {@code issued}
 */
public record Qualification(QualificationKind kind, Optional<String> certificateNo, LocalDate issued,
                            LocalDate expires) {

    /** @throws IllegalArgumentException if it expires on or before its issue date, or on a blank number */
    public Qualification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(certificateNo, "certificateNo");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(expires, "expires");
        if (!expires.isAfter(issued)) {
            throw new IllegalArgumentException(kind + " expires " + expires + ", not after it was issued " + issued);
        }
        if (certificateNo.isPresent() && (certificateNo.get().isBlank() || certificateNo.get().length() > 64)) {
            throw new IllegalArgumentException("certificateNo must be 1..64 characters and not blank");
        }
    }

    /**
     * Whether the certificate counts on {@code date}: issued on or before it and not expired.
     *
     * @param date the day asked about (a decision's date)
     * @return true when {@code issued <= date <= expires}
     */
    public boolean isValidOn(LocalDate date) {
        return !issued.isAfter(date) && !expires.isBefore(date);
    }

    /**
     * Whether {@code other} is the same certificate listed again: the same kind issued the same day, or
     * the same certificate number.
     *
     * @param other another entry of the same enterprise
     * @return true when the two describe one certificate
     */
    public boolean sameCertificate(Qualification other) {
        return kind == other.kind && issued.equals(other.issued)
                || certificateNo.isPresent() && certificateNo.equals(other.certificateNo);
    }

    /**
     * The first entry of {@code list} before index {@code i} that is the same certificate as entry
     * {@code i}, for the readers' duplicate check.
     *
     * @param list the entries
     * @param i    the entry to check
     * @return the index of the earlier entry, or -1 when entry {@code i} is the first of its certificate
     */
    public static int duplicateBefore(List<Qualification> list, int i) {
        Qualification q = list.get(i);
        for (int j = 0; j < i; j++) {
            if (list.get(j).sameCertificate(q)) {
                return j;
            }
        }
        return -1;
    }
}
