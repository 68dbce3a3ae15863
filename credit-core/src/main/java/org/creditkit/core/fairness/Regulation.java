package org.creditkit.core.fairness;

import java.util.List;
import java.util.Map;

/**
 * Which requirement each part of the audit serves, so an auditor can file the evidence against the
 * rule it answers. The texts are summaries with their article numbers, not legal advice.
 *
 * <ul>
 *   <li>EU AI Act (Regulation (EU) 2024/1689): creditworthiness scoring of natural persons is
 *       high-risk (Annex III 5(b)); art. 10(2)(f) requires examining data "in view of possible biases
 *       that are likely to ... lead to discrimination"; art. 12 requires automatic logging that makes
 *       the system's decisions traceable.</li>
 *   <li>China Personal Information Protection Law art. 24: automated decision-making must be
 *       transparent and its results fair and impartial, with no unreasonable differential treatment
 *       in transaction conditions; individuals may ask for an explanation.</li>
 *   <li>The credit-easy-loan platform documents: regular third-party algorithm audits for fairness
 *       of the base-plus-industry model (catering and retail declined more often while defaulting no
 *       more than manufacturing).</li>
 * </ul>
 */
public final class Regulation {

    /** EU AI Act art. 10(2)(f). */
    public static final String AI_ACT_10_2_F = "EU AI Act art. 10(2)(f): examination of data and outcomes for "
            + "possible biases leading to discrimination (credit scoring is high-risk, Annex III 5(b))";
    /** EU AI Act art. 12. */
    public static final String AI_ACT_12 = "EU AI Act art. 12: automatic logging that makes decisions traceable "
            + "to the model and rule set that made them";
    /** PIPL art. 24. */
    public static final String PIPL_24 = "China PIPL art. 24: automated decisions transparent, results fair and "
            + "impartial, no unreasonable differential treatment";
    /** The platform documents' third-party audit. */
    public static final String THIRD_PARTY_AUDIT = "Credit-easy-loan platform documents: regular third-party "
            + "algorithm audit of fairness across industries and regions";

    /** Said under every mapping. */
    public static final String DISCLAIMER = "The mapping names the requirement each check gives evidence for; the "
            + "checks are statistical screens for review, not legal findings.";

    private static final Map<String, List<String>> SHORT = Map.of(
            "approval-ratio", List.of("AI Act 10(2)(f)", "PIPL 24", "third-party audit"),
            "equal-opportunity", List.of("AI Act 10(2)(f)", "PIPL 24", "third-party audit"),
            "calibration", List.of("AI Act 10(2)(f)", "PIPL 24", "third-party audit"),
            "audited-versions", List.of("AI Act 12", "third-party audit"));

    private static final Map<String, List<String>> BY_CHECK = Map.of(
            "approval-ratio", List.of(AI_ACT_10_2_F, PIPL_24, THIRD_PARTY_AUDIT),
            "equal-opportunity", List.of(AI_ACT_10_2_F, PIPL_24, THIRD_PARTY_AUDIT),
            "calibration", List.of(AI_ACT_10_2_F, PIPL_24, THIRD_PARTY_AUDIT),
            "audited-versions", List.of(AI_ACT_12, THIRD_PARTY_AUDIT));

    /** What each check examines, in report order. */
    private static final List<String[]> CHECKS = List.of(
            new String[] {"approval-ratio", "Approval rate of each group against its reference, with the "
                    + "justified-disparity rule: a gap must be matched by an observed default-rate gap"},
            new String[] {"equal-opportunity", "Creditworthy (repaid) applicants approved at the same rate in "
                    + "every group"},
            new String[] {"calibration", "Mean PD against the observed default rate per group: a model that "
                    + "overstates one sector's risk (\"technology firms scored 30% too low\")"},
            new String[] {"audited-versions", "The report names the data digest, the model ids and checksums, the "
                    + "rule-set hashes and the decision period it audited (from the decision log)"});

    private Regulation() {
    }

    /**
     * @param check a check name ({@code approval-ratio}, {@code equal-opportunity},
     *     {@code calibration}, {@code audited-versions})
     * @return the requirements it serves; empty for an unknown name
     */
    public static List<String> requirementsOf(String check) {
        return BY_CHECK.getOrDefault(check, List.of());
    }

    /**
     * @param check a check name
     * @return the requirements it serves in short form ({@code AI Act 10(2)(f)}, {@code PIPL 24}, ...)
     */
    public static List<String> shortRequirementsOf(String check) {
        return SHORT.getOrDefault(check, List.of());
    }

    /** @return every check with what it examines, as {check, description} pairs in report order */
    public static List<String[]> checks() {
        return CHECKS;
    }
}
