package org.creditkit.rules.testing;

import java.util.List;
import java.util.Optional;
import org.creditkit.rules.Decision;

/**
 * The outcome of one scenario.
 *
 * @param scenario the case
 * @param differences each way the decision differs from the expectation; empty when it passed
 * @param decision the decision made, absent when deciding failed
 */
public record ScenarioResult(Scenario scenario, List<String> differences, Optional<Decision> decision) {

    /** Copies the list. */
    public ScenarioResult {
        differences = List.copyOf(differences);
    }

    /**
     * Whether the decision matched the expectation.
     *
     * @return true when passed
     */
    public boolean passed() {
        return differences.isEmpty();
    }

    /** Returns {@code PASS name} or {@code FAIL name: differences}. */
    @Override
    public String toString() {
        return passed() ? "PASS " + scenario.name() : "FAIL " + scenario.name() + ": " + String.join("; ", differences);
    }
}
