package org.creditkit.core.synth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.LabeledApplication;

/**
 * Deterministic generator of a synthetic Chinese SME loan portfolio with outcomes (the built-in
 * data of creditkit). The process — industry, region, size and ownership mixes, correlated source
 * data, the rarer states, and the ground-truth default model whose true PD is stored with every
 * record — is documented in {@code docs/synthetic-portfolio.md}.
 *
 * <pre>{@code
 * PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().count(1_000_000).seed(7).build());
 * try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
 *     gen.writeJsonLines(out);                       // both cores, same bytes as one core
 * }
 * LabeledApplication tenth = gen.generate(9);          // any record alone
 * }</pre>
 *
 * <p>Record {@code i} depends only on (seed, i, config): it draws from its own
 * {@link java.util.SplittableRandom} seeded from the pair, so generation in parallel chunks gives
 * byte-for-byte the same output as sequential generation, and the same seed gives the same file
 * on every run of the same JDK. Immutable and thread-safe.
 */
public final class PortfolioGenerator {

    /** Records per parallel chunk. */
    static final int CHUNK = 1024;

    private final GeneratorConfig config;
    private final RecordFactory factory;

    private PortfolioGenerator(GeneratorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.factory = new RecordFactory(config);
    }

    /** A generator of the given config. */
    public static PortfolioGenerator of(GeneratorConfig config) {
        return new PortfolioGenerator(config);
    }

    /** The config. */
    public GeneratorConfig config() {
        return config;
    }

    /**
     * Record {@code index} of the portfolio (its id is {@code SYN-} and the zero-padded index).
     *
     * @param index 0-based; may exceed {@link GeneratorConfig#count()} (the portfolio is a prefix of an
     *              endless sequence)
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public LabeledApplication generate(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index (" + index + ") must be >= 0");
        }
        return factory.create(index);
    }

    /**
     * All {@link GeneratorConfig#count()} records in order, generated on all available cores. Meant for
     * portfolios that fit in memory (a record is a few kilobytes); stream large ones with
     * {@link #writeJsonLines(OutputStream)}.
     *
     * @throws IllegalArgumentException if the count exceeds {@link Integer#MAX_VALUE} - 8
     */
    public List<LabeledApplication> generateAll() {
        if (config.count() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("count " + config.count() + " is too large for a list; use writeJsonLines");
        }
        int n = (int) config.count();
        LabeledApplication[] out = new LabeledApplication[n];
        runChunks(n, Runtime.getRuntime().availableProcessors(), (from, to) -> {
            for (long i = from; i < to; i++) {
                out[(int) i] = factory.create(i);
            }
            return null;
        }, chunk -> { }, done -> { });
        return Arrays.asList(out);
    }

    /**
     * Writes the portfolio as JSON Lines (one {@link ApplicationJson#write(LabeledApplication)} document
     * and {@code '\n'} per record, UTF-8) on all available cores. The stream is not closed.
     *
     * @throws UncheckedIOException if writing fails
     */
    public void writeJsonLines(OutputStream out) {
        writeJsonLines(out, Runtime.getRuntime().availableProcessors(), done -> { });
    }

    /**
     * Writes the portfolio as JSON Lines using {@code threads} worker threads; the bytes do not depend on
     * {@code threads}. Chunks of records are generated and serialised in parallel and written in order.
     *
     * @param out      destination (not closed)
     * @param threads  worker threads, &gt;= 1
     * @param progress told the number of records written so far after each chunk (on the calling thread)
     * @throws IllegalArgumentException if {@code threads} &lt; 1
     * @throws UncheckedIOException     if writing fails
     */
    public void writeJsonLines(OutputStream out, int threads, LongConsumer progress) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
        if (threads < 1) {
            throw new IllegalArgumentException("threads (" + threads + ") must be >= 1");
        }
        runChunks(config.count(), threads, (from, to) -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream((int) (to - from) * 3072);
            for (long i = from; i < to; i++) {
                ApplicationJson.writeTo(factory.create(i), buf);
                buf.write('\n');
            }
            return buf;
        }, buf -> {
            try {
                buf.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the portfolio", e);
            }
        }, progress);
    }

    @FunctionalInterface
    private interface ChunkTask<T> {
        T run(long from, long to) throws Exception;
    }

    @FunctionalInterface
    private interface ChunkSink<T> {
        void accept(T t);
    }

    /**
     * Runs {@code task} over chunks of {@code [0, count)} on {@code threads} threads, handing results to
     * {@code sink} in chunk order on the calling thread, with a bounded number of chunks in flight.
     */
    private static <T> void runChunks(long count, int threads, ChunkTask<T> task, ChunkSink<T> sink,
                                      LongConsumer progress) {
        if (threads == 1 || count <= CHUNK) {
            for (long from = 0; from < count; from += CHUNK) {
                long to = Math.min(count, from + CHUNK);
                try {
                    sink.accept(task.run(from, to));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("generating records " + from + ".." + (to - 1) + " failed", e);
                }
                progress.accept(to);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();
            List<Long> ends = new ArrayList<>();
            int maxInFlight = threads * 3;
            long next = 0;
            int head = 0;
            while (next < count || !inFlight.isEmpty()) {
                while (next < count && inFlight.size() < maxInFlight) {
                    long from = next;
                    long to = Math.min(count, from + CHUNK);
                    inFlight.add(pool.submit(() -> task.run(from, to)));
                    ends.add(to);
                    next = to;
                }
                T result = await(inFlight.poll());
                sink.accept(result);
                progress.accept(ends.get(head++));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the portfolio", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("generating the portfolio failed", c);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "creditkit-synth-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
