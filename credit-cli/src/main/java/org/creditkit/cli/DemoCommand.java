package org.creditkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.security.SecureRandom;
import org.creditkit.core.chain.ChainReport;
import org.creditkit.core.chain.ChainWriter;
import org.creditkit.core.chain.ChainVerifier;
import org.creditkit.core.chain.CheckpointKeys;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.sign.TrustStore;
import org.creditkit.rules.audit.DecisionLog;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.fairness.CounterfactualReport;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.Counterfactuals;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Tier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code credit demo}: the main job on the built-in synthetic portfolio, end to end. Generates a
 * training portfolio and a separate holdout, validates the training file with the strict reader and
 * extracts its feature table, trains a base scorecard with industry overlays, scores the holdout
 * (grade distribution, AUC against recorded outcomes and the oracle AUC of the true PDs), decides it
 * with the default Drools policy (tier mix with approval and observed default rate per tier), audits
 * the decision log for fairness, probes the decisions counterfactually, and books the approved holdout
 * loans and monitors them for 24 months after the loan. Each step runs the same
 * code as the command a user would type ({@code generate}, {@code train}, {@code decide},
 * {@code audit}). Every file is kept in {@code --out} (default {@code target/creditkit-demo}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run creditkit end to end on the built-in synthetic SME portfolio:",
            "generate -> validate -> features -> train -> score -> decide -> audit.",
            "Files (portfolios, features, model bundle, decisions, decision log, fairness report) are kept in --out."})
final class DemoCommand implements Callable<Integer> {

