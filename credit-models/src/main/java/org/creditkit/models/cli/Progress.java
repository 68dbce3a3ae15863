package org.creditkit.models.cli;

import java.io.PrintWriter;

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

    /** Enabled when asked for, or when the JVM has a console (interactive use). */
    static boolean wanted(boolean flag) {
        return flag || System.console() != null;
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
