/**
 * Ed25519 signing keys from the JDK alone (no extra dependency): generate a pair, write and read it as
 * PEM files ({@code private.pem}: PKCS#8, {@code public.pem}: X.509 SubjectPublicKeyInfo), sign and
 * verify bytes, name a public key by its {@link org.creditkit.core.sign.KeyId} and hold the trusted
 * public keys in a {@link org.creditkit.core.sign.TrustStore}. Used to sign model bundles and decision
 * log checkpoints.
 *
 * <p>Every wrong, corrupt or unreadable key file is refused with a
 * {@link org.creditkit.core.CreditModelException} naming the file and what would be valid; a signature
 * that does not verify is a {@code false} answer or a {@link org.creditkit.core.sign.SignatureCheck}
 * with its reason, never an exception.
 */
package org.creditkit.core.sign;
