package org.creditkit.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;

/**
 * Progress of a long run on stderr, as one line rewritten in place, at most every 250 ms. Silent
 * unless enabled (stderr is a console, or {@code --progress}).
 */
final class Progress {

    private final PrintWriter err;
    private final boolean enabled;
    private final String what;
    private final long total;
    private long lastPrint;
    private boolean printed;

    Progress(PrintWriter err, boolean enabled, String what, long total) {
        this.err = err;
        this.enabled = enabled;
        this.what = what;
        this.total = total;
    }

    /**
     * Enabled when asked for, or in interactive use: the JVM has a console that is a terminal. (From
     * JDK 22 {@code System.console()} is non-null even when redirected; {@code Console.isTerminal()}
     * then tells, and is called reflectively because it does not exist on JDK 17.)
     */
    static boolean wanted(boolean flag) {
        if (flag) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true; // JDK 17..21: a console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    void update(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastPrint < 250_000_000L) {
            return;
        }
        lastPrint = now;
        printed = true;
        if (total > 0) {
            err.printf("\r%s %,d / %,d (%d%%)", what, done, total, done * 100 / total);
        } else {
            err.printf("\r%s %,d", what, done);
        }
        err.flush();
    }

    void done() {
        if (printed) {
            err.println();
            err.flush();
        }
    }
}
