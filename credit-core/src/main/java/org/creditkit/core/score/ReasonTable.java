package org.creditkit.core.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureDefinition;

/**
 * The texts of the score's reason codes, English and Chinese, per indicator: one text for when the
 * indicator's value lowered the score ({@code en}, {@code zh}) and one for when the indicator is
 * missing and its missing bin lowered the score ({@code missingEn}, {@code missingZh}, naming the
 * source). Risk teams edit the table; the standard one is the resource {@value #RESOURCE}:
 * <pre>{@code
 * {"formatVersion": 1,
 *  "reasons": {"tax_continuity_index": {
 *      "en": "Share of the last 24 months with declared sales above zero lowered the score",
 *      "zh": "纳税连续性指数拉低了评分",
 *      "missingEn": "No tax declarations for the last 24 months on record — source: tax",
 *      "missingZh": "无近24个月纳税申报记录（数据来源：税务）"}, ...}}
 * }</pre>
 * An indicator the table does not list gets texts built from its catalogue description. Immutable.
 *
 * @param entries texts by feature id
 */
public record ReasonTable(Map<String, Texts> entries) {

    /** The standard table's resource name (beside this class). */
    public static final String RESOURCE = "reason-codes.json";

    /** The supported {@code formatVersion}. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("en", "zh", "missingEn", "missingZh");

    /**
     * The texts of one indicator.
     *
     * @param en value-driven reason, English
     * @param zh value-driven reason, Chinese
     * @param missingEn missing-data reason, English
     * @param missingZh missing-data reason, Chinese
     */
    public record Texts(String en, String zh, String missingEn, String missingZh) {

        /** Checks that no text is blank. */
        public Texts {
            for (String s : new String[] {en, zh, missingEn, missingZh}) {
                if (s == null || s.isBlank()) {
                    throw new IllegalArgumentException("reason texts must not be blank");
                }
            }
        }
    }

    /** Copies the entries. */
    public ReasonTable {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * The standard table shipped with credit-core.
     *
     * @return the table
     */
    public static ReasonTable standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final ReasonTable STANDARD = load();

        private static ReasonTable load() {
            try (InputStream in = ReasonTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from credit-core");
                }
                return fromJson(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * Parses a reason table.
     *
     * @param file the file name for messages
     * @param json the content
     * @return the table
     * @throws CreditDataException listing every problem with its JSON path
     */
    public static ReasonTable fromJson(String file, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new CreditDataException(file, "not valid JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new CreditDataException(file, "must be a JSON object with formatVersion and reasons");
        }
        if (root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
            problems.add("$.formatVersion: must be " + FORMAT_VERSION + ", got " + root.get("formatVersion"));
        }
        JsonNode reasons = root.get("reasons");
        Map<String, Texts> out = new LinkedHashMap<>();
        if (reasons == null || !reasons.isObject()) {
            problems.add("$.reasons: must be an object of feature id -> {en, zh, missingEn, missingZh}");
        } else {
            for (Map.Entry<String, JsonNode> e : reasons.properties()) {
                String at = "$.reasons." + e.getKey();
                JsonNode n = e.getValue();
                if (!n.isObject()) {
                    problems.add(at + ": must be an object with " + KEYS);
                    continue;
                }
                boolean ok = true;
                for (String k : KEYS) {
                    if (!n.path(k).isTextual() || n.path(k).asText().isBlank()) {
                        problems.add(at + "." + k + ": must be a non-blank string");
                        ok = false;
                    }
                }
                for (Iterator<String> names = n.fieldNames(); names.hasNext();) {
                    String k = names.next();
                    if (!KEYS.contains(k)) {
                        problems.add(at + "." + k + ": unknown key; valid keys are " + KEYS);
                        ok = false;
                    }
                }
                if (ok) {
                    out.put(e.getKey(), new Texts(n.get("en").asText(), n.get("zh").asText(), n.get("missingEn").asText(),
                            n.get("missingZh").asText()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CreditDataException(file, problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
        return new ReasonTable(out);
    }

    /**
     * The texts of a catalogue feature: the table's, else built from the catalogue description.
     *
     * @param d the feature definition
     * @return the texts
     */
    public Texts textsFor(FeatureDefinition d) {
        Texts t = entries.get(d.id());
        if (t != null) {
            return t;
        }
        String sources = String.join(", ", d.lineage().stream().map(s -> s.english()).toList());
        String sourcesZh = String.join("、", d.lineage().stream().map(s -> s.chinese()).toList());
        return new Texts(d.description() + " lowered the score", d.descriptionZh() + "拉低了评分",
                "No data on record for: " + d.description() + " — source: " + sources,
                "缺少" + d.descriptionZh() + "数据（数据来源：" + sourcesZh + "）");
    }

    /**
     * Feature ids the table lists that the catalogue does not have (a misspelt id would otherwise be
     * silently ignored).
     *
     * @param catalogue the catalogue
     * @return the unknown ids, empty when all are known
     */
    public List<String> unknownIds(FeatureCatalogue catalogue) {
        List<String> unknown = new ArrayList<>();
        for (String id : entries.keySet()) {
            if (catalogue.indexOf(id) < 0) {
                unknown.add(id);
            }
        }
        return unknown;
    }
}
