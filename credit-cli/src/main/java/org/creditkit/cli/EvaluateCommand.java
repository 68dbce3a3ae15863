package org.creditkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.creditkit.core.CreditModelException;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.models.ModelException;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.data.DatasetReader;
import org.creditkit.models.data.LoadResult;
import org.creditkit.models.export.BundleExport;
import org.creditkit.models.export.CoreScoring;
import org.creditkit.models.eval.Stability;
import org.creditkit.models.report.HtmlReport;
import org.creditkit.models.report.ReportContent;
import org.creditkit.models.workflow.MetricsJson;
import org.creditkit.models.workflow.ModelEvaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credit evaluate}: evaluates a model on labelled data (for example a holdout) and writes the
 * metrics JSON and optionally an HTML report. The model is a core bundle written by
 * {@code credit train}; everything comes from the bundle alone: the scores through the core runtime
 * (table columns and category codes from {@code training.columns}), the report's bins, WoE,
 * importance and overlay credibility from {@code training.detail}. Exit codes as {@link CreditCli}:
 * 0, 1 when some data rows were skipped (each reported), 3 on unusable data or model.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a trained model (core bundle) on labelled data.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Core model bundle written by credit train.")
    Path model;

    @Option(names = "--data", required = true, description = "Labelled data (.jsonl portfolio, .csv or .arff).")
    Path data;

    @Mixin
    TrainCommand.MappingOptions mapping = new TrainCommand.MappingOptions();

    @Option(names = "--metrics-out", description = "Metrics JSON to write.")
    Path metricsOut;

    @Option(names = "--report", description = "Directory for the HTML model report.")
    Path report;

    /** A core bundle: the one model file {@code credit train} writes. */
    record LoadedModel(ModelBundle bundle) {

        /** Log-odds of every row of a dataset read from {@code file}, scored by the core bundle. */
        double[] logOdds(Path file, Dataset d) {
            if (TrainCommand.isPortfolio(file)) {
                double[] z = CoreScoring.portfolioLogOdds(bundle, file);
                if (z.length != d.rows()) {
                    throw new ModelException(file + ": scored " + z.length + " lines but read " + d.rows());
                }
                return z;
            }
            return CoreScoring.tableLogOdds(bundle, d);
        }

        String checksum() {
            return bundle.checksum();
        }

        /** {@code scorecard}, {@code gbm} (as trained) or the core model type of the base. */
        String kind() {
            return bundle.training().path("baseKind").asText(bundle.base().type());
        }
    }

    /**
     * Loads a core bundle.
     *
     * @param file the bundle
     * @return the loaded model
     * @throws CreditModelException if unreadable, not a valid bundle, or tampered
     */
    static LoadedModel load(Path file) {
        return new LoadedModel(ModelBundle.read(file));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        BatchFiles.requireOutputs(spec, BatchFiles.files("--model", model, "--data", data),
                BatchFiles.files("--metrics-out", metricsOut), "--report", report, "index.html");
        try {
            LoadedModel m = load(model);
            LoadResult loaded = DatasetReader.read(data,
                    mapping.mapping(!TrainCommand.isPortfolio(data), spec.commandLine()));
            TrainCommand.reportLoad(err, loaded);
            TrainCommand.requireEnoughOfEachClass(data, loaded, "an evaluation");
            List<String> unknown = TrainCommand.isPortfolio(data) ? List.of()
                    : BundleExport.unknownLevels(m.bundle(), loaded.dataset());
            unknown.forEach(u -> err.println("warning: " + data.getFileName() + ": " + u));
            double[] z = m.logOdds(data, loaded.dataset());
            ModelEvaluation evaluated = ModelEvaluation.of(data.getFileName().toString(), z, loaded.dataset(),
                    m.bundle().scaling(), m.bundle().gradeBands())
                    .requireRiskRankedForward(mapping.describeLabels(TrainCommand.isPortfolio(data)));
            Optional<Stability.Reference> development = MetricsJson.development(m.bundle().metrics(),
                    model + " $.metrics");
            ModelEvaluation ev = development.map(evaluated::withStability).orElse(evaluated);
            if (development.isEmpty()) {
                err.println("note: " + model + " records no training-sample distribution (trained by an earlier "
                        + "version), so stability is not in the verdict; measure it with credit psi");
            }
            ObjectNode json = MetricsJson.of(ev, Optional.empty(), m.kind(), m.checksum());
            if (metricsOut != null) {
                MetricsJson.write(json, metricsOut);
            }
            out.printf(Locale.ROOT, "evaluated %s on %s: AUC %.4f [%.4f, %.4f], Gini %.4f, KS %.4f, Brier %.4f%s%s%n",
                    m.kind(), loaded.summary(), ev.metrics().auc(), ev.metrics().aucLower(), ev.metrics().aucUpper(),
                    ev.metrics().gini(), ev.metrics().ks(), ev.metrics().brier(),
                    ev.oracle().map(o -> String.format(Locale.ROOT, "; oracle AUC %.4f", o.auc())).orElse(""),
                    ev.stability().map(st -> String.format(Locale.ROOT, "; PSI vs training %.4f (%s)", st.index(),
                            st.band())).orElse(""));
            out.printf(Locale.ROOT, "verdict %s%n", ev.verdict(Optional.empty()).overall());
            if (report != null) {
                List<String> notes = new ArrayList<>(loaded.notes());
                notes.addAll(unknown);
                Path file = HtmlReport.write(new ReportContent("Model evaluation: " + m.kind() + " on "
                        + data.getFileName(), data + ": " + loaded.summary(), BundleExport.detail(m.bundle()), m.kind(), m.checksum(), ev,
                        Optional.empty(), notes), report);
                out.println("report written to " + file);
            }
            out.flush();
            return loaded.skipped().isEmpty() ? CreditCli.EXIT_OK : CreditCli.EXIT_REJECTED;
        } catch (org.creditkit.core.CreditException | IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("credit evaluate: " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
    }
}
