package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The one progress display: throttled to a few updates a second, on a fake clock. */
class ProgressTest {

    private static final long MS = 1_000_000L;

    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text, true);
    /** The fake clock, in nanoseconds. */
    private long now;

    private Progress progress(boolean enabled, long total) {
        return new Progress(err, enabled, "lines", total, () -> now);
    }

    /** How many times the line was drawn. */
    private long draws() {
        return text.toString().chars().filter(c -> c == '\r').count();
    }

    @Test
    void update_tenThousandUnitsOverTenSeconds_drawsAtMostFourTimesASecond_andAlwaysTheLast() {
        Progress p = progress(true, 10_000);
        for (int i = 1; i <= 10_000; i++) {
            now += MS;   // one unit a millisecond: 10 s of work
            p.update(i);
        }
        p.done();
        assertThat(draws()).as("10 s at one draw per 250 ms, plus the final count").isBetween(40L, 42L);
        assertThat(text.toString()).endsWith("lines 10,000 / 10,000 (100%)" + System.lineSeparator())
                .contains("\rlines 1 / 10,000 (0%)");
    }

    @Test
    void update_unknownTotal_countsWithoutAPercentage_isThrottled_andEndsOnTheFinalCount() {
        Progress p = progress(true, 0);
        for (int i = 1; i <= 5_000; i++) {
            now += MS / 10;   // fast work: 0.5 s in all
            p.update(i);
        }
        assertThat(draws()).isBetween(2L, 3L);
        p.done();
        assertThat(text.toString()).as("the final count, held back by the throttle, is drawn at the end")
                .startsWith("\rlines 1\r").endsWith("\rlines 5,000" + System.lineSeparator()).doesNotContain("%");
    }

    @Test
    void step_newStageDrawsAtOnce_finishedStageEndsItsLine_betweenTheyAreThrottled() {
        Progress p = progress(true, 0);
        for (int i = 0; i <= 200; i++) {
            now += MS;
            p.step("fold 1", i, 200);
        }
        p.step("fold 2", 0, 200);
        String[] lines = text.toString().split(System.lineSeparator(), -1);
        assertThat(lines[0]).endsWith("fold 1           200/200 (100%)");
        assertThat(lines[1]).isEqualTo("\rfold 2           0/200 (0%)");
        assertThat(draws()).as("first, every 250 ms of 200 ms, the finish, the new stage").isBetween(2L, 4L);
    }

    @Test
    void disabled_drawsNothing() {
        Progress p = progress(false, 100);
        for (int i = 1; i <= 100; i++) {
            now += 300 * MS;
            p.update(i);
            p.step("stage", i, 100);
        }
        p.done();
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void wanted_followsTheFlagWhenGiven() {
        assertThat(Progress.wanted(true)).isTrue();
        assertThat(Progress.wanted(false)).isFalse();
    }
}
