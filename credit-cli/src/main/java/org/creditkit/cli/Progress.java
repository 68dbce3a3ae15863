package org.creditkit.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.LongSupplier;
import picocli.CommandLine.Option;

/**
 * The one progress display of the command line: a line on stderr rewritten in place, at most every
 * 250 ms (a few updates a second however fast the work goes), with a count and, when the total is
 * known, a percentage. It serves both the counting commands ({@link #update(long)}: lines validated,
 * applications scored or decided) and the training library's stages (as an
 * {@link org.creditkit.models.Progress}: binning, folds, boosting). Silent unless enabled: see
 * {@link Options}.
 */
final class Progress implements org.creditkit.models.Progress {

    private static final long INTERVAL_NANOS = 250_000_000L;

    /**
     * {@code --progress} / {@code --no-progress}: shown by default only when stderr is a terminal, so
     * redirected output and CI logs stay clean.
     */
    static final class Options {
        @Option(names = "--progress", negatable = true,
                description = "Progress on stderr (default: only when stderr is a terminal).")
        Boolean progress;

        /** Whether to show progress. */
        boolean wanted() {
            return Progress.wanted(progress);
        }
    }

    private final PrintWriter err;
    private final boolean enabled;
    private final String what;
    private final long total;
    private long lastPrint;
    private boolean printed;
    private String lastStage = "";
    /** The last count given to {@link #update} and the last one drawn. */
    private long latest;
    private long drawn;

    private final LongSupplier clock;

    Progress(PrintWriter err, boolean enabled, String what, long total) {
        this(err, enabled, what, total, System::nanoTime);
    }

    /** With a clock in nanoseconds (tests drive the throttle with a fake one). */
    Progress(PrintWriter err, boolean enabled, String what, long total, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.what = what;
        this.total = total;
        this.clock = clock;
    }

    /**
     * Enabled when asked for, off when refused, else in interactive use: the JVM has a console that
     * is a terminal. (From JDK 22 {@code System.console()} is non-null even when redirected;
     * {@code Console.isTerminal()} then tells, and is called reflectively because it does not exist
     * on JDK 17.)
     */
    static boolean wanted(Boolean flag) {
        if (flag != null) {
            return flag;
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

    /** {@code done} units of this display's work are complete (total given at construction, 0 = unknown). */
    void update(long done) {
        latest = done;
        if (!enabled || !due(total > 0 && done >= total)) {
            return;
        }
        draw(done);
    }

    private void draw(long done) {
        drawn = done;
        if (total > 0) {
            err.printf(Locale.ROOT, "\r%s %,d / %,d (%d%%)", what, done, total, done * 100 / total);
        } else {
            err.printf(Locale.ROOT, "\r%s %,d", what, done);
        }
        err.flush();
    }

    /** A training stage's progress; a completed stage ends its line. */
    @Override
    public void step(String stage, int done, int stageTotal) {
        boolean finished = done >= stageTotal;
        if (!enabled || !(due(finished) || !stage.equals(lastStage))) {
            return;
        }
        lastStage = stage;
        err.printf(Locale.ROOT, "\r%-16s %d/%d (%d%%)", stage, done, stageTotal,
                stageTotal <= 0 ? 100 : (long) done * 100 / stageTotal);
        if (finished) {
            err.println();
            printed = false;
        }
        err.flush();
    }

    private boolean due(boolean finished) {
        long now = clock.getAsLong();
        if (!finished && printed && now - lastPrint < INTERVAL_NANOS) {
            return false;
        }
        lastPrint = now;
        printed = true;
        return true;
    }

    /** Draws the final count if the throttle held it back (an unknown total never looks finished), and ends the line. */
    void done() {
        if (enabled && printed && drawn != latest) {
            draw(latest);
        }
        if (enabled && printed) {
            err.println();
            err.flush();
            printed = false;
        }
    }
}
