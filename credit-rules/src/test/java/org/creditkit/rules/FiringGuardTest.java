package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The time budget stops a decision that burns CPU, not one whose thread merely waited. */
class FiringGuardTest {

    private static final DecisionLimits TENTH_OF_A_SECOND = DecisionLimits.of(1_000, Duration.ofMillis(100));

    @BeforeEach
    void cpuTimeMeasured() {
        assumeTrue(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported());
    }

    private static Match match(String rule) {
        Rule r = (Rule) Proxy.newProxyInstance(Rule.class.getClassLoader(), new Class<?>[] {Rule.class},
                (p, m, a) -> m.getName().equals("getName") ? rule : null);
        return (Match) Proxy.newProxyInstance(Match.class.getClassLoader(), new Class<?>[] {Match.class},
                (p, m, a) -> m.getName().equals("getRule") ? r : null);
    }

    @Test
    void accept_wallClockPastTheBudgetWithoutCpuSpent_keepsFiring() {
        // as if the thread had been descheduled for 5 s since the decision started
        FiringGuard guard = new FiringGuard(TENTH_OF_A_SECOND, System.nanoTime() - 5_000_000_000L);

        assertThat(guard.accept(match("r1"))).isTrue();
        assertThat(guard.stopped()).isNull();
    }

    private static double burnCpu(long nanos) {
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        double x = 0;
        while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart < nanos) {
            x += Math.sqrt(x + 1);
        }
        return x;
    }

    @Test
    void accept_cpuSpentPastTheBudget_stopsNamingCpuAndElapsedTime() {
        FiringGuard guard = new FiringGuard(TENTH_OF_A_SECOND, System.nanoTime());
        double x = burnCpu(150_000_000L);

        assertThat(guard.accept(match("r2"))).as("burnt %s", x).isFalse();
        assertThat(guard.stopped()).contains("ms of CPU time (").contains("over the time budget of 100 ms")
                .contains("\"r2\" was next");
        assertThat(guard.accept(match("r3"))).isFalse();
    }

    @Test
    void accept_cpuSpentBeforeTheDecisionStarted_isNotCounted() throws InterruptedException {
        new FiringGuard(TENTH_OF_A_SECOND, System.nanoTime()); // the thread's CPU clock read here, or just before
        double x = burnCpu(150_000_000L);
        FiringGuard guard = new FiringGuard(TENTH_OF_A_SECOND, System.nanoTime());
        Thread.sleep(120); // past the budget in wall-clock time, with almost no CPU used since the start

        assertThat(guard.accept(match("r4"))).as("burnt %s", x).isTrue();
        assertThat(guard.stopped()).isNull();
    }

    @Test
    void accept_afterTheThreadIdled_stopsOnTheCpuSpentInTheDecision() throws InterruptedException {
        new FiringGuard(TENTH_OF_A_SECOND, System.nanoTime());
        Thread.sleep(200); // the thread's last CPU-clock reading is now older than the budget
        FiringGuard guard = new FiringGuard(TENTH_OF_A_SECOND, System.nanoTime());
        double x = burnCpu(150_000_000L);

        assertThat(guard.accept(match("r5"))).as("burnt %s", x).isFalse();
        assertThat(guard.stopped()).containsPattern("ran at least 1[0-9]{2} ms of CPU time \\(");
    }

    @Test
    void anchorNanos_isAMillisecondOrASixteenthOfASmallerBudget() {
        assertThat(FiringGuard.anchorNanos(1_000_000_000L)).isEqualTo(1_000_000L);
        assertThat(FiringGuard.anchorNanos(8_000_000L)).isEqualTo(500_000L);
    }
}
