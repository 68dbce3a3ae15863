package org.creditkit.models.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code credit} command line. */
@Command(name = "credit", mixinStandardHelpOptions = true, version = "creditkit 0.1.0",
        description = "SME credit scoring, decisioning and fairness audit.")
public final class CreditCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new CreditCli()).execute(args));
    }
}
