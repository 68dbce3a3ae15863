package org.creditkit.core.input;

/**
 * Summary of a JSON Lines batch read: every line is either good (handed to the consumer) or bad
 * (handed to the bad-line consumer), so {@code lines == good + bad}.
 *
 * @param lines    lines read (a final line break does not start another line)
 * @param good     lines read into an application
 * @param bad      lines rejected, blank lines included
 * @param problems problems over all bad lines
 */
public record BatchReport(long lines, long good, long bad, long problems) {

    /** @throws IllegalArgumentException if the counts do not add up */
    public BatchReport {
        if (good < 0 || bad < 0 || lines != good + bad || problems < bad) {
            throw new IllegalArgumentException("inconsistent batch counts: lines " + lines + ", good " + good
                    + ", bad " + bad + ", problems " + problems);
        }
    }

    /** True when no line was rejected. */
    public boolean allGood() {
        return bad == 0;
    }

    /** {@code 120 lines: 118 good, 2 bad (5 problems)}. */
    @Override
    public String toString() {
        return lines + " lines: " + good + " good, " + bad + " bad (" + problems + " problems)";
    }
}
