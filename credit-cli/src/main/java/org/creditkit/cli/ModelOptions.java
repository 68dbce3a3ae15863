package org.creditkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.ObjLongConsumer;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.score.bundle.BundleLoader;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.sign.TrustStore;

/** Shared by the scoring commands: which bundle, and how applications are read. */
final class ModelOptions {

    private ModelOptions() {
    }

    /** A {@code .json} file holds one application document; anything else is JSON Lines. */
    static boolean isSingleDocument(Path in) {
        return in.getFileName().toString().endsWith(".json");
    }

    /**
     * Reads one application document (pretty-printed allowed) as a stream, refused once it passes the
     * reader's size limit before the rest is read; its problems go to {@code rejects}.
     *
     * @return 1 line, good or bad
     */
    static BatchReport readDocument(Path in, ObjLongConsumer<LabeledApplication> onGood, Rejects rejects)
            throws IOException {
        LabeledApplication a;
        try (InputStream s = Files.newInputStream(in)) {
            a = StrictApplicationReader.standard().readLabeled(s);
        } catch (CreditDataException e) {
            rejects.addDocument(new BadLine(1, e.problems()));
            return new BatchReport(1, 0, 1, e.problems().size());
        }
        onGood.accept(a, 1);
        return new BatchReport(1, 1, 0, 0);
    }

    /** The bundle at {@code path} (integrity checked, trust not), or the default expert bundle when absent. */
    static ModelBundle bundle(Path path) {
        return path == null ? ModelBundle.defaultBundle() : ModelBundle.read(path);
    }

    /** {@code model bundle FILE rejected: why}, naming the default bundle when no file was given. */
    static String rejected(Path model, CreditModelException e) {
        return "model bundle " + (model == null ? "(default)" : model) + " rejected: " + e.getMessage();
    }

    /**
     * The bundle at {@code path} accepted only when trusted (docs/bundles.md): signed by a key in
     * {@code trust}, or the built-in default when {@code path} is null, or any bundle not proven
     * tampered when {@code allowUnsigned}.
     *
     * @throws CreditModelException why the bundle is unusable or refused
     */
    static ModelBundle trustedBundle(Path path, TrustStore trust, boolean allowUnsigned) {
        ModelBundle b = bundle(path);
        BundleLoader.check(b, trust, allowUnsigned, path == null ? "default bundle" : path.toString());
        return b;
    }

    /**
     * Reads applications in constant memory: a {@code .json} file holds one application document
     * (refused once it passes the reader's size limit, before the rest is read), anything else is JSON
     * Lines (bare or labeled applications, one per line), parsed on a second thread while this one
     * processes the lines before ({@link ReadAhead}). Every good application goes to {@code onGood} with
     * its line number, every bad line to {@code rejects}, in file order on the calling thread; so does a
     * line whose application id is already on an earlier line ({@link BatchIds}), rejected at that line.
     *
     * @return the report; for a single document, 1 line good or bad
     */
    static BatchReport read(Path in, ObjLongConsumer<LabeledApplication> onGood, Rejects rejects) throws IOException {
        BatchIds ids = new BatchIds();
        return ids.adjust(readEvery(in, (la, line) -> {
            BadLine repeat = ids.repeat(la, line);
            if (repeat == null) {
                onGood.accept(la, line);
            } else {
                rejects.add(repeat);
            }
        }, rejects));
    }

    /**
     * As {@link #read}, but a line whose application id is already on an earlier line is handed to
     * {@code onGood} too, rather than rejected ({@link BatchIds}): for a reader looking for one id.
     */
    static BatchReport readEvery(Path in, ObjLongConsumer<LabeledApplication> onGood, Rejects rejects)
            throws IOException {
        if (isSingleDocument(in)) {
            return readDocument(in, onGood, rejects);
        }
        return ReadAhead.read(in, onGood, rejects::add);
    }

    /** A worker's result with the application it was computed for, checked for a repeated id in file order. */
    private record Worked<R>(LabeledApplication application, R result) {
    }

    /**
     * As {@link #read}, with the work on each good line done on {@code threads} threads
     * ({@link ReadAhead#map}) and its results handed to {@code onResult} in file order on the calling
     * thread. With one thread, or for a single document, this is {@link #read} with the work done on the
     * calling thread: the two give the same results in the same order.
     */
    static <R> BatchReport map(Path in, int threads, ReadAhead.Work<R> work, ObjLongConsumer<R> onResult,
                               Rejects rejects) throws IOException {
        if (threads <= 1 || isSingleDocument(in)) {
            return read(in, (la, line) -> onResult.accept(work.apply(la, line), line), rejects);
        }
        BatchIds ids = new BatchIds();
        return ids.adjust(ReadAhead.map(in, threads, (la, line) -> new Worked<>(la, work.apply(la, line)),
                (worked, line) -> {
                    BadLine repeat = ids.repeat(worked.application(), line);
                    if (repeat == null) {
                        onResult.accept(worked.result(), line);
                    } else {
                        rejects.add(repeat);
                    }
                }, rejects::add));
    }

    /** A good line that could not be processed (scored, decided): rejected with its line number. */
    static BadLine failed(long line, LabeledApplication a, String what, String why) {
        return new BadLine(line, List.of(Problem.of("$", what + ": " + why)),
                Optional.of(org.creditkit.core.input.ApplicationJson.write(a.application())));
    }
}
