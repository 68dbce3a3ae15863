/**
 * Fairness audit of credit decisions: group and intersection metrics with 95% intervals and
 * tests, a "justified disparity" view (approval gaps beside observed default-rate and PD gaps),
 * Fairlearn-style summaries, generalized entropy indices, threshold checks with evidence, and
 * deterministic HTML, JSON and Markdown reports.
 *
 * <p>Entry points: build {@link org.creditkit.core.fairness.AuditRecord}s (any group attributes,
 * a favourable flag, optional PD/score/outcome), configure with
 * {@link org.creditkit.core.fairness.AuditConfig#builder()}, run
 * {@link org.creditkit.core.fairness.FairnessAudit#run}, render with
 * {@link org.creditkit.core.fairness.FairnessReports}. {@link org.creditkit.core.fairness.CounterfactualProbe}
 * re-decides applications with one attribute swapped. The input is generic on purpose: it depends
 * on no domain type, so it audits decision logs and any table an auditor is handed.
 *
 * <p>Every metric's formula, sign, reference and empty-group behaviour is in the Javadoc of the
 * record holding it and in {@code docs/fairness.md}.
 */
package org.creditkit.core.fairness;
