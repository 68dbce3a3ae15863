/**
 * Data protection: keyed pseudonyms ({@link org.creditkit.core.privacy.PseudonymKey}, HMAC-SHA-256
 * with an operator's key), the three levels of data openness of the platform documents
 * ({@code Openness}: public, conditionally open, not open) and the
 * {@code AccessLevel} of a caller that decides what it may read, masking
 * of identities ({@code Masking}), and the
 * {@code AccessLog} recording who read which enterprise's data, when and
 * at which level (hash-chained like the decision trail).
 */
package org.creditkit.core.privacy;
