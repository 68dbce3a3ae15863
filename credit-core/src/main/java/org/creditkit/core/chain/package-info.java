/**
 * Tamper-evident logs: JSON Lines whose every line carries the SHA-256 of the line before it and
 * its own, with an Ed25519-signed checkpoint every N lines and at close, rotated across files by
 * size or day without breaking the chain. {@link org.creditkit.core.chain.ChainWriter} appends,
 * {@link org.creditkit.core.chain.ChainVerifier} names the first line altered, removed, inserted,
 * reordered or truncated. The decision trail and the access log are both written with it; the
 * format is documented in {@code docs/decision-log.md}.
 */
package org.creditkit.core.chain;
