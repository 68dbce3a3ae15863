package org.creditkit.core.score;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A risk grade such as {@code AAA} or {@code D}, with its rank in the bands that issued it.
 *
 * @param code grade code, 1-8 characters of upper-case letters, digits, {@code +} or {@code -}
 * @param rank 0 for the best (lowest risk) band, increasing with risk
 */
public record Grade(String code, int rank) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9+-]{1,8}");

    /** @throws IllegalArgumentException on a malformed code or negative rank */
    public Grade {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("grade code '" + code
                    + "' must be 1-8 characters of A-Z, 0-9, '+' or '-'");
        }
        if (rank < 0) {
            throw new IllegalArgumentException("grade rank must be >= 0, got " + rank);
        }
    }

    /** Factory. */
    public static Grade of(String code, int rank) {
        return new Grade(code, rank);
    }

    /** True when this grade is strictly less risky than {@code other} (from the same bands). */
    public boolean betterThan(Grade other) {
        return rank < other.rank;
    }

    /** The code, e.g. {@code BBB}. */
    @Override
    public String toString() {
        return code;
    }
}
