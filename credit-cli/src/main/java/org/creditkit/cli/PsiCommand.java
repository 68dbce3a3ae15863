package org.creditkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.score.scorecard.Scorecard;
import org.creditkit.models.ModelException;
import org.creditkit.models.data.ColumnMapping;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.DatasetReader;
import org.creditkit.models.data.LoadResult;
import org.creditkit.models.data.Feature;
import org.creditkit.models.data.FeatureAlignment;
import org.creditkit.models.eval.Stability;
import org.creditkit.models.export.BundleExport;
import org.creditkit.models.report.StabilityReport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credit psi}: population stability between an expected (development) and an actual
 * (recent) dataset. With {@code --model}, the PSI of the model's scores and the CSI of each model
 * feature over the model's own bins (for a bundle, from the bundle alone: the bins of its base
 * scorecard as the core scorer assigns them, or deciles/levels of its training columns for a tree
 * ensemble); without it, the CSI of every common feature over deciles (or
 * levels) of the expected data. Bands: below 0.10 stable, 0.10-0.25 moderate, above 0.25 shift.
 * Outcomes are not needed. Exit codes as {@link CreditCli}: 0, 2 (SHIFT) when the score PSI, or
 * without a model the largest feature CSI, exceeds {@code --limit}, 3 on unusable data or model.
 */
