package org.creditkit.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Checks, parses, validates and compiles a {@link RuleSetSource} with Drools' executable model.
 *
 * <p>Every problem is located in the file a risk team edits. Syntax errors come from Drools' own
 * DRL parser ({@link DrlParser}), which reports the DRL line and column. The executable model
 * compiles DRL to Java, so its semantic errors (unknown fields, type errors in consequences) often
 * point at generated Java or at no line at all; those are relocated by compiling each rule alone
 * (the other rules blanked out so line numbers stay the same) and searching the rule's text for the
 * expression or identifier the message names, falling back to the rule's first line.
 */
final class RuleSetCompiler {

    private static final String GROUP = "org.creditkit.rules.generated";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String RESOURCE_DIR = "src/main/resources/org/creditkit/rules/policy/";

    private RuleSetCompiler() {
    }

    /** A DRL file after parsing: its rules' line spans. */
    private record ParsedDrl(String name, String text, List<RuleDescr> rules) {
    }

    /**
     * The result of a successful compilation.
     *
     * @param disposer releases what the KieBase holds (its container and module), run once when the set is disposed
     * @param ruleInputs per rule name, the rule-input members it reads (as the checker resolved them),
     *     from which its reasons get their lineage
     * @param precompiled whether the KieBase was loaded from the precompiled default policy instead of compiled
     */
    record Compiled(KieBase kieBase, Runnable disposer, PolicyParameters parameters, List<String> ruleNames,
            Map<String, RuleProblem> ruleSites, Map<String, Set<String>> ruleInputs, boolean precompiled) {
    }

    /**
     * The classes Drools generated for a source, to be loaded later without compiling (see {@link PrecompiledPolicy}).
     *
     * @param ruleInputs per rule name, the rule-input members it reads, kept with the classes so that
     *     a precompiled rule set gives its reasons lineage as a compiled one does
     */
    record Generated(Map<String, byte[]> classFiles, List<String> models, List<String> ruleNames,
            Map<String, RuleProblem> ruleSites, Map<String, Set<String>> ruleInputs) {
    }

    /** What an attempt keeps of a clean build. */
    private enum Keep { NOTHING, CONTAINER, CLASSES }

    /** Every problem of the source (allow-list, parse, parameters, compile); empty when it compiles cleanly. */
    static List<RuleProblem> check(RuleSetSource source) {
        return check(source, Case.class);
    }

    /**
     * Every problem of a rule set whose patterns match {@code fact}: {@link Case} for a decision policy
     * (which needs its parameters file), {@link WarningCase} for early-warning rules (which take
     * {@code WarningParameters} from the caller).
     */
    static List<RuleProblem> check(RuleSetSource source, Class<?> fact) {
        Attempt a = attempt(source, Keep.NOTHING, fact);
        return a.problems;
    }

    /**
     * Compiles the source, or loads the precompiled default policy when the source's rule files are
     * the default policy's.
     *
     * @throws RuleSetException listing every problem
     */
    static Compiled compile(RuleSetSource source) {
        return compile(source, Case.class);
    }

    /**
     * Compiles a rule set whose patterns match {@code fact} (see {@link #check(RuleSetSource, Class)}).
     *
     * @throws RuleSetException listing every problem
     */
    static Compiled compile(RuleSetSource source, Class<?> fact) {
        Optional<Compiled> pre = fact == Case.class ? precompiled(source) : Optional.empty();
        if (pre.isPresent()) {
            return pre.get();
        }
        Attempt a = attempt(source, Keep.CONTAINER, fact);
        if (!a.problems.isEmpty()) {
            throw new RuleSetException(source.origin(), a.problems);
        }
        return a.compiled;
    }
    private static Optional<Compiled> precompiled(RuleSetSource source) {
        PolicyParameters parameters;
        try {
            parameters = PolicyParameters.fromFiles(source.files());
        } catch (RuleSetException e) {
            return Optional.empty(); // the full attempt reports it with every other problem
        }
        return PrecompiledPolicy.load(source, parameters);
    }

