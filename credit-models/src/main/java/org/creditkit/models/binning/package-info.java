/**
 * Supervised binning, weight of evidence (WoE) and information value (IV).
 *
 * <p>{@link org.creditkit.models.binning.Binner} splits each feature into a few bins by a
 * best-first tree on fine classes (the split that adds most IV, subject to a minimum bin share),
 * keeps a separate missing bin, optionally enforces a monotonic WoE trend for ordinal features by
 * pooling adjacent violators, and drops features whose IV is below a threshold with a note.
 * WoE follows Siddiqi: {@code ln(%good / %bad)}, so a higher WoE means lower risk.
 */
package org.creditkit.models.binning;
