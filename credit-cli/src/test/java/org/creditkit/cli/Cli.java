package org.creditkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs commands through the real {@link CreditCli}, so every test sees its exit-code contract. */
final class Cli {

    private Cli() {
    }

    /**
     * Runs {@code credit ARGS}.
     *
     * @return the exit code
     */
    static int execute(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = CreditCli.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /**
     * Runs {@code credit COMMAND ARGS} where COMMAND is the name of a command class.
     *
     * @return the exit code
     */
    static int execute(Class<?> command, StringWriter out, StringWriter err, String... args) {
        String[] full = new String[args.length + 1];
        full[0] = command.getAnnotation(CommandLine.Command.class).name();
        System.arraycopy(args, 0, full, 1, args.length);
        return execute(out, err, full);
    }
}
