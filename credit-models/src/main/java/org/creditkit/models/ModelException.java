package org.creditkit.models;

/**
 * The one exception family of the training workbench: unusable input data, an impossible
 * configuration or a model that cannot be fitted. The message says what went wrong, where (file
 * and line, feature, fold) and what would be valid.
 */
public final class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a complete message.
     *
     * @param message what, where and what would be valid
     */
    public ModelException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a complete message and its cause.
     *
     * @param message what, where and what would be valid
     * @param cause the underlying failure
     */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
