/**
 * Industry overlays on a base model, fitted with credibility shrinkage (partial pooling).
 *
 * <p>For each industry group {@code k}, {@link org.creditkit.models.overlay.OverlayTrainer} fits the
 * residual log-odds left by the base model (an intercept shift and optionally a few of the
 * industry's own WoE-binned features, by Newton's method with the base log-odds as an offset), then
 * multiplies every fitted parameter by the credibility weight {@code n_k / (n_k + k0)}: a large
 * industry keeps nearly all of its own adjustment, a small one is pulled toward the base. Industries
 * with fewer than the configured number of defaults get no overlay and score on the base alone.
 */
package org.creditkit.models.overlay;
