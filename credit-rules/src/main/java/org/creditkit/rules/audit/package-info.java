/**
 * Auditing decisions: the {@link org.creditkit.rules.audit.DecisionLog} (one pseudonymised JSON line
 * per decision, the input of {@code credit audit}) and {@link org.creditkit.rules.audit.Counterfactuals}
 * (re-decide each application with one protected attribute swapped and count the flips).
 */
package org.creditkit.rules.audit;
