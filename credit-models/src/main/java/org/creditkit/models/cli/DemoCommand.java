package org.creditkit.models.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code credit demo}: the main job on the built-in synthetic portfolio. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run creditkit end to end on the built-in synthetic SME portfolio.",
            "Generates the portfolio, validates it with the strict reader, extract the feature table, and print a summary (counts by industry,",
            "zone and size; default rate by industry). Files go to --out DIR, or to a temporary directory",
            "that is deleted afterwards."})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", defaultValue = "20000",
            description = "Number of applications (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + GeneratorConfig.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for portfolio.jsonl and features.csv (kept).")
    Path outDir;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a console.")
    boolean progress;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be >= 1, got " + count);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean temporary = outDir == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("creditkit-demo") : Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + outDir, e);
        }
        try {
            return run(out, err, dir, temporary);
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    private int run(PrintWriter out, PrintWriter err, Path dir, boolean temporary) {
        GeneratorConfig cfg = GeneratorConfig.builder().count(count).seed(seed).build();
        out.printf("creditkit demo: synthetic SME portfolio of %,d applications, seed %d, applications %s..%s%n",
                cfg.count(), cfg.seed(), cfg.firstApplicationDate(), cfg.lastApplicationDate());
        out.flush();
        boolean showProgress = Progress.wanted(progress);

        Path portfolio = dir.resolve("portfolio.jsonl");
        long t0 = System.nanoTime();
        GenerateCommand.write(PortfolioGenerator.of(cfg), portfolio, Runtime.getRuntime().availableProcessors(),
                new Progress(err, showProgress, "generated", cfg.count()));
        out.printf("[1/3] generate  %,d applications -> %s (%.1f MB) in %.1f s%n", cfg.count(),
                temporary ? portfolio.getFileName() : portfolio, size(portfolio) / 1e6, seconds(t0));
        out.flush();

        // validation and feature extraction in one streaming pass over the file
        Path csv = dir.resolve("features.csv");
        PortfolioSummary summary = new PortfolioSummary();
        Map<DataQualityFlag, Long> flags = new EnumMap<>(DataQualityFlag.class);
        DataQualityChecker checker = DataQualityChecker.standard();
        long t1 = System.nanoTime();
        FeaturesCommand.Result r = FeaturesCommand.write(portfolio, csv, err,
                new Progress(err, showProgress, "validated", cfg.count()), (l, v) -> {
                    summary.add(l);
                    for (DataQualityFlag f : checker.check(l.application()).flags()) {
                        flags.merge(f, 1L, Long::sum);
                    }
                });
        double readSeconds = seconds(t1);
        out.printf("[2/3] validate  %s; %s%n", r.report(), ValidateCommand.qualityLine(flags, r.report().good()));
        out.printf("[3/3] features  %,d x %d indicators -> %s (%.1f%% of cells missing); validate + extract %.1f s%n",
                r.csv().rows(), FeatureCatalogue.standard().size(), temporary ? csv.getFileName() : csv,
                100 * r.csv().missingShare(), readSeconds);
        summary.print(out);
        if (temporary) {
            out.println("(files were written to a temporary directory; keep them with --out DIR)");
        }
        out.flush();
        return r.report().allGood() ? 0 : CreditCli.EXIT_INVALID;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + p, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary directory " + dir, e);
        }
    }
}
