package org.creditkit.models;

import java.util.List;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.Problem;

/**
 * The training library's failure: unusable training data, an impossible configuration or a model
 * that cannot be fitted or exported. The model tier of the one exception family
 * ({@link org.creditkit.core.CreditException}): no model comes out. The message says what went
 * wrong, where (file and line, feature, fold) and what would be valid.
 */
public final class ModelException extends CreditModelException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a complete message.
     *
     * @param message what, where and what would be valid
     */
    public ModelException(String message) {
        super(List.of(Problem.of("", message)));
    }

    /**
     * Creates an exception with a complete message and its cause.
     *
     * @param message what, where and what would be valid
     * @param cause the underlying failure
     */
    public ModelException(String message, Throwable cause) {
        super("", message, cause);
    }
}
