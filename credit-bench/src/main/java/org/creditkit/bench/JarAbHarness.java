package org.creditkit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One JMH benchmark class from two or more builds of {@code benchmarks.jar} (say main's and a branch's),
 * timed in one JVM by thread CPU time in interleaved blocks: for a machine shared with other work, where
 * JMH's wall-clock scores of two runs minutes apart measure the load as much as the code. Each variant
 * is loaded by its own class loader (so each is compiled on its own profile), its {@code @Param} int
 * fields are set as given, its {@code setup()} runs, then blocks of {@code calls} calls of each
 * variant's method alternate, so every variant sees the same load. Prints, per variant, the fastest
 * block, the 10th and 25th percentile and the median of CPU ns per call (reflective call included, a
 * few ns, the same for every variant), and the load average before and after.
 *
 * <pre>
 * java -cp credit-bench/target/benchmarks.jar -Dblocks=100 -Dcalls=10000 org.creditkit.bench.JarAbHarness \
 *     org.creditkit.bench.score.ScorecardBenchmark features=40 \
 *     /tmp/main.jar:logOdds /tmp/branch.jar:logOdds /tmp/main.jar:rawDotProduct
 * </pre>
 *
 * A harness, not a JMH benchmark: JMH's wall-clock figures stay the reference on an idle machine. This
 * session's tree and scorecard figures in docs/performance.md were taken with it.
 */
public final class JarAbHarness {

    private JarAbHarness() {
    }

    /**
     * Runs the blocks and prints the figures; system properties {@code blocks} (default 60) and
     * {@code calls} (default 2,000) set their number and length.
     *
     * @param args the benchmark class, its int parameters as {@code name=value,...} ({@code -} for none),
     *             then one {@code jar:method} per variant
     * @throws Exception when a jar, class, field or method named does not exist, or setup fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: JarAbHarness <benchmark class> <name=value,...|-> "
                    + "<jar:method> <jar:method>...; got " + args.length + " argument(s)");
        }
        int blocks = Integer.getInteger("blocks", 60);
        int calls = Integer.getInteger("calls", 2_000);
        List<Variant> variants = new ArrayList<>();
        for (int v = 2; v < args.length; v++) {
            variants.add(Variant.load(args[0], args[1], args[v]));
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int w = 0; w < 10; w++) { // warm-up: every variant compiled before the first timed block
            for (Variant v : variants) {
                sink += v.run(calls);
            }
        }
        double[][] ns = new double[variants.size()][blocks];
        for (int b = 0; b < blocks; b++) {
            for (int v = 0; v < variants.size(); v++) {
                long t0 = mx.getCurrentThreadCpuTime();
                sink += variants.get(v).run(calls);
                ns[v][b] = (mx.getCurrentThreadCpuTime() - t0) / (double) calls;
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (int v = 0; v < variants.size(); v++) {
            double[] s = ns[v].clone();
            Arrays.sort(s);
            System.out.printf(Locale.ROOT, "%-50s min %9.1f  p10 %9.1f  p25 %9.1f  median %9.1f ns%n",
                    variants.get(v).label, s[0], s[blocks / 10], s[blocks / 4], s[blocks / 2]);
        }
        System.out.printf(Locale.ROOT, "%d blocks x %d calls, load %.1f -> %.1f (%d)%n", blocks, calls, loadBefore,
                loadAfter, sink & 1);
    }

    /** One build's benchmark instance and method. */
    private static final class Variant {
        final String label;
        final Object bench;
        final Method method;

        private Variant(String label, Object bench, Method method) {
            this.label = label;
            this.bench = bench;
            this.method = method;
        }

        static Variant load(String className, String params, String spec) throws Exception {
            int colon = spec.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("variant '" + spec + "' must be jar:method");
            }
            Path jar = Path.of(spec.substring(0, colon));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("variant '" + spec + "': no file " + jar);
            }
            Class<?> c = loader(jar).loadClass(className);
            Object bench = c.getDeclaredConstructor().newInstance();
            for (String p : params.equals("-") ? new String[0] : params.split(",")) {
                String[] kv = p.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("parameter '" + p + "' must be name=value");
                }
                Field f = c.getDeclaredField(kv[0]);
                f.setAccessible(true);
                f.setInt(bench, Integer.parseInt(kv[1]));
            }
            c.getMethod("setup").invoke(bench);
            return new Variant(jar.getFileName() + ":" + spec.substring(colon + 1), bench,
                    c.getMethod(spec.substring(colon + 1)));
        }

        private static ClassLoader loader(Path jar) throws MalformedURLException {
            return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        }

        /** {@code calls} calls; how many returned null, so the results are used. */
        long run(int calls) throws IllegalAccessException, InvocationTargetException {
            long nulls = 0;
            for (int k = 0; k < calls; k++) {
                nulls += method.invoke(bench) == null ? 1 : 0;
            }
            return nulls;
        }
    }
}
