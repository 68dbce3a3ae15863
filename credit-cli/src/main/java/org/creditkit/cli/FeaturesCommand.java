package org.creditkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureDocs;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.input.StrictApplicationReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code credit features}: the feature table of a portfolio, or the catalogue as Markdown. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Extract the indicator table (CSV) of a JSON Lines file of applications.",
            "Columns: id, industry, zone, size, one column per indicator (empty = missing), defaulted12m and",
            "truePd (empty when unknown). Bad lines are reported on stderr and left out (exit code 1).",
            "With --catalogue-md, print the indicator reference (docs/features.md) instead."})
final class FeaturesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "JSON Lines file of applications.")
    Path file;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "CSV file to write.")
    Path out;

    @Option(names = "--catalogue-md", description = "Print the feature catalogue as Markdown and exit.")
    boolean catalogueMarkdown;

    @CommandLine.Mixin
    Progress.Options progress = new Progress.Options();

    @Option(names = "--rejects", paramLabel = "FILE", description = "Also write every rejected line as JSON Lines "
            + "(line, problems, input) to fix and resubmit.")
    Path rejectsFile;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (catalogueMarkdown) {
            stdout.print(FeatureDocs.markdown(FeatureCatalogue.standard()));
            stdout.flush();
            return CreditCli.EXIT_OK;
        }
        if (file == null || out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give FILE and --out FILE.csv (or --catalogue-md)");
        }
        BatchFiles.requireDistinct(spec, BatchFiles.files("FILE", file),
                BatchFiles.files("--out", out, "--rejects", rejectsFile));
        ValidateCommand.requireReadable(spec, file);
        ValidateCommand.requireNotEmpty(spec, file);
        long start = System.nanoTime();
        Result r = write(file, out, spec.commandLine().getErr(),
                new Progress(spec.commandLine().getErr(), progress.wanted(), "extracted", 0), (l, v) -> { },
                rejectsFile);
        stdout.printf("%,d applications x %d indicators -> %s (%.1f%% of cells missing) in %.1f s; %s%n",
                r.csv().rows(), FeatureCatalogue.standard().size(), out, 100 * r.csv().missingShare(),
                (System.nanoTime() - start) / 1e9, r.report());
        stdout.flush();
        return r.report().allGood() ? CreditCli.EXIT_OK : CreditCli.EXIT_REJECTED;
    }

    record Result(BatchReport report, FeatureCsv csv) {
    }

    /** Reads {@code in}, writes the CSV, reports bad lines on {@code err}; {@code onGood} sees every good line. */
    static Result write(Path in, Path csvFile, PrintWriter err, Progress progress) {
        return write(in, csvFile, err, progress, (l, v) -> { });
    }

    static Result write(Path in, Path csvFile, PrintWriter err, Progress progress,
                        java.util.function.BiConsumer<org.creditkit.core.input.LabeledApplication,
                                org.creditkit.core.feature.FeatureVector> onGood) {
        return write(in, csvFile, err, progress, onGood, null);
    }

    /**
     * Reads {@code in} and writes the CSV through a temporary file moved into place when complete;
     * bad lines go to {@code err} and, when {@code rejectsFile} is given, to that JSON Lines file.
     */
    static Result write(Path in, Path csvFile, PrintWriter err, Progress progress,
                        java.util.function.BiConsumer<org.creditkit.core.input.LabeledApplication,
                                org.creditkit.core.feature.FeatureVector> onGood, Path rejectsFile) {
        try (Rejects rejects = Rejects.open(in, err, rejectsFile);
             BatchFiles.AtomicOutput file = BatchFiles.AtomicOutput.open(csvFile)) {
            FeatureCsv csv = new FeatureCsv(file.writer());
            long[] seen = new long[1];
            BatchIds ids = new BatchIds();
            BatchReport report = ids.adjust(StrictApplicationReader.standard().readBatch(in, l -> {
                BadLine repeat = ids.repeat(l, seen[0] + 1);
                if (repeat == null) {
                    onGood.accept(l, csv.add(l));
                } else {
                    rejects.add(repeat);
                }
                progress.update(++seen[0]);
            }, bad -> {
                rejects.add(bad);
                progress.update(++seen[0]);
            }));
            rejects.commit();
            file.commit();
            return new Result(report, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csvFile, e);
        } finally {
            progress.done();
            err.flush();
        }
    }
}
