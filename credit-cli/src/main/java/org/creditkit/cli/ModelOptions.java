package org.creditkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.score.bundle.ModelBundle;

/** Shared by the scoring commands: which bundle, and how applications are read. */
final class ModelOptions {

    private ModelOptions() {
    }

    /** A {@code .json} file holds one application document; anything else is JSON Lines. */
    static boolean isSingleDocument(Path in) {
        return in.getFileName().toString().endsWith(".json");
    }

    /**
     * Reads one application document (pretty-printed allowed); its problems go to {@code err}.
     *
     * @return 1 line, good or bad
     */
    static BatchReport readDocument(Path in, Consumer<LabeledApplication> onGood, PrintWriter err)
            throws java.io.IOException {
        String text = java.nio.file.Files.readString(in);
        try {
            onGood.accept(StrictApplicationReader.standard().readLabeled(text));
            return new BatchReport(1, 1, 0, 0);
        } catch (org.creditkit.core.CreditDataException e) {
            e.problems().forEach(p -> err.println(in + ": " + p));
            return new BatchReport(1, 0, 1, e.problems().size());
        }
    }

    /** The bundle at {@code path}, or the default expert bundle when absent. */
    static ModelBundle bundle(Path path) {
        return path == null ? ModelBundle.defaultBundle() : ModelBundle.read(path);
    }

    /**
     * A bundle and the standard extractor it was checked against.
     *
     * @param bundle the bundle
     * @param extractor the standard feature extractor, compatible with the bundle's catalogue
     */
    record Scoring(ModelBundle bundle, FeatureExtractor extractor) {
    }

    /**
     * The bundle of {@code --model} (or the default) with a compatible extractor; a bundle that cannot
     * be read or does not fit the standard features is reported on {@code err} as
     * {@link #rejected} says, and gives empty (the command exits {@link CreditCli#EXIT_USAGE}).
     */
    static Optional<Scoring> scoring(Path model, PrintWriter err) {
        try {
            ModelBundle bundle = bundle(model);
            return Optional.of(new Scoring(bundle, bundle.requireCompatible(FeatureExtractor.standard())));
        } catch (CreditModelException e) {
            err.println(rejected(model, e));
            err.flush();
            return Optional.empty();
        }
    }

    /** {@code model bundle FILE rejected: why}, naming the default bundle when no file was given. */
    static String rejected(Path model, CreditModelException e) {
        return "model bundle " + (model == null ? "(default)" : model) + " rejected: " + e.getMessage();
    }

    /**
     * Reads applications: a {@code .json} file holds one application document, anything else is
     * JSON Lines (bare or labeled applications, one per line). Bad lines go to {@code err} with their
     * line number and every problem.
     *
     * @return the report; for a single document, 1 line good or bad
     */
    static BatchReport read(Path in, Consumer<LabeledApplication> onGood, PrintWriter err) throws java.io.IOException {
        if (isSingleDocument(in)) {
            return readDocument(in, onGood, err);
        }
        StrictApplicationReader reader = StrictApplicationReader.standard();
        List<BadLine> bad = new ArrayList<>();
        BatchReport report = reader.readBatch(in, onGood, b -> {
            bad.add(b);
            err.println(in + " " + b);
        });
        return report;
    }
}
