package org.creditkit.core.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.score.spi.ScoringModel;

/**
 * An industry model added to the base: its log-odds (an intercept shift plus its own features) are
 * added to the base model's for enterprises in its industries.
 *
 * @param id         stable id, lower kebab case, e.g. {@code technology}
 * @param name       readable name
 * @param industries GB/T 4754 codes it covers: divisions ({@code C39}) or whole sections ({@code A});
 *                   a division match wins over a section match
 * @param model      the overlay model (its bias is the intercept shift)
 */
public record IndustryOverlay(String id, String name, List<String> industries, ScoringModel model) {

    /** @throws IllegalArgumentException on a malformed id, no industries or a malformed industry code */
    public IndustryOverlay {
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
            String p = industryCodeProblem(code);
            if (p != null) {
                problems.add("overlay '" + id + "': " + p);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Factory. */
    public static IndustryOverlay of(String id, String name, List<String> industries, ScoringModel model) {
        return new IndustryOverlay(id, name, industries, model);
    }

    /**
     * Why {@code code} is not a GB/T 4754-2017 section letter or division code, or {@code null} when
     * it is one.
     */
    static String industryCodeProblem(String code) {
        if (code.length() == 1) {
            char c = code.charAt(0);
            if (c >= 'A' && c <= 'T') {
                return null;
            }
            return "industry '" + code + "' is not a GB/T 4754-2017 section (A..T)";
        }
        try {
            IndustryCode.of(code);
            return null;
        } catch (org.creditkit.core.CreditDataException e) {
            return "industry '" + code + "': " + e.getMessage();
        }
    }

    /** Whether the code names a whole section. */
    static boolean isSection(String code) {
        return code.length() == 1;
    }
}
