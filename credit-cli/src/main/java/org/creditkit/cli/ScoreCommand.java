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
import java.util.Optional;
import java.util.concurrent.Callable;
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
 * application. Exit codes as {@link CreditCli}: 0 every application scored, 1 some input lines
 * rejected (the others are still scored; each problem goes to stderr with its line and JSON path),
 * 3 when the model bundle or the files cannot be used.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score applications (JSON Lines, or one .json document) with a model bundle; "
                + "writes one JSON line of results per application.")
final class ScoreCommand implements Callable<Integer> {

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

    @picocli.CommandLine.Mixin
    Progress.Options progress = new Progress.Options();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ModelOptions.Scoring> loaded = ModelOptions.scoring(model, err);
        if (loaded.isEmpty()) {
            return CreditCli.EXIT_USAGE;
        }
        ModelBundle bundle = loaded.get().bundle();
        FeatureExtractor extractor = loaded.get().extractor();
        CompositeScorer scorer = bundle.scorer();
        ObjectMapper json = new ObjectMapper();
        long[] scored = {0};
        BatchReport report;
        Progress bar = new Progress(err, progress.wanted(), "scored", 0);
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
                bar.update(++scored[0]);
            }, err);
        } catch (IOException | UncheckedIOException e) {
            bar.done();
            err.println("cannot score " + in + ": " + e.getMessage());
            return CreditCli.EXIT_USAGE;
        }
        bar.done();
        err.println("scored " + scored[0] + " of " + report.lines() + " applications with " + bundle.id() + " "
                + bundle.version() + (report.bad() > 0 ? "; " + report.bad() + " rejected (see above)" : ""));
        err.flush();
        return report.bad() > 0 ? CreditCli.EXIT_REJECTED : CreditCli.EXIT_OK;
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
