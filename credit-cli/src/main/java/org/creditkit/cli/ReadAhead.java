package org.creditkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.input.StrictApplicationReader;

/**
 * Reads a JSON Lines batch one step ahead of its processing: a second thread splits, decodes and
 * strictly parses the lines ({@link StrictApplicationReader#readBatch}) while the calling thread
 * processes the lines before them (scores, decides, writes). Lines are handed over in chunks of
 * {@value #CHUNK} through a queue of at most {@value #CHUNKS} chunks, so at most about
 * {@code (CHUNKS + 2) * CHUNK} parsed lines are held whatever the file's size, and each line reaches
 * exactly one of the consumers, in file order, on the calling thread — the contract of
 * {@code readBatch}, so the commands' consumers need no locking.
 *
 * <p>On two cores, parsing (about 10 µs a line) and deciding (about 12 µs) then overlap instead of
 * adding up. An exception of a consumer stops the reading thread; an exception of the reading (the file
 * cannot be read) is rethrown on the calling thread after the lines before it were processed.
 */
final class ReadAhead {

    /** Lines per hand-over. */
    static final int CHUNK = 256;
    /** Chunks the reading thread may be ahead. */
    static final int CHUNKS = 4;

    private ReadAhead() {
    }

    /** One line's outcome: a good application or a bad line. */
    private record Line(LabeledApplication good, BadLine bad) {
    }

    /** The end of the input, with the reader's counts. */
    private record End(BatchReport report) {
    }

    /** The end of the input of {@link #map}: the number of lines. */
    private record Split(long lines) {
    }

    /** The reading failed. */
    private record Failed(Throwable error) {
    }

    /** Thrown inside the reading thread when the calling thread has stopped taking lines. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /**
     * Reads {@code in} (UTF-8 JSON Lines) with the standard strict reader: every good line to
     * {@code onGood} with its 1-based line number, every bad line to {@code onBad}, in file order on the
     * calling thread.
     *
     * @return the reader's counts
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    static BatchReport read(Path in, ObjLongConsumer<LabeledApplication> onGood, Consumer<BadLine> onBad) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS);
        Thread reader = new Thread(() -> produce(in, queue), "credit-read-ahead");
        reader.setDaemon(true);
        reader.start();
        long line = 0;
        try {
            while (true) {
                Object next = take(queue);
                if (next instanceof Line[] chunk) {
                    for (Line l : chunk) {
                        if (l == null) {
                            break;
                        }
                        line++;
                        if (l.good() != null) {
                            onGood.accept(l.good(), line);
                        } else {
                            onBad.accept(l.bad());
                        }
                    }
                } else if (next instanceof End end) {
                    return end.report();
                } else {
                    throw rethrow(((Failed) next).error());
                }
            }
        } finally {
            reader.interrupt();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Work done on a worker thread for one good line. */
    @FunctionalInterface
    interface Work<R> {
        /**
         * Processes one application.
         *
         * @param good the application
         * @param line its 1-based line number
         * @return the result handed to the calling thread in file order
         */
        R apply(LabeledApplication good, long line);
    }

    /** A run of consecutive lines in flight: texts in, results out. */
    private static final class Chunk {
        final long first;
        final String[] texts = new String[CHUNK];
        final BadLine[] bad = new BadLine[CHUNK];
        final Object[] results = new Object[CHUNK];
        int n;
        Throwable error;
        private boolean done;

        Chunk(long first) {
            this.first = first;
        }

        synchronized void finish(Throwable e) {
            error = e;
            done = true;
            notifyAll();
        }

