package org.creditkit.core.sign;

import java.util.Objects;

/**
 * The verdict on one signature: valid, or invalid with the reason (unknown key, content changed
 * after signing, malformed signature).
 *
 * @param valid  whether the signature verified with a trusted key
 * @param reason "signed by trusted key ..." when valid, else what failed and what would fix it
 */
public record SignatureCheck(boolean valid, String reason) {

    /** @throws NullPointerException if {@code reason} is null */
    public SignatureCheck {
        Objects.requireNonNull(reason, "reason");
    }

    /** A valid signature by {@code key}. */
    public static SignatureCheck valid(KeyId key) {
        return new SignatureCheck(true, "signed by trusted key " + key);
    }

    /** An invalid signature, with the reason. */
    public static SignatureCheck invalid(String reason) {
        return new SignatureCheck(false, reason);
    }
}
