package org.creditkit.bench;

import java.util.Locale;

/**
 * Runs an operation in {@code @Setup} until its cost per call stops falling, so that a benchmark whose
 * subject warms up slowly (Drools compiles constraints and rule consequences in the background after
 * they have run a number of times; the JIT then inlines them) is measured in its steady state even when
 * JMH is run with short warm-up iterations ({@code -wi 3 -w 1s}). Before this, {@code CreditEngineBenchmark}
 * reported 264 µs/op with {@code -wi 3 -w 1s} against 11 µs/op after about 20 s.
 */
public final class SteadyState {

    private SteadyState() {
    }

    /**
     * Calls {@code op} in batches until three consecutive batches are within 10% of each other (and at
     * least {@code minCalls} calls were made), or {@code maxSeconds} have passed.
     *
     * @param what       what is warmed up, for the message
     * @param op         one call of the operation; its result is consumed
     * @param batch      calls per batch
     * @param minCalls   calls at least
     * @param maxSeconds time at most
     * @return a one-line description: calls made, seconds, the last batch's ns per call
     */
    public static String reach(String what, java.util.function.Supplier<?> op, int batch, long minCalls, int maxSeconds) {
        long start = System.nanoTime();
        long calls = 0;
        double[] last = {Double.NaN, Double.NaN, Double.NaN};
        int k = 0;
        int sink = 0;
        while (true) {
            long t = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                sink += System.identityHashCode(op.get()) & 1;
            }
            double perCall = (double) (System.nanoTime() - t) / batch;
            last[k++ % 3] = perCall;
            calls += batch;
            double min = Math.min(last[0], Math.min(last[1], last[2]));
            double max = Math.max(last[0], Math.max(last[1], last[2]));
            boolean steady = k >= 3 && max <= 1.10 * min && calls >= minCalls;
            double seconds = (System.nanoTime() - start) / 1e9;
            if (steady || seconds > maxSeconds) {
                String line = String.format(Locale.ROOT, "%s: %s after %,d calls in %.1f s, %.0f ns/call (%d)",
                        what, steady ? "steady" : "NOT steady (time limit)", calls, seconds, perCall, sink & 1);
                System.err.println(line);
                return line;
            }
        }
    }
}
