package org.creditkit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.CreditEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code credit book --count N --seed S --out FILE}: a synthetic loan book to monitor.
 */
@Command(name = "book", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic loan book: N synthetic applications are decided with the built-in expert "
                + "model and policy, every approved one is booked, and up to 24 months of monthly source updates and "
                + "repayment status are generated from the documented deterioration process (docs/monitoring.md).",
            "Exit codes: 0 written, 3 unusable options."})
final class BookCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", defaultValue = "5000", description = "Applications to decide (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + GeneratorConfig.DEFAULT_SEED, description = "Seed.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The loan book (JSON Lines).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count " + count + " must be >= 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        var apps = PortfolioGenerator.of(GeneratorConfig.builder().count(count).seed(seed).build()).generateAll();
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + out.getFileName(), ".tmp");
        LoanBookWorkflow.Booked booked;
        try (CreditEngine engine = CreditEngine.defaults();
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            booked = LoanBookWorkflow.book(apps, engine, seed, w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        err.println("booked " + booked.loans() + " of " + booked.applications() + " applications (" + booked.lines()
                + " lines, " + booked.defaults() + " loans default within their months) into " + out);
        err.flush();
        return CreditCli.EXIT_OK;
    }
}
