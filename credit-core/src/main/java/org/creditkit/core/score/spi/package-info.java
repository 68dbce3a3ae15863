/**
 * The scoring SPI: {@link org.creditkit.core.score.spi.ScoringModel} (feature vector to log-odds of
 * default, with per-feature contributions), {@link org.creditkit.core.score.spi.ModelFormat} (reads
 * and writes one model type in a bundle) and {@link org.creditkit.core.score.spi.ModelRegistry}
 * (formats by type name, extensible through {@link java.util.ServiceLoader} or explicitly). This is
 * the stable surface a bank implements to plug in its own model type.
 */
package org.creditkit.core.score.spi;
