package org.creditkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.creditkit.core.CreditDecisionException;
import org.creditkit.core.monitor.BookedLoan;
import org.creditkit.core.monitor.LoanMonth;
import org.creditkit.core.monitor.WarningGrader;
import org.creditkit.core.monitor.WarningLevel;
import org.creditkit.core.monitor.WarningParameters;
import org.creditkit.core.monitor.WarningSignal;
import org.creditkit.rules.internal.Classpath;
import org.creditkit.rules.internal.JsonDoc;
import org.creditkit.rules.internal.JsonFields;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Early-warning levels from Drools rules over the monthly facts, in the same style as the decision
 * policy: DRL files checked by the same allow-list ({@link RuleChecker}; the one fact is a
 * {@link WarningCase} per loan and month), compiled with the executable model, and scenario files beside
 * them. {@link #defaults()} holds the default warning rules
 * ({@code classpath:org/creditkit/rules/warning-policy/}), which grade exactly as
 * {@link org.creditkit.core.monitor.LoanMonitor#level(int, WarningParameters)} does; a risk team copies
 * and edits them ({@code RuleSetSource.directory(dir)}).
 *
 * <pre>{@code
 * try (WarningRules rules = WarningRules.compile(RuleSetSource.directory(Path.of("warning-rules")),
 *         WarningParameters.defaults())) {
 *     List<WarningRules.ScenarioResult> failed = rules.runScenarios().stream().filter(r -> !r.passed()).toList();
 *     PortfolioMonitor pm = PortfolioMonitor.builder().rescorer(r).grader(rules).build();
 * }
 * }</pre>
 *
 * <p>Thread-safe: each evaluation borrows a pooled session. Each loan-month is held to
 * {@link DecisionLimits#DEFAULT} (firings and time), like a decision.
 */
public final class WarningRules implements WarningGrader, AutoCloseable {

    /** Where the default warning rules are on the class path. */
    public static final String DEFAULT = "org/creditkit/rules/warning-policy/";

    private final RuleSetCompiler.Compiled compiled;
    private final RuleSetSource source;
    private final WarningParameters parameters;
    private final Queue<Lane> pool = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private static final class Lane {
        final KieSession session;

        Lane(KieSession session) {
            this.session = session;
        }
    }

    private WarningRules(RuleSetCompiler.Compiled compiled, RuleSetSource source, WarningParameters parameters) {
        this.compiled = compiled;
        this.source = source;
        this.parameters = parameters;
    }

    /**
     * The level of a loan-month, the rules that raised it and their reasons.
     *
     * @param level      the highest level a rule raised, {@link WarningLevel#NONE} when none fired
     * @param firedRules the rules that fired, in firing order
     * @param verdicts   each firing's level ({@code level=RED}) and bilingual reason
     */
    public record Result(WarningLevel level, List<String> firedRules, List<RuleVerdict> verdicts) {
        /** Checks and copies. */
        public Result {
            Objects.requireNonNull(level, "level");
            firedRules = List.copyOf(firedRules);
            verdicts = List.copyOf(verdicts);
        }
    }

    /**
     * The default warning rules with the default parameters.
     *
     * @return compiled rules; close them when done
     */
    public static WarningRules defaults() {
        return compile(defaultSource(), WarningParameters.defaults());
    }

    /**
     * The default warning rules' files and scenarios, to copy or compile with other parameters.
     *
     * @return the source
     */
    public static RuleSetSource defaultSource() {
        SortedMap<String, String> files = new TreeMap<>();
        SortedMap<String, String> scenarios = new TreeMap<>();
        for (String name : Classpath.index(DEFAULT + "INDEX")) {
            if (name.startsWith(RuleSetSource.SCENARIOS + "/")) {
                scenarios.put(name.substring(RuleSetSource.SCENARIOS.length() + 1), Classpath.text(DEFAULT + name));
            } else {
                files.put(name, Classpath.text(DEFAULT + name));
            }
        }
        return RuleSetSource.of("classpath:" + DEFAULT, files).withScenarioFiles(scenarios);
    }

    /**
     * Checks and compiles warning rules.
     *
     * @param source     the DRL files (and scenarios)
     * @param parameters the thresholds the rules read as {@code params}
     * @return compiled rules; close them when done
     * @throws RuleSetException listing every problem, each with its file, line and column
     */
    public static WarningRules compile(RuleSetSource source, WarningParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return new WarningRules(RuleSetCompiler.compile(source, WarningCase.class), source, parameters);
    }

    /**
     * Every problem of warning rules (allow-list, syntax, compile), without keeping them.
     *
     * @param source the DRL files
     * @return the problems, empty when the rules compile cleanly
     */
    public static List<RuleProblem> check(RuleSetSource source) {
        return RuleSetCompiler.check(source, WarningCase.class);
    }

    /**
     * The SHA-256 of the rule files.
     *
     * @return the version
     */
    public String version() {
        return source.version();
    }

    /**
     * Where the rules came from.
     *
     * @return the origin
     */
    public String origin() {
        return source.origin();
    }

    /**
     * The rules, in file and declaration order.
     *
     * @return their names
     */
    public List<String> ruleNames() {
        return compiled.ruleNames();
    }

    /**
     * The thresholds the rules see as {@code params}.
     *
     * @return the parameters
     */
    public WarningParameters parameters() {
        return parameters;
    }

    /**
     * Grades one loan-month with the rules.
     *
     * @param month         the month's source updates
     * @param signals       its signals ({@link org.creditkit.core.monitor.LoanMonitor#observe}) as bits
     * @param originationPd the PD the loan was granted at
     * @param currentPd     the latest re-scored PD
     * @return the level, fired rules and reasons
     * @throws CreditDecisionException when the rules fail or exceed their limits on this month
     */
    public Result evaluate(LoanMonth month, int signals, double originationPd, double currentPd) {
        return evaluate(WarningCase.of(month, signals, originationPd, currentPd, parameters),
                month.loanId() + " " + month.month());
    }

    @Override
    public WarningLevel grade(BookedLoan loan, LoanMonth month, int signals, double originationPd, double currentPd) {
        return evaluate(month, signals, originationPd, currentPd).level();
    }

    Result evaluate(WarningCase c, String what) {
        if (closed) {
            throw new IllegalStateException("the warning rules " + source.origin() + " are closed");
        }
        Lane lane = pool.poll();
        if (lane == null) {
            lane = new Lane(compiled.kieBase().newKieSession());
        }
        FiringGuard guard = new FiringGuard(DecisionLimits.DEFAULT, System.nanoTime());
        try {
            FactHandle h = lane.session.insert(c);
            lane.session.fireAllRules(guard);
            lane.session.delete(h);
        } catch (RuntimeException e) {
            lane.session.dispose();
            throw new CreditDecisionException("loan-month " + what, "the warning rules "
                    + source.version().substring(0, 12) + " failed: " + e.getMessage(), e);
        }
        if (guard.stopped() != null) {
            lane.session.dispose();
            throw new DecisionLimitException("The warning rules " + source.version().substring(0, 12) + " from "
                    + source.origin() + " were stopped on loan-month " + what + ": " + guard.stopped());
        }
        if (closed) { // no recycling: Drools 10.2.0 deletes a fired match with its fact (#6361), as CompiledRuleSet relies on
            lane.session.dispose();
        } else {
            pool.offer(lane);
        }
        List<RuleVerdict> verdicts = c.verdicts();
        return new Result(c.level(), verdicts.stream().map(RuleVerdict::rule).toList(), verdicts);
    }

    // ---- scenarios ---------------------------------------------------------------------------------

    /**
     * One scenario of the warning rules: a loan-month's facts and the level and fired rules expected.
     *
     * @param name        the file name without {@code .json}
     * @param description what it shows
     * @param facts       the month, as the rules will see it
     * @param level       the expected level
     * @param firedRules  the rules expected to fire (in any order)
     * @param sites       where each expected rule stands in the scenario file, by JSON pointer
     *                    ({@code /expect/firedRules/0}): file, line and column, the name as the message; empty
     *                    for a scenario not read from a file
     */
    public record Scenario(String name, String description, WarningCase facts, WarningLevel level,
            Set<String> firedRules, Map<String, RuleProblem> sites) {
        /** Checks and copies. */
        public Scenario {
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(level, "level");
            firedRules = Set.copyOf(firedRules);
            sites = Map.copyOf(sites);
        }

        /** A scenario not read from a file: its unknown rule names are reported without a location. */
        public Scenario(String name, String description, WarningCase facts, WarningLevel level,
                Set<String> firedRules) {
            this(name, description, facts, level, firedRules, Map.of());
        }
    }

    /**
     * The outcome of one scenario.
     *
     * @param scenario    the scenario
     * @param result      what the rules gave
     * @param differences what differed from the expectation (empty when it passed)
     */
    public record ScenarioResult(Scenario scenario, Result result, List<String> differences) {
        /** Copies. */
        public ScenarioResult {
            differences = List.copyOf(differences);
        }

        /** @return whether the rules gave the expected level and fired the expected rules */
        public boolean passed() {
            return differences.isEmpty();
        }

        @Override
        public String toString() {
            return (passed() ? "PASS " : "FAIL ") + scenario.name() + (passed() ? "" : ": "
                    + String.join("; ", differences));
        }
    }

    /**
     * Runs the scenarios that came with the rules' source ({@code scenarios/*.json} beside the DRL files).
     *
     * @return one result per scenario, by file name
     * @throws RuleSetException when a scenario file is malformed (every problem, with its JSON path)
     */
    public List<ScenarioResult> runScenarios() {
        return runScenarios(parseScenarios(source.origin() + "/" + RuleSetSource.SCENARIOS, source.scenarioFiles(),
                parameters));
    }

    /**
     * Runs scenarios.
     *
     * @param scenarios the scenarios
     * @return one result each, in order
     */
    public List<ScenarioResult> runScenarios(List<Scenario> scenarios) {
        List<ScenarioResult> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            Result r = evaluate(s.facts(), "of scenario " + s.name());
            List<String> diff = new ArrayList<>(unknownRules(s));
            if (r.level() != s.level()) {
                diff.add("level " + r.level() + ", expected " + s.level());
            }
            Set<String> fired = new LinkedHashSet<>(r.firedRules());
            if (!fired.equals(s.firedRules())) {
                Set<String> missing = new LinkedHashSet<>(s.firedRules());
                missing.removeAll(fired);
                Set<String> extra = new LinkedHashSet<>(fired);
                extra.removeAll(s.firedRules());
                diff.add("fired rules " + fired + (missing.isEmpty() ? "" : "; expected but not fired " + missing)
                        + (extra.isEmpty() ? "" : "; fired but not expected " + extra));
            }
            out.add(new ScenarioResult(s, r, diff));
        }
        return out;
    }

    /**
     * The expected rules of a scenario that are not rules of these warning rules (a misspelt name never
     * fires: the scenario failed with no hint that the name is wrong), each at its file, line and column
     * with the nearest rule name.
     */
    private List<String> unknownRules(Scenario s) {
        return org.creditkit.rules.internal.Names.unknownRules(s.sites(), s.firedRules(), ruleNames(), source.origin());
    }

    private static final Set<String> INPUT_FIELDS = Set.of("monthsOnBook", "socialInsuranceArrears", "newCourtCases",
            "newEnforcementCases", "dishonestListed", "newPenalties", "seriousPenalty", "bankOverdueDays",
            "loanDaysPastDue", "dataAgeDays", "originationPd", "currentPd");

    /**
     * Reads scenario files: {@code {"description": ..., "input": {"signals": [...], ...month facts},
     * "expect": {"level": ..., "firedRules": [...]}}}; facts left out are 0, false, or a PD of 0.02.
     *
     * @param origin     where they are, for messages
     * @param files      file name to JSON text
     * @param parameters the thresholds (the signals' points depend on them)
     * @return the scenarios, by file name
     * @throws RuleSetException listing every problem with its file and JSON path
     */
    public static List<Scenario> parseScenarios(String origin, SortedMap<String, String> files,
            WarningParameters parameters) {
        return JsonDoc.readEach(origin, files, (f, file) -> readScenario(f, file, parameters));
    }

    private static Scenario readScenario(JsonFields f, String file, WarningParameters parameters) {
        List<RuleProblem> problems = f.problems();
        int before = problems.size();
        JsonNode root = f.doc().root();
        if (!f.object("", root, Set.of("input", "expect"), Set.of("description"))) {
            return null;
        }
        JsonNode in = root.get("input");
        JsonNode ex = root.get("expect");
        Set<String> optional = new java.util.HashSet<>(INPUT_FIELDS);
        if (!f.object("/input", in, Set.of("signals"), optional)
                | !f.object("/expect", ex, Set.of("level", "firedRules"), Set.of())) {
            return null;
        }
        int mask = 0;
        List<JsonNode> ss = f.array("/input/signals", in.get("signals"));
        for (int i = 0; i < ss.size(); i++) {
            WarningSignal s = f.enumValue("/input/signals/" + i, ss.get(i), WarningSignal.class, null);
            if (s != null) {
                mask |= s.bit();
            }
        }
        WarningCase facts = new WarningCase(parameters, mask, integer(f, in, "monthsOnBook", 0, 360),
                bool(f, in, "socialInsuranceArrears"), integer(f, in, "newCourtCases", 0, 1000),
                integer(f, in, "newEnforcementCases", 0, 1000), bool(f, in, "dishonestListed"),
                integer(f, in, "newPenalties", 0, 1000), bool(f, in, "seriousPenalty"),
                integer(f, in, "bankOverdueDays", 0, 10_000), integer(f, in, "loanDaysPastDue", 0, 10_000),
                integer(f, in, "dataAgeDays", 0, 100_000), pd(f, in, "originationPd"), pd(f, in, "currentPd"));
        WarningLevel level = f.enumValue("/expect/level", ex.get("level"), WarningLevel.class, WarningLevel.NONE);
        Set<String> fired = new LinkedHashSet<>();
        Map<String, RuleProblem> sites = new java.util.HashMap<>();
        List<JsonNode> fs = f.array("/expect/firedRules", ex.get("firedRules"));
        for (int i = 0; i < fs.size(); i++) {
            String name = f.text("/expect/firedRules/" + i, fs.get(i));
            fired.add(name);
            if (name != null) {
                RuleProblem at = f.doc().problem("/expect/firedRules/" + i, "");
                sites.put("/expect/firedRules/" + i, RuleProblem.of(at.file(), at.line(), at.column(), name));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Scenario(file.replaceFirst("\\.json$", ""),
                root.has("description") ? f.text("/description", root.get("description")) : "", facts, level, fired,
                sites);
    }

    private static int integer(JsonFields f, JsonNode in, String name, int min, int max) {
        return in.has(name) ? f.integer("/input/" + name, in.get(name), min, max) : 0;
    }

    private static boolean bool(JsonFields f, JsonNode in, String name) {
        return in.has(name) && f.bool("/input/" + name, in.get(name));
    }

    private static double pd(JsonFields f, JsonNode in, String name) {
        return in.has(name) ? f.number("/input/" + name, in.get(name), 0, 1, false) : 0.02;
    }

    /**
     * Reads warning rules from a folder of {@code .drl} files (with {@code scenarios/}) and compiles them.
     *
     * @param dir        the folder
     * @param parameters the thresholds
     * @return compiled rules
     * @throws RuleSetException when the folder or its rules are unusable
     */
    public static WarningRules directory(Path dir, WarningParameters parameters) {
        return compile(RuleSetSource.directory(dir), parameters);
    }

    /** Disposes the Drools container and the pooled sessions. Evaluations must have finished. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Lane lane;
            while ((lane = pool.poll()) != null) {
                lane.session.dispose();
            }
            RuleSetCompiler.dispose(compiled);
        }
    }

    @Override
    public String toString() {
        return "WarningRules[" + source.origin() + " " + source.version().substring(0, 12) + " rules="
                + ruleNames().size() + "]";
    }
}
