/**
 * Gradient-boosted tree ensembles in flat primitive arrays with explicit missing-value direction,
 * Saabas path attribution for reason codes, and their bundle format (Smile-exact semantics).
 */
package org.creditkit.core.score.tree;
