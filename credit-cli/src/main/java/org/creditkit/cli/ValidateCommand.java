package org.creditkit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityFlag;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code credit validate}: strict read of a JSON Lines file (every problem of every bad line) or of
 * one {@code .json} document (pretty-printed allowed), as {@code score}, {@code decide} and
 * {@code explain} read them. Exit codes as {@link CreditCli}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check applications with the strict reader: a JSON Lines file, or one .json document.",
            "Lines may be bare applications or {\"application\":...,\"outcome\":...}.",
            "Prints each problem as 'line N: $.path: message', then a summary and the data-quality flags",
            "of the good lines. Exit code 0 when every line is valid, 1 when any is not, 3 on usage errors."})
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "JSON Lines file to check, or a single application document ending in .json.")
    Path file;

    @CommandLine.Mixin
    Progress.Options progress = new Progress.Options();

    @Option(names = "--rejects", paramLabel = "FILE", description = "Also write every rejected line as JSON Lines "
            + "(line, problems, input) to fix and resubmit; then only the first rejects are printed.")
    Path rejectsFile;

    @Override
    public Integer call() {
        BatchFiles.requireDistinct(spec, BatchFiles.files("FILE", file), BatchFiles.files("--rejects", rejectsFile));
        requireReadable(spec, file);
        requireNotEmpty(spec, file);
        PrintWriter out = spec.commandLine().getOut();
        Map<DataQualityFlag, Long> flags = new EnumMap<>(DataQualityFlag.class);
        DataQualityChecker checker = DataQualityChecker.standard();
        Consumer<LabeledApplication> onGood = good -> {
            for (DataQualityFlag f : checker.check(good.application()).flags()) {
                flags.merge(f, 1L, Long::sum);
            }
        };
        BatchReport report;
        Progress p = new Progress(spec.commandLine().getErr(), progress.wanted(), "validated", 0);
        try (Rejects rejects = Rejects.open(file, out, rejectsFile)) {
            if (ModelOptions.isSingleDocument(file)) {
                report = ModelOptions.readDocument(file, (good, line) -> onGood.accept(good), rejects);
            } else {
                long[] seen = new long[1];
                BatchIds ids = new BatchIds();
                report = ids.adjust(StrictApplicationReader.standard().readBatch(file, good -> {
                    BadLine repeat = ids.repeat(good, seen[0] + 1);
                    if (repeat == null) {
                        onGood.accept(good);
                    } else {
                        rejects.add(repeat);
                    }
                    p.update(++seen[0]);
                }, bad -> {
                    rejects.add(bad);
                    p.update(++seen[0]);
                }));
            }
            rejects.commit();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file
                    + (rejectsFile == null ? "" : " or write the rejects file " + rejectsFile), e);
        } finally {
            p.done();
        }
        out.println(file + ": " + report);
        if (report.good() > 0) {
            out.println(qualityLine(flags, report.good()));
        }
        out.flush();
        return report.allGood() ? CreditCli.EXIT_OK : CreditCli.EXIT_REJECTED;
    }

    static String qualityLine(Map<DataQualityFlag, Long> flags, long good) {
        if (flags.isEmpty()) {
            return "data-quality flags: none";
        }
        StringBuilder sb = new StringBuilder("data-quality flags (of ").append(String.format("%,d", good))
                .append(" valid):");
        flags.forEach((f, n) -> sb.append(String.format(" %s %,d (%.1f%%)", f, n, 100.0 * n / good)));
        return sb.toString();
    }

    /**
     * Refuses an empty (0-byte) input: validating or tabulating it reported "0 lines: 0 good, 0 bad" and
     * exited 0, a pass for an export that wrote nothing.
     */
    static void requireNotEmpty(CommandLine.Model.CommandSpec spec, Path file) {
        try {
            if (Files.size(file) == 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "file '" + file + "' is empty (0 bytes):"
                        + " there is nothing to read; expected JSON Lines, one application per line, or one .json document");
            }
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "file '" + file + "' cannot be read: " + e.getMessage());
        }
    }

    static void requireReadable(CommandLine.Model.CommandSpec spec, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "file '" + file + "' does not exist or is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "file '" + file + "' is not readable");
        }
    }
}
