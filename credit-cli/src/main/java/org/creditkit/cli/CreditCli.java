package org.creditkit.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.CreditModelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code credit} command line.
 *
 * <p>To add a command: write a class in this package annotated {@code @Command(name = "...",
 * mixinStandardHelpOptions = true)} implementing {@code Callable<Integer>}, write results to
 * {@code spec.commandLine().getOut()} and diagnostics to {@code getErr()}, and list it in
 * {@code subcommands} below. Throw {@link picocli.CommandLine.ParameterException} for a usage error
 * (exit 2), {@link CreditDataException} for bad input data and {@link CreditModelException} for a broken
 * model or rule set (exit 1, one line on stderr, no stack trace).
 *
 * <p>Exit codes: 0 success, 1 invalid data or failure, 2 usage error. Tests should build the command
 * line with {@link #newCommandLine()}, which installs the error handling, not with
 * {@code new CommandLine(new CreditCli())}.
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
            AuditCommand.class,
            BookCommand.class,
            MonitorCommand.class,
            LogCommand.class,
            BundleCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class CreditCli implements Runnable {

    /** Exit code: some input was invalid, or the command failed. */
    public static final int EXIT_INVALID = 1;
    /** Exit code: the command line itself was wrong. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The configured command line: picocli's usage-error exit code 2, and an execution-exception
     * handler that prints one line ({@code credit <command>: <message>}) instead of a stack trace.
     */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new CreditCli());
        cl.setExecutionExceptionHandler(CreditCli::handleExecutionException);
        cl.setParameterExceptionHandler(CreditCli::handleParameterException);
        return cl;
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    private static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String where = cl.getCommandSpec().qualifiedName();
        String message;
        if (e instanceof CreditDataException || e instanceof CreditModelException) {
            message = e.getMessage();
        } else if (e instanceof UncheckedIOException io) {
            message = io.getMessage() + (io.getCause() != null ? " (" + io.getCause().getMessage() + ")" : "");
        } else if (e instanceof IllegalArgumentException) {
            message = e.getMessage();
        } else {
            message = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        err.println(where + ": " + message);
        err.flush();
        return EXIT_INVALID;
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
