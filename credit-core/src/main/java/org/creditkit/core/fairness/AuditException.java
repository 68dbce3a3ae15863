package org.creditkit.core.fairness;

/**
 * Thrown when an audit cannot run on its input or configuration: an unknown group attribute or
 * reference value, an invalid thresholds file, a malformed record. The message says what is wrong,
 * where, and what would be valid.
 */
public final class AuditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, where, and what would be valid
     */
    public AuditException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong, where, and what would be valid
     * @param cause the underlying error
     */
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
