package org.creditkit.rules;

import java.util.Objects;

/**
 * One problem of a rule set, located in a rule-set file: {@code file:line:column message}.
 * Lines and columns are 1-based and point into the file a risk team edits (the .drl or the
 * parameters file), never into generated Java.
 *
 * @param file file name within the rule set (e.g. {@code hard-stops.drl})
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong and what would be valid
 */
public record RuleProblem(String file, int line, int column, String message) {

    /** Checks the fields. */
    public RuleProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column must be >= 1, got " + line + ":" + column
                    + " for " + file + ": " + message);
        }
    }

    /**
     * Creates a problem.
     *
     * @param file file name
     * @param line 1-based line
     * @param column 1-based column
     * @param message what is wrong
     * @return the problem
     */
    public static RuleProblem of(String file, int line, int column, String message) {
        return new RuleProblem(file, Math.max(1, line), Math.max(1, column), message);
    }

    /** Returns {@code file:line:column message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + " " + message;
    }
}
