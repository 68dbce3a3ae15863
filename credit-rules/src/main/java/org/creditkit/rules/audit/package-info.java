/**
 * The audit side of deciding: the signed, hash-chained decision trail
 * ({@link org.creditkit.rules.audit.DecisionLog}, format in {@code docs/decision-log.md}) and its
 * records read back for explanations on request.
 */
package org.creditkit.rules.audit;
