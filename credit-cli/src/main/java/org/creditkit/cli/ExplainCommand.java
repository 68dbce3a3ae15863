package org.creditkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.FeatureExplanation;
import org.creditkit.core.score.ReasonCode;
import org.creditkit.core.score.ScoreExplanation;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credit explain [--model BUNDLE] --in FILE --id ID}: a readable breakdown of one application's
 * score: points per feature with its value, bin and sources, base versus industry overlay, and the
 * reason codes. Exit 0, 1 when no application has that id, 2 when the bundle or file cannot be used.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain one application's score: points per feature, bins, sources, base vs industry.")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "BUNDLE",
            description = "Model bundle JSON (default: the built-in expert bundle).")
    Path model;

    @Option(names = "--in", required = true, paramLabel = "FILE",
            description = "Applications: JSON Lines (bare or labeled), or a single .json document.")
    Path in;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Application id to explain.")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelBundle bundle;
        try {
            bundle = ModelOptions.bundle(model);
        } catch (CreditModelException e) {
            err.println("model bundle " + (model == null ? "(default)" : model) + " rejected: " + e.getMessage());
            return 2;
        }
        FeatureExtractor extractor = FeatureExtractor.standard();
        if (bundle.catalogue() != extractor.catalogue()) {
            err.println("model bundle " + bundle.id() + " uses catalogue " + bundle.catalogue().version()
                    + "; credit explain extracts " + extractor.catalogue().version() + " from applications");
            return 2;
        }
        LoanApplication[] found = {null};
        try (Rejects rejects = Rejects.open(in, err, null)) {
            ModelOptions.read(in, (la, line) -> {
                if (found[0] == null && la.application().id().equals(id)) {
                    found[0] = la.application();
                }
            }, rejects);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("cannot read " + in + ": " + e.getMessage());
            return 2;
        }
        if (found[0] == null) {
            err.println("no valid application with id '" + id + "' in " + in);
            return 1;
        }
        LoanApplication app = found[0];
        CompositeScorer scorer = bundle.scorer();
        ScoreExplanation x = scorer.explain(extractor.extract(app), app.enterprise().industry());
        print(out, bundle, scorer, app, x);
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, ModelBundle bundle, CompositeScorer scorer, LoanApplication app,
                              ScoreExplanation x) {
        ScoreResult r = x.result();
        double factor = scorer.scaling().factor();
        double offset = scorer.scaling().offset();
        out.printf(Locale.ROOT, "Application %s  enterprise %s %s%n", app.id(), app.enterprise().uscc().value(),
                app.enterprise().name());
        out.printf(Locale.ROOT, "Industry    %s (%s)  overlay: %s%n", app.enterprise().industry().code(),
                app.enterprise().industry().sectionName(),
                r.overlay().map(o -> o + " (industry model added to the base)").orElse("none (base model alone)"));
        out.printf(Locale.ROOT, "Model       %s %s  %s%n", bundle.id(), bundle.version(), bundle.checksum());
        out.printf(Locale.ROOT, "Score       %.1f  grade %s  PD %.2f%%%n", r.score(), r.grade().code(), 100 * r.pd());
        out.printf(Locale.ROOT, "Log-odds    %.4f = base %.4f + industry %.4f%n", r.logOdds(), r.baseLogOdds(),
                r.industryLogOdds());
        out.printf(Locale.ROOT, "Scaling     score = %.2f - %.4f x log-odds (%s points to double the odds)%n",
                offset, factor, fmt(scorer.scaling().pdo()));
        out.println();
        out.printf(Locale.ROOT, "%-26s %12s  %-22s %9s %9s %8s  %s%n", "feature", "value", "bin", "base pts",
                "ind pts", "lost", "sources");
        out.printf(Locale.ROOT, "%-26s %12s  %-22s %9.1f %9s %8s%n", "(start: offset - intercept)", "", "",
                offset - factor * x.baseBias(),
                r.overlay().isPresent() ? String.format(Locale.ROOT, "%.1f", -factor * x.industryBias()) : "-", "");
        for (FeatureExplanation f : x.features()) {
            out.printf(Locale.ROOT, "%-26s %12s  %-22s %9.1f %9s %8.1f  %s%n", f.featureId(),
                    Double.isNaN(f.value()) ? "missing" : fmt(f.value()), truncate(f.bin(), 22),
                    -factor * f.baseLogOdds() + 0.0,
                    r.overlay().isPresent() ? String.format(Locale.ROOT, "%.1f", -factor * f.industryLogOdds() + 0.0) : "-",
                    f.pointsLost(),
                    f.sources().stream().map(DataSource::english).collect(Collectors.joining(", ")));
        }
        out.println();
        out.println("Reasons (most points lost first):");
        if (r.reasons().isEmpty()) {
            out.println("  none: every feature is at its most favourable value");
        }
        int i = 1;
        for (ReasonCode rc : r.reasons()) {
            out.printf(Locale.ROOT, "  %d. %-28s -%.1f pts  %s / %s  [%s]%n", i++, rc.code(), rc.pointsLost(),
                    rc.text(), rc.textZh(), rc.sources().stream().map(DataSource::english).collect(Collectors.joining(", ")));
        }
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