    /**
     * Checks and compiles the source, keeping the generated classes instead of a container.
     *
     * @throws RuleSetException listing every problem
     */
    static Generated generate(RuleSetSource source) {
        Attempt a = attempt(source, Keep.CLASSES, Case.class);
        if (!a.problems.isEmpty()) {
            throw new RuleSetException(source.origin(), a.problems);
        }
        return a.generated;
    }


    private static final class Attempt {
        final List<RuleProblem> problems = new ArrayList<>();
        Compiled compiled;
        Generated generated;
    }

    private static Attempt attempt(RuleSetSource source, Keep keep, Class<?> fact) {
        Attempt a = new Attempt();
        boolean policy = fact == Case.class;
        PolicyParameters parameters = null;
        if (!policy) {
            for (String name : List.of(PolicyParameters.FILE_NAME, PolicyParameters.PRODUCTS_FILE_NAME)) {
                if (source.files().containsKey(name)) {
                    a.problems.add(RuleProblem.of(name, 1, 1, "a warning rule set has no " + name
                            + " (its thresholds are the WarningParameters given with it);"
                            + " remove the file, or point at the decision policy's folder instead"));
                }
            }
        } else {
            try {
                parameters = PolicyParameters.fromFiles(source.files());
            } catch (RuleSetException e) {
                a.problems.addAll(e.ruleProblems());
            }
        }
        List<ParsedDrl> drls = new ArrayList<>();
        boolean parseErrors = false;
        boolean checkerRefused = false;
        Map<String, String> ruleOwner = new LinkedHashMap<>();
        Map<String, RuleProblem> sites = new LinkedHashMap<>();
        Map<String, Set<String>> ruleInputs = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : source.files().entrySet()) {
            if (!f.getKey().endsWith(".drl")) {
                continue;
            }
            // the checker and Drools both read the text with Unicode escapes translated, as javac would
            String text = RuleChecker.translated(f.getValue());
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, text);
            } catch (DroolsParserException e) {
                a.problems.add(RuleProblem.of(f.getKey(), e.getLineNumber(), e.getColumn() + 1, e.getMessage()));
                parseErrors = true;
                continue;
            }
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError err : parser.getErrors()) {
                    if (err instanceof ParserError pe) {
                        a.problems.add(RuleProblem.of(f.getKey(), pe.getRow(), pe.getCol() + 1, stripLinePrefix(pe.getMessage())));
                    } else {
                        a.problems.add(RuleProblem.of(f.getKey(), firstLine(err.getLines()), 1, err.getMessage()));
                    }
                }
                if (!parser.hasErrors()) {
                    a.problems.add(RuleProblem.of(f.getKey(), 1, 1, "the DRL parser returned no package"));
                }
                parseErrors = true;
                continue;
            }
            RuleChecker.Checked checked = RuleChecker.check(f.getKey(), f.getValue(), pkg, fact);
            List<RuleProblem> refused = checked.problems();
            ruleInputs.putAll(checked.inputsUsed());
            a.problems.addAll(refused);
            checkerRefused |= !refused.isEmpty();
            for (RuleDescr r : pkg.getRules()) {
                String previous = ruleOwner.putIfAbsent(r.getName(), f.getKey());
                sites.putIfAbsent(r.getName(), RuleProblem.of(f.getKey(), r.getLine(), r.getColumn() + 1, r.getName()));
                if (previous != null) {
                    a.problems.add(RuleProblem.of(f.getKey(), r.getLine(), r.getColumn() + 1, "duplicate rule name '"
                            + r.getName() + "' (also in " + previous + "); rule names must be unique across the rule set"));
                }
            }
            drls.add(new ParsedDrl(f.getKey(), text, pkg.getRules()));
        }
        if (drls.isEmpty() && !parseErrors) {
            a.problems.add(RuleProblem.of(source.origin(), 1, 1, "holds no .drl rule file"));
        }
        if (parseErrors || drls.isEmpty()) {
            return a;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (ParsedDrl d : drls) {
            texts.put(d.name(), d.text());
        }
        if (checkerRefused) {
            // never hand Drools (and javac) a file the checker refused
            return a;
        }
        Build full = build(texts, a.problems.isEmpty() && (parameters != null || !policy) ? keep : Keep.NOTHING);
        if (!full.errors.isEmpty()) {
            a.problems.addAll(locate(drls, full.errors));
        } else if (full.container != null) {
            KieContainer container = full.container;
            ReleaseId rid = full.releaseId;
            a.compiled = new Compiled(container.getKieBase(), () -> {
                container.dispose();
                KieServices.get().getRepository().removeKieModule(rid);
            }, parameters, List.copyOf(ruleOwner.keySet()), Map.copyOf(sites), Map.copyOf(ruleInputs), false);
        } else if (full.classFiles != null) {
            a.generated = new Generated(full.classFiles, full.models, List.copyOf(ruleOwner.keySet()), Map.copyOf(sites),
                    Map.copyOf(ruleInputs));
        }
        return a;
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 1 : lines[0];
    }

    private static String stripLinePrefix(String message) {
        return message.replaceFirst("^\\[ERR (\\d+)\\] Line \\d+:\\d+ ", "[ERR $1] ");
    }

    /** The outcome of one Drools build. */
    private static final class Build {
        final List<Message> errors = new ArrayList<>();
        KieContainer container;
        ReleaseId releaseId;
        Map<String, byte[]> classFiles;
        List<String> models;
    }

    private static Build build(Map<String, String> drlFiles, Keep keep) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId rid = ks.newReleaseId(GROUP, "ruleset", "1." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(rid);
        for (Map.Entry<String, String> f : drlFiles.entrySet()) {
            kfs.write(RESOURCE_DIR + f.getKey(), f.getValue());
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        Build b = new Build();
        for (Message m : kb.getResults().getMessages(Message.Level.ERROR)) {
            b.errors.add(m);
        }
        if (b.errors.isEmpty() && keep == Keep.CONTAINER) {
            b.container = ks.newKieContainer(rid);
            b.releaseId = rid;
            return b;
        }
        if (b.errors.isEmpty() && keep == Keep.CLASSES) {
            InternalKieModule module = (InternalKieModule) kb.getKieModule();
            b.classFiles = new TreeMap<>();
            b.models = new ArrayList<>();
            for (String name : module.getFileNames()) {
                if (name.endsWith(".class")) {
                    b.classFiles.put(name, module.getBytes(name));
                } else if (name.endsWith("/drools-model")) {
                    // the executable model's entry points, after a "Drools-Model-Version:" line
                    for (String line : new String(module.getBytes(name), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank() && !line.startsWith("Drools-Model-Version:")) {
                            b.models.add(line.strip());
                        }
                    }
                }
            }
        }
        ks.getRepository().removeKieModule(rid);
        return b;
    }

    static void dispose(Compiled c) {
        c.disposer().run();
    }

    /** Turns Drools build errors into problems located in the DRL files. */
    private static List<RuleProblem> locate(List<ParsedDrl> drls, List<Message> errors) {
        Set<RuleProblem> out = new LinkedHashSet<>();
        List<Message> unlocated = new ArrayList<>();
        for (Message m : errors) {
            String text = firstLineOf(m.getText());
            if (isNoise(text)) {
                continue;
            }
            ParsedDrl d = drlOf(drls, m.getPath());
            if (d != null && m.getLine() > 0) {
                out.add(RuleProblem.of(d.name(), m.getLine(), m.getColumn() + 1, text));
            } else {
                unlocated.add(m);
            }
        }
        if (!unlocated.isEmpty()) {
            out.addAll(isolate(drls, unlocated));
        }
        return new ArrayList<>(out);
    }

    /** Compiles each rule alone (others blanked) to find which rule each unlocated error belongs to. */
    private static List<RuleProblem> isolate(List<ParsedDrl> drls, List<Message> unlocated) {
        List<RuleProblem> out = new ArrayList<>();
        // an error that names its .drl (without a line) only needs that file's rules isolated
        Set<ParsedDrl> suspects = new LinkedHashSet<>();
        for (Message m : unlocated) {
            ParsedDrl d = drlOf(drls, m.getPath());
            if (d == null) {
                suspects.addAll(drls);
                break;
            }
            suspects.add(d);
        }
        for (ParsedDrl d : suspects) {
            for (RuleDescr r : d.rules()) {
                Map<String, String> texts = new LinkedHashMap<>();
                for (ParsedDrl other : drls) {
                    texts.put(other.name(), blankRulesExcept(other, other == d ? r : null));
                }
                Build b = build(texts, Keep.NOTHING);
                for (Message m : b.errors) {
                    String text = firstLineOf(m.getText());
                    if (isNoise(text)) {
                        continue;
                    }
                    if (drlOf(drls, m.getPath()) == d && m.getLine() > 0) {
                        out.add(RuleProblem.of(d.name(), m.getLine(), m.getColumn() + 1, text));
                    } else {
                        int[] at = find(d.text(), r, text);
                        out.add(RuleProblem.of(d.name(), at[0], at[1], "rule \"" + r.getName() + "\": " + text));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            // the errors belong to no single rule (e.g. declarations across files): report them at the file start
            for (Message m : unlocated) {
                ParsedDrl d = drlOf(drls, m.getPath());
                out.add(RuleProblem.of(d != null ? d.name() : drls.get(0).name(), 1, 1, firstLineOf(m.getText())));
            }
        }
        return out;
    }

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'|\"([^\"]+)\"");
    private static final Pattern EXPRESSION = Pattern.compile("(?i)(?:expression|constraint):\\s*(.+)$");
    private static final Pattern EXPRESSION_NAMED = Pattern.compile("(?i)(?:expression|constraint)\\s+([^:]+?):?\\s*$");
    private static final Pattern IDENT = Pattern.compile("^([A-Za-z_$][\\w$.]*(?:\\([^)]*\\))?)\\s+(?:cannot|is not|is undefined)");
    private static final Pattern METHOD = Pattern.compile("method ([A-Za-z_$][\\w$]*)\\(");
    private static final Pattern FIELD = Pattern.compile("(?:field|property|variable) ([A-Za-z_$][\\w$]*)");

    /** Where in the rule's lines the message's expression or identifier occurs; else the rule's first line. */
    private static int[] find(String text, RuleDescr r, String message) {
        List<String> needles = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(message);
        if (m.find()) {
            needles.add(m.group(1).trim());
        }
        m = EXPRESSION_NAMED.matcher(message);
        if (m.find()) {
            needles.add(m.group(1).trim());
        }
        m = IDENT.matcher(message);
        if (m.find()) {
            needles.add(m.group(1));
        }
        m = METHOD.matcher(message);
        while (m.find()) {
            needles.add(m.group(1) + "(");
        }
        m = FIELD.matcher(message);
        while (m.find()) {
            needles.add(m.group(1));
        }
        m = QUOTED.matcher(message);
        while (m.find()) {
            needles.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        String[] lines = text.split("\n", -1);
        int first = Math.max(1, r.getLine());
        int last = Math.min(lines.length, Math.max(first, r.getEndLine()));
        for (String needle : needles) {
            if (needle.isBlank() || needle.equals(r.getName())) {
                continue;
            }
            for (int ln = first; ln <= last; ln++) {
                int col = lines[ln - 1].indexOf(needle);
                if (col >= 0) {
                    return new int[] {ln, col + 1};
                }
            }
        }
        return new int[] {first, r.getColumn() + 1};
    }

    /** The DRL text with every rule other than {@code keep} replaced by blanks (newlines kept). */
    private static String blankRulesExcept(ParsedDrl d, RuleDescr keep) {
        String[] lines = d.text().split("\n", -1);
        for (RuleDescr r : d.rules()) {
            if (r == keep) {
                continue;
            }
            for (int ln = r.getLine(); ln <= r.getEndLine() && ln <= lines.length; ln++) {
                lines[ln - 1] = "";
            }
        }
        return String.join("\n", lines);
    }

    private static ParsedDrl drlOf(List<ParsedDrl> drls, String path) {
        if (path == null) {
            return null;
        }
        for (ParsedDrl d : drls) {
            if (path.equals(d.name()) || path.endsWith("/" + d.name())) {
                return d;
            }
        }
        return null;
    }

    private static boolean isNoise(String text) {
        return text.startsWith("Java source of ") || text.equals("Parser returned a null Package")
                || text.isBlank();
    }

    private static String firstLineOf(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }
}
