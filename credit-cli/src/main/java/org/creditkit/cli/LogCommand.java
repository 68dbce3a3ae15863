package org.creditkit.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.chain.ChainReport;
import org.creditkit.core.chain.ChainVerifier;
import org.creditkit.core.chain.CheckpointKeys;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.sign.TrustStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code credit log verify FILE --key public.pem} and {@code credit log keygen --pseudonym-key FILE}:
 * checks a decision trail (or access log) and makes the operator's pseudonym key.
 */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Verify a hash-chained decision trail or access log; make a pseudonym key.",
        subcommands = {LogCommand.Verify.class, LogCommand.Keygen.class})
final class LogCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code credit log verify FILE --key public.pem}: exit 0 and {@code OK ...} when every line is
     * intact and covered by a signed checkpoint; 2 naming the first line altered, removed, inserted,
     * reordered or truncated, or an unsigned tail; 3 when the file or key cannot be used.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify a trail (and its rotated parts FILE.2, FILE.3 ... beside it): exit 0 OK, 2 naming the "
                    + "first line altered, removed, inserted, reordered or truncated, or an unsigned tail.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The trail's first file.")
        Path file;

        @Option(names = "--key", required = true, paramLabel = "PEM", split = ",",
                description = "Public key(s) trusted for checkpoints (public.pem from 'credit bundle keygen').")
        List<Path> keys;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("credit log verify: " + file + ": no such file");
                err.flush();
                return CreditCli.EXIT_USAGE;
            }
            TrustStore store;
            try {
                store = TrustStore.read(keys);
            } catch (CreditModelException e) {
                err.println("credit log verify: " + e.getMessage());
                err.flush();
                return CreditCli.EXIT_USAGE;
            }
            ChainReport r;
            try {
                r = ChainVerifier.verify(file, CheckpointKeys.of(store));
            } catch (UncheckedIOException e) {
                err.println("credit log verify: " + e.getMessage());
                err.flush();
                return CreditCli.EXIT_USAGE;
            }
            (r.ok() ? out : err).print(r.toText());
            out.flush();
            err.flush();
            return r.ok() ? CreditCli.EXIT_OK : CreditCli.EXIT_VERDICT;
        }
    }

    /** {@code credit log keygen --pseudonym-key FILE}: writes a new random pseudonym key (never overwrites). */
    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Write a new random pseudonym key (base64, owner-only permissions); an existing file is never overwritten.")
    static final class Keygen implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--pseudonym-key", required = true, paramLabel = "FILE", description = "The key file to create.")
        Path file;

        @Override
        public Integer call() {
            try {
                PseudonymKey k = PseudonymKey.generate(new SecureRandom());
                k.writeTo(file);
                spec.commandLine().getOut().println("wrote " + k + " to " + file
                        + "; keep it secret and keep it: pseudonyms join only under the same key");
                spec.commandLine().getOut().flush();
                return CreditCli.EXIT_OK;
            } catch (CreditModelException | UncheckedIOException e) {
                spec.commandLine().getErr().println("credit log keygen: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return CreditCli.EXIT_USAGE;
            }
        }
    }
}
