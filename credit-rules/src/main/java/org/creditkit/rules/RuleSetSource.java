package org.creditkit.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.creditkit.rules.internal.Classpath;
import org.creditkit.rules.internal.RuleFolders;
import org.creditkit.rules.testing.Scenario;
import org.creditkit.rules.testing.Scenarios;

/**
 * The files of a rule set before compilation: {@code *.drl} rule files plus the
 * {@value PolicyParameters#FILE_NAME} parameters file, from the classpath default policy or a
 * directory. Its {@link #version()} is the SHA-256 of every file name and content, so the same
 * sources always give the same ruleset version.
 */
public final class RuleSetSource {

    /** Classpath folder of the default policy (rule files, parameters, INDEX, scenarios/). */
    public static final String DEFAULT_POLICY = "org/creditkit/rules/default-policy/";

    private final String origin;
    private final SortedMap<String, String> files;
    private final String version;
    private final SortedMap<String, String> scenarioFiles;

    private RuleSetSource(String origin, SortedMap<String, String> files, SortedMap<String, String> scenarioFiles) {
        this.origin = origin;
        this.files = Collections.unmodifiableSortedMap(files);
        this.version = sha256(files);
        this.scenarioFiles = Collections.unmodifiableSortedMap(new TreeMap<>(scenarioFiles));
    }

    /**
     * The default policy shipped in credit-rules.
     *
     * @return its sources
     */
    public static RuleSetSource defaultPolicy() {
        SortedMap<String, String> files = new TreeMap<>();
        for (String name : Classpath.index(DEFAULT_POLICY + "INDEX")) {
            files.put(name, Classpath.text(DEFAULT_POLICY + name));
        }
        return new RuleSetSource("classpath:" + DEFAULT_POLICY, files, Scenarios.defaultScenarioFiles());
    }

    /**
     * Reads every {@code *.drl} file and the parameters file of a directory (not recursive), and the
     * {@code *.json} scenarios of its {@code scenarios/} folder when it has one (they gate reloads of
     * these rules; they are not part of the version).
     *
     * @param dir the directory
     * @return its sources
     * @throws RuleSetException when the directory cannot be read, holds no rule file, or holds an entry that
     *         would not be read (say {@code hard-stops.DRL} or {@code limits.drl.bak}: the policy would run
     *         without it); hidden entries and {@code .md} notes are left alone
     */
    public static RuleSetSource directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(dir.toString(), List.of(RuleProblem.of(dir.toString(), 1, 1,
                    "is not a directory; give the folder holding the .drl files, " + PolicyParameters.FILE_NAME
                            + " and " + PolicyParameters.PRODUCTS_FILE_NAME)));
        }
        SortedMap<String, String> files = new TreeMap<>();
        List<RuleProblem> strays = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && (name.endsWith(".drl") || name.equals(PolicyParameters.FILE_NAME)
                        || name.equals(PolicyParameters.PRODUCTS_FILE_NAME))) {
                    String text = RuleFolders.readUtf8(p, strays);
                    if (text != null) {
                        files.put(name, text);
                    }
                } else if (!(name.equals(SCENARIOS) && Files.isDirectory(p)) && !RuleFolders.ignored(name)) {
                    strays.add(RuleProblem.of(p.toString(), 1, 1, RuleFolders.stray(name, Files.isDirectory(p),
                            ".drl rule files, " + PolicyParameters.FILE_NAME + ", " + PolicyParameters.PRODUCTS_FILE_NAME
                                    + " and the " + SCENARIOS + "/ folder")));
                }
            }
        } catch (IOException e) {
            throw new RuleSetException(dir.toString(), List.of(RuleProblem.of(dir.toString(), 1, 1,
                    "cannot be read: " + e)));
        }
        if (!strays.isEmpty()) {
            // a rule file named .DRL or .drl.txt would be left out without a word, and the policy run without it
            throw new RuleSetException(dir.toString(), strays);
        }
        if (files.keySet().stream().noneMatch(n -> n.endsWith(".drl"))) {
            throw new RuleSetException(dir.toString(), List.of(RuleProblem.of(dir.toString(), 1, 1,
                    "holds no .drl rule file")));
        }
        Path scenarioDir = dir.resolve(SCENARIOS);
        SortedMap<String, String> scenarios = Files.isDirectory(scenarioDir) ? Scenarios.files(scenarioDir) : new TreeMap<>();
        return new RuleSetSource(dir.toString(), files, scenarios);
    }

    /** The folder of a rule directory that holds its scenarios. */
    public static final String SCENARIOS = "scenarios";

    /**
     * A rule set from in-memory files (name to content).
     *
     * @param origin a description of where the files come from, used in messages
     * @param files file name to content; names ending in {@code .drl} are rule files
     * @return the sources
     */
    public static RuleSetSource of(String origin, Map<String, String> files) {
        return new RuleSetSource(origin, new TreeMap<>(files), new TreeMap<>());
    }

    /**
     * The scenario files that came with the rules (a directory's {@code scenarios/}, or the default
     * policy's); empty when none.
     *
     * @return file name to JSON text, sorted by name
     */
    public SortedMap<String, String> scenarioFiles() {
        return scenarioFiles;
    }

    /**
     * The scenarios that came with the rules, parsed.
     *
     * @return the scenarios, possibly empty
     * @throws RuleSetException when a scenario file is broken
     */
    public List<Scenario> scenarios() {
        return scenarioFiles.isEmpty() ? List.of() : Scenarios.parse(origin + "/" + SCENARIOS, scenarioFiles);
    }

    /**
     * A copy whose scenarios are the given files (name to JSON) instead of its own.
     *
     * @param scenarios file name to scenario JSON
     * @return the new sources
     */
    public RuleSetSource withScenarioFiles(Map<String, String> scenarios) {
        return new RuleSetSource(origin, new TreeMap<>(files), new TreeMap<>(scenarios));
    }

    /**
     * Where the files come from (a directory or classpath location).
     *
     * @return the origin
     */
    public String origin() {
        return origin;
    }

    /**
     * Every file, by name, sorted.
     *
     * @return file name to content
     */
    public SortedMap<String, String> files() {
        return files;
    }

    /**
     * The ruleset version: SHA-256 (hex) over every file name and content in name order.
     *
     * @return 64 hex characters
     */
    public String version() {
        return version;
    }

    /**
     * A copy with one file replaced or added.
     *
     * @param name file name
     * @param content file content
     * @return the new sources
     */
    public RuleSetSource with(String name, String content) {
        SortedMap<String, String> copy = new TreeMap<>(files);
        copy.put(name, content);
        return new RuleSetSource(origin, copy, scenarioFiles);
    }

    /** SHA-256 (hex) over every file name and content in name order. */
    static String sha256(SortedMap<String, String> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "RuleSetSource[" + origin + " " + files.keySet() + " " + version.substring(0, 12) + "]";
    }
}
