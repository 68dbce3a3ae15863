package org.creditkit.models;

/**
 * Reports the progress of a long step (binning, fitting, cross-validation). Training code calls
 * {@link #step(String, int, int)}; whether anything is shown is the caller's choice: library use
 * and tests pass {@link #none()}; the command line passes its throttled display (a few updates a
 * second, quiet unless stderr is a terminal or {@code --progress} is given).
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
}
