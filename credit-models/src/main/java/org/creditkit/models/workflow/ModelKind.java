package org.creditkit.models.workflow;

import java.util.Locale;

/** The base model family. */
public enum ModelKind {
    /** Logistic regression on WoE bins, scaled to points. */
    SCORECARD,
    /** Smile gradient tree boosting. */
    GBM;

    /**
     * Parses {@code scorecard} or {@code gbm} (any case).
     *
     * @param s the name
     * @return the kind
     * @throws IllegalArgumentException for another name
     */
    public static ModelKind parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "scorecard" -> SCORECARD;
            case "gbm" -> GBM;
            default -> throw new IllegalArgumentException("--model must be scorecard or gbm, got '" + s + "'");
        };
    }
}
