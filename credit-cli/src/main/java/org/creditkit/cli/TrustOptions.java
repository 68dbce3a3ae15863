package org.creditkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.sign.TrustStore;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.RuleSetException;
import org.creditkit.rules.RuleSetSource;
import picocli.CommandLine.Option;

/** Which model bundles {@code score}, {@code decide} and {@code match} accept (docs/bundles.md). */
final class TrustOptions {

    @Option(names = "--trust", arity = "1..*", paramLabel = "PEM",
            description = "Public key file(s) whose bundle signatures are trusted (public.pem of 'credit bundle keygen').")
    List<Path> trustFiles = new ArrayList<>();

    @Option(names = "--allow-unsigned",
            description = "Accept an unsigned --model bundle (or one signed by an unknown key). Development only.")
    boolean allowUnsigned;

    /** The trust store of the given files (empty when none). */
    TrustStore store() {
        return trustFiles.isEmpty() ? TrustStore.empty() : TrustStore.read(trustFiles);
    }

    /**
     * An engine builder for a batch command: this trust store, the model bundle (the built-in one when
     * {@code model} is null) if trusted, and the rule directory when given. A batch never hot-reloads,
     * so no scenario gate is needed (rules check/test run them).
     *
     * @throws org.creditkit.core.CreditModelException when the trust store or the bundle is refused
     * @throws org.creditkit.rules.RuleSetException when the rule directory cannot be read
     */
    CreditEngine.Builder engineBuilder(Path model, Path rules) {
        TrustStore trust = store();
        CreditEngine.Builder builder = CreditEngine.builder().trust(trust);
        if (allowUnsigned) {
            builder.allowUnsignedBundles();
        }
        builder.model(ModelOptions.trustedBundle(model, trust, allowUnsigned));
        if (rules != null) {
            builder.rules(RuleSetSource.directory(rules)).withoutScenarioGate();
        }
        return builder;
    }

    /**
     * Reports why {@link #engineBuilder} or the engine's build refused the model, the trust store or
     * the rules, on {@code err}, and gives the exit code (usage).
     */
    static int refused(PrintWriter err, Path model, CreditModelException e) {
        err.println("model bundle " + (model == null ? "(default)" : model) + " or trust store rejected: "
                + e.getMessage());
        err.flush();
        return CreditCli.EXIT_USAGE;
    }

    /** Reports each problem of a refused rule directory on {@code err}, and gives the exit code (usage). */
    static int refused(PrintWriter err, RuleSetException e) {
        e.ruleProblems().forEach(err::println);
        err.flush();
        return CreditCli.EXIT_USAGE;
    }
}
