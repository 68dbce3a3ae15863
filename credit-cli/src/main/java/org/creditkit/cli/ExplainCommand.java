package org.creditkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.chain.BrokenChainException;
import org.creditkit.core.chain.ChainReport;
import org.creditkit.core.chain.ChainVerifier;
import org.creditkit.core.chain.CheckpointKeys;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.Openness;
import org.creditkit.core.privacy.Access;
import org.creditkit.core.privacy.AccessLevel;
import org.creditkit.core.privacy.AccessLog;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.FeatureExplanation;
import org.creditkit.core.score.ReasonBasis;
import org.creditkit.core.score.ReasonCode;
import org.creditkit.core.score.ScoreExplanation;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.sign.TrustStore;
import org.creditkit.rules.audit.DecisionExplanation;
import org.creditkit.rules.audit.DecisionRecord;
import org.creditkit.rules.audit.DecisionTrail;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credit explain}, in two forms, both within the reader's {@code --level} and both recorded in
 * the access log ({@code --access-log}, who: {@code --principal}):
 * <ul>
 *   <li>{@code --trail TRAIL --id ID}: the person-facing explanation of a recorded decision, in
 *       English and Chinese, from the decision trail alone (no re-scoring; PIPL art. 24), after
 *       checking that the trail's parts form one unbroken chain and, with {@code --trail-key}, that
 *       its checkpoints are signed by that key (an unsigned tail of a trail still being written is
 *       allowed);</li>
 *   <li>{@code --in FILE --id ID [--model BUNDLE]}: the score breakdown of one application: points
 *       per feature with its value, bin and sources, base versus industry overlay, reason codes.
 *       The USCC is masked and the name withheld unless {@code --show-identities}, which the access
 *       log records.</li>
 * </ul>
 * A value is shown only when the feature's openness is within the level. Exit codes as
 * {@link CreditCli}: 0; 2 when the trail is not one unbroken chain (the first bad line is named,
 * nothing is explained); 3 when no application or decision has that id, or a file, key or option
 * cannot be used.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a recorded decision from the trail (--trail), or one application's score breakdown "
                + "(--in), within an access level; every explanation is recorded in the access log.",
            "Exit code: 0 explained, 2 the trail is not one unbroken chain (names the first bad line), "
                + "3 usage or unusable input (no such id, file, key or option)."})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "BUNDLE",
            description = "Model bundle JSON for --in (default: the built-in expert bundle).")
    Path model;

    @Option(names = "--in", paramLabel = "FILE",
            description = "Applications (JSON Lines or one .json document): explain the score breakdown of --id.")
    Path in;

    @Option(names = "--trail", paramLabel = "FILE",
            description = "Decision trail of 'credit decide --log': explain the recorded decision(s) of --id.")
    Path trail;

    @Option(names = "--trail-key", paramLabel = "PEM", split = ",",
            description = "With --trail: public key(s) of the trail's signer (public.pem from 'credit bundle keygen'); "
                    + "the checkpoint signatures are verified too, not only the chain's links.")
    List<Path> trailKeys;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Application id to explain.")
    String id;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "public",
            description = "What the reader may see: public, conditional (the enterprise or an institution it "
                    + "authorised), internal (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "both",
            description = "Language of a decision explanation: en, zh or both (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--principal", required = true, paramLabel = "WHO",
            description = "Who is reading (user or service name), recorded in the access log.")
    String principal;

    @Option(names = "--access-log", required = true, paramLabel = "FILE",
            description = "Access log (hash-chained JSON Lines, continued if it exists) that records this reading.")
    Path accessLog;

    @Option(names = "--show-identities",
            description = "With --in: print the USCC and name in clear (recorded in the access log).")
    boolean showIdentities;

    @CommandLine.Mixin
    TrailOptions keys;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((in == null) == (trail == null)) {
            err.println("credit explain: give exactly one of --trail FILE (a recorded decision) or --in FILE "
                    + "(a score breakdown)");
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        if (trailKeys != null && trail == null) {
            err.println("credit explain: --trail-key verifies a decision trail; give --trail FILE too");
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        // the access log is appended to: given as the trail it mixed access records into the decision trail
        BatchFiles.requireDistinct(spec, BatchFiles.plus(BatchFiles.files("--in", in, "--trail", trail, "--model", model,
                "--log-key", keys.logKey, "--pseudonym-key", keys.pseudonymKey), "--trail-key", trailKeys),
                BatchFiles.files("--access-log", accessLog));
        if (showIdentities && trail != null) {
            err.println("credit explain: --show-identities applies to --in; a trail holds no identities");
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        if (!List.of("en", "zh", "both").contains(lang)) {
            err.println("credit explain: --lang '" + lang + "' is not one of en, zh, both");
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        AccessLevel access;
        try {
            access = AccessLevel.parse(level);
        } catch (IllegalArgumentException e) {
            err.println("credit explain: --level: " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        PseudonymKey pseudonyms;
        AccessLog log;
        try {
            pseudonyms = keys.pseudonymKey("the access log " + accessLog, err);
            log = AccessLog.to(keys.chain(accessLog, AccessLog.KIND, err));
        } catch (CreditModelException | UncheckedIOException e) {
            err.println("credit explain: " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        try (log) {
            return trail != null ? explainDecision(out, err, access, pseudonyms, log)
                    : explainScore(out, err, access, pseudonyms, log);
        }
    }

    private int explainDecision(PrintWriter out, PrintWriter err, AccessLevel access, PseudonymKey pseudonyms,
                                AccessLog log) {
        if (!Files.isRegularFile(trail)) {
            err.println("credit explain: " + trail + ": no such file");
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        if (trailKeys != null) {
            // the signatures prove who chained the trail; DecisionTrail.find checks the links either way
            ChainReport signed;
            try {
                signed = ChainVerifier.verify(trail, CheckpointKeys.of(TrustStore.read(trailKeys)));
            } catch (CreditModelException | UncheckedIOException e) {
                err.println("credit explain: --trail-key: " + e.getMessage());
                err.flush();
                return CreditCli.EXIT_USAGE;
            }
            if (signed.problem().isPresent()) {
                err.print("credit explain: the decision trail fails verification, nothing is explained: " + signed.toText());
                err.flush();
                return CreditCli.EXIT_VERDICT;
            }
        }
        String pseudonym = pseudonyms.pseudonym(id);
        List<DecisionRecord> records;
        try {
            records = DecisionTrail.find(trail, pseudonym);
        } catch (BrokenChainException e) {
            // an explanation from a tampered or damaged trail would be a plausible wrong answer
            err.println("credit explain: " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_VERDICT;
        } catch (CreditDataException | UncheckedIOException e) {
            err.println("credit explain: " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        if (records.isEmpty()) {
            err.println("credit explain: no decision of application " + pseudonym + " (pseudonym of --id under "
                    + pseudonyms + ") in " + trail + "; was it decided with this pseudonym key?");
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        FeatureCatalogue catalogue = FeatureCatalogue.standard();
        for (DecisionRecord r : records) {
            log.record(new Access(Instant.now(), principal, r.enterprise(), "decision-explanation", access, false));
            DecisionExplanation x = DecisionExplanation.of(r, access, catalogue);
            if (!lang.equals("zh")) {
                out.print(x.english());
            }
            if (lang.equals("both")) {
                out.println();
            }
            if (!lang.equals("en")) {
                out.print(x.chinese());
            }
        }
        out.flush();
        return CreditCli.EXIT_OK;
    }

    private int explainScore(PrintWriter out, PrintWriter err, AccessLevel access, PseudonymKey pseudonyms,
                             AccessLog log) {
        ModelBundle bundle;
        FeatureExtractor extractor;
        try {
            bundle = ModelOptions.bundle(model);
            extractor = bundle.requireCompatible(FeatureExtractor.standard());
        } catch (CreditModelException e) {
            err.println(ModelOptions.rejected(model, e));
            return CreditCli.EXIT_USAGE;
        }
        LoanApplication[] found = {null};
        // every line holding the id, so that two different applications under one id are refused rather than
        // the first one explained as if it were the only one
        List<Long> lines = new ArrayList<>();
        boolean[] differ = {false};
        try (Rejects rejects = Rejects.open(in, err, null)) {
            ModelOptions.readEvery(in, (la, line) -> {
                if (la.application().id().equals(id)) {
                    lines.add(line);
                    if (found[0] == null) {
                        found[0] = la.application();
                    } else if (!found[0].equals(la.application())) {
                        differ[0] = true;
                    }
                }
            }, rejects);
        } catch (IOException | UncheckedIOException e) {
            err.println("cannot read " + in + ": " + e.getMessage());
            return CreditCli.EXIT_USAGE;
        }
        if (found[0] == null) {
            err.println("no valid application with id '" + id + "' in " + in);
            return CreditCli.EXIT_USAGE;
        }
        if (differ[0]) {
            err.println("credit explain: id '" + id + "' is on " + lines.size() + " lines of " + in + " (lines "
                    + lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ") that hold different applications; nothing is explained: give a file in which the id"
                    + " names one application");
            return CreditCli.EXIT_USAGE;
        }
        LoanApplication app = found[0];
        log.record(new Access(Instant.now(), principal, pseudonyms.pseudonym(app.enterprise().uscc().value()),
                "score-explanation", access, showIdentities));
        CompositeScorer scorer = bundle.scorer();
        ScoreExplanation x = scorer.explain(extractor.extract(app), app.enterprise().industry());
        print(out, bundle, scorer, app, x, access, showIdentities);
        out.flush();
        return CreditCli.EXIT_OK;
    }

    private static void print(PrintWriter out, ModelBundle bundle, CompositeScorer scorer, LoanApplication app,
                              ScoreExplanation x, AccessLevel access, boolean showIdentities) {
        ScoreResult r = x.result();
        double factor = scorer.scaling().factor();
        double offset = scorer.scaling().offset();
        out.printf(Locale.ROOT, "Application %s  enterprise %s %s  (access level %s)%n", app.id(),
                showIdentities ? app.enterprise().uscc().value() : app.enterprise().uscc().masked(),
                showIdentities ? app.enterprise().name() : "(name withheld; --show-identities)", access.label());
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
        FeatureCatalogue catalogue = bundle.catalogue();
        for (FeatureExplanation f : x.features()) {
            Openness o = catalogue.find(f.featureId()).map(d -> d.openness()).orElse(Openness.NOT_OPEN);
            boolean visible = access.mayRead(o);
            String sources = f.sources().stream().map(DataSource::english).collect(Collectors.joining(", "));
            if (!visible) {
                // the points of a feature identify its bin, hence its value: withheld like the value
                out.printf(Locale.ROOT, "%-26s %12s  %-22s %9s %9s %8s  %s%n", f.featureId(), "(" + o.label() + ")",
                        "", "-", "-", "-", sources);
                continue;
            }
            out.printf(Locale.ROOT, "%-26s %12s  %-22s %9.1f %9s %8.1f  %s%n", f.featureId(),
                    Double.isNaN(f.value()) ? "missing" : fmt(f.value()), truncate(f.bin(), 22),
                    -factor * f.baseLogOdds() + 0.0,
                    r.overlay().isPresent() ? String.format(Locale.ROOT, "%.1f", -factor * f.industryLogOdds() + 0.0) : "-",
                    f.pointsLost(), sources);
        }
        out.println();
        boolean neutral = r.reasonBasis() == ReasonBasis.NEUTRAL;
        out.println(neutral
                ? "Reasons (points below the feature's neutral, population-average points; most first):"
                : "Reasons (points below the feature's most favourable points, most first; this bundle records no"
                        + " population shares or tree covers, so the neutral reference is not available):");
        if (r.reasons().isEmpty()) {
            out.println(neutral ? "  none: every feature scores at or above its population average"
                    : "  none: every feature is at its most favourable value");
        }
        int i = 1;
        for (ReasonCode rc : r.reasons()) {
            boolean visible = catalogue.find(rc.featureId()).map(d -> access.mayRead(d.openness())).orElse(false);
            out.printf(Locale.ROOT, "  %d. %-28s %s  %s / %s  [%s]%n", i++, rc.code(),
                    visible ? String.format(Locale.ROOT, "-%.1f pts", rc.pointsLost()) : "(points withheld)",
                    rc.text(), rc.textZh(), rc.sources().stream().map(DataSource::english).collect(Collectors.joining(", ")));
        }
        out.println();
        out.println("Values, bins and points of features whose data is not open at access level " + access.label()
                + " are not shown (--level conditional or internal, as authorised).");
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
