package org.creditkit.bench.rules;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;

/**
 * The batch harness of {@link CreditEngine#decide} on parsed applications: after a warm-up, each of
 * {@code threads} threads decides {@code count} applications (1,024 synthetic ones, rotated), timing
 * every call; prints decisions per second (wall, all threads), the latency percentiles p50, p99,
 * p99.9 and max, and the bytes allocated per decision (the deciding threads' allocation counters).
 *
 * <pre>
 * java -cp credit-bench/target/benchmarks.jar org.creditkit.bench.rules.DecideLatencyHarness 2 100000
 * </pre>
 *
 * A harness, not a JMH benchmark: the throughput over two threads and the latency tail of one batch are
 * the figures of issue 17's targets (at least 200,000 decisions/s on two threads, p99 below 30 µs).
 *
 * <p>The warm-up is at least {@code warm-up} decisions per thread and then goes on, in rounds of 100,000 per
 * thread (at most 30 rounds), until a round adds less than 20 ms of JIT compiler time: on two cores the
 * compiler thread otherwise still runs during the measured batch (0.75-1.07 s of compiler time after
 * 300,000 decisions a thread on 2026-12-02), taking a core from a deciding thread for milliseconds at a
 * time, which showed as a p99.9 of 2 ms and 0.8x of the steady throughput. The line printed gives the
 * warm-up made and the compiler time spent during the batch ({@code DecideTailProfile} splits the tail).
 */
public final class DecideLatencyHarness {

    private DecideLatencyHarness() {
    }

    /** The harness's 1,024 synthetic applications (seed 7), decided in rotation. */
    static LoanApplication[] applications() {
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(1024).seed(7L).build());
        LoanApplication[] apps = new LoanApplication[1024];
        for (int i = 0; i < apps.length; i++) {
            apps[i] = g.generate(i).application();
        }
        return apps;
    }

    /**
     * Argument {@code i}, a whole number of at least {@code least}, or {@code dflt} when not given.
     *
     * @throws IllegalArgumentException naming the argument, its value and what is valid
     */
    static int arg(String[] args, int i, String what, int dflt, int least) {
        if (args.length <= i) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(args[i].replace(",", "").replace("_", ""));
            if (v >= least) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("argument " + (i + 1) + " (" + what + ") is '" + args[i]
                + "'; valid: a whole number of at least " + least + " (default " + dflt + ")");
    }

    /**
     * Decides {@code n} of the applications in rotation, as thread {@code me} of the batch does (threads start
     * half the set apart), without timing them.
     *
     * @return a sum of the decisions' terms, for the caller to keep so that the work is not eliminated
     */
    static long decide(CreditEngine engine, LoanApplication[] apps, int me, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += engine.decide(apps[(i + me * 512) & 1023]).approvedTermMonths();
        }
        return s;
    }

    private static long compileMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /**
     * Runs the harness.
     *
     * @param args threads (default 2), decisions per thread (default 100,000), least warm-up decisions per
     *        thread (default 300,000; more are made until the JIT is quiet)
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int threads = arg(args, 0, "threads", 2, 1);
        int count = arg(args, 1, "decisions per thread", 100_000, 1);
        int warmUp = arg(args, 2, "warm-up decisions per thread", 300_000, 0);
        LoanApplication[] apps = applications();
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (CreditEngine engine = CreditEngine.defaults()) {
            long[][] nanos = new long[threads][count];
            AtomicLong allocated = new AtomicLong();
            AtomicLong sink = new AtomicLong();
            Thread[] workers = new Thread[threads];
            long[] window = new long[2];
            Object gate = new Object();
            int[] ready = {0};
            int[] warmedUp = {warmUp};
            long[] jit = new long[1];
            long[] lastCompile = new long[1];
            boolean[] quiet = new boolean[1];
            // the barrier's action reads the compiler time once per round for all threads, so all stop together
            java.util.concurrent.CyclicBarrier round = new java.util.concurrent.CyclicBarrier(threads, () -> {
                long now = compileMillis();
                quiet[0] = now - lastCompile[0] < 20;
                lastCompile[0] = now;
            });
            for (int t = 0; t < threads; t++) {
                int me = t;
                workers[t] = new Thread(() -> {
                    long s = 0;
                    s += decide(engine, apps, me, warmUp);
                    // further rounds until the JIT is quiet
                    try {
                        round.await();
                        for (int r = 0; r < 30; r++) {
                            s += decide(engine, apps, me, 100_000);
                            round.await();
                            if (me == 0) {
                                warmedUp[0] = warmUp + (r + 1) * 100_000;
                            }
                            if (quiet[0]) {
                                break;
                            }
                        }
                    } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    synchronized (gate) { // start the measured batch together
                        ready[0]++;
                        gate.notifyAll();
                        while (ready[0] < threads) {
                            try {
                                gate.wait();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                        if (window[0] == 0) {
                            window[0] = System.nanoTime();
                            jit[0] = compileMillis();
                        }
                    }
                    long a0 = mx.getCurrentThreadAllocatedBytes();
                    long[] mine = nanos[me];
                    for (int i = 0; i < count; i++) {
                        long t0 = System.nanoTime();
                        Decision d = engine.decide(apps[(i + me * 512) & 1023]);
                        mine[i] = System.nanoTime() - t0;
                        s += d.approvedTermMonths();
                    }
                    allocated.addAndGet(mx.getCurrentThreadAllocatedBytes() - a0);
                    sink.addAndGet(s);
                }, "decide-" + t);
                workers[t].start();
            }
            for (Thread w : workers) {
                w.join();
            }
            long wall = System.nanoTime() - window[0];
            long compiling = compileMillis() - jit[0];
            long[] all = new long[threads * count];
            for (int t = 0; t < threads; t++) {
                System.arraycopy(nanos[t], 0, all, t * count, count);
            }
            Arrays.sort(all);
            long n = all.length;
            System.out.printf(Locale.ROOT, "%d thread(s) x %,d decisions after %,d warm-up each (JIT compiling %,d ms"
                    + " during the batch): %,.0f decisions/s;"
                    + " latency p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f ms; %,.0f bytes allocated per decision"
                    + " (%d)%n", threads, count, warmedUp[0], compiling, n / (wall / 1e9), all[(int) (n * 0.50)] / 1e3,
                    all[(int) (n * 0.99)] / 1e3, all[(int) (n * 0.999)] / 1e3, all[all.length - 1] / 1e6,
                    allocated.get() / (double) n, sink.get() & 1);
        }
    }
}
