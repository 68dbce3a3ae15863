package org.creditkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credit score [--model BUNDLE] --in FILE [--out FILE]}: one JSON line of results per input
 * application. Exit 0 when every application was scored, 1 when some input lines were rejected (the
 * others are still scored; each problem goes to stderr with its line and JSON path), 2 when the model
 * bundle or the files cannot be used.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score applications (JSON Lines, or one .json document) with a model bundle; "
                + "writes one JSON line of results per application.")
public final class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "BUNDLE",
            description = "Model bundle JSON (default: the built-in expert bundle).")
    Path model;

    @Option(names = "--in", required = true, paramLabel = "FILE",
            description = "Applications: JSON Lines (bare or labeled), or a single .json document.")
    Path in;

    @Option(names = "--out", paramLabel = "FILE", description = "Results as JSON Lines (default: standard output).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ModelBundle bundle;
        try {
            bundle = ModelOptions.bundle(model);
        } catch (CreditModelException e) {
            err.println("model bundle " + (model == null ? "(default)" : model) + " rejected: " + e.getMessage());
            return 2;
        }
        CompositeScorer scorer = bundle.scorer();
        FeatureExtractor extractor = FeatureExtractor.standard();
        if (bundle.catalogue() != extractor.catalogue()) {
            err.println("model bundle " + bundle.id() + " uses catalogue " + bundle.catalogue().version()
                    + "; credit score extracts " + extractor.catalogue().version() + " from applications");
            return 2;
        }
        ObjectMapper json = new ObjectMapper();
        long[] scored = {0};
        BatchReport report;
        try (Writer w = out == null
                ? new OutputStreamWriter(new NonClosing(System.out), StandardCharsets.UTF_8)
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             BufferedWriter bw = new BufferedWriter(w)) {
            report = ModelOptions.read(in, la -> {
                var app = la.application();
                ScoreResult r = scorer.score(extractor.extract(app), app.enterprise().industry());
                try {
                    bw.write(json.writeValueAsString(ScoreJson.of(app, r)));
                    bw.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                scored[0]++;
            }, err);
        } catch (IOException | UncheckedIOException e) {
            err.println("cannot score " + in + ": " + e.getMessage());
            return 2;
        }
        err.println("scored " + scored[0] + " of " + report.lines() + " applications with " + bundle.id() + " "
                + bundle.version() + (report.bad() > 0 ? "; " + report.bad() + " rejected (see above)" : ""));
        err.flush();
        return report.bad() > 0 ? 1 : 0;
    }

    /** Keeps standard output open when the writer closes. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
