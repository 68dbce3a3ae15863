package org.creditkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkit.core.CreditException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code credit} command line.
 *
 * <p><b>Exit codes</b>, the one contract of every command (also in docs/cli.md):
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>{@value #EXIT_OK}</td><td>success</td></tr>
 *   <tr><td>{@value #EXIT_REJECTED}</td><td>some input lines were rejected (each reported on stderr with
 *       its line and JSON path); every other line was processed</td></tr>
 *   <tr><td>{@value #EXIT_VERDICT}</td><td>a verdict failed: audit FAIL (or no check had enough data),
 *       psi SHIFT, rules check or rules test failures</td></tr>
 *   <tr><td>{@value #EXIT_USAGE}</td><td>usage or unusable input: no command, an unknown option, a missing
 *       file, a value that matches nothing in the data, a broken model bundle or rule set</td></tr>
 *   <tr><td>{@value #EXIT_INTERNAL}</td><td>an internal error (a bug: the stack trace goes to stderr)</td></tr>
 * </table>
 *
 * <p>To add a command: write a class in this package annotated {@code @Command(name = "...",
 * mixinStandardHelpOptions = true)} implementing {@code Callable<Integer>}, write results to
 * {@code spec.commandLine().getOut()} and diagnostics to {@code getErr()}, list it in
 * {@code subcommands} below, and return one of the codes above. Throw
 * {@link picocli.CommandLine.ParameterException} for a usage error and let a
 * {@link org.creditkit.core.CreditException} (bad data, a broken model or rule set) or an
 * {@link UncheckedIOException} escape: both exit {@value #EXIT_USAGE} with one line on stderr and no
 * stack trace. Tests build the command line with {@link #newCommandLine()}, which installs this
 * handling, not with {@code new CommandLine(new CreditCli())}.
 */
@Command(name = "credit", mixinStandardHelpOptions = true, version = "creditkit 0.1.0",
        description = "SME credit scoring, decisioning and fairness audit.",
        subcommands = {
            GenerateCommand.class,
            ValidateCommand.class,
            FeaturesCommand.class,
            DemoCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            PsiCommand.class,
            ScoreCommand.class,
            ExplainCommand.class,
            RulesCommand.class,
            DecideCommand.class,
            MatchCommand.class,
            AuditCommand.class,
            BookCommand.class,
            MonitorCommand.class,
            LogCommand.class,
            BundleCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class CreditCli implements Callable<Integer> {

    /** Exit code: success. */
    public static final int EXIT_OK = 0;
    /** Exit code: some input lines were rejected (each reported); every other line was processed. */
    public static final int EXIT_REJECTED = 1;
    /** Exit code: a verdict failed (audit FAIL, psi SHIFT, rules check or test failures). */
    public static final int EXIT_VERDICT = 2;
    /** Exit code: usage or unusable input (unknown option, missing file, a value matching nothing). */
    public static final int EXIT_USAGE = 3;
    /** Exit code: an internal error, a bug. */
    public static final int EXIT_INTERNAL = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * {@code credit} without a command: prints the help to stderr and exits {@value #EXIT_USAGE}.
     *
     * @return {@value #EXIT_USAGE}
     */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("credit: a command is required");
        spec.commandLine().usage(err);
        err.flush();
        return EXIT_USAGE;
    }

    /**
     * The configured command line: usage errors exit {@value #EXIT_USAGE} with the message and a hint;
     * a {@link CreditException} or an I/O failure escaping a command prints one line
     * ({@code credit <command>: <message>}, no stack trace) and exits {@value #EXIT_USAGE}; anything
     * else is a bug and exits {@value #EXIT_INTERNAL} with its stack trace.
     *
     * @return the command line, ready to {@code execute(args)}
     */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new CreditCli());
        cl.setExecutionExceptionHandler(CreditCli::handleExecutionException);
        cl.setParameterExceptionHandler(CreditCli::handleParameterException);
        return cl;
    }

    /**
     * Entry point. Started as a plain {@code java -jar credit.jar} for a batch command, runs it in a
     * child JVM with bounded young generation ({@link JvmDefaults}); any JVM option given keeps it here.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Optional<Integer> child = JvmDefaults.runInChild(args);
        System.exit(child.isPresent() ? child.get() : newCommandLine().execute(args));
    }

    private static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String where = cl.getCommandSpec().qualifiedName();
        if (e instanceof CreditException) {
            err.println(where + ": " + e.getMessage());
        } else if (e instanceof UncheckedIOException io) {
            err.println(where + ": " + io.getMessage()
                    + (io.getCause() != null ? " (" + io.getCause().getMessage() + ")" : ""));
        } else if (e instanceof IOException io) {
            err.println(where + ": " + io);
        } else {
            err.println(where + ": internal error, please report it with this output: " + e);
            e.printStackTrace(err);
            err.flush();
            return EXIT_INTERNAL;
        }
        err.flush();
        return EXIT_USAGE;
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return EXIT_USAGE;
    }
}
