package org.creditkit.core;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One problem found in an input: where it is and what is wrong, including what would be valid.
 *
 * @param location a JSON path such as {@code $.enterprise.uscc}, or {@code file:line[:column]}
 * @param message  what is wrong and what would be valid
 */
public record Problem(String location, String message) {

    /** @throws NullPointerException if either part is null */
    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** Factory. */
    public static Problem of(String location, String message) {
        return new Problem(location, message);
    }

    /** {@code location: message}, or just the message when the location is empty. */
    @Override
    public String toString() {
        return location.isEmpty() ? message : location + ": " + message;
    }

    /**
     * One line for a single problem, else a count followed by one indented line per problem.
     *
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem is needed");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
