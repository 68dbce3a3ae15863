/**
 * The fairness audit at scale: {@link org.creditkit.bench.audit.AuditScaleHarness} writes a
 * million-decision log for timing {@code credit audit} as a user runs it.
 */
package org.creditkit.bench.audit;
