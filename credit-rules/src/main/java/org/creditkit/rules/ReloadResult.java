package org.creditkit.rules;

import java.util.List;
import org.creditkit.rules.testing.ScenarioResult;

/**
 * The outcome of a hot reload.
 *
 * @param accepted whether the new rules went live
 * @param activeVersion the version serving decisions after the reload
 * @param candidateVersion the version that was tried
 * @param problems allow-list, parse, parameter and compile problems (empty when it compiled)
 * @param failedScenarios the gating scenarios the candidate failed
 * @param buildNanos time spent building and testing the candidate (off the request path)
 */
public record ReloadResult(boolean accepted, String activeVersion, String candidateVersion, List<RuleProblem> problems,
        List<ScenarioResult> failedScenarios, long buildNanos) {

    /** Copies the lists. */
    public ReloadResult {
        problems = List.copyOf(problems);
        failedScenarios = List.copyOf(failedScenarios);
    }

    /** Returns a readable account of the reload, listing why it was refused. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(accepted ? "reload accepted: " : "reload refused, still serving ")
                .append(activeVersion, 0, Math.min(12, activeVersion.length()));
        for (RuleProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        for (ScenarioResult r : failedScenarios) {
            sb.append("\n  ").append(r);
        }
        return sb.toString();
    }
}
