package org.creditkit.core.input;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.creditkit.core.Problem;

/**
 * A rejected line of a JSON Lines batch.
 *
 * @param lineNumber 1-based line number in the input
 * @param problems   every problem of the line (at least one), each located by JSON path, or at
 *                   {@code $} for a line that is not one well-formed JSON document
 * @param input      the line as read (to be fixed and resubmitted), or empty when it could not be kept:
 *                   a line over the size limit or not valid UTF-8
 */
public record BadLine(long lineNumber, List<Problem> problems, Optional<String> input) {

    /** @throws IllegalArgumentException if {@code lineNumber < 1} or there are no problems */
    public BadLine {
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(input, "input");
        if (lineNumber < 1) {
            throw new IllegalArgumentException("lineNumber (" + lineNumber + ") must be >= 1");
        }
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a bad line has at least one problem");
        }
        problems = List.copyOf(problems);
    }

    /** A bad line whose text is not kept. */
    public BadLine(long lineNumber, List<Problem> problems) {
        this(lineNumber, problems, Optional.empty());
    }

    /** One line per problem: {@code line 7: $.enterprise.uscc: check character 'X' does not match computed '3'}. */
    @Override
    public String toString() {
        return problems.stream().map(p -> "line " + lineNumber + ": " + p).collect(Collectors.joining("\n"));
    }
}
