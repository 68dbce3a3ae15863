package org.creditkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;

import org.creditkit.core.codes.IndustryScheme;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.models.ModelException;
import org.creditkit.models.binning.BinningOptions;
import org.creditkit.models.data.ColumnMapping;
import org.creditkit.models.data.DatasetReader;
import org.creditkit.models.data.IndustryGrouping;
import org.creditkit.models.data.LoadResult;
import org.creditkit.models.data.SkippedRow;
import org.creditkit.models.export.BundleExport;
import org.creditkit.models.export.TrainingDetail;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditkit.core.score.Scaling;
import org.creditkit.models.eval.LeakGuard;
import org.creditkit.models.gbm.GbmOptions;
import org.creditkit.models.overlay.OverlayOptions;
import org.creditkit.models.report.HtmlReport;
import org.creditkit.models.report.ReportContent;
import org.creditkit.models.scorecard.ScorecardOptions;
import org.creditkit.models.workflow.MetricsJson;
import org.creditkit.models.workflow.ModelEvaluation;
import org.creditkit.models.workflow.ModelKind;
import org.creditkit.models.workflow.TrainOutcome;
import org.creditkit.models.workflow.TrainRequest;
import org.creditkit.models.workflow.Training;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credit train}: trains a scorecard or GBM (optionally with industry overlays and
 * cross-validation) from a portfolio, CSV or ARFF file, writes the core bundle (and the workbench
 * model beside it), the metrics JSON and optionally an HTML report. Exit codes as {@link CreditCli}:
 * 0 success, 1 some data rows skipped (each reported; the model is trained on the rest), 3 a usage
 * error (an unknown {@code --model} is refused before the data is read), unusable data or a model
 * that cannot be trained or exported.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a scorecard or gradient-boosting model from CSV or ARFF data.")
final class TrainCommand implements Callable<Integer> {

    /** The column-mapping flags shared by train, evaluate and psi. */
    public static final class MappingOptions {

        @Option(names = "--target", description = "Target column (not needed for JSON Lines portfolios). Omit for unlabelled data (psi).")
        String target = "";

        @Option(names = "--bad", description = "Target value that means default, e.g. 1 or bad.")
        String bad = "";

        @Option(names = "--good", split = ",", paramLabel = "VALUE",
                description = "Target values that mean no default, e.g. 0. Needed when the target holds more than"
                        + " one value besides --bad; rows with any other value (e.g. still running) are left out"
                        + " and counted.")
        List<String> good = new ArrayList<>();

        @Option(names = "--features", split = ",", description = "Feature columns to use (default: all others).")
        List<String> features = new ArrayList<>();

        @Option(names = "--exclude", split = ",", description = "Columns never used as features.")
        List<String> exclude = new ArrayList<>();

        @Option(names = "--categorical", split = ",", description = "Columns to treat as categorical.")
        List<String> categorical = new ArrayList<>();

        @Option(names = "--industry", description = "Industry-code column (GB/T 4754 or NAICS, see --industry-scheme), grouped by"
                + " section letter or leading digits; missing, 0 or unknown codes are scored by the base model alone.")
        String industry;

        @Option(names = "--industry-scheme", defaultValue = "gbt", description = "Classification of the --industry codes:"
                + " gbt (GB/T 4754) or naics (default ${DEFAULT-VALUE}).")
        String industryScheme;

        @Option(names = "--industry-digits", defaultValue = "2", description = "Leading digits grouping a numeric industry code (default ${DEFAULT-VALUE}).")
        int industryDigits;

        @Option(names = "--industry-divisions", description = "Group GB/T codes by division (C39) instead of section (C).")
        boolean industryDivisions;

        @Option(names = "--true-pd", description = "Column of true PDs (synthetic data) for the oracle AUC.")
        String truePd;

        @Option(names = "--max-bad-rows", defaultValue = "0.05", description = "Largest tolerated share of unusable rows (default ${DEFAULT-VALUE}).")
        double maxBadRows;

