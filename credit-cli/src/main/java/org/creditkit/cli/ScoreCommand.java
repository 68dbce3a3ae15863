package org.creditkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.creditkit.core.CreditException;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credit score [--model BUNDLE --trust KEY] --in FILE [--out FILE] [--rejects FILE]}: one
 * JSON line of results per input application, in constant memory whatever the mix of good and bad
 * lines; {@code --out} is written through a temporary file moved into place when complete. Exit codes
 * as {@link CreditCli}: 0 every application scored, 1 some lines rejected or not scorable (the
 * others are still scored; each problem goes to stderr with its line and JSON path, and to the
 * rejects file), 3 when the model bundle (unreadable, or not signed by a trusted key) or the files
 * cannot be used, or an output path collides with an input or another output.
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

    @Option(names = "--out", paramLabel = "FILE", description = "Results as JSON Lines (default: standard output); "
            + "written to a temporary file and moved into place when complete.")
    Path out;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Also write every rejected line as JSON Lines "
            + "(line, problems, input) to fix and resubmit.")
    Path rejectsFile;

    @picocli.CommandLine.Mixin
    TrustOptions trustOptions;

    @picocli.CommandLine.Mixin
    Progress.Options progress = new Progress.Options();

    @Override
    public Integer call() {
        BatchFiles.requireDistinct(spec, BatchFiles.plus(BatchFiles.files("--in", in, "--model", model), "--trust",
                        trustOptions.trustFiles),
                BatchFiles.files("--out", out, "--rejects", rejectsFile));
        ValidateCommand.requireReadable(spec, in);
        ValidateCommand.requireNotEmpty(spec, in);
        PrintWriter err = spec.commandLine().getErr();
        org.creditkit.core.sign.TrustStore trust;
        try {
            trust = trustOptions.store();
        } catch (CreditModelException e) {
            err.println("trust store rejected: " + e.getMessage());
            return CreditCli.EXIT_USAGE;
        }
        ModelBundle bundle;
        FeatureExtractor extractor;
        try {
            bundle = ModelOptions.trustedBundle(model, trust, trustOptions.allowUnsigned);
            extractor = bundle.requireCompatible(FeatureExtractor.standard());
        } catch (CreditModelException e) {
            err.println(ModelOptions.rejected(model, e));
            return CreditCli.EXIT_USAGE;
        }
        CompositeScorer scorer = bundle.scorer();
        ObjectMapper json = new ObjectMapper();
        long[] scored = {0};
        long[] failed = {0};
        DataQualityChecker checker = DataQualityChecker.standard();
        java.util.EnumMap<DataQualityFlag, long[]> flagged = new java.util.EnumMap<>(DataQualityFlag.class);
        BatchReport report;
        Progress bar = new Progress(err, progress.wanted(), "scored", 0);
        try (Rejects rejects = Rejects.open(in, err, rejectsFile);
             BatchFiles.AtomicOutput file = out == null ? null : BatchFiles.AtomicOutput.open(out);
             Writer w = file != null ? file.writer()
                     : new BufferedWriter(new OutputStreamWriter(new NonClosing(System.out), StandardCharsets.UTF_8))) {
            report = ModelOptions.read(in, (la, line) -> {
                var app = la.application();
                ScoreResult r;
                try {
                    r = scorer.score(extractor.extract(app), app.enterprise().industry());
                } catch (CreditException | ArithmeticException | IllegalArgumentException e) {
                    failed[0]++;
                    rejects.add(ModelOptions.failed(line, la, "cannot be scored", e.getMessage()));
                    return;
                }
                if (!Double.isFinite(r.pd()) || !Double.isFinite(r.score())) {
                    failed[0]++;
                    rejects.add(ModelOptions.failed(line, la, "cannot be scored",
                            "the model gave a non-finite result (pd " + r.pd() + ", score " + r.score() + ")"));
                    return;
                }
                DataQualityReport quality = checker.check(app);
                for (DataQualityFlag f : quality.flags()) {
                    flagged.computeIfAbsent(f, k -> new long[1])[0]++;
                }
                try {
                    w.write(json.writeValueAsString(ScoreJson.of(app, r, quality)));
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                bar.update(++scored[0]);
            }, rejects);
            w.flush();
            rejects.commit();
            if (file != null) {
                file.commit();
            }
        } catch (IOException | UncheckedIOException e) {
            bar.done();
            err.println("cannot score " + in + ": " + e.getMessage());
            return CreditCli.EXIT_USAGE;
        }
        bar.done();
        long rejected = report.bad() + failed[0];
        err.println("scored " + scored[0] + " of " + report.lines() + " applications with " + bundle.id() + " "
                + bundle.version() + (flagged.isEmpty() ? "" : "; data-quality flags (field dataQuality) "
                + flagged(flagged)) + (rejected > 0 ? "; " + rejected + " rejected (see above"
                + (rejectsFile != null ? " and " + rejectsFile : "") + ")" : ""));
        err.flush();
        return rejected > 0 ? CreditCli.EXIT_REJECTED : CreditCli.EXIT_OK;
    }

    /** {@code {STALE_SOURCE=3, ...}} in the flags' order. */
    private static String flagged(java.util.EnumMap<DataQualityFlag, long[]> counts) {
        java.util.StringJoiner j = new java.util.StringJoiner(", ", "{", "}");
        counts.forEach((f, n) -> j.add(f.name() + "=" + n[0]));
        return j.toString();
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
