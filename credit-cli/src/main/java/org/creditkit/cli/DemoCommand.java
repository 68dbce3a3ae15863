package org.creditkit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.creditkit.core.chain.ChainReport;
import org.creditkit.core.chain.ChainSigner;
import org.creditkit.core.chain.ChainVerifier;
import org.creditkit.core.chain.ChainWriter;
import org.creditkit.core.chain.CheckpointKeys;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.fairness.AuditAccumulator;
import org.creditkit.core.fairness.AuditConfig;
import org.creditkit.core.fairness.AuditReport;
import org.creditkit.core.fairness.AuditScope;
import org.creditkit.core.fairness.CounterfactualReport;
import org.creditkit.core.fairness.ScoreShiftReport;
import org.creditkit.core.fairness.FairnessReports;
import org.creditkit.core.fairness.FairnessThresholds;
import org.creditkit.core.fairness.Grouping;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.sign.TrustStore;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.models.binning.BinningOptions;
import org.creditkit.models.data.ColumnMapping;
import org.creditkit.models.data.DatasetReader;
import org.creditkit.models.data.LoadResult;
import org.creditkit.models.gbm.GbmOptions;
import org.creditkit.models.overlay.OverlayOptions;
import org.creditkit.models.scorecard.ScorecardOptions;
import org.creditkit.models.workflow.ModelKind;
import org.creditkit.models.workflow.TrainOutcome;
import org.creditkit.models.workflow.TrainRequest;
import org.creditkit.models.workflow.Training;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Tier;
import org.creditkit.rules.audit.Counterfactuals;
import org.creditkit.rules.audit.DecisionJson;
import org.creditkit.rules.audit.DecisionLog;
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
 * loans and monitors them for 24 months after the loan. Each step calls the library workflow
 * directly (the generator, the strict reader, {@code Training.run} and the bundle export,
 * {@code CreditEngine}, {@code AuditAccumulator}, {@code Counterfactuals}, {@code LoanBookWorkflow})
 * and prints its result objects; no step runs another command or reads its printed text. Every
 * file is kept in {@code --out} (default {@code target/creditkit-demo}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run creditkit end to end on the built-in synthetic SME portfolio:",
            "generate -> validate -> features -> train -> score -> decide -> audit.",
            "Files (portfolios, features, model bundle, decisions, decision log, fairness report) are kept in --out."})
final class DemoCommand implements Callable<Integer> {

    private static final int STEPS = 9;
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

