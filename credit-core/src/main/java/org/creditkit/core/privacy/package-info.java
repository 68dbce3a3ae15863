/**
 * Data protection: keyed pseudonyms ({@link org.creditkit.core.privacy.PseudonymKey}, HMAC-SHA-256
 * with an operator's key), the three levels of data openness of the platform documents
 * ({@link org.creditkit.core.privacy.Openness}: public, conditionally open, not open) and the
 * {@link org.creditkit.core.privacy.AccessLevel} of a caller that decides what it may read, masking
 * of identities ({@link org.creditkit.core.privacy.Masking}), and the
 * {@link org.creditkit.core.privacy.AccessLog} recording who read which enterprise's data, when and
 * at which level (hash-chained like the decision trail).
 */
package org.creditkit.core.privacy;
