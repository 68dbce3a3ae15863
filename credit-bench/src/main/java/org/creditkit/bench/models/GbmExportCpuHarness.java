package org.creditkit.bench.models;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link GbmExportBenchmark}'s two sides timed by thread CPU time in alternating rounds, for a machine
 * shared with other work: wall-clock JMH scores there measure the other work as much as the code (a
 * descheduled thread's wall time counts, its CPU time does not), while both sides see the same load
 * when rounds alternate. Each round runs one side {@code calls} times over the benchmark's 1,024
 * rotated rows (after the benchmark's own parity check of every row to 1e-9); the first rounds warm up
 * and are dropped. Prints the median and the fastest round's CPU ns per row of each side, their ratio,
 * ns per tree of the exported ensemble and the load average before and after.
 *
 * <pre>
 * java -cp credit-bench/target/benchmarks.jar org.creditkit.bench.models.GbmExportCpuHarness [rounds] [warm-up rounds]
 * </pre>
 *
 * A harness, not a JMH benchmark: JMH's wall-clock figures stay the reference on an idle machine.
 */
public final class GbmExportCpuHarness {

    private static final int SMILE_CALLS = 4_000;
    private static final int CORE_CALLS = 40_000;

    private GbmExportCpuHarness() {
    }

    /**
     * Runs the rounds and prints the figures.
     *
     * @param args rounds measured (default 20), warm-up rounds (default 10)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        GbmExportBenchmark b = new GbmExportBenchmark();
        b.trees = 300;
        b.depth = 6;
        b.rows = 3000;
        b.setup();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] smile = new double[rounds];
        double[] core = new double[rounds];
        double sink = 0;
        for (int r = -warmup; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < SMILE_CALLS; k++) {
                sink += b.smilePredict();
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < CORE_CALLS; k++) {
                sink += b.exportedTreeEnsemble();
            }
            long t2 = mx.getCurrentThreadCpuTime();
            if (r >= 0) {
                smile[r] = (double) (t1 - t0) / SMILE_CALLS;
                core[r] = (double) (t2 - t1) / CORE_CALLS;
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Arrays.sort(smile);
        Arrays.sort(core);
        double ms = smile[rounds / 2];
        double mc = core[rounds / 2];
        System.out.printf(Locale.ROOT, "CPU ns per row, %d rounds: Smile median %.0f (fastest %.0f), exported median %.0f"
                + " (fastest %.0f, %.2f ns per tree); Smile / exported %.2fx (fastest rounds %.2fx); load %.1f -> %.1f"
                + " (checksum %.3f)%n", rounds, ms, smile[0], mc, core[0], mc / b.trees, ms / mc, smile[0] / core[0],
                loadBefore, loadAfter, sink);
    }
}