        synchronized void await() {
            while (!done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while deciding the batch", e);
                }
            }
        }
    }

    /**
     * Reads {@code in} (UTF-8 JSON Lines) as {@link #read} does, and also processes every good line on
     * {@code workers} threads: a reading thread splits the file into chunks of {@value #CHUNK} lines,
     * the workers parse a chunk's lines strictly and apply {@code work} to the good ones, and the
     * calling thread takes the chunks back in file order. So {@code onResult} (with the line number)
     * and {@code onBad} see every line exactly once, in file order, on the calling thread, as with
     * {@link #read}; only {@code work} runs elsewhere, and must be safe to run on several threads.
     * At most {@code 2 * workers + 2} chunks are in flight, whatever the file's size.
     *
     * @return the reader's counts
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    static <R> BatchReport map(Path in, int workers, Work<R> work, ObjLongConsumer<R> onResult, Consumer<BadLine> onBad) {
        BlockingQueue<Object> order = new ArrayBlockingQueue<>(2 * workers + 1);
        BlockingQueue<Chunk> todo = new LinkedBlockingQueue<>();
        StrictApplicationReader reader = StrictApplicationReader.standard();
        Chunk stop = new Chunk(0);
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> split(in, reader, order, todo, stop, workers), "credit-split"));
        for (int i = 0; i < workers; i++) {
            threads.add(new Thread(() -> work(reader, todo, stop, work), "credit-work-" + i));
        }
        for (Thread t : threads) {
            t.setDaemon(true);
            t.start();
        }
        long good = 0;
        long bad = 0;
        long problems = 0;
        try {
            while (true) {
                Object next = take(order);
                if (next instanceof Chunk chunk) {
                    chunk.await();
                    if (chunk.error != null) {
                        throw rethrow(chunk.error);
                    }
                    for (int i = 0; i < chunk.n; i++) {
                        if (chunk.bad[i] != null) {
                            bad++;
                            problems += chunk.bad[i].problems().size();
                            onBad.accept(chunk.bad[i]);
                        } else {
                            good++;
                            @SuppressWarnings("unchecked")
                            R r = (R) chunk.results[i];
                            onResult.accept(r, chunk.first + i);
                        }
                    }
                } else if (next instanceof Split end) {
                    return new BatchReport(end.lines(), good, bad, problems);
                } else {
                    throw rethrow(((Failed) next).error());
                }
            }
        } finally {
            for (Thread t : threads) {
                t.interrupt();
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void split(Path in, StrictApplicationReader reader, BlockingQueue<Object> order,
                              BlockingQueue<Chunk> todo, Chunk stop, int workers) {
        Chunk[] chunk = {new Chunk(1)};
        Runnable handOver = () -> {
            put(order, chunk[0]);
            todo.add(chunk[0]);
            chunk[0] = new Chunk(chunk[0].first + CHUNK);
        };
        Object last;
        try (InputStream stream = Files.newInputStream(in)) {
            long lines = reader.splitBatch(stream, (text, line) -> {
                chunk[0].texts[chunk[0].n++] = text;
                if (chunk[0].n == CHUNK) {
                    handOver.run();
                }
            }, badLine -> {
                chunk[0].bad[chunk[0].n++] = badLine;
                if (chunk[0].n == CHUNK) {
                    handOver.run();
                }
            });
            if (chunk[0].n > 0) {
                handOver.run();
            }
            last = new Split(lines);
        } catch (Stopped e) {
            return;
        } catch (IOException e) {
            last = new Failed(new java.io.UncheckedIOException("cannot read " + in, e));
        } catch (RuntimeException | Error e) {
            last = new Failed(e);
        } finally {
            for (int i = 0; i < workers; i++) {
                todo.add(stop);
            }
        }
        try {
            order.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <R> void work(StrictApplicationReader reader, BlockingQueue<Chunk> todo, Chunk stop, Work<R> work) {
        while (true) {
            Chunk chunk;
            try {
                chunk = todo.take();
            } catch (InterruptedException e) {
                return;
            }
            if (chunk == stop) {
                return;
            }
            try {
                for (int i = 0; i < chunk.n; i++) {
                    if (chunk.bad[i] == null) {
                        int at = i;
                        long line = chunk.first + i;
                        Optional<LabeledApplication> good = reader.readBatchLine(line, chunk.texts[i],
                                b -> chunk.bad[at] = b);
                        chunk.texts[i] = null;
                        if (good.isPresent()) {
                            chunk.results[i] = work.apply(good.get(), line);
                        }
                    }
                }
                chunk.finish(null);
            } catch (RuntimeException | Error e) {
                chunk.finish(e);
            }
        }
    }

    private static void produce(Path in, BlockingQueue<Object> queue) {
        Line[][] chunk = {new Line[CHUNK]};
        int[] n = {0};
        Consumer<Line> add = l -> {
            chunk[0][n[0]++] = l;
            if (n[0] == CHUNK) {
                put(queue, chunk[0]);
                chunk[0] = new Line[CHUNK];
                n[0] = 0;
            }
        };
        Object last;
        try {
            BatchReport report = StrictApplicationReader.standard().readBatch(in,
                    good -> add.accept(new Line(good, null)), bad -> add.accept(new Line(null, bad)));
            if (n[0] > 0) {
                put(queue, chunk[0]);
            }
            last = new End(report);
        } catch (Stopped e) {
            return;
        } catch (RuntimeException | Error e) {
            last = new Failed(e);
        }
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void put(BlockingQueue<Object> queue, Object o) {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the batch", e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
        throw new IllegalStateException(e);
    }
}
