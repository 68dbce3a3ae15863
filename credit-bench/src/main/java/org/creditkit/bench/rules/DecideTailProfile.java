package org.creditkit.bench.rules;

import com.sun.management.ThreadMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;
import org.creditkit.rules.Tier;

/**
 * Where the latency tail of {@link DecideLatencyHarness} comes from: the same batch (the same 1,024
 * applications, rotated) after a fixed warm-up (the harness's former one, 300,000 a thread by default, so
 * that the compiling the JIT still does shows), with each decision's wall time and its thread's CPU time
 * and a garbage-collection count taken around it. It then splits the decisions above the wall-time p99 into
 * those that were slow on the CPU too (the work of that application: an input the engine is slow on) and
 * those that waited (the thread was off its core: another thread, a collection, the host), and shows
 * whether the slow ones are particular applications or tiers.
 *
 * <pre>
 * java -cp credit-bench/target/benchmarks.jar org.creditkit.bench.rules.DecideTailProfile 2 100000
 * </pre>
 *
 * Reading the CPU clock costs about half a microsecond a call, twice per decision, so the figures are
 * slower than the harness's; the split, not the level, is the result.
 */
public final class DecideTailProfile {

    private DecideTailProfile() {
    }

    /**
     * Runs the profile.
     *
     * @param args threads (default 2), decisions per thread (default 100,000), warm-up decisions per thread
     *        (default 300,000)
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int threads = DecideLatencyHarness.arg(args, 0, "threads", 2, 1);
        int count = DecideLatencyHarness.arg(args, 1, "decisions per thread", 100_000, 1);
        int warmUp = DecideLatencyHarness.arg(args, 2, "warm-up decisions per thread", 300_000, 0);
        LoanApplication[] apps = DecideLatencyHarness.applications();
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        long[][] wall = new long[threads][count];
        long[][] cpu = new long[threads][count];
        boolean[][] gcDuring = new boolean[threads][count];
        Tier[] tiers = new Tier[apps.length];
        try (CreditEngine engine = CreditEngine.defaults()) {
            for (int i = 0; i < apps.length; i++) {
                tiers[i] = engine.decide(apps[i]).tier();
            }
            Thread[] workers = new Thread[threads];
            long[] jit = new long[3];
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads,
                    () -> jit[0] = compileMillis());
            for (int t = 0; t < threads; t++) {
                int me = t;
                workers[t] = new Thread(() -> {
                    long s = 0;
                    s += DecideLatencyHarness.decide(engine, apps, me, warmUp);
                    try {
                        start.await();
                    } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < count; i++) {
                        long gc0 = collections(gcs);
                        long c0 = mx.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        Decision d = engine.decide(apps[(i + me * 512) & 1023]);
                        long t1 = System.nanoTime();
                        long c1 = mx.getCurrentThreadCpuTime();
                        wall[me][i] = t1 - t0;
                        cpu[me][i] = c1 - c0;
                        gcDuring[me][i] = collections(gcs) != gc0;
                        s += d.approvedTermMonths();
                    }
                    if (s == 42) {
                        System.out.print("");
                    }
                }, "decide-" + t);
                workers[t].start();
            }
            for (Thread w : workers) {
                w.join();
            }
            jit[1] = compileMillis();
            System.out.printf(Locale.ROOT, "JIT compilation during the measured batch: %,d ms of compiler time%n",
                    jit[1] - jit[0]);
        }
        report(threads, count, wall, cpu, gcDuring, tiers);
    }

    private static long compileMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long collections(List<GarbageCollectorMXBean> gcs) {
        long n = 0;
        for (GarbageCollectorMXBean b : gcs) {
            n += b.getCollectionCount();
        }
        return n;
    }

    private static void report(int threads, int count, long[][] wall, long[][] cpu, boolean[][] gcDuring,
            Tier[] tiers) {
        int n = threads * count;
        long[] sortedWall = new long[n];
        long[] sortedCpu = new long[n];
        for (int t = 0; t < threads; t++) {
            System.arraycopy(wall[t], 0, sortedWall, t * count, count);
            System.arraycopy(cpu[t], 0, sortedCpu, t * count, count);
        }
        Arrays.sort(sortedWall);
        Arrays.sort(sortedCpu);
        long p99 = sortedWall[(int) (n * 0.99)];
        long cpuP50 = sortedCpu[n / 2];
        System.out.printf(Locale.ROOT, "%d thread(s) x %,d decisions: wall p50 %.1f us, p99 %.1f us, p99.9 %.1f us;"
                + " CPU p50 %.1f us, p99 %.1f us, p99.9 %.1f us%n", threads, count, sortedWall[n / 2] / 1e3,
                p99 / 1e3, sortedWall[(int) (n * 0.999)] / 1e3, cpuP50 / 1e3, sortedCpu[(int) (n * 0.99)] / 1e3,
                sortedCpu[(int) (n * 0.999)] / 1e3);
        // the decisions at or above the wall p99: slow on the CPU too, or waiting?
        int tail = 0;
        int cpuSlow = 0;
        int withGc = 0;
        long waitedSum = 0;
        int[] tailByApp = new int[1024];
        int[] allByApp = new int[1024];
        Map<Tier, int[]> byTier = new EnumMap<>(Tier.class);
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < count; i++) {
                int app = (i + t * 512) & 1023;
                allByApp[app]++;
                byTier.computeIfAbsent(tiers[app], k -> new int[2])[0]++;
                if (wall[t][i] < p99) {
                    continue;
                }
                tail++;
                tailByApp[app]++;
                byTier.get(tiers[app])[1]++;
                if (cpu[t][i] >= p99 / 2) {
                    cpuSlow++;
                }
                if (gcDuring[t][i]) {
                    withGc++;
                }
                waitedSum += Math.max(0, wall[t][i] - cpu[t][i]);
            }
        }
        System.out.printf(Locale.ROOT, "at or above the wall p99: %,d decisions; CPU time >= half the p99 in %,d"
                + " (%.0f%%); a collection during %,d (%.0f%%); mean wall minus CPU %.1f us%n", tail, cpuSlow,
                100.0 * cpuSlow / tail, withGc, 100.0 * withGc / tail, waitedSum / 1e3 / tail);
        for (Map.Entry<Tier, int[]> e : byTier.entrySet()) {
            System.out.printf(Locale.ROOT, "  tier %-10s %5.1f%% of decisions, %5.1f%% of the tail%n", e.getKey(),
                    100.0 * e.getValue()[0] / n, 100.0 * e.getValue()[1] / tail);
        }
        // do the slow decisions come in bursts (a phase of the run) or one by one (a property of the call)?
        int neighbours = 0;
        long[] gaps = new long[tail];
        int gi = 0;
        for (int t = 0; t < threads; t++) {
            int last = -1;
            for (int i = 0; i < count; i++) {
                if (wall[t][i] < p99) {
                    continue;
                }
                if ((i > 0 && wall[t][i - 1] >= p99) || (i + 1 < count && wall[t][i + 1] >= p99)) {
                    neighbours++;
                }
                if (last >= 0) {
                    gaps[gi++] = i - last;
                }
                last = i;
            }
        }
        long[] g = Arrays.copyOf(gaps, gi);
        Arrays.sort(g);
        int[] tenths = new int[10];
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < count; i++) {
                if (wall[t][i] >= p99) {
                    tenths[(int) ((long) i * 10 / count)]++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "tail decisions next to another tail decision: %.0f%%; gap between tail"
                + " decisions of a thread: p10 %d, median %d, p90 %d; tail per tenth of the run: %s%n",
                100.0 * neighbours / tail, g.length > 0 ? g[g.length / 10] : 0, g.length > 0 ? g[g.length / 2] : 0,
                g.length > 0 ? g[g.length * 9 / 10] : 0, Arrays.toString(tenths));
        // are particular applications slow? their share of the tail against the 1% expected of each
        Integer[] order = new Integer[1024];
        for (int a = 0; a < 1024; a++) {
            order[a] = a;
        }
        Arrays.sort(order, Comparator.comparingDouble(a -> -(double) tailByApp[a] / Math.max(1, allByApp[a])));
        List<String> top = new ArrayList<>();
        int appsWithTail = 0;
        for (int a = 0; a < 1024; a++) {
            if (tailByApp[a] > 0) {
                appsWithTail++;
            }
        }
        for (int k = 0; k < 8; k++) {
            int a = order[k];
            top.add(String.format(Locale.ROOT, "#%d %s %.1f%%", a, tiers[a], 100.0 * tailByApp[a] / allByApp[a]));
        }
        System.out.printf(Locale.ROOT, "applications with any decision in the tail: %d of 1,024; the most often"
                + " slow (share of their own decisions at or above p99): %s%n", appsWithTail, String.join(", ", top));
        // CPU-time tail by application: the inherently slow inputs
        double[] cpuMean = new double[1024];
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < count; i++) {
                cpuMean[(i + t * 512) & 1023] += cpu[t][i];
            }
        }
        for (int a = 0; a < 1024; a++) {
            cpuMean[a] /= Math.max(1, allByApp[a]);
        }
        Arrays.sort(order, Comparator.comparingDouble(a -> -cpuMean[a]));
        top.clear();
        for (int k = 0; k < 8; k++) {
            int a = order[k];
            top.add(String.format(Locale.ROOT, "#%d %s %.1f us", a, tiers[a], cpuMean[a] / 1e3));
        }
        double[] sortedMeans = cpuMean.clone();
        Arrays.sort(sortedMeans);
        System.out.printf(Locale.ROOT, "mean CPU time per application: median %.1f us, max %.1f us; the slowest: %s%n",
                sortedMeans[512] / 1e3, sortedMeans[1023] / 1e3, String.join(", ", top));
    }
}
