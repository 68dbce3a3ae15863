/**
 * The scoring runtime's public surface: {@link org.creditkit.core.score.CompositeScorer} (base model
 * plus industry overlay), {@link org.creditkit.core.score.ScoreResult} with its
 * {@link org.creditkit.core.score.Grade} and {@link org.creditkit.core.score.ReasonCode}s,
 * {@link org.creditkit.core.score.Scaling} (points to double the odds) and
 * {@link org.creditkit.core.score.GradeBands}. Model types live in {@code score.scorecard} and
 * {@code score.tree}, the pluggable SPI in {@code score.spi}, the bundle format in
 * {@code score.bundle}, the score cache in {@code score.cache}.
 */
package org.creditkit.core.score;