    @CommandLine.Mixin
    Progress.Options progress = new Progress.Options();

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
        boolean showProgress = progress.wanted();
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
            return CreditCli.EXIT_INTERNAL;
        }

        // 4. train base scorecard + industry overlays on the training portfolio (the training library)
        Path bundleFile = dir.resolve("model.json");
        t = System.nanoTime();
        LoadResult loaded = DatasetReader.read(portfolio, ColumnMapping.unlabelled());
        org.creditkit.models.eval.LeakGuard.check(loaded.dataset(), Set.of()).notes()
                .forEach(n -> out.println("  note: " + n));
        Progress trainBar = new Progress(err, showProgress, "training", 0);
        TrainRequest request = new TrainRequest(ModelKind.SCORECARD, ScorecardOptions.defaults()
                .withBinning(BinningOptions.forRows(loaded.dataset().rows())), GbmOptions.defaults(seed), true,
                OverlayOptions.defaults(), 0, seed, OptionalDouble.empty());
        TrainOutcome outcome = Training.run(loaded.dataset(), request,
                Map.of("data", portfolio.getFileName().toString()), trainBar);
        trainBar.done();
        TrainCommand.Exported exported = TrainCommand.export(outcome, loaded, "demo-scorecard", "1",
                "creditkit credit demo", portfolio, bundleFile, Optional.of(dir.resolve("train-metrics.json")));
        ModelBundle trained = exported.bundle();
        step(out, 4, "train", String.format(Locale.ROOT, "trained %s on %s: in-sample AUC %.4f, KS %.4f (%.1f s)",
                outcome.model().kind(), loaded.summary(), exported.evaluation().metrics().auc(),
                exported.evaluation().metrics().ks(), seconds(t)));
        out.println("  -> " + bundleFile.getFileName() + " " + trained.checksum().substring(0, "sha256:".length() + 12));
        outcome.industryLayer().ifPresent(l -> l.toText().lines().forEach(x -> out.println("  " + x)));

        // 5. score the holdout with the trained bundle (and the built-in expert bundle for comparison)
        t = System.nanoTime();
        List<LabeledApplication> holdout = holdoutGen.generateAll();
        // the demo signs its own bundle with the key it generates (docs/bundles.md); its engines trust only that key
        DemoKeys keys = DemoKeys.in(dir.resolve("keys"));
        SigningKey demoKey = SigningKey.read(keys.privateKey());
        Path signedFile = dir.resolve("model.signed.json");
        ModelBundle signed = trained.signedWith(demoKey);
        signed.write(signedFile);
        TrustStore demoTrust = TrustStore.read(List.of(keys.publicKey()));
        ScoreSummary scored = ScoreSummary.of(holdout, trained.scorer());
        ScoreSummary expert = ScoreSummary.of(holdout, ModelBundle.defaultBundle().scorer());
        step(out, 5, "score", String.format(Locale.ROOT,
                "holdout scored with the trained bundle in %.1f s (the built-in expert bundle: AUC %.4f)",
                seconds(t), expert.auc()));
        out.print(scored.toText());
        out.println("  -> " + signedFile.getFileName() + ": signed with the demo's key; its engines trust only that key");

        // 6. decide the holdout with the default Drools policy (the CreditEngine facade), writing the
        // decisions and the signed decision trail
        Path decisions = dir.resolve("decisions.jsonl");
        Path log = dir.resolve("decision-log.jsonl");
        t = System.nanoTime();
        deleteTrail(log);
        Map<Tier, long[]> tiers = new EnumMap<>(Tier.class); // tier -> {count, with outcome, defaulted}
        Map<Tier, double[]> sums = new EnumMap<>(Tier.class); // tier -> {sum PD, sum expected loss}
        DecisionLog trail = DecisionLog.to(log).signer(ChainSigner.of(demoKey))
                .pseudonymKey(PseudonymKey.fromFile(keys.pseudonymKey())).open();
        try (CreditEngine engine = CreditEngine.builder().model(signed).trust(demoTrust).decisionLog(trail).build();
             BufferedWriter w = Files.newBufferedWriter(decisions, StandardCharsets.UTF_8)) {
            DecisionJson lines = DecisionJson.writer();
            for (LabeledApplication la : holdout) {
                Optional<Boolean> defaulted = la.outcome().map(LabeledApplication.Outcome::defaulted12m);
                CreditEngine.Evaluation ev = engine.evaluate(la.application(), defaulted);
                w.write(lines.text(la.application(), ev, defaulted));
                w.write('\n');
                long[] c = tiers.computeIfAbsent(ev.decision().tier(), k -> new long[3]);
                c[0]++;
                double[] sum = sums.computeIfAbsent(ev.decision().tier(), k -> new double[2]);
                sum[0] += ev.score().pd();
                sum[1] += ev.decision().expectedLoss().expectedLoss().doubleValue();
                if (defaulted.isPresent()) {
                    c[1]++;
                    c[2] += defaulted.get() ? 1 : 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + decisions, e);
        }
        step(out, 6, "decide", String.format(Locale.ROOT, "decided %d of %d applications -> %s, %s (%.1f s)",
                tiers.values().stream().mapToLong(c -> c[0]).sum(), holdout.size(), decisions.getFileName(),
                log.getFileName(), seconds(t)));
        out.println("  " + keys.note());
        ChainReport verified = ChainVerifier.verify(log, CheckpointKeys.of(TrustStore.read(List.of(keys.publicKey()))));
        out.print("  trail: " + verified.toText().lines().findFirst().orElse(""));
        out.println();
        if (!verified.ok()) {
            err.print(verified.toText());
            err.flush();
            return CreditCli.EXIT_VERDICT;
        }
        printTierMix(out, tiers, sums, holdout.size());
        IndustryComparison.printApprovals(out, signed, demoKey, demoTrust, holdout);

        // 7. fairness audit of the decision trail (the fairness library), as an auditor would run it
        Path auditDir = dir.resolve("audit");
        t = System.nanoTime();
        List<Grouping> groupings = Stream.of("industrySection", "zone", "sizeClass", "ownership",
                "industrySection*zone").map(Grouping::parse).toList();
        AuditConfig.Builder config = AuditConfig.builder()
                .title("creditkit demo: fairness audit of the holdout decisions")
                .dataSource(log.getFileName().toString()).thresholds(FairnessThresholds.defaults())
                .reference("industrySection", "C");
        groupings.forEach(config::grouping);
        // the audit date an auditor signs, and (read from the trail) the data digest, the model with its
        // checksum, the rule set and the decision period: the report names what it audited
        config.generatedAt(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        AuditAccumulator audit = new AuditAccumulator(config.build());
        AuditScope scope = AuditLogReader.read(log, new AuditRecordMapper.Spec(groupings, "tier",
                Set.of("INSTANT_APPROVAL", "MITIGATION"), Optional.of("defaulted"), Optional.of("true"),
                Set.of(), Optional.of("score"), Optional.of("pd")), audit);
        AuditReport report = audit.report(scope);
        List<Path> reports = FairnessReports.writeAll(report, auditDir);
        step(out, 7, "audit", String.format(Locale.ROOT, "%s (%.1f s)", AuditCommand.header(report), seconds(t)));
        AuditCommand.notableChecks(report).forEach(l -> out.println("  " + l));
        out.println("  " + AuditCommand.checksLine(report));
        out.println("  " + AuditCommand.verdictLine(report));
        if (report.exitCode() != 0) {
            out.println("  note: approval here is INSTANT_APPROVAL or MITIGATION (manual review counts as not approved);"
                    + " docs/fairness.md \"Reading the demo's FAIL\" traces the default run's FAIL to PD-driven"
                    + " manual review of a sector that defaulted more in training, not to the thresholds");
        }
        out.println("  HTML report: " + reports.get(0).toAbsolutePath());

        // 8. counterfactual probe: re-decide with zone / ownership swapped
        t = System.nanoTime();
        List<LoanApplication> probeSet = holdout.stream().limit(PROBE_SIZE).map(LabeledApplication::application).toList();
        StringBuilder probe = new StringBuilder();
        StringBuilder probeMd = new StringBuilder("# Counterfactual probes of the demo's engine\n\n");
        try (CreditEngine engine = CreditEngine.builder().model(signed).trust(demoTrust).build()) {
            for (Counterfactuals.Attribute a : Counterfactuals.Attribute.values()) {
                CounterfactualReport cr = Counterfactuals.probe(engine, probeSet, a);
                probe.append(String.format(Locale.ROOT, "  %-9s %,d re-decisions, %d changed tier (%.2f%%), %d approvals lost, %d gained%n",
                        cr.attribute(), cr.changed().trials(), cr.changed().successes(),
                        100.0 * cr.changed().successes() / cr.changed().trials(), cr.lostFavourable(),
                        cr.gainedFavourable()));
                probeMd.append(cr.toMarkdown()).append('\n');
            }
            // the scores too: industry may move them only through the industry layer, zone and ownership not at all
            for (Counterfactuals.Attribute a : List.of(Counterfactuals.Attribute.INDUSTRY, Counterfactuals.Attribute.ZONE,
                    Counterfactuals.Attribute.OWNERSHIP)) {
                ScoreShiftReport sr = Counterfactuals.scores(engine, probeSet, a);
                probe.append("  score ").append(sr.summary()).append('\n');
                probeMd.append(sr.toMarkdown()).append('\n');
            }
        }
        Path probeFile = dir.resolve("counterfactual.md");
        try {
            Files.writeString(probeFile, probeMd, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + probeFile, e);
        }
        probe.append("  probe tables: ").append(probeFile.toAbsolutePath()).append('\n');
        step(out, 8, "probe", String.format(Locale.ROOT,
                "counterfactual: %,d holdout applications re-decided with one attribute swapped (%.1f s)",
                probeSet.size(), seconds(t)));
        out.print(probe);

        // 9. after the loan: book the approved holdout applications and monitor them for 24 months
        Path monitorDir = dir.resolve("monitor");
        if (monitor(out, err, signed, demoTrust, holdout, dir.resolve("book.jsonl"), monitorDir) != CreditCli.EXIT_OK) {
            return CreditCli.EXIT_INTERNAL;
        }

        out.printf("%ndemo finished in %.1f s; fairness report: %s; monitoring report: %s%n", seconds(started),
                auditDir.resolve("report.html").toAbsolutePath(), monitorDir.resolve("monitor.html").toAbsolutePath());
        out.flush();
        return CreditCli.EXIT_OK;
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
                    new Progress(err, progress.wanted(), "monitored loan-book lines", booked.lines()));
            step(out, 9, "monitor", String.format(Locale.ROOT, "%,d holdout loans booked (every tier but "
                    + "DECLINE; manual reviews taken as approved at the offer) with 24 months of updates (%,d lines) and monitored (%.1f s): %s", booked.loans(), booked.lines(), seconds(t),
                    org.creditkit.core.monitor.MonitorReport.verdict(m.summary())));
            out.println("  " + LoanBookWorkflow.describe(m.summary()));
            m.summary().breaches().forEach(b -> out.println("  limit exceeded: " + b));
            if (m.read().badLines() > 0) {
                err.println("credit demo: the generated loan book had " + m.read().badLines() + " rejected lines");
                return CreditCli.EXIT_INTERNAL;
            }
            return CreditCli.EXIT_OK;
        } catch (java.io.IOException e) {
            err.println("credit demo: step 'monitor' failed: " + e.getMessage());
            return CreditCli.EXIT_INTERNAL;
        }
    }

    /** Count, share, approval, observed default rate, mean PD and mean expected loss per tier. */
    private static void printTierMix(PrintWriter out, Map<Tier, long[]> tiers, Map<Tier, double[]> sums, long total) {
        out.printf("  %-17s %8s %7s %9s %14s %8s %12s%n", "tier", "count", "share", "approved", "observed def.",
                "mean PD", "mean EL CNY");
        for (Map.Entry<Tier, long[]> e : tiers.entrySet()) {
            long[] c = e.getValue();
            double[] s = sums.get(e.getKey());
            out.printf(Locale.ROOT, "  %-17s %,8d %6.1f%% %8.1f%% %13s %7.2f%% %,12.0f%n", e.getKey(), c[0],
                    100.0 * c[0] / total, e.getKey().isApproval() ? 100.0 : 0.0,
                    c[1] == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * c[2] / c[1]), 100 * s[0] / c[0],
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
