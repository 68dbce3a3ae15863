package org.creditkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.sign.TrustStore;
import picocli.CommandLine.Option;

/** Which model bundles {@code score} and {@code decide} accept (docs/bundles.md). */
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
}
