package org.creditkit.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code credit generate}: the synthetic SME portfolio as JSON Lines. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic SME loan portfolio with outcomes (JSON Lines).",
            "One {\"application\":...,\"outcome\":...} per line; see docs/synthetic-portfolio.md.",
            "The same options give the same bytes, whatever the number of threads."})
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10000",
            description = "Number of applications (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + GeneratorConfig.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Output file (JSON Lines).")
    Path out;

    @Option(names = "--from", paramLabel = "DATE", defaultValue = "2024-01-01",
            converter = IsoDate.class, description = "First application date (default: ${DEFAULT-VALUE}).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", defaultValue = "2024-12-31",
            converter = IsoDate.class, description = "Last application date (default: ${DEFAULT-VALUE}).")
    LocalDate to;

    /** An ISO date, refused with the form that would be read (picocli's message quoted a Java exception). */
    static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date of the calendar in the"
                        + " form YYYY-MM-DD (e.g. 2024-06-30)");
            }
        }
    }

    @Option(names = "--outcome-bias", paramLabel = "SECTION=SHIFT", converter = BiasOption.class,
            description = {"Label bias for fairness tests: recorded defaults of industry section SECTION drawn",
                "at logit(truePd) + SHIFT; truePd unchanged. Repeatable, e.g. --outcome-bias H=0.7"})
    List<GeneratorConfig.GroupBias> outcomeBias = new ArrayList<>();

    @Option(names = "--scoring-bias", paramLabel = "SECTION=SHIFT", converter = BiasOption.class,
            description = {"Measurement bias for fairness tests: observable data of section SECTION generated",
                "from a quality SHIFT standard deviations lower; truePd unchanged. Repeatable, e.g. --scoring-bias I=0.5"})
    List<GeneratorConfig.GroupBias> scoringBias = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @CommandLine.Mixin
    Progress.Options progress = new Progress.Options();

    @Override
    public Integer call() {
        if (count < 1) {
            // --count 0 wrote an empty file and exited 0, a portfolio that every later command reads as nothing
            throw new CommandLine.ParameterException(spec.commandLine(), "--count " + count
                    + ": expected at least 1 application");
        }
        if (to.isBefore(from)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from
                    + "; give --from on or before --to");
        }
        LocalDate today = LocalDate.now(org.creditkit.core.domain.LoanApplication.CHINA_TIME);
        if (to.isAfter(today)) {
            // exit 0 with a portfolio whose later applications every reader refuses as "in the future"
            // (validate, score, decide: 0 good lines when all of them are)
            throw new CommandLine.ParameterException(spec.commandLine(), "--to " + to + " is after today (" + today
                    + ", China time): every application dated after now would be refused by the readers as in the"
                    + " future; valid: --to on or before " + today);
        }
        GeneratorConfig cfg = config(spec, count, seed, from, to, outcomeBias, scoringBias);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1, got " + t);
        }
        long start = System.nanoTime();
        write(PortfolioGenerator.of(cfg), out, t, new Progress(spec.commandLine().getErr(),
                progress.wanted(), "generated", cfg.count()));
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf("generated %,d applications (seed %d) -> %s in %.1f s (%,.0f/s, %d threads)%n",
                cfg.count(), cfg.seed(), out, seconds, cfg.count() / Math.max(seconds, 1e-9), t);
        return CreditCli.EXIT_OK;
    }

    static GeneratorConfig config(CommandLine.Model.CommandSpec spec, long count, long seed, LocalDate from,
                                  LocalDate to, List<GeneratorConfig.GroupBias> outcome,
                                  List<GeneratorConfig.GroupBias> scoring) {
        GeneratorConfig.Builder b = GeneratorConfig.builder().count(count).seed(seed).applicationDates(from, to);
        outcome.forEach(x -> b.recordedOutcomeBias(x.industrySection(), x.shift()));
        scoring.forEach(x -> b.scoringBias(x.industrySection(), x.shift()));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static void write(PortfolioGenerator gen, Path file, int threads, Progress progress) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                gen.writeJsonLines(os, threads, progress::update);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            progress.done();
        }
    }
}
