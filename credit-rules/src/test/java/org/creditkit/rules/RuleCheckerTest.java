package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per technique a rule file could use to reach outside the decision: each must be refused
 * by {@code rules check} at the line and column marked {@code @@} in the DRL, before anything is
 * compiled or run.
 */
class RuleCheckerTest {

    static final String HEADER = "package org.creditkit.rules.policy;\n\nimport org.creditkit.rules.*;\n\n";
    static final String PARAMS = RuleSetSource.defaultPolicy().files().get(PolicyParameters.FILE_NAME);
    static final String PRODUCTS = RuleSetSource.defaultPolicy().files().get(PolicyParameters.PRODUCTS_FILE_NAME);
    static final String MARK = "@@";

    /** A rule set whose one rule has the given consequence. */
    static String then(String consequence) {
        return HEADER + "rule \"r\"\nwhen\n    $c : Case( input.consent )\nthen\n    " + consequence + "\nend\n";
    }

    /** A rule set whose one rule has the given condition. */
    static String when(String condition) {
        return HEADER + "rule \"r\"\nwhen\n    " + condition + "\nthen\n    $c.note(\"r\", \"a\", \"b\");\nend\n";
    }

    static Stream<Arguments> bypasses() {
        return Stream.of(
                // the 14 bypasses of issue 10
                Arguments.of("System.exit through java.beans.Statement",
                        then("@@new java.beans.Statement(Runtime.getRuntime(), \"exit\", new Object[] {0}).execute();"),
                        "creating objects with 'new'"),
                Arguments.of("import of java.beans.Statement",
                        HEADER.replace("import org.creditkit.rules.*;", "@@import java.beans.Statement;") + "\n",
                        "import java.beans.Statement is not allowed"),
                Arguments.of("\\u0053ystem unicode escape", then("@@\\u0053ystem.exit(0);"), "the name 'System' is not allowed"),
                Arguments.of("process spawning via Runtime", then("@@Runtime.getRuntime().exec(\"touch /tmp/pwned\");"),
                        "the name 'Runtime' is not allowed"),
                Arguments.of("process spawning via ProcessBuilder",
                        then("@@new ProcessBuilder(\"touch\", \"/tmp/pwned\").start();"), "creating objects with 'new'"),
                Arguments.of("file write through Formatter",
                        then("@@new java.util.Formatter(\"/tmp/pwned\").format(\"%s\", $c).close();"), "'new'"),
                Arguments.of("file write through a logging FileHandler",
                        then("@@java.util.logging.Logger.getLogger(\"x\").addHandler(null);"),
                        "the name 'java' is not allowed"),
                Arguments.of("heap dump",
                        then("@@java.lang.management.ManagementFactory.getPlatformMBeanServer();"),
                        "fully qualified names are not allowed"),
                Arguments.of("environment copied into a decision",
                        then("$c.note(\"r\", @@System.getenv().toString(), \"b\");"), "the name 'System' is not allowed"),
                Arguments.of("system properties copied into a decision",
                        then("$c.note(\"r\", \"\" + @@System.getProperties(), \"b\");"), "the name 'System' is not allowed"),
                Arguments.of("class loading by name", then("@@Class.forName(\"com.evil.Payload\");"),
                        "the name 'Class' is not allowed"),
                Arguments.of("JVM-wide Locale", then("@@java.util.Locale.setDefault(null);"), "the name 'java'"),
                Arguments.of("JVM-wide Locale, imported",
                        HEADER + "@@import java.util.Locale;\n", "import java.util.Locale is not allowed"),
                Arguments.of("JVM-wide TimeZone", then("@@TimeZone.setDefault(null);"), "the name 'TimeZone' is not allowed"),
                Arguments.of("memory bomb: huge array", then("long[] a = @@new long[Integer.MAX_VALUE];"), "creating arrays"),
                Arguments.of("thrown Error", then("@@throw new Error(\"boom\");"), "'throw' is not allowed"),
                Arguments.of("while(true) in a consequence", then("@@while (true) { }"), "a loop ('while')"),
                // more techniques
                Arguments.of("for loop", then("@@for (int i = 0; i < 10; i++) { }"), "a loop ('for')"),
                Arguments.of("do-while loop", then("@@do { } while (true);"), "a loop ('do')"),
                Arguments.of("for-each loop", then("@@for (Reason r : $c.input().scoreReasons()) { }"), "a loop ('foreach')"),
                Arguments.of("getClass().getClassLoader()", then("$c.@@getClass().getClassLoader();"),
                        "'getClass' (0 argument(s)) is not an allowed method of Case"),
                Arguments.of("this.getClass() in a condition", when("$c : Case( this.@@getClass() != null )"),
                        "'getClass' (0 argument(s)) is not an allowed method of Case"),
                Arguments.of("class name built from strings",
                        then("@@Class.forName(\"java.lang.\" + \"Sys\" + \"tem\");"), "the name 'Class' is not allowed"),
                Arguments.of("lambda", then("Runnable r = @@() -> { };"), "a lambda is not allowed"),
                Arguments.of("lambda in a call", then("$c.note(\"r\", \"a\", String.valueOf((Runnable) @@() -> { }));"),
                        "a lambda is not allowed"),
                Arguments.of("anonymous class", then("Object o = @@new Object() { };"), "creating objects with 'new'"),
                Arguments.of("local class", then("@@class Evil { }"), "a local class"),
                Arguments.of("Thread", then("@@new Thread(() -> { }).start();"), "creating objects with 'new'"),
                Arguments.of("Thread.sleep", then("@@Thread.sleep(100000);"), "the name 'Thread' is not allowed"),
                Arguments.of("System.setProperty", then("@@System.setProperty(\"a\", \"b\");"), "the name 'System'"),
                Arguments.of("java.lang.System fully qualified", then("@@java.lang.System.exit(0);"), "the name 'java'"),
                Arguments.of("java.lang.reflect through getMethods", then("$c.input().@@getClass().getMethods();"),
                        "'getClass' (0 argument(s)) is not an allowed method of RuleInput"),
                Arguments.of("MethodHandles", then("@@MethodHandles.lookup();"), "the name 'MethodHandles'"),
                Arguments.of("ScriptEngineManager",
                        then("@@new javax.script.ScriptEngineManager().getEngineByName(\"js\").eval(\"1\");"), "'new'"),
                Arguments.of("ObjectInputStream", then("@@new java.io.ObjectInputStream(null).readObject();"), "'new'"),
                Arguments.of("JNDI lookup", then("@@new javax.naming.InitialContext().lookup(\"ldap://evil/x\");"), "'new'"),
                Arguments.of("static field write on a fact type", then("@@RuleInput.NO_PENALTY = 3;"),
                        "assignment"),
                Arguments.of("reassigning a local to double it",
                        then("String s = \"aa\";\n    @@s = s + s;"), "assignment"),
                Arguments.of("doubling through locals",
                        then("String a = \"x\" + \"x\"; String b = a + a; String c = b + b; String d = c + c;"
                                + " String e = d + d; String f = e + e; String g = f + f; String h = g + g;\n    "
                                + "String i = @@h + h;"), "combines 512 values"),
                Arguments.of("BigDecimal with a huge exponent",
                        then("$c.note(\"r\", BigDecimal.@@valueOf(1, -999999999).toPlainString(), \"b\");"),
                        "BigDecimal.valueOf(2 argument(s)) is not an allowed static method"),
                Arguments.of("BigDecimal.pow", then("$c.input().requestedAmount().@@pow(999999999);"),
                        "'pow' (1 argument(s)) is not an allowed method of BigDecimal"),
                Arguments.of("String.repeat", then("$c.note(\"r\", \"a\".@@repeat(Integer.MAX_VALUE), \"b\");"),
                        "'repeat' (1 argument(s)) is not an allowed method of String"),
                Arguments.of("String.format width", then("$c.note(\"r\", String.@@format(\"%999999999d\", 1), \"b\");"),
                        "String.format(2 argument(s)) is not an allowed static method"),
                Arguments.of("regular expression backtracking",
                        when("$c : Case( input.applicationId @@matches \"(a+)+b\" )"), "the operator 'matches' is not allowed"),
                Arguments.of("String.matches", then("$c.input().applicationId().@@matches(\"(a+)+b\");"),
                        "'matches' (1 argument(s)) is not an allowed method of String"),
                Arguments.of("drools.halt()", then("drools.@@halt();"), "'halt' (0 argument(s)) is not an allowed method"),
                Arguments.of("drools.getKieRuntime()", then("drools.@@getKieRuntime().getKieBase();"), "'getKieRuntime'"),
                Arguments.of("kcontext", then("@@kcontext.getKieRuntime();"), "the name 'kcontext' is not allowed"),
                Arguments.of("Math.random (non-deterministic)", then("double d = Math.@@random();"),
                        "Math.random(0 argument(s)) is not an allowed static method"),
                Arguments.of("LocalDate.now (non-deterministic)",
                        HEADER + "import java.time.LocalDate;\n\nrule \"r\"\nwhen\n    $c : Case( )\nthen\n"
                                + "    LocalDate d = LocalDate.@@now();\nend\n", "LocalDate.now(0 argument(s))"),
                Arguments.of("Verdicts behind the case", then("$c.@@verdicts();"), "'verdicts'"),
                Arguments.of("insert of another fact", then("@@insert($c.input());"), "'insert' is not allowed"),
                Arguments.of("delete of the case", then("@@delete($c);"), "'delete' is not allowed"),
                Arguments.of("modify of something that is not the case", then("modify($c.@@input()) { }"),
                        "modify is allowed only on a Case"),
                Arguments.of("modify with statements", then("@@modify($c) { setX(1) }"), "modify blocks must be empty"),
                Arguments.of("update of something that is not the case", then("update($c.@@input());"),
                        "update is allowed only on a Case"),
                Arguments.of("try/catch swallowing errors", then("@@try { } catch (Throwable t) { }"), "'try' is not allowed"),
                Arguments.of("synchronized", then("@@synchronized ($c) { }"), "'synchronized' is not allowed"),
                Arguments.of("switch", then("@@switch (1) { default: }"), "'switch' is not allowed"),
                Arguments.of("instanceof", then("boolean b = @@$c instanceof Object;"), "instanceof"),
                Arguments.of("class literal", then("Object o = @@String.class;"), "a class literal"),
                Arguments.of("array access", then("int x = @@$c.input().applicationId().toCharArray()[0];"), "array access"),
                Arguments.of("unknown function call", then("@@exec(\"rm -rf /\");"), "the call 'exec(...)' is not allowed"),
                Arguments.of("function block", HEADER + "@@function void evil() { System.exit(0); }\n",
                        "'function' blocks are not allowed"),
                Arguments.of("global", HEADER + "@@global java.util.List out;\n", "'global' is not allowed"),
                Arguments.of("declare", HEADER + "@@declare Evil\n  x : int\nend\n", "'declare' is not allowed"),
                Arguments.of("query", HEADER + "@@query \"q\"\n  Case( )\nend\n", "'query' is not allowed"),
                Arguments.of("import function", HEADER + "@@import function java.lang.System.exit;\n",
                        "'import function' is not allowed"),
                Arguments.of("static import", HEADER + "@@import static java.lang.System.exit;\n", "not allowed"),
                Arguments.of("rule unit", HEADER.replace("\n\nimport", "\n@@unit Evil;\n\nimport"), "'unit' is not allowed"),
                Arguments.of("entry point", when("@@$c : Case( ) from entry-point \"side\""), "is not allowed"),
                Arguments.of("collect", when("$c : Case( )\n    java.util.List( ) from @@collect( Case( ) )"), "is not allowed"),
                Arguments.of("exists over another type", when("$c : Case( )\n    exists( @@Reason( ) )"),
                        "the pattern type Reason is not allowed"),
                Arguments.of("Case method with a side effect in a condition",
                        when("$c : Case( )\n    eval( $c.@@verdicts() != null )"), "'verdicts'"),
                Arguments.of("Map.put on the parameters",
                        then("$c.params().gradeSpreads().@@put(\"AAA\", 0.0);"), "'put' (2 argument(s)) is not an allowed method of Map"),
                Arguments.of("from", when("@@$c : Case( ) from $c.input().scoreReasons()"), "'from' is not allowed"),
                Arguments.of("accumulate",
                        when("$c : Case( )\n    Number( ) from @@accumulate( Case( $p : input.pd ), sum( $p ) )"),
                        "is not allowed"),
                Arguments.of("pattern over another type", when("@@$r : RuleInput( pd > 0.5 )"),
                        "the pattern type RuleInput is not allowed"),
                Arguments.of("eval with disallowed code", when("$c : Case( )\n    eval( @@System.exit(0) == null )"),
                        "the name 'System' is not allowed"),
                Arguments.of("dialect mvel", HEADER + "rule \"r\" @@dialect \"mvel\"\nwhen\n    $c : Case( )\nthen\n"
                        + "    $c.note(\"r\", \"a\", \"b\");\nend\n", "dialect \"mvel\" is not allowed"),
                Arguments.of("package-level dialect mvel", HEADER + "@@dialect \"mvel\"\n", "dialect \"mvel\" is not allowed"),
                Arguments.of("timer attribute", HEADER + "rule \"r\" @@timer (int: 0 1s)\nwhen\n    $c : Case( )\nthen\n"
                        + "    $c.note(\"r\", \"a\", \"b\");\nend\n", "the attribute 'timer' is not allowed"),
                Arguments.of("salience expression", HEADER + "rule \"r\" @@salience ($c.input().requestedTermMonths())\n"
                        + "when\n    $c : Case( )\nthen\n    $c.note(\"r\", \"a\", \"b\");\nend\n",
                        "salience must be an integer literal"),
                Arguments.of("package inside creditkit",
                        "@@package org.creditkit.rules;\n\nimport org.creditkit.rules.*;\n", "package org.creditkit.rules is not allowed"),
                Arguments.of("escaped quote closing a string",
                        then("$c.note(\"r\", \"a\\u0022 + @@System.getenv() + \\u0022\", \"b\");"), "the name 'System'"),
                Arguments.of("escape spelling an escape", then("@@\\u005cu0053ystem.exit(0);"),
                        "a Unicode escape that spells another Unicode escape"),
                Arguments.of("escaped newline ending a comment",
                        then("// harmless \\u000a @@System.exit(0);"), "the name 'System' is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bypasses")
    void check_bypassTechnique_isRefusedAtItsLineAndColumn(String technique, String marked, String message) {
        int mark = marked.indexOf(MARK);
        assertThat(mark).as("test DRL needs a %s marker", MARK).isGreaterThanOrEqualTo(0);
        String drl = marked.substring(0, mark) + marked.substring(mark + MARK.length());
        String before = drl.substring(0, mark);
        int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
        int column = mark - before.lastIndexOf('\n');
        List<RuleProblem> problems = RuleSets.check(source(drl));
        assertThat(problems).as(technique).anySatisfy(p -> {
            assertThat(p.message()).contains(message);
            assertThat(p.file() + ":" + p.line() + ":" + p.column()).isEqualTo("a.drl:" + line + ":" + column);
        });
    }

    static RuleSetSource source(String drl) {
        return RuleSetSource.of("test", Map.of("a.drl", drl, PolicyParameters.FILE_NAME, PARAMS, PolicyParameters.PRODUCTS_FILE_NAME, PRODUCTS));
    }

    @Test
    void check_everyShippedRuleFile_passesTheAllowList() {
        RuleSetSource policy = RuleSetSource.defaultPolicy();
        for (Map.Entry<String, String> f : policy.files().entrySet()) {
            if (f.getKey().endsWith(".drl")) {
                assertThat(RuleSets.check(source(f.getValue()))).as(f.getKey()).isEmpty();
            }
        }
    }

    @Test
    void check_allowedConstructs_pass() {
        String drl = HEADER + "import java.math.BigDecimal;\nimport java.time.LocalDate;\nimport org.creditkit.core.codes.SizeClass;\n\n"
                + "rule \"allowed\" salience 10 no-loop\nwhen\n"
                + "    $c : Case( input.pd > 0.1 && input.pd < 0.9, input.sizeClass in (SizeClass.MICRO, SizeClass.SMALL),"
                + " $d : input.decisionDate )\n"
                + "    not Case( input.consent == false )\n"
                + "    eval( $d.isAfter(LocalDate.of(2020, 1, 1)) )\n"
                + "then\n"
                + "    BigDecimal half = $c.input().requestedAmount().divide(BigDecimal.valueOf(2));\n"
                + "    double rate = Math.max(0.01, $c.params().referenceRate() + $c.params().worstSpread());\n"
                + "    if ($c.input().scoreReasons().size() > 0 && rate < 1) {\n"
                + "        $c.note(drools.getRule().getName(), \"half \" + half.toPlainString() + \" \""
                + " + $c.input().scoreReasons().get(0).code(), \"\\u4e00\u534a\");\n"
                + "    } else {\n"
                + "        $c.tier(drools.getRule().getName(), Tier.MANUAL_REVIEW, \"a\", \"b\");\n"
                + "    }\n"
                + "    update($c);\n"
                + "end\n";
        assertThat(RuleSets.check(source(drl))).isEmpty();
    }

    @Test
    void check_emptyModifyBlock_theFormTheCheckerAsksFor_passes() {
        String drl = HEADER + "rule \"touch\"\nwhen\n    $c : Case( )\nthen\n    modify($c) {}\nend\n";
        assertThat(RuleSets.check(source(drl))).isEmpty();
        String setter = HEADER + "rule \"set\"\nwhen\n    $c : Case( )\nthen\n    modify($c) { setTier(null) }\nend\n";
        assertThat(RuleSets.check(source(setter))).singleElement().asString().contains("modify blocks must be empty");
    }

    @Test
    void check_ruleReadingIndicatorsConfidenceAndMissingSources_passes() {
        String drl = HEADER + "import org.creditkit.core.domain.DataSource;\n\n"
                + "rule \"indicators\"\nwhen\n"
                + "    $c : Case( !input.indicators.missing(\"tax_continuity_index\"),"
                + " input.indicators.value(\"tax_continuity_index\") < 0.5,"
                + " input.scoreConfidence < 0.6, input.missingSources contains DataSource.TAX )\n"
                + "then\n"
                + "    $c.note(drools.getRule().getName(), \"missing \" + $c.input().missingSources()"
                + " + \" \" + $c.input().indicators().value(\"current_days_overdue\"), \"b\");\n"
                + "end\n";
        assertThat(RuleSets.check(source(drl))).isEmpty();
    }

    @Test
    void check_indicatorsBeyondValueAndMissing_areRefused() {
        String factory = then("$c.note(\"r\", \"\" + Indicators.@@none(), \"b\");");
        String listing = then("$c.note(\"r\", \"\" + $c.input().indicators().@@present(), \"b\");");
        assertThat(RuleSets.check(source(factory.replace(MARK, ""))))
                .anySatisfy(p -> assertThat(p.message()).contains("none"));
        assertThat(RuleSets.check(source(listing.replace(MARK, ""))))
                .anySatisfy(p -> assertThat(p.message()).contains("'present' (0 argument(s)) is not an allowed method of Indicators"));
    }
}
