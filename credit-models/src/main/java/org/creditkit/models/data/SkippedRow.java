package org.creditkit.models.data;

import java.util.Objects;

/**
 * A source row that could not be used, and why.
 *
 * @param line the 1-based line number where the record starts in the source file
 * @param reason what was wrong, naming the column and the value
 */
public record SkippedRow(long line, String reason) {

    /** Checks the parts. */
    public SkippedRow {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
