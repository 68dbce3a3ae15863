package org.creditkit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options {@code decide} and {@code match} share: the model bundle, the rule set, the input and
 * the rejects file. One declaration, so the two commands cannot drift apart in names or help (the
 * decide help had kept describing a rule directory as ".drl files plus parameters.json" after
 * products.json became part of it). Each command declares its own {@code --out}, whose content
 * differs.
 */
final class BatchEngineOptions {

    @Option(names = "--model", paramLabel = "BUNDLE", description = "Model bundle JSON (default: the built-in expert bundle).")
    Path model;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule set directory: .drl files, parameters.json and products.json (default: the built-in policy).")
    Path rules;

    @Option(names = "--in", required = true, paramLabel = "FILE",
            description = "Applications: JSON Lines (bare or labeled), or a single .json document.")
    Path in;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Also write every rejected line as JSON Lines "
            + "(line, problems, input) to fix and resubmit.")
    Path rejectsFile;
}
