package org.creditkit.core.fairness;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The complete result of an audit: metrics per grouping and group, check results, and the verdict.
 * Render it with {@link FairnessReports}.
 *
 * @param config the configuration the audit ran with
 * @param records records audited
 * @param recordsWithOutcome of which with an observed outcome
 * @param recordsWithPd of which with a PD
 * @param theilIndex generalized entropy index (alpha = 1) over records with an outcome, benefit
 *     {@code b = ŷ - y + 1} (Speicher et al. 2018; AIF360): 0 when every record gets the same
 *     benefit; absent without outcomes
 * @param groupings per-grouping results, in configuration order
 * @param checks check results, sorted by grouping (configuration order), group, check id
 * @param verdict FAIL if any check fails, else WARN if any warns, else PASS if any check passed,
 *     else INSUFFICIENT_DATA (no check had enough data)
 */
public record AuditReport(AuditConfig config, int records, int recordsWithOutcome, int recordsWithPd,
        OptionalDouble theilIndex, List<GroupingResult> groupings, List<CheckResult> checks, CheckStatus verdict) {

    /**
     * Copies the lists.
     *
     * @param config see {@link #config()}
     * @param records see {@link #records()}
     * @param recordsWithOutcome see {@link #recordsWithOutcome()}
     * @param recordsWithPd see {@link #recordsWithPd()}
     * @param theilIndex see {@link #theilIndex()}
     * @param groupings see {@link #groupings()}
     * @param checks see {@link #checks()}
     * @param verdict see {@link #verdict()}
     */
    public AuditReport {
        groupings = List.copyOf(groupings);
        checks = List.copyOf(checks);
    }

    /**
     * Returns the process exit code for this verdict, as the {@code credit} command line uses it:
     * 0 PASS or WARN (the warnings are in the report), 2 FAIL or INSUFFICIENT_DATA (no check had
     * enough data, so the audit cannot vouch for the decisions).
     *
     * @return the exit code
     */
    public int exitCode() {
        return switch (verdict) {
            case PASS, WARN -> 0;
            case FAIL, INSUFFICIENT_DATA -> 2;
        };
    }

    /**
     * Returns the checks with a given status.
     *
     * @param status the status
     * @return those checks, in report order
     */
    public List<CheckResult> checks(CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).toList();
    }
}
