package org.creditkit.models;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Reports the progress of a long step (binning, fitting, cross-validation). Training code calls
 * {@link #step(String, int, int)}; whether anything is shown is the caller's choice: library use
 * and tests pass {@link #none()}, the command line passes {@link #bar(PrintStream)} when asked to.
 */
@FunctionalInterface
public interface Progress {

    /**
     * Reports that {@code done} of {@code total} units of the named stage are complete.
     *
     * @param stage short name of the stage, e.g. {@code "binning"}
     * @param done units completed, {@code 0 <= done <= total}
     * @param total units in the stage, positive
     */
    void step(String stage, int done, int total);

    /**
     * Returns a reporter that shows nothing.
     *
     * @return the silent reporter
     */
    static Progress none() {
        return (stage, done, total) -> { };
    }

    /**
     * Returns a reporter that draws a one-line carriage-return bar, e.g.
     * {@code binning   [##########----------]  10/20}, finishing the line when a stage completes.
     *
     * @param out where to draw, normally {@code System.err}
     * @return the drawing reporter
     */
    static Progress bar(PrintStream out) {
        return (stage, done, total) -> {
            int width = 30;
            int filled = total <= 0 ? width : (int) ((long) width * done / total);
            StringBuilder line = new StringBuilder("\r");
            line.append(String.format(Locale.ROOT, "%-16s[", stage));
            for (int i = 0; i < width; i++) {
                line.append(i < filled ? '#' : '-');
            }
            line.append(String.format(Locale.ROOT, "] %d/%d", done, total));
            if (done >= total) {
                line.append(System.lineSeparator());
            }
            out.print(line);
            out.flush();
        };
    }
}
