package org.creditkit.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.MvelParser;
import org.drools.mvel.parser.ParseStart;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.DrlNameExpr;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.ModifyStatement;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The rule-file checker: an allow-list over the parsed rules. Drools' DRL parser gives the
 * structure (package, imports, globals, rules, patterns, consequences); Drools' Java parser
 * (drools-mvel-parser, a JavaParser fork that also reads DRL constraints and {@code modify}) gives
 * every constraint, {@code eval} and consequence as a syntax tree, after Java's Unicode-escape
 * translation. Every node kind, type, method and name is then checked against what is known to be
 * safe ({@link AllowList}); anything else is refused with its {@code file:line:column}.
 *
 * <p>Allowed: {@code package} (not a creditkit, JDK or Drools package), imports of allowed types,
 * rules with the attributes {@code salience} (an integer), {@code no-loop}, {@code lock-on-active},
 * {@code agenda-group}, {@code activation-group}, {@code auto-focus}, {@code enabled} (a literal)
 * and {@code dialect "java"}; patterns over {@code Case} joined with {@code and}, {@code or},
 * {@code not}, {@code exists}; {@code eval}; constraints with the operators {@code in},
 * {@code contains}, {@code memberOf}, {@code excludes}; consequences made of local declarations,
 * {@code if}/{@code else} and calls, plus {@code update($c)} and an empty {@code modify($c) {}}.
 * An expression may combine at most {@value #MAX_WEIGHT} values once local variables are
 * substituted, so doubling a string or number through locals cannot exhaust memory.
 */
final class RuleChecker {

    /** Most values one expression may combine after substituting locals (string and digit growth bound). */
    static final int MAX_WEIGHT = 256;

    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "auto-focus", "enabled", "dialect");
    private static final Set<String> OPERATORS = Set.of("in", "contains", "memberOf", "excludes");
    /** DRL operator names the parser must know to parse a constraint (the others are then refused). */
    private static final List<String> KNOWN_OPERATORS = List.of("contains", "excludes", "matches", "memberOf",
            "soundslike", "str", "after", "before", "coincides", "during", "finishedby", "finishes", "includes",
            "meets", "metby", "overlappedby", "overlaps", "startedby", "starts");
    private static final ParseStart<DrlxExpression> DRLX = DrlxParser.buildDrlxParserWithArguments(KNOWN_OPERATORS);
    private static final Set<String> FORBIDDEN_PACKAGES = Set.of("java", "javax", "jdk", "sun", "com.sun", "org.drools",
            "org.kie", "org.creditkit");

    /** The one fact type the file's patterns may match. */
    private final Class<?> fact;
    private final String file;
    private final String text;
    private final UnicodeEscapes escapes;
    private final List<RuleProblem> problems = new ArrayList<>();

    private RuleChecker(String file, String original, Class<?> fact) {
        this.fact = fact;
        this.file = file;
        this.escapes = UnicodeEscapes.translate(original);
        this.text = escapes.text();
        this.original = original;
    }

    private final String original;
    /** The rule being checked, while its conditions and consequence are walked. */
    private String rule;
    /** Per rule, the members of {@link RuleInput} (and of {@link Case} that read it) its expressions resolve. */
    private final Map<String, Set<String>> inputsUsed = new LinkedHashMap<>();

    /**
     * What checking one DRL file found.
     *
     * @param problems the problems, in file order
     * @param inputsUsed per rule name, the {@link RuleInput} members and the {@link Case} members its
     *     conditions and consequence read (resolved by type, so through bindings too), in first-use order
     */
    record Checked(List<RuleProblem> problems, Map<String, Set<String>> inputsUsed) {
    }

    /**
     * Checks one DRL file.
     *
     * @param file its name in the rule set
     * @param original its text as written
     * @param pkg the package Drools' parser read from the translated text
     * @return the problems, in file order, and the inputs each rule reads
     */
    static Checked check(String file, String original, PackageDescr pkg) {
        return check(file, original, pkg, AllowList.FACT);
    }

    /**
     * Checks one DRL file whose patterns match {@code fact} ({@link Case} or {@link WarningCase}).
     *
     * @param file its name in the rule set
     * @param original its text as written
     * @param pkg the package Drools' parser read from the translated text
     * @param fact the one fact type its patterns may match
     * @return the problems, in file order, and the inputs each rule reads
     */
    static Checked check(String file, String original, PackageDescr pkg, Class<?> fact) {
        if (!AllowList.FACTS.contains(fact)) {
            throw new IllegalArgumentException("not a fact type: " + fact);
        }
        RuleChecker c = new RuleChecker(file, original, fact);
        c.checkEscapes();
        c.checkPackage(pkg);
        c.problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        Map<String, Set<String>> used = new LinkedHashMap<>();
        c.inputsUsed.forEach((k, v) -> used.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        return new Checked(List.copyOf(c.problems), Collections.unmodifiableMap(used));
    }

    /** Records that the current rule reads {@code member} of {@code owner}, when that is the input or the case. */
    private void used(java.lang.reflect.Type owner, String member) {
        Class<?> raw = raw(owner);
        if (rule != null && (raw == RuleInput.class || raw == AllowList.FACT)) {
            inputsUsed.computeIfAbsent(rule, k -> new LinkedHashSet<>()).add(propertyName(member));
        }
    }

    /** {@code getInput}, {@code isReviewFlagged} and {@code input} all name the property {@code input} / {@code reviewFlagged}. */
    private static String propertyName(String member) {
        for (String prefix : List.of("get", "is")) {
            if (member.length() > prefix.length() && member.startsWith(prefix)
                    && Character.isUpperCase(member.charAt(prefix.length()))) {
                return Character.toLowerCase(member.charAt(prefix.length())) + member.substring(prefix.length() + 1);
            }
        }
        return member;
    }

    /** The text Drools should parse and compile: the original with Unicode escapes translated. */
    static String translated(String original) {
        return UnicodeEscapes.translate(original).text();
    }

    private void checkEscapes() {
        UnicodeEscapes again = UnicodeEscapes.translate(text);
        if (again.changed(text)) {
            int at = 0;
            while (at < text.length() && at < again.text().length() && text.charAt(at) == again.text().charAt(at)) {
                at++;
            }
            problem(at, "a Unicode escape that spells another Unicode escape; write the characters themselves"
                    + " (rule files are UTF-8)");
        }
    }

    // ---- structure -------------------------------------------------------------------------

    private void checkPackage(PackageDescr pkg) {
        String name = pkg.getName() == null ? "" : pkg.getName();
        for (String p : FORBIDDEN_PACKAGES) {
            if ((name.equals(p) || name.startsWith(p + ".")) && !name.equals("org.creditkit.rules.policy")) {
                problem(find("package", 0), "package " + name + " is not allowed: rules may live in"
                        + " org.creditkit.rules.policy or a package of your own, not inside creditkit, the JDK or Drools");
            }
        }
        for (ImportDescr i : pkg.getImports()) {
            if (!AllowList.importAllowed(i.getTarget())) {
                problem(i, "import " + i.getTarget() + " is not allowed; rule files may import org.creditkit.rules.*"
                        + " and these types: " + String.join(", ", allowedImports()));
            }
        }
        if (pkg.getUnit() != null) {
            BaseDescr u = pkg.getUnit();
            problem(u.getStartCharacter() < 0 ? -1 : text.lastIndexOf("unit", u.getStartCharacter() + 4), u,
                    "'unit' is not allowed: rules run in the engine's session over Case, not in a rule unit");
        }
        for (BaseDescr d : pkg.getFunctionImports()) {
            problem(d, "'import function' is not allowed: rules may call only the methods of the allow-list");
        }
        for (BaseDescr d : pkg.getAccumulateImports()) {
            problem(d, "'import accumulate' is not allowed: accumulate runs arbitrary code");
        }
        for (BaseDescr d : pkg.getGlobals()) {
            problem(d, "'global' is not allowed: a rule writes its verdicts into the Case ($c.tier(...), $c.note(...)),"
                    + " never into shared objects");
        }
        for (BaseDescr d : pkg.getFunctions()) {
            problem(d, "'function' blocks are not allowed (arbitrary Java outside any rule); put the logic into the"
                    + " rule's conditions or ask for a helper method on Case");
        }
        for (BaseDescr d : pkg.getTypeDeclarations()) {
            problem(d.getStartCharacter() < 0 ? -1 : text.lastIndexOf("declare", d.getStartCharacter()), d,
                    "'declare' is not allowed: the only fact is Case");
        }
        for (BaseDescr d : pkg.getEnumDeclarations()) {
            problem(d, "'declare enum' is not allowed: the only fact is Case");
        }
        for (BaseDescr d : pkg.getEntryPointDeclarations()) {
            problem(d, "entry-point declarations are not allowed: the only fact is Case");
        }
        for (BaseDescr d : pkg.getWindowDeclarations()) {
            problem(d, "'declare window' is not allowed: the only fact is Case");
        }
        for (AttributeDescr a : pkg.getAttributes()) {
            checkAttribute(a);
        }
        for (RuleDescr r : pkg.getRules()) {
            checkRule(r);
        }
    }

    private static List<String> allowedImports() {
        List<String> out = new ArrayList<>();
        for (Class<?> t : AllowList.types().values()) {
            if (!t.getPackageName().equals("java.lang") && !t.getPackageName().equals("org.creditkit.rules")) {
                out.add(t.getName());
            }
        }
        return out;
    }

    private void checkAttribute(AttributeDescr a) {
        String name = a.getName();
        // the parser places an attribute at its value; point at its keyword
        int at = a.getStartCharacter() < 0 ? -1 : text.lastIndexOf(name, a.getStartCharacter());
        String value = a.getValue() == null ? "" : a.getValue().strip();
        if (!ATTRIBUTES.contains(name)) {
            problem(at, a, "the attribute '" + name + "' is not allowed; allowed: " + String.join(", ", new java.util.TreeSet<>(ATTRIBUTES))
                    + (name.equals("timer") || name.equals("duration") || name.equals("calendars")
                            ? " (timers schedule work on other threads)" : ""));
        } else if (name.equals("salience") && !value.matches("-?\\d{1,9}")) {
            problem(at, a, "salience must be an integer literal, not the expression '" + value + "'");
        } else if (name.equals("enabled") && !value.equals("true") && !value.equals("false")) {
            problem(at, a, "enabled must be true or false, not the expression '" + value + "'");
        } else if (name.equals("dialect") && !value.equals("java")) {
            problem(at, a, "dialect \"" + value + "\" is not allowed; rules are written in the java dialect");
        }
    }

    private void checkRule(RuleDescr r) {
        rule = r.getName();
        if (r.isQuery()) {
            problem(r, "'query' is not allowed: a rule set decides, it is not queried");
            return;
        }
        for (AttributeDescr a : r.getAttributes().values()) {
            checkAttribute(a);
        }
        if (!r.getNamedConsequences().isEmpty()) {
            problem(r, "named consequences (then[name], do[name], break[name]) are not allowed; write one rule per consequence");
        }
        Map<String, java.lang.reflect.Type> bindings = new HashMap<>();
        checkElement(r.getLhs(), bindings);
        Object consequence = r.getConsequence();
        if (consequence instanceof String body && !body.isBlank()) {
            int start = text.indexOf(body, Math.max(0, r.getStartCharacter()));
            if (start < 0) {
                problem(r, "the consequence of rule \"" + r.getName() + "\" cannot be located for checking");
            } else {
                checkConsequence(r, body, start, bindings);
            }
        } else if (consequence != null && !(consequence instanceof String)) {
            problem(r, "the consequence of rule \"" + r.getName() + "\" cannot be checked");
        }
    }

    private void checkElement(BaseDescr d, Map<String, java.lang.reflect.Type> bindings) {
        if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr) {
            for (BaseDescr c : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                checkElement(c, bindings);
            }
        } else if (d instanceof PatternDescr p) {
            checkPattern(p, bindings);
        } else if (d instanceof EvalDescr e) {
            String content = String.valueOf(e.getContent());
            int start = text.indexOf(content, Math.max(0, e.getStartCharacter()));
            checkExpression(content, start < 0 ? e.getStartCharacter() : start, new Scope(bindings, null), e);
        } else {
            problem(d, describe(d) + " is not allowed; conditions may use patterns over Case joined with and, or, not,"
                    + " exists, and eval");
        }
    }

    private static String describe(BaseDescr d) {
        String n = d.getClass().getSimpleName().replace("Descr", "");
        return switch (n) {
            case "From" -> "'from'";
            case "Accumulate" -> "'accumulate'";
            case "Collect" -> "'collect'";
            case "Forall" -> "'forall'";
            case "EntryPoint" -> "'from entry-point'";
            case "WindowReference" -> "'from window'";
            case "ConditionalBranch" -> "'if ... do[...]' (conditional branches)";
            case "NamedConsequence" -> "'do[...]' (named consequences)";
            default -> "'" + n + "'";
        };
    }

    private void checkPattern(PatternDescr p, Map<String, java.lang.reflect.Type> bindings) {
        if (p.getSource() != null) {
            problem(p.getSource().getStartCharacter() >= 0 ? p.getSource() : p, describe(p.getSource())
                    + " is not allowed: a pattern matches the decision's Case fact, from nowhere else");
        }
        if (p.isQuery()) {
            problem(p, "query calls are not allowed");
        }
        if (p.getBehaviors() != null && !p.getBehaviors().isEmpty()) {
            problem(p, "sliding windows are not allowed");
        }
        if (!fact.getSimpleName().equals(p.getObjectType())) {
            problem(p, "the pattern type " + p.getObjectType() + " is not allowed: the only fact is "
                    + fact.getSimpleName());
            return;
        }
        Scope scope = new Scope(bindings, fact);
        for (BaseDescr c : p.getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                checkExpression(e.getExpression(), c.getStartCharacter(), scope, c);
            } else {
                problem(c, describe(c) + " constraints are not allowed");
            }
        }
        if (p.getIdentifier() != null) {
            bindings.put(p.getIdentifier(), fact);
        }
    }

    // ---- expressions and consequences -------------------------------------------------------

    /** Names visible to an expression: bindings, locals (with their weight), and the pattern's fact type. */
    private static final class Scope {
        final Map<String, java.lang.reflect.Type> bindings;
        final Class<?> pattern;
        final Map<String, java.lang.reflect.Type> locals = new HashMap<>();
        final Map<String, Integer> weights = new HashMap<>();

        Scope(Map<String, java.lang.reflect.Type> bindings, Class<?> pattern) {
            this.bindings = bindings;
            this.pattern = pattern;
        }
    }

    /**
     * Where a parsed snippet starts in the translated text. Drools' parser keeps each node's tokens
     * but not their positions, so a node is located by searching the snippet (comments and strings
     * blanked) for its name or first token, as a whole word.
     */
    private static final class Origin {
        private final int offset;
        private final String snippet;
        private final String masked;
        /** Exact offsets (within the snippet) of the nodes plain JavaParser could locate. */
        private final Map<Node, Integer> exact = new java.util.IdentityHashMap<>();

        Origin(int offset, String snippet, Node parsed, Node located, String locatedText, int locatedShift) {
            this.offset = offset;
            this.snippet = snippet;
            this.masked = maskCommentsAndStrings(snippet);
            if (located != null) {
                int[] lineStarts = lineStarts(locatedText);
                pair(parsed, located, lineStarts, locatedShift);
            }
        }

        private void pair(Node a, Node b, int[] lineStarts, int locatedShift) {
            b.getBegin().ifPresent(p -> {
                if (p.line >= 1 && p.line <= lineStarts.length) {
                    exact.put(a, lineStarts[p.line - 1] + p.column - 1 - locatedShift);
                }
            });
            List<Node> ca = a.getChildNodes();
            List<Node> cb = b.getChildNodes();
            if (ca.size() == cb.size()) {
                for (int i = 0; i < ca.size(); i++) {
                    if (ca.get(i).getClass().getSimpleName().endsWith(cb.get(i).getClass().getSimpleName())) {
                        pair(ca.get(i), cb.get(i), lineStarts, locatedShift);
                    }
                }
            }
        }

        private static int[] lineStarts(String s) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }

        int offsetOf(Node n) {
            Node named = n instanceof MethodCallExpr m ? m.getName() : n instanceof FieldAccessExpr f ? f.getName() : n;
            Integer known = exact.get(named);
            if (known == null) {
                known = exact.get(n);
            }
            if (known != null) {
                return offset + Math.max(0, known);
            }
            String anchor;
            if (n instanceof MethodCallExpr m) {
                anchor = m.getNameAsString();
            } else if (n instanceof FieldAccessExpr f) {
                anchor = f.getNameAsString();
            } else if (n instanceof NameExpr ne) {
                anchor = ne.getNameAsString();
            } else if (n instanceof VariableDeclarator v) {
                anchor = v.getNameAsString();
            } else if (n instanceof PointFreeExpr p) {
                anchor = p.getOperator().asString();
            } else if (n instanceof ModifyStatement) {
                anchor = "modify";
            } else if (n instanceof com.github.javaparser.ast.expr.LambdaExpr) {
                anchor = "->";
            } else {
                anchor = n.getTokenRange().map(r -> r.getBegin().getText()).orElse("");
            }
            if (anchor.isEmpty()) {
                return offset;
            }
            boolean word = Character.isJavaIdentifierStart(anchor.charAt(0));
            String in = anchor.startsWith("\"") || anchor.startsWith("'") ? snippet : masked;
            int at = in.indexOf(anchor);
            while (at >= 0 && word && (at > 0 && Character.isJavaIdentifierPart(in.charAt(at - 1))
                    || at + anchor.length() < in.length() && Character.isJavaIdentifierPart(in.charAt(at + anchor.length())))) {
                at = in.indexOf(anchor, at + 1);
            }
            return offset + Math.max(0, at);
        }
    }

    /** Replaces comments and string/char literals by spaces, keeping every offset. */
    static String maskCommentsAndStrings(String s) {
        char[] c = s.toCharArray();
        int i = 0;
        while (i < c.length) {
            if (c[i] == '/' && i + 1 < c.length && c[i + 1] == '/') {
                while (i < c.length && c[i] != '\n') {
                    c[i++] = ' ';
                }
            } else if (c[i] == '/' && i + 1 < c.length && c[i + 1] == '*') {
                while (i < c.length && !(c[i] == '*' && i + 1 < c.length && c[i + 1] == '/')) {
                    if (c[i] != '\n') {
                        c[i] = ' ';
                    }
                    i++;
                }
                for (int k = 0; k < 2 && i < c.length; k++) {
                    c[i++] = ' ';
                }
            } else if (c[i] == '"' || c[i] == '\'') {
                char q = c[i];
                c[i++] = ' ';
                while (i < c.length && c[i] != q && c[i] != '\n') {
                    if (c[i] == '\\' && i + 1 < c.length) {
                        c[i++] = ' ';
                    }
                    c[i++] = ' ';
                }
                if (i < c.length && c[i] == q) {
                    c[i++] = ' ';
                }
            } else {
                i++;
            }
        }
        return new String(c);
    }

    private Origin origin;

    /** The type of an expression already refused: nothing more is reported about what is built on it. */
    private static final class Refused {
        private Refused() {
        }
    }

    private static final com.github.javaparser.ParserConfiguration JAVA = new com.github.javaparser.ParserConfiguration()
            .setLanguageLevel(com.github.javaparser.ParserConfiguration.LanguageLevel.JAVA_17);

    /** The same text parsed by plain JavaParser, which keeps positions; null when it is not plain Java. */
    private static Node javaParse(String text, boolean block) {
        com.github.javaparser.JavaParser parser = new com.github.javaparser.JavaParser(JAVA);
        com.github.javaparser.ParseResult<? extends Node> r = block ? parser.parseBlock(text) : parser.parseExpression(text);
        return r.isSuccessful() ? r.getResult().orElse(null) : null;
    }

    private void checkExpression(String expression, int start, Scope scope, BaseDescr where) {
        DrlxExpression parsed;
        try {
            parsed = DrlxParser.parseExpression(DRLX, expression);
        } catch (RuntimeException e) {
            problem(where, "the condition '" + expression + "' cannot be checked (" + firstLine(e.getMessage()) + ")");
            return;
        }
        origin = new Origin(start, expression, parsed.getExpr(), javaParse(expression, false), expression, 0);
        if (parsed.getBind() != null) {
            java.lang.reflect.Type t = typeOf(parsed.getExpr(), scope);
            scope.bindings.put(parsed.getBind().asString(), t);
        } else {
            typeOf(parsed.getExpr(), scope);
        }
    }

    private void checkConsequence(RuleDescr r, String body, int start, Map<String, java.lang.reflect.Type> bindings) {
        BlockStmt block;
        try {
            block = MvelParser.parseBlock("{" + body + "\n}");
        } catch (RuntimeException e) {
            problem(start, "the consequence of rule \"" + r.getName() + "\" cannot be checked ("
                    + firstLine(e.getMessage()) + ")");
            return;
        }
        String wrapped = "{" + body + "\n}";
        origin = new Origin(start, body, block, javaParse(wrapped, true), wrapped, 1);
        Scope scope = new Scope(bindings, null);
        for (Statement s : block.getStatements()) {
            statement(s, scope);
        }
    }

    private void statement(Statement s, Scope scope) {
        if (s instanceof ExpressionStmt e) {
            Expression x = e.getExpression();
            if (x instanceof VariableDeclarationExpr v) {
                declare(v, scope);
            } else if (x instanceof MethodCallExpr m && m.getScope().isEmpty()) {
                engineCall(m, scope);
            } else {
                typeOf(x, scope);
            }
        } else if (s instanceof BlockStmt b) {
            for (Statement inner : b.getStatements()) {
                statement(inner, scope);
            }
        } else if (s instanceof IfStmt i) {
            typeOf(i.getCondition(), scope);
            statement(i.getThenStmt(), scope);
            i.getElseStmt().ifPresent(e -> statement(e, scope));
        } else if (s instanceof ModifyStatement m) {
            checkFactReference(m.getModifyObject(), scope, "modify");
            // the parser gives an empty block as one null expression
            if (m.getExpressions().stream().anyMatch(java.util.Objects::nonNull)) {
                refuse(m, "modify blocks must be empty (modify($c) {}): Case has no setters; write verdicts with"
                        + " $c.tier(...), $c.note(...)");
            }
        } else if (!(s instanceof EmptyStmt)) {
            refuse(s, statementName(s) + " is not allowed in a consequence; a consequence may declare locals, call"
                    + " allowed methods and use if/else");
        }
    }

    private static String statementName(Statement s) {
        String n = s.getClass().getSimpleName().replace("Stmt", "").replace("Statement", "");
        return switch (n) {
            case "For", "ForEach", "While", "Do" -> "a loop ('" + n.toLowerCase(java.util.Locale.ROOT) + "')";
            case "LocalClassDeclaration", "LocalRecordDeclaration" -> "a local class";
            default -> "'" + n.toLowerCase(java.util.Locale.ROOT) + "'";
        };
    }

    private void engineCall(MethodCallExpr m, Scope scope) {
        String name = m.getNameAsString();
        if (name.equals("update") && m.getArguments().size() == 1) {
            checkFactReference(m.getArgument(0), scope, "update");
        } else if (Set.of("insert", "insertLogical", "delete", "retract").contains(name)) {
            refuse(m, "'" + name + "' is not allowed: a decision has exactly one fact, the Case the engine inserts");
        } else {
            refuse(m, "the call '" + name + "(...)' is not allowed; call methods of the allowed types through a"
                    + " variable or type (e.g. $c.tier(...), Math.max(...))");
        }
    }

    private void checkFactReference(Expression e, Scope scope, String what) {
        if (!(e instanceof NameExpr n) || scope.bindings.get(n.getNameAsString()) != fact) {
            refuse(e, what + " is allowed only on a " + fact.getSimpleName() + " bound in the conditions (e.g. "
                    + what + "($c))");
        }
    }

    private void declare(VariableDeclarationExpr v, Scope scope) {
        for (VariableDeclarator d : v.getVariables()) {
            java.lang.reflect.Type declared = d.getType().isVarType() ? null : javaType(d.getType());
            if (d.getInitializer().isEmpty()) {
                refuse(d, "a local variable needs an initializer (locals are assigned once)");
                continue;
            }
            Expression init = d.getInitializer().get();
            java.lang.reflect.Type t = typeOf(init, scope);
            scope.locals.put(d.getNameAsString(), declared != null ? declared : t);
            scope.weights.put(d.getNameAsString(), weight(init, scope));
        }
    }

    private java.lang.reflect.Type javaType(Type t) {
        if (t instanceof PrimitiveType p) {
            return switch (p.getType()) {
                case BOOLEAN -> boolean.class;
                case CHAR -> char.class;
                case BYTE -> byte.class;
                case SHORT -> short.class;
                case INT -> int.class;
                case LONG -> long.class;
                case FLOAT -> float.class;
                case DOUBLE -> double.class;
            };
        }
        if (t instanceof ClassOrInterfaceType c && c.getScope().isEmpty() && c.getTypeArguments().isEmpty()) {
            Class<?> k = AllowList.type(c.getNameAsString());
            if (k != null) {
                return k;
            }
        }
        refuse(t, "the type " + t.asString() + " is not allowed; allowed types: " + String.join(", ", AllowList.types().keySet())
                + " and the primitives");
        return Refused.class;
    }

    /** Values combined by an expression once locals are substituted (see {@link #MAX_WEIGHT}). */
    private int weight(Node n, Scope scope) {
        if (n instanceof NameExpr name && scope.weights.containsKey(name.getNameAsString())) {
            return scope.weights.get(name.getNameAsString());
        }
        List<Node> children = n.getChildNodes();
        if (children.isEmpty()) {
            return 1;
        }
        long sum = 0;
        for (Node c : children) {
            sum += weight(c, scope);
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    /** The static type of a whole expression, refusing it when it combines too many values. */
    private java.lang.reflect.Type typeOf(Expression e, Scope scope) {
        int w = weight(e, scope);
        if (w > MAX_WEIGHT) {
            refuse(e, "the expression combines " + w + " values once local variables are substituted, more than "
                    + MAX_WEIGHT + "; values built by repeated doubling can exhaust memory");
            return Refused.class;
        }
        return type(e, scope);
    }

    private java.lang.reflect.Type type(Expression e, Scope scope) {
        if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
            return String.class;
        } else if (e instanceof IntegerLiteralExpr) {
            return int.class;
        } else if (e instanceof LongLiteralExpr) {
            return long.class;
        } else if (e instanceof DoubleLiteralExpr) {
            return double.class;
        } else if (e instanceof BooleanLiteralExpr) {
            return boolean.class;
        } else if (e instanceof CharLiteralExpr) {
            return char.class;
        } else if (e instanceof NullLiteralExpr) {
            return Object.class;
        } else if (e instanceof BigDecimalLiteralExpr) {
            return BigDecimal.class;
        } else if (e instanceof EnclosedExpr x) {
            return type(x.getInner(), scope);
        } else if (e instanceof NameExpr n) {
            return name(n, n.getNameAsString(), scope);
        } else if (e instanceof DrlNameExpr n) {
            return name(n, n.getNameAsString(), scope);
        } else if (e instanceof ThisExpr && scope.pattern != null) {
            return scope.pattern;
        } else if (e instanceof FieldAccessExpr f) {
            return field(f, scope);
        } else if (e instanceof MethodCallExpr m) {
            return call(m, scope);
        } else if (e instanceof UnaryExpr u) {
            if (u.getOperator().isPostfix() || u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                    || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT) {
                refuse(u, "'" + u.getOperator().asString() + "' is not allowed: locals are assigned once");
                return Refused.class;
            }
            return type(u.getExpression(), scope);
        } else if (e instanceof BinaryExpr b) {
            return binary(b.getOperator(), type(b.getLeft(), scope), type(b.getRight(), scope));
        } else if (e instanceof HalfBinaryExpr h) {
            type(h.getRight(), scope);
            return boolean.class;
        } else if (e instanceof ConditionalExpr c) {
            type(c.getCondition(), scope);
            java.lang.reflect.Type a = type(c.getThenExpr(), scope);
            java.lang.reflect.Type b = type(c.getElseExpr(), scope);
            return a.equals(b) ? a : Object.class;
        } else if (e instanceof CastExpr c) {
            type(c.getExpression(), scope);
            return javaType(c.getType());
        } else if (e instanceof PointFreeExpr p) {
            String op = p.getOperator().asString();
            if (!OPERATORS.contains(op)) {
                refuse(p, "the operator '" + op + "' is not allowed; allowed: " + String.join(", ", new java.util.TreeSet<>(OPERATORS))
                        + ("matches".equals(op) || "soundslike".equals(op) ? " (regular expressions can backtrack without bound)" : ""));
                return boolean.class;
            }
            type(p.getLeft(), scope);
            for (Expression r : p.getRight()) {
                type(r, scope);
            }
            return boolean.class;
        }
        refuse(e, nodeName(e) + " is not allowed in rules");
        return Refused.class;
    }

    private static String nodeName(Node n) {
        String s = n.getClass().getSimpleName();
        return switch (s) {
            case "ObjectCreationExpr" -> "creating objects with 'new'";
            case "ArrayCreationExpr", "ArrayInitializerExpr" -> "creating arrays";
            case "ArrayAccessExpr" -> "array access";
            case "LambdaExpr" -> "a lambda";
            case "MethodReferenceExpr" -> "a method reference";
            case "AssignExpr" -> "assignment (locals are assigned once, fields never)";
            case "ClassExpr" -> "a class literal";
            case "InstanceOfExpr" -> "instanceof";
            case "SwitchExpr" -> "a switch expression";
            case "SuperExpr" -> "'super'";
            case "ThisExpr" -> "'this' outside a pattern";
            case "OOPathExpr" -> "an OOPath";
            case "InlineCastExpr", "FullyQualifiedInlineCastExpr" -> "an inline cast (#Type)";
            case "NullSafeFieldAccessExpr", "NullSafeMethodCallExpr" -> "null-safe navigation (!.)";
            case "MapCreationLiteralExpression", "ListCreationLiteralExpression" -> "an MVEL collection literal";
            case "TemporalLiteralExpr" -> "a temporal literal";
            default -> "'" + s.replace("Expr", "").replace("Expression", "") + "'";
        };
    }

    private java.lang.reflect.Type name(Node at, String name, Scope scope) {
        if (scope.locals.containsKey(name)) {
            return scope.locals.get(name);
        }
        if (scope.bindings.containsKey(name)) {
            return scope.bindings.get(name);
        }
        if (scope.pattern != null && Character.isLowerCase(name.charAt(0))) {
            java.lang.reflect.Type p = property(scope.pattern, name);
            if (p != null) {
                used(scope.pattern, name);
                return p;
            }
        }
        if (scope.pattern == null && name.equals("drools")) {
            return RuleContext.class;
        }
        refuse(at, "the name '" + name + "' is not allowed: " + (AllowList.type(name) != null
                ? "types are used only through their constants and static methods"
                : "it is neither a bound variable, a local, a property of Case nor an allowed type"
                        + (Character.isLowerCase(name.charAt(0)) ? " (fully qualified names are not allowed)" : "")));
        return Refused.class;
    }

    /** The getter type of property {@code name} of an allowed type, or null. */
    private static java.lang.reflect.Type property(java.lang.reflect.Type owner, String name) {
        Class<?> raw = raw(owner);
        String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String m : List.of("get" + cap, "is" + cap, name)) {
            if (AllowList.instanceAllowed(raw, m, 0)) {
                try {
                    Method method = raw.getMethod(m);
                    return resolve(owner, method.getGenericReturnType());
                } catch (NoSuchMethodException e) {
                    // try the next accessor form
                }
            }
        }
        return null;
    }

    private java.lang.reflect.Type field(FieldAccessExpr f, Scope scope) {
        Expression s = f.getScope();
        String name = f.getNameAsString();
        Class<?> staticType = staticType(s, scope);
        if (staticType != null) {
            if (AllowList.constantAllowed(staticType, name)) {
                try {
                    return staticType.getField(name).getGenericType();
                } catch (NoSuchFieldException e) {
                    return Object.class;
                }
            }
            refuse(f, staticType.getSimpleName() + "." + name + " is not an allowed constant");
            return Refused.class;
        }
        java.lang.reflect.Type owner = type(s, scope);
        if (raw(owner) == Refused.class) {
            return Refused.class;
        }
        java.lang.reflect.Type p = property(owner, name);
        if (p == null) {
            refuse(f, "'" + name + "' is not an allowed property of " + raw(owner).getSimpleName());
            return Refused.class;
        }
        used(owner, name);
        return p;
    }

    /** The allowed type a scope expression names statically ({@code Math}, {@code Tier}), or null. */
    private static Class<?> staticType(Expression s, Scope scope) {
        String n = s instanceof NameExpr ne ? ne.getNameAsString() : s instanceof DrlNameExpr d ? d.getNameAsString() : null;
        if (n == null || scope.locals.containsKey(n) || scope.bindings.containsKey(n)
                || scope.pattern != null && Character.isLowerCase(n.charAt(0)) && property(scope.pattern, n) != null) {
            return null;
        }
        return AllowList.type(n);
    }

    private java.lang.reflect.Type call(MethodCallExpr m, Scope scope) {
        String name = m.getNameAsString();
        NodeList<Expression> args = m.getArguments();
        List<java.lang.reflect.Type> argTypes = new ArrayList<>();
        for (Expression a : args) {
            argTypes.add(type(a, scope));
        }
        if (m.getScope().isEmpty()) {
            if (scope.pattern != null && AllowList.instanceAllowed(scope.pattern, name, args.size())) {
                return returnType(scope.pattern, name, argTypes, false);
            }
            refuse(m, "the call '" + name + "(...)' is not allowed; call methods of the allowed types through a"
                    + " variable or type (e.g. $c.tier(...), Math.max(...))");
            return Refused.class;
        }
        Expression s = m.getScope().get();
        Class<?> staticType = staticType(s, scope);
        if (staticType != null) {
            if (!AllowList.staticAllowed(staticType, name, args.size())) {
                refuse(m, staticType.getSimpleName() + "." + name + "(" + args.size() + " argument(s)) is not an allowed"
                        + " static method");
                return Refused.class;
            }
            return returnType(staticType, name, argTypes, true);
        }
        java.lang.reflect.Type owner = type(s, scope);
        Class<?> raw = raw(owner);
        if (raw == Refused.class) {
            return Refused.class;
        }
        if (!AllowList.instanceAllowed(raw, name, args.size())) {
            refuse(m, "'" + name + "' (" + args.size() + " argument(s)) is not an allowed method of "
                    + raw.getSimpleName());
            return Refused.class;
        }
        used(owner, name);
        return returnType(owner, name, argTypes, false);
    }

    /** The return type of the overload of {@code name} whose parameters fit the argument types (or the only one). */
    private static java.lang.reflect.Type returnType(java.lang.reflect.Type owner, String name,
            List<java.lang.reflect.Type> args, boolean statics) {
        Class<?> raw = raw(owner);
        List<Method> candidates = new ArrayList<>();
        for (Method m : raw.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.size()
                    && java.lang.reflect.Modifier.isStatic(m.getModifiers()) == statics) {
                candidates.add(m);
            }
        }
        if (raw.isInterface()) {
            for (Method m : Object.class.getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == args.size()) {
                    candidates.add(m);
                }
            }
        }
        Method best = null;
        for (Method m : candidates) {
            if (fits(m, args) && (best == null || moreSpecific(m, best))) {
                best = m;
            }
        }
        if (best == null) {
            best = candidates.isEmpty() ? null : candidates.get(0);
        }
        return best == null ? Object.class : resolve(owner, best.getGenericReturnType());
    }

    private static boolean moreSpecific(Method a, Method b) {
        Class<?>[] pa = a.getParameterTypes();
        Class<?>[] pb = b.getParameterTypes();
        for (int i = 0; i < pa.length; i++) {
            if (!wraps(pb[i]).isAssignableFrom(wraps(pa[i])) && rank(pa[i]) >= rank(pb[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(Method m, List<java.lang.reflect.Type> args) {
        Class<?>[] ps = m.getParameterTypes();
        for (int i = 0; i < ps.length; i++) {
            Class<?> a = raw(args.get(i));
            Class<?> p = ps[i];
            if (a == Object.class) {
                continue;
            }
            if (rank(p) > 0 && rank(a) > 0) {
                if (rank(a) > rank(p)) {
                    return false;
                }
            } else if (!wraps(p).isAssignableFrom(wraps(a))) {
                return false;
            }
        }
        return true;
    }

    /** Numeric widening rank (0 when not numeric). */
    private static int rank(Class<?> c) {
        Class<?> p = unwraps(c);
        if (p == byte.class || p == short.class || p == char.class) {
            return 1;
        }
        return p == int.class ? 2 : p == long.class ? 3 : p == float.class ? 4 : p == double.class ? 5 : 0;
    }

    private static Class<?> wraps(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == double.class ? Double.class
                : c == boolean.class ? Boolean.class : c == char.class ? Character.class : c == float.class ? Float.class
                : c == short.class ? Short.class : c == byte.class ? Byte.class : Void.class;
    }

    private static Class<?> unwraps(Class<?> c) {
        return c == Integer.class ? int.class : c == Long.class ? long.class : c == Double.class ? double.class
                : c == Float.class ? float.class : c == Short.class ? short.class : c == Byte.class ? byte.class
                : c == Character.class ? char.class : c;
    }

    private static java.lang.reflect.Type binary(BinaryExpr.Operator op, java.lang.reflect.Type l, java.lang.reflect.Type r) {
        Class<?> a = raw(l);
        Class<?> b = raw(r);
        switch (op) {
            case OR, AND, EQUALS, NOT_EQUALS, LESS, GREATER, LESS_EQUALS, GREATER_EQUALS:
                return boolean.class;
            case PLUS:
                if (a == String.class || b == String.class) {
                    return String.class;
                }
                break;
            default:
                break;
        }
        if (a == BigDecimal.class || b == BigDecimal.class) {
            return BigDecimal.class;
        }
        if (unwraps(a) == boolean.class && unwraps(b) == boolean.class) {
            return boolean.class;
        }
        int rank = Math.max(Math.max(rank(a), rank(b)), 2);
        return rank == 2 ? int.class : rank == 3 ? long.class : rank == 4 ? float.class
                : rank == 5 ? double.class : Object.class;
    }

    private static Class<?> raw(java.lang.reflect.Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    /** Substitutes the receiver's type arguments into a generic return type ({@code Map<String, Double>.get} is Double). */
    private static java.lang.reflect.Type resolve(java.lang.reflect.Type owner, java.lang.reflect.Type t) {
        if (t instanceof TypeVariable<?> v && owner instanceof ParameterizedType p) {
            java.lang.reflect.Type found = lookup(p, v);
            return found != null ? found : Object.class;
        }
        if (t instanceof TypeVariable<?>) {
            return Object.class;
        }
        return t;
    }

    private static java.lang.reflect.Type lookup(ParameterizedType p, TypeVariable<?> v) {
        Class<?> raw = (Class<?>) p.getRawType();
        TypeVariable<?>[] vars = raw.getTypeParameters();
        for (int i = 0; i < vars.length; i++) {
            if (vars[i].equals(v)) {
                return p.getActualTypeArguments()[i];
            }
        }
        for (java.lang.reflect.Type sup : raw.getGenericInterfaces()) {
            if (sup instanceof ParameterizedType sp) {
                java.lang.reflect.Type found = lookup(sp, v);
                if (found instanceof TypeVariable<?> tv) {
                    return lookup(p, tv);
                }
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    // ---- locations ----------------------------------------------------------------------------

    private void refuse(Node n, String message) {
        problem(origin.offsetOf(n), message);
    }

    private void problem(int at, BaseDescr d, String message) {
        if (at >= 0) {
            problem(at, message);
        } else {
            problem(d, message);
        }
    }

    private void problem(BaseDescr d, String message) {
        int at = d.getStartCharacter();
        if (at < 0) {
            at = lineStart(d.getLine()) + Math.max(0, d.getColumn());
        }
        problem(at, message);
    }

    private int lineStart(int line) {
        int at = 0;
        for (int l = 1; l < line && at >= 0; l++) {
            at = text.indexOf('\n', at) + 1;
            if (at == 0) {
                return 0;
            }
        }
        return at;
    }

    private int find(String word, int from) {
        int at = text.indexOf(word, from);
        return Math.max(0, at);
    }

    private void problem(int translatedOffset, String message) {
        int offset = escapes.originalOffset(translatedOffset);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        RuleProblem p = RuleProblem.of(file, line, offset - lineStart + 1, message);
        if (!problems.contains(p)) {
            problems.add(p);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unparsable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
