package org.creditkit.core.score;

import java.util.List;
import java.util.Objects;
import org.creditkit.core.domain.DataSource;

/**
 * Why a score is not higher: one feature that cost points, with a stable code, English and Chinese
 * text, and the sources the feature came from (lineage). A feature that is missing and whose missing
 * bin cost the points gives a missing-data reason ({@code missingData}, code
 * {@code R-MISSING-<ID>}, a text naming the absent record and its source), never a value-driven one.
 *
 * @param code       stable code {@code R-} plus the upper-case feature id, e.g. {@code R-DEBT_TO_ASSET};
 *                   {@code R-MISSING-} plus the id for a missing-data reason
 * @param featureId  the feature's id in the bundle's catalogue
 * @param text       English text
 * @param textZh     Chinese text
 * @param sources    the data sources behind the feature (lineage), at least one
 * @param pointsLost score points this feature cost relative to the reference of the score's {@link ReasonBasis}
 *                   (its neutral, population-average points; or, as a fallback, its most favourable), &gt; 0
 * @param missingData whether the feature was missing (the reason is the absent data, not a value)
 */
public record ReasonCode(String code, String featureId, String text, String textZh, List<DataSource> sources,
                         double pointsLost, boolean missingData) {

    /** @throws IllegalArgumentException on empty sources or non-positive / non-finite points */
    public ReasonCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(featureId, "featureId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(textZh, "textZh");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("reason " + code + " must name at least one source");
        }
        if (!(pointsLost > 0) || Double.isInfinite(pointsLost)) {
            throw new IllegalArgumentException("reason " + code + ": pointsLost must be finite and > 0, got "
                    + pointsLost);
        }
    }

    /** The stable code for a feature id: {@code R-} plus the id in upper case. */
    public static String codeFor(String featureId) {
        return "R-" + featureId.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The stable code of a feature's missing-data reason: {@code R-MISSING-} plus the id in upper case.
     *
     * @param featureId a feature id
     * @return the code
     */
    public static String missingCodeFor(String featureId) {
        return "R-MISSING-" + featureId.toUpperCase(java.util.Locale.ROOT);
    }

    /** {@code R-DEBT_TO_ASSET(-35.2)}. */
    @Override
    public String toString() {
        return code + "(-" + String.format(java.util.Locale.ROOT, "%.1f", pointsLost) + ")";
    }
}