        /**
         * How the default rows were named on this command line, for messages.
         *
         * @param portfolio whether the data is a JSON Lines portfolio (labelled by its outcomes)
         * @return e.g. {@code --target status --bad good}
         */
        public String describeLabels(boolean portfolio) {
            return portfolio ? "outcome.defaulted12m = true" : "--target " + target + " --bad " + bad
                    + (good.isEmpty() ? "" : " --good " + String.join(",", good));
        }

        /**
         * The mapping these flags describe.
         *
         * @param requireTarget whether --target/--bad are mandatory
         * @param cl the command line, for a usage error
         * @return the mapping
         * @throws CommandLine.ParameterException (exit 2) when a required flag is missing
         */
        public ColumnMapping mapping(boolean requireTarget, CommandLine cl) {
            if (requireTarget && (target.isEmpty() || bad.isEmpty())) {
                throw new CommandLine.ParameterException(cl, "--target COL and --bad VALUE are required for CSV and"
                        + " ARFF data (which column is the outcome and which value means default)");
            }
            IndustryScheme scheme;
            try {
                scheme = IndustryScheme.parse(industryScheme);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--industry-scheme: " + e.getMessage());
            }
            if (industryDigits < 1) {
                throw new CommandLine.ParameterException(cl, "--industry-digits " + industryDigits
                        + ": expected at least 1 (leading digits of the code that form a group, e.g. 2)");
            }
            if (!(maxBadRows >= 0 && maxBadRows <= 1)) {
                throw new CommandLine.ParameterException(cl, "--max-bad-rows " + maxBadRows
                        + ": expected a share in [0, 1], e.g. 0.05");
            }
            IndustryGrouping grouping = new IndustryGrouping(industryDigits, industryDivisions, scheme);
            ColumnMapping m = new ColumnMapping(target, bad, features, Set.copyOf(exclude), Set.copyOf(categorical),
                    Optional.empty(), Optional.empty(), grouping, maxBadRows);
            if (!good.isEmpty()) {
                try {
                    m = m.withGoodValues(Set.copyOf(good));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cl, e.getMessage());
                }
            }
            if (industry != null) {
                m = m.withIndustry(industry, grouping);
            }
            if (truePd != null) {
                m = m.withTruePd(truePd);
            }
            return m;
        }
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, description = "Training data (.csv or .arff).")
    Path data;

    @Mixin
    MappingOptions mapping = new MappingOptions();

    @Option(names = "--model", defaultValue = "scorecard", description = "scorecard or gbm (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--industry-overlays", description = "Fit industry overlays with credibility shrinkage (needs --industry).")
    boolean overlays;

    @Option(names = "--overlay-min-bads", defaultValue = "30", description = "Defaults an industry needs for an overlay (default ${DEFAULT-VALUE}).")
    int overlayMinBads;

    @Option(names = "--k0", description = "Fixed credibility constant (rows); default: estimated from the data.")
    Double k0;

    @Option(names = "--cv", defaultValue = "0", description = "Folds of stratified cross-validation (0 = none).")
    int cv;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of folds and GBM sampling (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-iv", defaultValue = "0.02", description = "Drop features below this IV (default ${DEFAULT-VALUE}).")
    double minIv;

    @Option(names = "--max-bins", description = "Most bins per feature (default 8, or 10 from 20,000 rows).")
    Integer maxBins;

    @Option(names = "--min-bin-share", description = "Smallest share of rows per bin (default 0.03, 0.02 from 20,000 rows, 0.005 from 100,000 rows).")
    Double minBinShare;

    @Option(names = "--monotonic", split = ",", description = "Numeric features whose WoE must be monotonic.")
    List<String> monotonic = new ArrayList<>();

    @Option(names = "--monotonic-all", negatable = true, description = "Require monotonic WoE for every numeric"
            + " feature (default: yes below 20,000 rows, no from 20,000 rows; --no-monotonic-all turns it off).")
    Boolean monotonicAll;

    @Option(names = "--base-score", defaultValue = "600", description = "Score at the base odds (default ${DEFAULT-VALUE}).")
    double baseScore;

    @Option(names = "--base-odds", defaultValue = "50", description = "Good:bad odds at the base score (default ${DEFAULT-VALUE}).")
    double baseOdds;

    @Option(names = "--pdo", defaultValue = "20", description = "Points to double the odds (default ${DEFAULT-VALUE}).")
    double pdo;

    @Option(names = "--trees", description = "GBM: most trees (default 500 with early stopping from 10,000 rows, else 200).")
    Integer trees;

    @Option(names = "--shrinkage", defaultValue = "0.05", description = "GBM learning rate (default ${DEFAULT-VALUE}).")
    double shrinkage;

    @Option(names = "--max-nodes", defaultValue = "8", description = "GBM leaves per tree, grown best-first (default ${DEFAULT-VALUE}).")
    int maxNodes;

    @Option(names = "--max-depth", defaultValue = "8", description = "GBM tree depth limit (default ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--min-leaf", description = "GBM: fewest rows in a leaf (default 20 from 10,000 rows, else 10).")
    Integer minLeaf;

    @Option(names = "--l2", defaultValue = "1", description = "GBM: L2 penalty on leaf values (default ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--subsample", defaultValue = "1", description = "GBM: share of rows sampled per tree (default ${DEFAULT-VALUE}).")
    double subsample;

    @Option(names = "--validation-share",
            description = "GBM: share of rows held out for early stopping; 0 grows all --trees (default 0.1 from 10,000 rows, else 0).")
    Double validationShare;

    @Option(names = "--patience", defaultValue = "30",
            description = "GBM: trees without a better validation log loss before stopping (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--monotone", defaultValue = "none", paramLabel = "none|auto|NAME=+1,NAME=-1",
            description = "GBM monotone constraints: none; auto, the direction of every feature the scorecard of the "
                    + "same rows classes monotonically (every numeric feature below 20,000 rows, else those of "
                    + "--monotonic / --monotonic-all); or NAME=+1 (risk never falls as the value rises), NAME=-1, "
                    + "also after auto (auto,age=-1) (default ${DEFAULT-VALUE}).")
    String monotone;

    @Option(names = "--target-rate", description = "Calibrate the mean PD to this default rate.")
    Double targetRate;

    @Option(names = "--out", required = true, description = "Core model bundle to write (the one model file; evaluate and psi read it).")
    Path out;

    @Option(names = "--id", description = "Bundle id (default: credit-train-<data file name>).")
    String id;

    @Option(names = "--bundle-version", defaultValue = "1", description = "Bundle version (default ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--metrics-out", description = "Metrics JSON to write.")
    Path metricsOut;

    @Option(names = "--report", description = "Directory for the HTML model report.")
    Path report;

    @Option(names = "--allow-feature", split = ",", paramLabel = "NAME",
            description = "Train although this feature looks like a target leak (it alone separates defaulters far "
                    + "beyond the others); only for a feature known before the loan is granted.")
    List<String> allowFeatures = new ArrayList<>();

    @CommandLine.Mixin
    Progress.Options progress = new Progress.Options();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        ModelKind kind;
        try {
            kind = ModelKind.parse(model);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        requireValidOptions();
        BatchFiles.requireOutputs(spec, BatchFiles.files("--data", data),
                BatchFiles.files("--out", out, "--metrics-out", metricsOut), "--report", report, "index.html");
        try {
            LoadResult loaded = DatasetReader.read(data, mapping.mapping(!isPortfolio(data), spec.commandLine()));
            reportLoad(err, loaded);
            requireEnoughOfEachClass(data, loaded, "training");
            BinningOptions sized = BinningOptions.forRows(loaded.dataset().rows());
            BinningOptions binning = new BinningOptions(minBinShare != null ? minBinShare : sized.minBinShare(),
                    maxBins != null ? maxBins : sized.maxBins(), 50, 0.002, minIv, Set.copyOf(monotonic),
                    monotonicAll != null ? monotonicAll : sized.monotonicAllNumeric());
            ScorecardOptions sc = ScorecardOptions.defaults().withBinning(binning)
                    .withScaling(Scaling.of(baseScore, baseOdds, pdo));
            GbmOptions sizedGbm = GbmOptions.forRows(loaded.dataset().rows(), seed);
            GbmOptions gbm;
            try {
                gbm = new GbmOptions(trees != null ? trees : sizedGbm.trees(), maxDepth, maxNodes,
                        minLeaf != null ? minLeaf : sizedGbm.nodeSize(), shrinkage, subsample, l2,
                        validationShare != null ? validationShare : sizedGbm.validationShare(), patience, seed);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + " (options --trees, "
                        + "--max-depth, --max-nodes, --min-leaf for nodeSize, --shrinkage, --subsample, --l2, "
                        + "--validation-share for validationShare, --patience)");
            }
            Monotone mono = Monotone.parse(monotone, spec.commandLine());
            if (kind != ModelKind.GBM && (mono.auto() || !mono.directions().isEmpty())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--monotone " + monotone
                        + " constrains a GBM; add --model gbm or drop --monotone (the scorecard's own is --monotonic)");
            }
            try {
                gbm = gbm.withMonotone(mono.directions());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--monotone: " + e.getMessage());
            }
            OverlayOptions oo = OverlayOptions.defaults().withMinBads(overlayMinBads);
            if (k0 != null) {
                oo = oo.withK0(k0);
            }
            TrainRequest request = new TrainRequest(kind, sc, gbm, overlays, oo, cv, seed,
                    targetRate == null ? OptionalDouble.empty() : OptionalDouble.of(targetRate), mono.auto());
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("data", data.getFileName().toString());
            if (!isPortfolio(data)) {
                meta.put("target", mapping.target + "=" + mapping.bad);
            }
            LeakGuard.Result guard = LeakGuard.check(loaded.dataset(), Set.copyOf(allowFeatures));
            guard.notes().forEach(n -> err.println("note: " + n));
            Progress bar = new Progress(err, progress.wanted(), "training", 0);
            TrainOutcome outcome;
            try {
                outcome = Training.run(loaded.dataset(), request, meta, bar);
            } finally {
                bar.done();
            }
            outcome.notes().forEach(n -> err.println("note: " + n));
            String bundleId = id != null ? id : "credit-train-" + BundleExport.id(baseName(data)).replace('_', '-');
            Exported exported = export(outcome, loaded, bundleId, version, "creditkit credit train", data, out,
                    java.util.Optional.ofNullable(metricsOut));
            ModelEvaluation ev = exported.evaluation();
            ModelBundle bundle = exported.bundle();
            outw.printf(java.util.Locale.ROOT, "trained %s on %s: in-sample AUC %.4f, KS %.4f%s%s%n",
                    outcome.model().kind(), loaded.summary(), ev.metrics().auc(), ev.metrics().ks(),
                    outcome.cv().map(c -> String.format(java.util.Locale.ROOT, "; %d-fold CV AUC %.4f (sd %.4f)", c.k(),
                            c.meanAuc(), c.sdAuc())).orElse(""),
                    ev.oracle().map(o -> String.format(java.util.Locale.ROOT, "; oracle AUC %.4f", o.auc())).orElse(""));
            outw.println("bundle written to " + out + " (" + bundle.checksum() + ")");
            outcome.industryLayer().ifPresent(l -> outw.print(l.toText()));
            if (report != null) {
                List<String> notes = new ArrayList<>(loaded.notes());
                notes.addAll(outcome.notes());
                Path file = HtmlReport.write(new ReportContent("Model report: " + outcome.model().kind() + " on "
                        + data.getFileName(), data + ": " + loaded.summary(), java.util.Optional.of(TrainingDetail.of(outcome.model())), outcome.model().kind(),
                        bundle.checksum(), ev,
                        outcome.cv(), notes, outcome.industryLayer()), report);
                outw.println("report written to " + file);
            }
            outw.flush();
            return loaded.skipped().isEmpty() ? CreditCli.EXIT_OK : CreditCli.EXIT_REJECTED;
        } catch (org.creditkit.core.CreditException | IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("credit train: " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
    }

    /**
     * The value of {@code --monotone}.
     *
     * @param auto whether the scorecard's monotonic features give directions
     * @param directions the directions named explicitly
     */
    record Monotone(boolean auto, Map<String, Integer> directions) {

        /** Parses {@code none}, {@code auto} or {@code [auto,]NAME=+1,NAME=-1,...}; a usage error names the item. */
        static Monotone parse(String text, CommandLine cl) {
            String t = text.strip();
            if (t.equals("none")) {
                return new Monotone(false, Map.of());
            }
            boolean auto = false;
            Map<String, Integer> directions = new LinkedHashMap<>();
            for (String item : t.split(",", -1)) {
                String it = item.strip();
                int eq = it.indexOf('=');
                String d = eq < 0 ? "" : it.substring(eq + 1).strip();
                if (it.equals("auto")) {
                    auto = true;
                } else if (eq > 0 && (d.equals("+1") || d.equals("1") || d.equals("-1") || d.equals("0"))) {
                    String name = it.substring(0, eq).strip();
                    Integer before = directions.put(name, Integer.parseInt(d.replace("+", "")));
                    if (before != null) {
                        // 'age=+1,age=-1' used to keep the last silently: say which one is meant
                        throw new CommandLine.ParameterException(cl, "--monotone: " + name + " is named twice;"
                                + " valid: each feature once (auto may be combined with NAME=... to override it)"
                                + " (got '" + text + "')");
                    }
                } else {
                    throw new CommandLine.ParameterException(cl, "--monotone: '" + it + "' is neither auto nor"
                            + " NAME=+1, NAME=-1 or NAME=0; valid: none, auto, or a comma-separated list of those"
                            + " (got '" + text + "')");
                }
            }
            return new Monotone(auto, directions);
        }
    }

    /**
     * A trained model as written: its in-sample evaluation and its core bundle.
     *
     * @param evaluation in-sample metrics
     * @param bundle the bundle written
     */
    record Exported(ModelEvaluation evaluation, ModelBundle bundle) {
    }

    /**
     * Evaluates a trained model in-sample, exports it as a core bundle to {@code bundleFile} and writes
     * the metrics JSON: the training library's steps after {@code Training.run}, shared by
     * {@code train} and {@code demo}.
     */
    static Exported export(TrainOutcome outcome, LoadResult loaded, String bundleId, String version, String createdBy,
            Path data, Path bundleFile, java.util.Optional<Path> metricsFile) {
        ModelEvaluation ev = ModelEvaluation.of("training (in-sample)", outcome.model(), loaded.dataset(),
                BundleExport.gradeBands());
        ObjectNode json = MetricsJson.of(ev, outcome.cv(), outcome.model().kind(), "");
        outcome.industryLayer().ifPresent(l -> MetricsJson.industryLayer(json, l));
        MetricsJson.development(json, ev.development()); // sealed into the bundle: evaluate's stability check
        ObjectNode bundleMetrics = json.deepCopy();
        bundleMetrics.remove("model");
        ModelBundle bundle = BundleExport.export(outcome.model(),
                new BundleExport.Options(bundleId, version, createdBy, "Trained "
                        + outcome.model().kind() + " on " + data.getFileName(), "workbench:" + bundleId + "/" + version),
                bundleMetrics);
        bundle.write(bundleFile);
        ((ObjectNode) json.get("model")).put("sha256", bundle.checksum());
        ((ObjectNode) json.get("model")).put("bundleChecksum", bundle.checksum());
        ((ObjectNode) json.get("model")).put("bundleId", bundle.id());
        if (metricsFile.isPresent()) {
            MetricsJson.write(json, metricsFile.get());
        }
        return new Exported(ev, bundle);
    }

    /**
     * Whether a data file is the project's JSON Lines portfolio format.
     *
     * @param file the data file
     * @return true for .jsonl and .ndjson
     */
    static boolean isPortfolio(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /**
     * Reports every skipped row with its line and reason (each one: a user fixing the file needs them
     * all, as the batch commands give them), the notes and the summary.
     *
     * @param err the error stream
     * @param loaded the load result
     */
    static void reportLoad(PrintWriter err, LoadResult loaded) {
        for (SkippedRow s : loaded.skipped()) {
            err.println("skipped " + s);
        }
        loaded.notes().forEach(n -> err.println("note: " + n));
        err.println(loaded.summary());
        err.flush();
    }

    /**
     * Refuses an out-of-range training option by its own name before any data is read (the library's
     * checks named their fields, "maxBins must be at least 2", after the file was loaded).
     */
    private void requireValidOptions() {
        java.util.List<String> bad = new ArrayList<>();
        if (!(minIv >= 0) || Double.isInfinite(minIv)) {
            bad.add("--min-iv " + minIv + ": expected 0 or more, e.g. 0.02");
        }
        if (maxBins != null && maxBins < 2) {
            bad.add("--max-bins " + maxBins + ": expected at least 2");
        }
        if (minBinShare != null && !(minBinShare > 0 && minBinShare <= 0.5)) {
            bad.add("--min-bin-share " + minBinShare + ": expected a share in (0, 0.5], e.g. 0.03");
        }
        if (!Double.isFinite(baseScore)) {
            bad.add("--base-score " + baseScore + ": expected a finite score, e.g. 600");
        }
        if (!(baseOdds > 0) || Double.isInfinite(baseOdds)) {
            bad.add("--base-odds " + baseOdds + ": expected good:bad odds above 0, e.g. 50");
        }
        if (!(pdo > 0) || Double.isInfinite(pdo)) {
            bad.add("--pdo " + pdo + ": expected points above 0, e.g. 20");
        }
        if (targetRate != null && !(targetRate > 0 && targetRate < 1)) {
            bad.add("--target-rate " + targetRate + ": expected a default rate in (0, 1), e.g. 0.03");
        }
        if (k0 != null && (!(k0 >= 0) || Double.isInfinite(k0))) {
            bad.add("--k0 " + k0 + ": expected a credibility constant of 0 rows or more");
        }
        if (overlayMinBads < 1) {
            bad.add("--overlay-min-bads " + overlayMinBads + ": expected at least 1");
        }
        if (cv == 1 || cv < 0) {
            bad.add("--cv " + cv + ": expected 0 (none) or at least 2 folds");
        }
        if (!bad.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join("; ", bad));
        }
    }

    /** Fewest defaults, and fewest non-defaults, a model is trained or judged on (as an industry overlay needs). */
    static final int MIN_CLASS_ROWS = 30;

    /**
     * Refuses labelled data with fewer than {@link #MIN_CLASS_ROWS} bads or goods: on so few rows
     * chance separates them (20 rows trained to an in-sample AUC of 1.000 and a GREEN verdict, and
     * 3 rows stopped on a "target leak" in every column).
     *
     * @throws ModelException naming the file, the counts and the floor
     */
    static void requireEnoughOfEachClass(Path file, LoadResult loaded, String purpose) {
        int rows = loaded.dataset().rows();
        int bads = loaded.dataset().bads();
        if (bads < MIN_CLASS_ROWS || rows - bads < MIN_CLASS_ROWS) {
            throw new ModelException(file + ": " + bads + " bad and " + (rows - bads) + " good rows of " + rows
                    + " usable; " + purpose + " needs at least " + MIN_CLASS_ROWS + " of each (on fewer, chance"
                    + " separates them and the AUC and verdict mean nothing). Add rows, or check --target and --bad");
        }
    }
}
