/**
 * The audit side of deciding: the signed, hash-chained decision trail
 * ({@link org.creditkit.rules.audit.DecisionLog}, format in {@code docs/decision-log.md}) and its
 * records read back for explanations on request, and {@link org.creditkit.rules.audit.Counterfactuals}
 * (re-decide each application with one protected attribute swapped and count the flips).
 */
package org.creditkit.rules.audit;
