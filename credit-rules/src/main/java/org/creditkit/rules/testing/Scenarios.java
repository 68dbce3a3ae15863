package org.creditkit.rules.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.creditkit.rules.MitigationMeasure;
import org.creditkit.rules.RuleDecider;
import org.creditkit.rules.RuleInput;
import org.creditkit.rules.RuleProblem;
import org.creditkit.rules.RuleSetException;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.Tier;
import org.creditkit.rules.internal.Classpath;
import org.creditkit.rules.internal.RuleFolders;
import org.creditkit.rules.internal.JsonDoc;
import org.creditkit.rules.internal.JsonFields;
import org.creditkit.rules.internal.RuleInputJson;

/**
 * Loads and runs {@link Scenario} files: every {@code *.json} in a directory, or the scenarios
 * shipped with the default policy.
 */
public final class Scenarios {

    private static final BigDecimal MAX_MONEY = new BigDecimal("100000000000");

    private Scenarios() {
    }

    /**
     * The scenarios shipped with the default policy (at least 30, together firing every rule).
     *
     * @return the scenarios, by file name
     */
    public static List<Scenario> defaultScenarios() {
        return parse("classpath:" + RuleSetSource.DEFAULT_POLICY + "scenarios/", defaultScenarioFiles());
    }

    /**
     * The raw files of the default scenarios, for copying them next to an edited rule set.
     *
     * @return file name to JSON text, sorted by name
     */
    public static SortedMap<String, String> defaultScenarioFiles() {
        SortedMap<String, String> files = new TreeMap<>();
        for (String name : Classpath.index(RuleSetSource.DEFAULT_POLICY + "scenarios/INDEX")) {
            files.put(name, Classpath.text(RuleSetSource.DEFAULT_POLICY + "scenarios/" + name));
        }
        return java.util.Collections.unmodifiableSortedMap(files);
    }

    /**
     * Loads every {@code *.json} scenario of a directory.
     *
     * @param dir the directory
     * @return the scenarios, by file name
     * @throws RuleSetException listing every problem of every file as {@code file:line:column}
     */
    public static List<Scenario> load(Path dir) {
        SortedMap<String, String> files = files(dir);
        if (files.isEmpty()) {
            throw new RuleSetException(dir.toString(), List.of(RuleProblem.of(dir.toString(), 1, 1,
                    "holds no .json scenario file")));
        }
        return parse(dir.toString(), files);
    }

    /**
     * Every {@code *.json} file of a directory, by name (a rule directory's {@code scenarios/}).
     *
     * @param dir the directory
     * @return file name to content, sorted
     * @throws RuleSetException when the directory cannot be read, or holds an entry that would not be read
     *         (say {@code 01.JSON}): hidden entries and {@code .md} notes are left alone
     */
    public static SortedMap<String, String> files(Path dir) {
        SortedMap<String, String> files = new TreeMap<>();
        List<RuleProblem> strays = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && name.endsWith(".json")) {
                    String text = RuleFolders.readUtf8(p, strays);
                    if (text != null) {
                        files.put(name, text);
                    }
                } else if (!RuleFolders.ignored(name)) {
                    // a scenario named .JSON would be skipped and the rules count as tested without it
                    strays.add(RuleProblem.of(p.toString(), 1, 1,
                            RuleFolders.stray(name, Files.isDirectory(p), ".json scenario files")));
                }
            }
        } catch (IOException e) {
            throw new RuleSetException(dir.toString(), List.of(RuleProblem.of(dir.toString(), 1, 1,
                    "cannot read the scenario directory: " + e)));
        }
        if (!strays.isEmpty()) {
            throw new RuleSetException(dir.toString(), strays);
        }
        return files;
    }

    /**
     * Parses scenario files given by name and content.
     *
     * @param origin where they come from, for messages
     * @param files file name to JSON
     * @return the scenarios
     * @throws RuleSetException listing every problem
     */
    public static List<Scenario> parse(String origin, SortedMap<String, String> files) {
        return JsonDoc.readEach(origin, files, Scenarios::read);
    }

    private static Scenario read(JsonFields f, String file) {
        int before = f.problems().size();
        JsonNode root = f.doc().root();
        if (!f.object("", root, Set.of("input", "expect"), Set.of("description"))) {
            return null;
        }
        String description = root.has("description") ? f.text("/description", root.get("description")) : "";
        RuleInput input = RuleInputJson.read(f, "/input", root.get("input"));
        JsonNode ex = root.get("expect");
        if (ex == null || !f.object("/expect", ex, Set.of("tier", "conditions", "firedRules"),
                Set.of("approvedAmount", "approvedTermMonths"))) {
            return null;
        }
        Tier tier = f.enumValue("/expect/tier", ex.get("tier"), Tier.class, Tier.MANUAL_REVIEW);
        Set<MitigationMeasure> conditions = EnumSet.noneOf(MitigationMeasure.class);
        List<JsonNode> cs = f.array("/expect/conditions", ex.get("conditions"));
        for (int i = 0; i < cs.size(); i++) {
            MitigationMeasure m = f.enumValue("/expect/conditions/" + i, cs.get(i), MitigationMeasure.class, null);
            if (m != null) {
                conditions.add(m);
            }
        }
        Set<String> fired = new LinkedHashSet<>();
        java.util.Map<String, RuleProblem> sites = new java.util.HashMap<>();
        List<JsonNode> fs = f.array("/expect/firedRules", ex.get("firedRules"));
        for (int i = 0; i < fs.size(); i++) {
            String name = f.text("/expect/firedRules/" + i, fs.get(i));
            fired.add(name);
            site(f, "/expect/firedRules/" + i, name, sites);
        }
        JsonNode product = root.get("input").get("product");
        if (product != null && product.isTextual()) {
            site(f, "/input/product", product.asText(), sites);
        }
        Optional<BigDecimal> amount = ex.has("approvedAmount")
                ? Optional.of(f.decimal("/expect/approvedAmount", ex.get("approvedAmount"), BigDecimal.ZERO, MAX_MONEY, false))
                : Optional.empty();
        OptionalInt term = ex.has("approvedTermMonths")
                ? OptionalInt.of(f.integer("/expect/approvedTermMonths", ex.get("approvedTermMonths"), 0, 360))
                : OptionalInt.empty();
        if (f.problems().size() > before || input == null) {
            return null;
        }
        return new Scenario(file.replaceFirst("\\.json$", ""), description, input, tier, conditions, fired, amount, term,
                sites);
    }

    /** Where a name stands in the file, for a message about it once the rule set is known. */
    private static void site(JsonFields f, String pointer, String name, java.util.Map<String, RuleProblem> sites) {
        if (name != null) {
            RuleProblem at = f.doc().problem(pointer, "");
            sites.put(pointer, RuleProblem.of(at.file(), at.line(), at.column(), name));
        }
    }

    /**
     * Runs every scenario.
     *
     * @param decider the rules under test
     * @param scenarios the cases
     * @return one result per case, in order
     */
    public static List<ScenarioResult> run(RuleDecider decider, List<Scenario> scenarios) {
        List<ScenarioResult> out = new ArrayList<>(scenarios.size());
        for (Scenario s : scenarios) {
            out.add(s.run(decider));
        }
        return out;
    }
}
