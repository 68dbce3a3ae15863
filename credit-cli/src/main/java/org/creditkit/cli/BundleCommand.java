package org.creditkit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.score.ReasonBasis;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.sign.SignatureCheck;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.sign.TrustStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code credit bundle keygen|sign|verify}: Ed25519 keys and model-bundle signatures (docs/bundles.md).
 * Exit codes: 0 done or valid; 2 the signature is invalid (with the reason); 3 unusable input (a
 * missing or corrupt bundle or key, an existing key directory).
 */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Sign model bundles and verify their signatures (Ed25519).",
        subcommands = {BundleCommand.Keygen.class, BundleCommand.Sign.class, BundleCommand.Verify.class})
final class BundleCommand implements Runnable {

    /** Exit code: the signature does not verify. */
    static final int EXIT_INVALID_SIGNATURE = CreditCli.EXIT_VERDICT;
    /** Exit code: a file cannot be used. */
    static final int EXIT_UNUSABLE = CreditCli.EXIT_USAGE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Generate an Ed25519 key pair: DIR/private.pem (keep it secret) and DIR/public.pem.")
    static final class Keygen implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the two files.")
        Path dir;

        @Override
        public Integer call() {
            try {
                SigningKey key = SigningKey.generateInto(dir);
                spec.commandLine().getOut().println("key " + key.id() + ": " + dir.resolve(SigningKey.PRIVATE_FILE)
                        + " (secret), " + dir.resolve(SigningKey.PUBLIC_FILE));
                spec.commandLine().getOut().flush();
                return CreditCli.EXIT_OK;
            } catch (CreditModelException | java.io.UncheckedIOException e) {
                spec.commandLine().getErr().println("credit bundle keygen: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return EXIT_UNUSABLE;
            }
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Sign a model bundle with an Ed25519 private key; writes the signed bundle.")
    static final class Sign implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BUNDLE", description = "Model bundle JSON to sign.")
        Path bundle;

        @Option(names = "--key", required = true, paramLabel = "PEM", description = "private.pem of 'credit bundle keygen'.")
        Path key;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Signed bundle to write.")
        Path out;

        @Override
        public Integer call() {
            BatchFiles.requireDistinct(spec, BatchFiles.files("BUNDLE", bundle, "--key", key),
                    BatchFiles.files("--out", out));
            PrintWriter err = spec.commandLine().getErr();
            try {
                SigningKey k = SigningKey.read(key);
                ModelBundle signed = ModelBundle.read(bundle).signedWith(k);
                try (BatchFiles.AtomicOutput o = BatchFiles.AtomicOutput.open(out)) {
                    o.writer().write(signed.toJson());
                    o.commit();
                }
                spec.commandLine().getOut().println(out + ": " + signed.id() + " " + signed.version() + " "
                        + signed.checksum() + " signed by key " + k.id());
                spec.commandLine().getOut().flush();
                return CreditCli.EXIT_OK;
            } catch (CreditModelException e) {
                err.println("credit bundle sign: " + e.getMessage());
                err.flush();
                return EXIT_UNUSABLE;
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                err.println("credit bundle sign: cannot write " + out + ": " + e.getMessage());
                err.flush();
                return EXIT_UNUSABLE;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify a model bundle's signature against one or more public keys.",
                "Exit 0 valid, 2 invalid (the reason is printed), 3 when a file cannot be used."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BUNDLE", description = "Model bundle JSON to verify.")
        Path bundle;

        @Option(names = "--key", required = true, arity = "1..*", paramLabel = "PEM",
                description = "Trusted public key file(s) (public.pem).")
        List<Path> keys;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            TrustStore trust;
            ModelBundle b;
            try {
                trust = TrustStore.read(keys);
                b = ModelBundle.read(bundle);
            } catch (CreditModelException e) {
                err.println("credit bundle verify: " + e.getMessage());
                err.flush();
                return Files.exists(bundle) && e.getMessage().contains("checksum mismatch")
                        ? EXIT_INVALID_SIGNATURE : EXIT_UNUSABLE;
            }
            SignatureCheck c = b.builtIn() ? SignatureCheck.invalid("not signed") : b.verify(trust);
            if (c.valid()) {
                out.println(bundle + ": valid, " + c.reason() + " (" + b.id() + " " + b.version() + ")");
                out.println("reasons measured against: " + (b.scorer().reasonBasis() == ReasonBasis.NEUTRAL
                        ? "neutral (population-average) points"
                        : "most favourable points (fallback: the bundle records no population shares or tree covers)"));
                out.flush();
                return CreditCli.EXIT_OK;
            }
            err.println(bundle + ": INVALID: " + c.reason());
            err.flush();
            return EXIT_INVALID_SIGNATURE;
        }
    }
}
