/**
 * The built-in synthetic SME portfolio: a deterministic, seeded generator of realistic loan
 * applications with outcomes from a documented ground-truth default process (see
 * {@code docs/synthetic-portfolio.md}), with optional group biases for testing the fairness audit.
 * Entry points: {@link org.creditkit.core.synth.GeneratorConfig} and
 * {@link org.creditkit.core.synth.PortfolioGenerator}.
 */
package org.creditkit.core.synth;
