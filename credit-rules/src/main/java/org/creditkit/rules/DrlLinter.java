package org.creditkit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects rule files that reach outside the decision. DRL consequences are arbitrary Java and risk
 * teams edit them, so the process, threads, reflection, class loading, and file or network I/O are
 * refused, as are {@code function} blocks unless allowed. Comments and string literals are ignored
 * (a rule may be <em>named</em> "System check"); problems carry the exact line and column.
 */
final class DrlLinter {

    private static final String[][] FORBIDDEN = {
        {"\\bSystem\\b", "the JVM process (System)"},
        {"\\bRuntime\\b", "the JVM process (Runtime)"},
        {"\\bProcessBuilder\\b|\\bProcessHandle\\b", "starting processes"},
        {"\\bThread\\b|\\bThreadLocal\\b|\\bExecutors?\\b|\\bExecutorService\\b|\\bForkJoinPool\\b"
                + "|\\bCompletableFuture\\b|\\bTimer\\b|\\bsynchronized\\b|java\\s*\\.\\s*util\\s*\\.\\s*concurrent",
            "threads and concurrency"},
        {"java\\s*\\.\\s*lang\\s*\\.\\s*reflect|java\\s*\\.\\s*lang\\s*\\.\\s*invoke|\\bMethodHandles?\\b"
                + "|\\bgetClass\\s*\\(|\\bforName\\s*\\(|\\bgetDeclared\\w*\\s*\\(|\\bgetMethods?\\s*\\("
                + "|\\bgetFields?\\s*\\(|\\bsetAccessible\\s*\\(|\\bnewInstance\\s*\\(|\\bClassLoader\\b|\\bUnsafe\\b",
            "reflection and class loading"},
        {"java\\s*\\.\\s*io\\b|java\\s*\\.\\s*nio\\b|\\bFiles?\\b|\\bPaths?\\b|\\bFile(Input|Output)Stream\\b"
                + "|\\bFile(Reader|Writer)\\b|\\bRandomAccessFile\\b|\\bPrintStream\\b", "file I/O"},
        {"java\\s*\\.\\s*net\\b|java\\s*\\.\\s*net\\s*\\.\\s*http|\\b(Server)?Socket\\b|\\bURL\\b|\\bURI\\b"
                + "|\\bHttpClient\\b|\\bHttpURLConnection\\b|\\bInetAddress\\b|javax\\s*\\.\\s*naming",
            "network I/O"},
        {"javax\\s*\\.\\s*script|\\bScriptEngine\\w*\\b", "script engines"},
    };

    private static final List<Pattern> PATTERNS = new ArrayList<>();
    private static final Pattern FUNCTION = Pattern.compile("(?m)^[ \\t]*function\\b");

    static {
        for (String[] f : FORBIDDEN) {
            PATTERNS.add(Pattern.compile(f[0]));
        }
    }

    private DrlLinter() {
    }

    static List<RuleProblem> lint(String file, String text, LintOptions options) {
        String code = maskCommentsAndStrings(text);
        List<RuleProblem> out = new ArrayList<>();
        for (int i = 0; i < FORBIDDEN.length; i++) {
            Matcher m = PATTERNS.get(i).matcher(code);
            while (m.find()) {
                out.add(at(file, text, m.start(), "'" + text.substring(m.start(), m.end()).replaceAll("\\s+", "")
                        + "' is not allowed in rule files: " + FORBIDDEN[i][1]
                        + " reaches outside the decision; rules may only read their facts and write verdicts"));
            }
        }
        if (!options.allowFunctions()) {
            Matcher m = FUNCTION.matcher(code);
            while (m.find()) {
                int start = m.end() - "function".length();
                out.add(at(file, text, start, "'function' blocks are not allowed (arbitrary Java outside any rule);"
                        + " put the logic into the facts' methods or allow functions explicitly"));
            }
        }
        out.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return out;
    }

    private static RuleProblem at(String file, String text, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return RuleProblem.of(file, line, offset - lineStart + 1, message);
    }

    /** Replaces comments and string/char literals by spaces, keeping every offset and newline. */
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
                if (i < c.length) {
                    c[i++] = ' ';
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
}
