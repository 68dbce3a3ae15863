/**
 * Statistics shared by the fairness audit (credit-core) and model evaluation (credit-models), so that both
 * compute one quantity one way.
 */
package org.creditkit.core.stats;