@Command(name = "psi", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Population stability (PSI) and per-feature CSI between two datasets.")
final class PsiCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--expected", required = true, description = "Development data (.csv or .arff).")
    Path expected;

    @Option(names = "--actual", required = true, description = "Recent data (.csv or .arff).")
    Path actual;

    @Option(names = "--model", description = "Core model bundle: PSI of its scores and CSI over its bins.")
    Path model;

    @Mixin
    TrainCommand.MappingOptions mapping = new TrainCommand.MappingOptions();

    @Option(names = "--out", description = "JSON file for the results (default: table on stdout only).")
    Path outFile;

    @Option(names = "--report", paramLabel = "DIR", description = "Directory for the HTML stability report (report.html).")
    Path reportDir;

    @Option(names = "--limit", paramLabel = "PSI", defaultValue = "0.25",
            description = "Exit 2 (SHIFT) when the score PSI, or without --model the largest feature CSI, exceeds "
                    + "this (default ${DEFAULT-VALUE}, the edge of the shift band).")
    double limit;

    @Mixin
    Progress.Options progress = new Progress.Options();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        BatchFiles.requireOutputs(spec, BatchFiles.files("--expected", expected, "--actual", actual, "--model", model),
                BatchFiles.files("--out", outFile), "--report", reportDir, StabilityReport.FILE);
        refuseComparingAFileWithItself();
        Progress bar = new Progress(err, progress.wanted(), "psi", 0);
        try {
            if (!(limit > 0.0) || Double.isInfinite(limit)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit " + limit
                        + ": expected a positive PSI, e.g. 0.25 (shift) or 0.10 (moderate)");
            }
            ColumnMapping m = mapping.mapping(false, spec.commandLine());
            if (m.labelled()) {
                m = m.withExclude(union(m.exclude(), m.target()));
                m = new ColumnMapping("", "", m.features(), m.exclude(), m.categorical(), m.industry(), m.truePd(),
                        m.grouping(), m.maxBadRowShare());
            }
            bar.step("reading data", 0, 2);
            LoadResult expectedLoad = DatasetReader.read(expected, m);
            bar.step("reading data", 1, 2);
            LoadResult actualLoad = DatasetReader.read(actual, m);
            bar.step("reading data", 2, 2);
            // every skipped row is reported with its line, and makes the exit 1 unless the verdict is SHIFT
            reportSkipped(err, "--expected " + expected.getFileName() + ": ", expectedLoad);
            reportSkipped(err, "--actual " + actual.getFileName() + ": ", actualLoad);
            boolean skipped = !expectedLoad.skipped().isEmpty() || !actualLoad.skipped().isEmpty();
            Dataset e = expectedLoad.dataset();
            Dataset a = actualLoad.dataset();
            List<Stability.Result> results = new ArrayList<>();
            Stability.Result scorePsi = null;
            String modelText = null;
            if (model != null) {
                EvaluateCommand.LoadedModel lm = EvaluateCommand.load(model);
                modelText = lm.bundle().id() + "@" + lm.bundle().version() + " (checksum " + lm.bundle().checksum() + ")";
                if (!TrainCommand.isPortfolio(expected)) {
                    BundleExport.unknownLevels(lm.bundle(), e).forEach(u -> err.println("warning: --expected "
                            + expected.getFileName() + ": " + u));
                }
                if (!TrainCommand.isPortfolio(actual)) {
                    BundleExport.unknownLevels(lm.bundle(), a).forEach(u -> err.println("warning: --actual "
                            + actual.getFileName() + ": " + u));
                }
                bar.step("scoring", 0, 2);
                double[] expectedScores = scores(lm, "--expected", expected, e);
                bar.step("scoring", 1, 2);
                double[] actualScores = scores(lm, "--actual", actual, a);
                bar.step("scoring", 2, 2);
                scorePsi = Stability.psi("score", expectedScores, actualScores, 10);
                results.addAll(bundleCsi(lm.bundle(), e, a, bar));
            } else {
                results.addAll(unsupervised(e, a, e.features(), bar));
            }
            bar.done();
            ObjectNode json = new ObjectMapper().createObjectNode();
            if (scorePsi != null) {
                out.printf(Locale.ROOT, "score PSI %.4f (%s)%n", scorePsi.index(), scorePsi.band());
                json.set("score", result(scorePsi));
            }
            ArrayNode features = json.putArray("features");
            out.printf(Locale.ROOT, "%-32s %8s  %s%n", "feature", "CSI", "band");
            for (Stability.Result r : results) {
                out.printf(Locale.ROOT, "%-32s %8.4f  %s%n", r.name(), r.index(), r.band());
                features.add(result(r));
            }
            if (outFile != null) {
                java.nio.file.Files.writeString(outFile, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json) + "\n");
            }
            StabilityReport.Content content = new StabilityReport.Content("Population stability: " + actual.getFileName()
                    + " against " + expected.getFileName(), expected + " (" + e.rows() + " rows)",
                    actual + " (" + a.rows() + " rows)", java.util.Optional.ofNullable(modelText),
                    java.util.Optional.ofNullable(scorePsi), results, limit);
            if (reportDir != null) {
                out.println("report written to " + StabilityReport.write(content, reportDir));
            }
            out.printf(Locale.ROOT, "verdict %s: %s %s the limit %.4f%n", content.shifted() ? "SHIFT" : "STABLE",
                    scorePsi != null ? "score PSI" : "largest feature CSI", content.shifted() ? "exceeds" : "is within",
                    limit);
            out.flush();
            if (!content.shifted() && skipped) {
                err.println("credit psi: some rows were skipped (see above); the rest were compared");
                err.flush();
            }
            return content.shifted() ? CreditCli.EXIT_VERDICT : skipped ? CreditCli.EXIT_REJECTED : CreditCli.EXIT_OK;
        } catch (org.creditkit.core.CreditException | IllegalArgumentException | java.io.IOException e) {
            bar.done();
            err.println("credit psi: " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
    }

    /**
     * A file compared with itself (the same path, a link to it, or a byte-identical copy) is STABLE by
     * construction, PSI 0 on every feature: almost surely the wrong file given, and a verdict that says
     * nothing about the population. Refused as a usage error before anything is read.
     */
    private void refuseComparingAFileWithItself() {
        if (!java.nio.file.Files.isRegularFile(expected) || !java.nio.file.Files.isRegularFile(actual)) {
            return; // the reader names a missing file
        }
        String why = "; a file compared with itself is STABLE by construction (PSI 0 on every feature), which says"
                + " nothing about the population: give the development sample as --expected and a recent sample"
                + " as --actual";
        try {
            if (expected.toAbsolutePath().normalize().equals(actual.toAbsolutePath().normalize())
                    || java.nio.file.Files.isSameFile(expected, actual)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--expected and --actual are the same"
                        + " file (" + actual + ")" + why);
            }
            if (java.nio.file.Files.mismatch(expected, actual) == -1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--expected " + expected + " and --actual "
                        + actual + " have identical content (" + java.nio.file.Files.size(actual) + " bytes)" + why);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.Set<String> union(java.util.Set<String> s, String x) {
        java.util.Set<String> out = new java.util.HashSet<>(s);
        out.add(x);
        return out;
    }

    /**
     * CSI from the bundle alone: over the bins of its base scorecard (as the core scorer bins each
     * value), or, for another base, over deciles or levels of the training columns it records.
     */
    private static List<Stability.Result> bundleCsi(ModelBundle bundle, Dataset e, Dataset a, Progress bar) {
        List<BundleExport.Column> columns = BundleExport.columns(bundle);
        if (!(bundle.base() instanceof Scorecard card)) {
            return unsupervised(e, a, columns.stream().map(BundleExport.Column::feature).toList(), bar);
        }
        Map<String, String> names = new HashMap<>();
        columns.forEach(c -> names.put(c.id(), c.name()));
        List<FeatureVector> ve = BundleExport.vectors(bundle, e);
        List<FeatureVector> va = BundleExport.vectors(bundle, a);
        List<Stability.Result> out = new ArrayList<>();
        int characteristics = card.characteristics().size();
        for (Scorecard.Characteristic c : card.characteristics()) {
            bar.step("feature CSI", out.size(), characteristics);
            List<String> labels = new ArrayList<>();
            if (c instanceof Scorecard.Numeric n) {
                n.bins().forEach(b -> labels.add(b.label()));
            } else if (c instanceof Scorecard.Categorical k) {
                k.categories().forEach(cat -> labels.add(cat.label()));
                labels.add("other");
            }
            labels.add("missing");
            int index = bundle.catalogue().indexOf(c.feature());
            out.add(Stability.csi(names.getOrDefault(c.feature(), c.feature()), labels,
                    binCounts(card, c.feature(), index, ve, labels), binCounts(card, c.feature(), index, va, labels)));
        }
        bar.step("feature CSI", characteristics, characteristics);
        return out;
    }

    private static long[] binCounts(Scorecard card, String feature, int index, List<FeatureVector> vectors,
            List<String> labels) {
        long[] n = new long[labels.size()];
        for (FeatureVector v : vectors) {
            n[labels.indexOf(card.binLabel(feature, v.isMissing(index) ? Double.NaN : v.value(index)))]++;
        }
        return n;
    }

    /** CSI over decile bins (numeric) or levels (categorical) of the expected data. */
    private static List<Stability.Result> unsupervised(Dataset e, Dataset a, List<Feature> features, Progress bar) {
        List<Stability.Result> out = new ArrayList<>();
        for (Feature f : features) {
            bar.step("feature CSI", out.size(), features.size());
            int fi = e.indexOf(f.name()).orElseThrow(() -> new ModelException("--expected has no column ("
                    + f.name() + ") that the model reads; its columns: " + names(e)));
            if (a.indexOf(f.name()).isEmpty()) {
                throw new ModelException("--actual has no column (" + f.name() + ") that --expected has; both files"
                        + " need the same columns. --actual's columns: " + names(a));
            }
            Feature have = e.features().get(fi);
            out.add(Stability.csi(have, e.column(fi), FeatureAlignment.columns(a, List.of(have))[0]));
        }
        bar.step("feature CSI", features.size(), features.size());
        return out;
    }

    /** The model's log-odds of one file's rows; a column the model needs and the file lacks names the file. */
    private static double[] scores(EvaluateCommand.LoadedModel model, String option, Path file, Dataset d) {
        try {
            return model.logOdds(file, d);
        } catch (ModelException ex) {
            throw new ModelException(option + " " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static void reportSkipped(PrintWriter err, String prefix, LoadResult loaded) {
        if (!loaded.skipped().isEmpty()) {
            loaded.skipped().forEach(row -> err.println(prefix + "skipped " + row));
            err.println(prefix + "used " + loaded.dataset().rows() + " of " + loaded.sourceRows() + " rows ("
                    + loaded.skipped().size() + " skipped)");
        }
    }

    private static List<String> names(Dataset d) {
        return d.features().stream().map(Feature::name).toList();
    }

    private static ObjectNode result(Stability.Result r) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("name", r.name());
        o.put("index", r.index());
        o.put("band", r.band().name());
        ArrayNode bins = o.putArray("bins");
        for (Stability.BinShift b : r.bins()) {
            ObjectNode n = bins.addObject();
            n.put("bin", b.label());
            n.put("expectedShare", b.expectedShare());
            n.put("actualShare", b.actualShare());
            n.put("contribution", b.contribution());
        }
        return o;
    }
}