    private static final int STEPS = 8;
    /** Applications re-decided per swapped attribute by the counterfactual probe. */
    private static final int PROBE_SIZE = 2_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", defaultValue = "20000",
            description = "Training applications; the holdout has half as many (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + GeneratorConfig.DEFAULT_SEED,
            description = "Random seed of the training portfolio; the holdout uses S+1 (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/creditkit-demo",
            description = "Directory for every file the demo writes (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a console.")
    boolean progress;

    @Override
    public Integer call() {
        if (count < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be >= 2, got " + count);
        }
        if (count > Integer.MAX_VALUE / 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be at most "
                    + Integer.MAX_VALUE / 2 + " (the holdout is held in memory), got " + count);
        }
        Path dir;
        try {
            dir = Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + outDir, e);
        }
        return run(spec.commandLine().getOut(), spec.commandLine().getErr(), dir);
    }

    private int run(PrintWriter out, PrintWriter err, Path dir) {
        long started = System.nanoTime();
        GeneratorConfig cfg = GeneratorConfig.builder().count(count).seed(seed).build();
        GeneratorConfig holdoutCfg = GeneratorConfig.builder().count(Math.max(1, count / 2)).seed(seed + 1).build();
        out.printf("creditkit demo: synthetic SME portfolio of %,d training and %,d holdout applications, seeds %d/%d,"
                + " applications %s..%s; files in %s%n", cfg.count(), holdoutCfg.count(), cfg.seed(), holdoutCfg.seed(),
                cfg.firstApplicationDate(), cfg.lastApplicationDate(), dir);
        out.flush();
        boolean showProgress = Progress.wanted(progress);
        int threads = Runtime.getRuntime().availableProcessors();

        // 1. generate
        Path portfolio = dir.resolve("portfolio.jsonl");
        Path holdoutFile = dir.resolve("holdout.jsonl");
        long t = System.nanoTime();
        GenerateCommand.write(PortfolioGenerator.of(cfg), portfolio, threads,
                new Progress(err, showProgress, "generated", cfg.count()));
        PortfolioGenerator holdoutGen = PortfolioGenerator.of(holdoutCfg);
        GenerateCommand.write(holdoutGen, holdoutFile, threads,
                new Progress(err, showProgress, "generated holdout", holdoutCfg.count()));
        step(out, 1, "generate", String.format(Locale.ROOT, "%,d + %,d applications -> %s, %s (%.1f MB) in %.1f s",
                cfg.count(), holdoutCfg.count(), portfolio.getFileName(), holdoutFile.getFileName(),
                (size(portfolio) + size(holdoutFile)) / 1e6, seconds(t)));

        // 2-3. validate and extract features in one streaming pass over the training file
        Path csv = dir.resolve("features.csv");
        PortfolioSummary summary = new PortfolioSummary();
        Map<DataQualityFlag, Long> flags = new EnumMap<>(DataQualityFlag.class);
        DataQualityChecker checker = DataQualityChecker.standard();
        t = System.nanoTime();
        FeaturesCommand.Result r = FeaturesCommand.write(portfolio, csv, err,
                new Progress(err, showProgress, "validated", cfg.count()), (l, v) -> {
                    summary.add(l);
                    for (DataQualityFlag f : checker.check(l.application()).flags()) {
                        flags.merge(f, 1L, Long::sum);
                    }
                });
        step(out, 2, "validate", r.report() + "; " + ValidateCommand.qualityLine(flags, r.report().good()));
        step(out, 3, "features", String.format(Locale.ROOT,
                "%,d x %d indicators -> %s (%.1f%% of cells missing); validate + extract %.1f s",
                r.csv().rows(), FeatureCatalogue.standard().size(), csv.getFileName(), 100 * r.csv().missingShare(),
                seconds(t)));
        summary.print(out);
        if (!r.report().allGood()) {
            err.println("credit demo: the generated portfolio has invalid lines; stopping");
            return CreditCli.EXIT_INVALID;
        }

        // 4. train base scorecard + industry overlays on the training portfolio
        Path bundleFile = dir.resolve("model.json");
        t = System.nanoTime();
        Sub train = sub("train", "--data", portfolio.toString(), "--industry-overlays", "--seed", Long.toString(seed),
                "--id", "demo-scorecard", "--out", bundleFile.toString(),
                "--metrics-out", dir.resolve("train-metrics.json").toString(), "--no-progress");
        if (train.exit() != 0) {
            return failed(err, "train", train);
        }
        step(out, 4, "train", train.lastLineStarting("trained") + String.format(Locale.ROOT, " (%.1f s)", seconds(t)));
        out.println("  -> " + bundleFile.getFileName() + " " + train.lineStarting("bundle written").replaceFirst(".*\\((sha256:[0-9a-f]{12}).*", "$1"));

        // 5. score the holdout with the trained bundle (and the built-in expert bundle for comparison)
        t = System.nanoTime();
        List<LabeledApplication> holdout = holdoutGen.generateAll();
        // the demo signs its own bundle with the key it generates (docs/bundles.md); decide trusts only that key
        DemoKeys keys = DemoKeys.in(dir.resolve("keys"));
        Path signedFile = dir.resolve("model.signed.json");
        ModelBundle trained = ModelBundle.read(bundleFile).signedWith(SigningKey.read(keys.privateKey()));
        trained.write(signedFile);
        TrustStore demoTrust = TrustStore.read(List.of(keys.publicKey()));
        ScoreSummary scored = ScoreSummary.of(holdout, trained.scorer());
        ScoreSummary expert = ScoreSummary.of(holdout, ModelBundle.defaultBundle().scorer());
        step(out, 5, "score", String.format(Locale.ROOT,
                "holdout scored with the trained bundle in %.1f s (the built-in expert bundle: AUC %.4f)",
                seconds(t), expert.auc()));
        out.print(scored.toText());

        // 6. decide the holdout with the default Drools policy
        Path decisions = dir.resolve("decisions.jsonl");
        Path log = dir.resolve("decision-log.jsonl");
        t = System.nanoTime();
        deleteTrail(log);
        Sub decide = sub("decide", "--model", signedFile.toString(), "--trust", keys.publicKey().toString(),
                "--in", holdoutFile.toString(),
                "--out", decisions.toString(), "--log", log.toString(), "--log-key", keys.privateKey().toString(),
                "--pseudonym-key", keys.pseudonymKey().toString());
        if (decide.exit() != 0) {
            return failed(err, "decide", decide);
        }
        step(out, 6, "decide", decide.lastLineStarting("decided") + String.format(Locale.ROOT, " (%.1f s)", seconds(t)));
        out.println("  " + keys.note());
        ChainReport verified = ChainVerifier.verify(log, CheckpointKeys.of(TrustStore.read(List.of(keys.publicKey()))));
        out.print("  trail: " + verified.toText().lines().findFirst().orElse(""));
        out.println();
        if (!verified.ok()) {
            err.print(verified.toText());
            err.flush();
            return 2;
        }
        printTierMix(out, log);

        // 7. fairness audit of the decision log, exactly as an auditor would run it
        Path auditDir = dir.resolve("audit");
        t = System.nanoTime();
        Sub audit = sub("audit", "--data", log.toString(),
                "--groups", "industrySection,zone,sizeClass,ownership,industrySection*zone",
                "--favorable", "tier=INSTANT_APPROVAL,MITIGATION", "--outcome", "defaulted=true",
                "--pd", "pd", "--score", "score", "--reference", "industrySection=C", "--out", auditDir.toString(),
                "--title", "creditkit demo: fairness audit of the holdout decisions");
        if (audit.exit() > 2) {
            return failed(err, "audit", audit);
        }
        step(out, 7, "audit", String.format(Locale.ROOT, "%s (%.1f s)", audit.lineStarting("Fairness audit"),
                seconds(t)));
        audit.linesStarting("FAIL ", "WARN ").forEach(l -> out.println("  " + l));
        out.println("  " + audit.lineStarting("Checks:"));
        out.println("  " + audit.lineStarting("Verdict:"));
        out.println("  " + audit.lineStarting("HTML report:"));

        // 8. counterfactual probe: re-decide with zone / ownership swapped
        t = System.nanoTime();
        List<LoanApplication> probeSet = holdout.stream().limit(PROBE_SIZE).map(LabeledApplication::application).toList();
        StringBuilder probe = new StringBuilder();
        try (CreditEngine engine = CreditEngine.builder().model(trained).trust(demoTrust).build()) {
            for (Counterfactuals.Attribute a : Counterfactuals.Attribute.values()) {
                CounterfactualReport cr = Counterfactuals.probe(engine, probeSet, a);
                probe.append(String.format(Locale.ROOT, "  %-9s %,d re-decisions, %d changed tier (%.2f%%), %d approvals lost, %d gained%n",
                        cr.attribute(), cr.changed().trials(), cr.changed().successes(),
                        100.0 * cr.changed().successes() / cr.changed().trials(), cr.lostFavourable(),
                        cr.gainedFavourable()));
            }
        }
        step(out, 8, "probe", String.format(Locale.ROOT,
                "counterfactual: %,d holdout applications re-decided with one attribute swapped (%.1f s)",
                probeSet.size(), seconds(t)));
        out.print(probe);

        // 9. after the loan: book the approved holdout applications and monitor them for 24 months
        Path monitorDir = dir.resolve("monitor");
        if (monitor(out, err, trained, demoTrust, holdout, dir.resolve("book.jsonl"), monitorDir) != 0) {
            return CreditCli.EXIT_INVALID;
        }

        out.printf("%ndemo finished in %.1f s; fairness report: %s; monitoring report: %s%n", seconds(started),
                auditDir.resolve("report.html").toAbsolutePath(), monitorDir.resolve("monitor.html").toAbsolutePath());
        out.flush();
        return 0;
    }

    /** Step 9: book the approved holdout, generate 24 months after the loan, monitor it (library workflows). */
    private int monitor(PrintWriter out, PrintWriter err, ModelBundle trained, TrustStore trust, List<LabeledApplication> holdout,
                        Path book, Path monitorDir) {
        long t = System.nanoTime();
        try (CreditEngine engine = CreditEngine.builder().model(trained).trust(trust).build()) {
            LoanBookWorkflow.Booked booked;
            try (var w = java.nio.file.Files.newBufferedWriter(book, java.nio.charset.StandardCharsets.UTF_8)) {
                booked = LoanBookWorkflow.book(holdout, engine, seed + 2, w);
            }
            LoanBookWorkflow.Monitored m = LoanBookWorkflow.monitor(book, engine,
                    org.creditkit.core.monitor.WarningParameters.defaults(),
                    org.creditkit.core.monitor.MonitorSummary.Limits.defaults(), monitorDir, err,
                    new Progress(err, Progress.wanted(progress), "monitored loan-book lines", booked.lines()));
            step(out, 9, "monitor", String.format(Locale.ROOT, "%,d approved holdout loans booked with 24 months of "
                    + "updates (%,d lines) and monitored (%.1f s): %s", booked.loans(), booked.lines(), seconds(t),
                    org.creditkit.core.monitor.MonitorReport.verdict(m.summary())));
            out.println("  " + LoanBookWorkflow.describe(m.summary()));
            m.summary().breaches().forEach(b -> out.println("  limit exceeded: " + b));
            if (m.read().badLines() > 0) {
                err.println("credit demo: the generated loan book had " + m.read().badLines() + " rejected lines");
                return CreditCli.EXIT_INVALID;
            }
            return 0;
        } catch (java.io.IOException e) {
            err.println("credit demo: step 'monitor' failed: " + e.getMessage());
            return CreditCli.EXIT_INVALID;
        }
    }

    private static void printTierMix(PrintWriter out, Path log) {
        ObjectMapper mapper = new ObjectMapper();
        // tier -> {count, approved, with outcome, defaulted}, and {sum PD, sum EL}
        Map<String, long[]> tiers = new TreeMap<>();
        Map<String, double[]> sums = new TreeMap<>();
        long total = 0;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode n = mapper.readTree(line);
                if (!n.path("kind").asText().equals(DecisionLog.KIND)) {
                    continue; // the trail's headers and checkpoints
                }
                String tier = n.path("tier").asText();
                long[] c = tiers.computeIfAbsent(tier, k -> new long[4]);
                c[0]++;
                c[1] += n.path("approved").asBoolean() ? 1 : 0;
                if (n.has("defaulted")) {
                    c[2]++;
                    c[3] += n.path("defaulted").asBoolean() ? 1 : 0;
                }
                double[] s = sums.computeIfAbsent(tier, k -> new double[2]);
                s[0] += n.path("pd").asDouble();
                s[1] += n.path("expectedLoss").asDouble();
                total++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the decision log " + log, e);
        }
        out.printf("  %-17s %8s %7s %9s %14s %8s %12s%n", "tier", "count", "share", "approved", "observed def.",
                "mean PD", "mean EL CNY");
        for (Tier tier : Tier.values()) {
            long[] c = tiers.get(tier.name());
            if (c == null) {
                continue;
            }
            double[] s = sums.get(tier.name());
            out.printf(Locale.ROOT, "  %-17s %,8d %6.1f%% %8.1f%% %13s %7.2f%% %,12.0f%n", tier.name(), c[0],
                    100.0 * c[0] / total, 100.0 * c[1] / c[0],
                    c[2] == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * c[3] / c[2]), 100 * s[0] / c[0],
                    s[1] / c[0]);
        }
        out.println("  (EL: the offer's expected loss after measures; for a decline, of the requested amount and term)");
    }

    /** Removes a decision trail of an earlier demo run (with its rotated parts), so this run starts a new chain. */
    private static void deleteTrail(Path log) {
        try {
            Files.deleteIfExists(log);
            for (int part = 2; Files.deleteIfExists(ChainWriter.partFile(log, part)); part++) {
                // next part
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the previous demo trail " + log, e);
        }
    }

    /**
     * The demo's own keys, generated on first use in {@code dir} and reused by later runs: an Ed25519
     * pair for the trail's checkpoints and a pseudonym key. Demo keys only.
     */
    private record DemoKeys(Path privateKey, Path publicKey, Path pseudonymKey, boolean generated) {
        static DemoKeys in(Path dir) {
            Path priv = dir.resolve(SigningKey.PRIVATE_FILE);
            Path pub = dir.resolve(SigningKey.PUBLIC_FILE);
            Path pseudo = dir.resolve("pseudonym.key");
            boolean generated = false;
            if (!Files.exists(priv)) {
                SigningKey.generateInto(dir);
                generated = true;
            }
            if (!Files.exists(pseudo)) {
                PseudonymKey.generate(new SecureRandom()).writeTo(pseudo);
                generated = true;
            }
            return new DemoKeys(priv, pub, pseudo, generated);
        }

        String note() {
            return (generated ? "generated" : "reused") + " the demo's own keys in " + privateKey.getParent()
                    + ": Ed25519 signing key (private.pem, public.pem) for the trail's checkpoints and pseudonym key "
                    + "(pseudonym.key) for its HMAC pseudonyms; demo keys, not for production";
        }
    }

    /** What a sub-command printed and returned. */
    private record Sub(int exit, String out, String err) {
        List<String> lines() {
            return (out + err).lines().toList();
        }

        String lineStarting(String prefix) {
            return lines().stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
        }

        String lastLineStarting(String prefix) {
            return lines().stream().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b).orElse("");
        }

        List<String> linesStarting(String... prefixes) {
            return lines().stream().filter(l -> Arrays.stream(prefixes).anyMatch(l::startsWith)).toList();
        }
    }

    /** Runs another {@code credit} command in this process, capturing what it prints. */
    private static Sub sub(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CreditCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Sub(exit, out.toString(), err.toString());
    }

    private static int failed(PrintWriter err, String command, Sub sub) {
        err.printf("credit demo: step '%s' failed (exit %d):%n%s%s", command, sub.exit(), sub.out(), sub.err());
        err.flush();
        return CreditCli.EXIT_INVALID;
    }

    private static void step(PrintWriter out, int n, String name, String text) {
        out.printf("[%d/%d] %-9s %s%n", n, STEPS, name, text);
        out.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + p, e);
        }
    }
}
