package org.creditkit.core.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.creditkit.core.codes.IndustryScheme;
import org.creditkit.core.score.spi.ScoringModel;

/**
 * An industry model added to the base: its log-odds (an intercept shift plus its own features) are
 * added to the base model's for enterprises in its industries.
 *
 * @param id         stable id, lower kebab case, e.g. {@code technology}
 * @param name       readable name
 * @param industries codes it covers in its scheme: GB/T 4754 divisions ({@code C39}) or whole sections
 *                   ({@code A}), a division match winning over a section match; or NAICS prefixes
 *                   ({@code 72})
 * @param model      the overlay model (its bias is the intercept shift)
 * @param scheme     the classification of {@code industries}. Loan applications carry GB/T 4754 codes,
 *                   so only GB/T overlays select by application; a NAICS overlay applies to table rows
 *                   whose industry group it names (the workbench's scoring of CSV/ARFF tables)
 */
public record IndustryOverlay(String id, String name, List<String> industries, ScoringModel model,
                              IndustryScheme scheme) {

    /** @throws IllegalArgumentException on a malformed id, no industries or a malformed industry code */
    public IndustryOverlay {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        industries = List.copyOf(industries);
        List<String> problems = new ArrayList<>();
        if (!id.matches("[a-z][a-z0-9-]*")) {
            problems.add("overlay id '" + id + "' must be lower kebab case, e.g. technology");
        }
        if (industries.isEmpty()) {
            problems.add("overlay '" + id + "' must cover at least one industry code");
        }
        for (String code : industries) {
            String p = scheme.overlayCodeProblem(code);
            if (p != null) {
                problems.add("overlay '" + id + "': " + p);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * A GB/T 4754 overlay.
     *
     * @param id         stable id, lower kebab case
     * @param name       readable name
     * @param industries GB/T 4754 sections or divisions
     * @param model      the overlay model
     */
    public IndustryOverlay(String id, String name, List<String> industries, ScoringModel model) {
        this(id, name, industries, model, IndustryScheme.GBT_4754);
    }

    /** Factory of a GB/T 4754 overlay. */
    public static IndustryOverlay of(String id, String name, List<String> industries, ScoringModel model) {
        return new IndustryOverlay(id, name, industries, model);
    }

    /** Factory of an overlay keyed by codes of {@code scheme}. */
    public static IndustryOverlay of(IndustryScheme scheme, String id, String name, List<String> industries,
                                     ScoringModel model) {
        return new IndustryOverlay(id, name, industries, model, scheme);
    }

    /** Whether the code names a whole section. */
    static boolean isSection(String code) {
        return code.length() == 1;
    }
}
