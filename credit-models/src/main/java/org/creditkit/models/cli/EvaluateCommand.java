package org.creditkit.models.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.creditkit.models.ModelException;
import org.creditkit.models.data.DatasetReader;
import org.creditkit.models.data.LoadResult;
import org.creditkit.models.eval.GradeBands;
import org.creditkit.models.report.HtmlReport;
import org.creditkit.models.report.ReportContent;
import org.creditkit.models.store.ModelJson;
import org.creditkit.models.store.TrainedModel;
import org.creditkit.models.workflow.MetricsJson;
import org.creditkit.models.workflow.ModelEvaluation;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credit evaluate}: evaluates a trained model on labelled data (for example a holdout) and
 * writes the metrics JSON and optionally an HTML report.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a trained model on labelled CSV or ARFF data.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model file written by credit train.")
    Path model;

    @Option(names = "--data", required = true, description = "Labelled data (.csv or .arff).")
    Path data;

    @Mixin
    TrainCommand.MappingOptions mapping = new TrainCommand.MappingOptions();

    @Option(names = "--metrics-out", description = "Metrics JSON to write.")
    Path metricsOut;

    @Option(names = "--report", description = "Directory for the HTML model report.")
    Path report;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try {
            TrainedModel m = ModelJson.load(model);
            String sum = ModelJson.checksum(m);
            LoadResult loaded = DatasetReader.read(data, mapping.mapping(true));
            TrainCommand.reportLoad(err, loaded);
            ModelEvaluation ev = ModelEvaluation.of(data.getFileName().toString(), m, loaded.dataset(),
                    GradeBands.defaults());
            var json = MetricsJson.of(ev, Optional.empty(), m.kind(), sum);
            if (metricsOut != null) {
                MetricsJson.write(json, metricsOut);
            }
            out.printf(Locale.ROOT, "evaluated %s on %s: AUC %.4f [%.4f, %.4f], Gini %.4f, KS %.4f, Brier %.4f%s%n",
                    m.kind(), loaded.summary(), ev.metrics().auc(), ev.metrics().aucLower(), ev.metrics().aucUpper(),
                    ev.metrics().gini(), ev.metrics().ks(), ev.metrics().brier(),
                    ev.oracle().map(o -> String.format(Locale.ROOT, "; oracle AUC %.4f", o.auc())).orElse(""));
            if (report != null) {
                List<String> notes = new ArrayList<>(loaded.notes());
                Path file = HtmlReport.write(new ReportContent("Model evaluation: " + m.kind() + " on "
                        + data.getFileName(), data + ": " + loaded.summary(), m, sum, ev, Optional.empty(), notes), report);
                out.println("report written to " + file);
            }
            out.flush();
            return 0;
        } catch (ModelException | IllegalArgumentException e) {
            err.println("credit evaluate: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
