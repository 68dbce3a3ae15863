package org.creditkit.models.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.models.ModelException;

/**
 * Reads the project's own portfolio format, JSON Lines of {@code {"application":{...},
 * "outcome":{"defaulted12m":..,"truePd":..}}}, through the strict core reader and the standard
 * {@link FeatureExtractor}: the features are the standard catalogue's indicators (all numeric,
 * {@code NaN} where a source is absent), the target is {@code defaulted12m}, the industry is the
 * enterprise's GB/T 4754 code grouped by the mapping (section by default), and the true PD is kept
 * when every line has one. Lines the strict reader rejects and lines without an outcome are skipped
 * with their line numbers. {@code --target}/{@code --bad} are not used; {@code --features} and
 * {@code --exclude} select indicators by id.
 */
public final class PortfolioReader {

    private PortfolioReader() {
    }

    /** Growable column storage filled line by line. */
    private static final class Accumulator {
        final FeatureExtractor extractor = FeatureExtractor.standard();
        final int[] selected;
        final ColumnMapping mapping;
        double[][] cols;
        int[] target = new int[1024];
        long[] lines = new long[1024];
        int[] industry = new int[1024];
        double[] truePd = new double[1024];
        boolean allTruePd = true;
        int rows;
        long lineNo;
        final Map<String, Integer> groups = new HashMap<>();
        final List<String> groupNames = new ArrayList<>();
        final List<SkippedRow> skipped = new ArrayList<>();

        Accumulator(int[] selected, ColumnMapping mapping) {
            this.selected = selected;
            this.mapping = mapping;
            this.cols = new double[selected.length][1024];
        }

        void good(LabeledApplication la) {
            long line = ++lineNo;
            if (la.outcome().isEmpty()) {
                skipped.add(new SkippedRow(line, "no outcome (an unlabeled application cannot be used for training)"));
                return;
            }
            if (rows == target.length) {
                int cap = rows * 2;
                for (int j = 0; j < cols.length; j++) {
                    cols[j] = Arrays.copyOf(cols[j], cap);
                }
                target = Arrays.copyOf(target, cap);
                lines = Arrays.copyOf(lines, cap);
                industry = Arrays.copyOf(industry, cap);
                truePd = Arrays.copyOf(truePd, cap);
            }
            FeatureVector v = extractor.extract(la.application());
            for (int j = 0; j < selected.length; j++) {
                cols[j][rows] = v.value(selected[j]);
            }
            LabeledApplication.Outcome outcome = la.outcome().get();
            target[rows] = outcome.defaulted12m() ? 1 : 0;
            lines[rows] = line;
            String g = mapping.grouping().group(la.application().enterprise().industry().code());
            Integer code = groups.get(g);
            if (code == null) {
                code = groupNames.size();
                groups.put(g, code);
                groupNames.add(g);
            }
            industry[rows] = code;
            if (outcome.truePd().isPresent()) {
                truePd[rows] = outcome.truePd().getAsDouble();
            } else {
                allTruePd = false;
            }
            rows++;
        }

        void bad(BadLine bad) {
            lineNo++;
            skipped.add(new SkippedRow(bad.lineNumber(), bad.problems().stream().limit(3).map(Object::toString)
                    .collect(Collectors.joining("; "))));
        }
    }

    /**
     * Reads a portfolio file.
     *
     * @param file the JSON Lines file
     * @param mapping feature selection, industry grouping and bad-row tolerance
     * @return the dataset with the account of skipped lines
     * @throws ModelException if too many lines are unusable or no line is usable
     */
    public static LoadResult read(Path file, ColumnMapping mapping) {
        FeatureCatalogue catalogue = FeatureCatalogue.standard();
        for (String f : mapping.features()) {
            if (catalogue.indexOf(f) < 0) {
                throw new ModelException(file + ": --features names (" + f + ") which is not a standard indicator; known: "
                        + catalogue.definitions().stream().map(d -> d.id()).collect(Collectors.joining(", ")));
            }
        }
        List<Integer> sel = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            String id = catalogue.get(i).id();
            if (mapping.features().isEmpty() ? !mapping.exclude().contains(id) : mapping.features().contains(id)) {
                sel.add(i);
            }
        }
        Accumulator acc = new Accumulator(sel.stream().mapToInt(Integer::intValue).toArray(), mapping);
        BatchReport report;
        try {
            report = StrictApplicationReader.standard().readBatch(file, acc::good, acc::bad);
        } catch (java.io.UncheckedIOException e) {
            throw new ModelException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        int sourceRows = (int) report.lines();
        List<SkippedRow> skipped = new ArrayList<>(acc.skipped);
        skipped.sort((a, b) -> Long.compare(a.line(), b.line()));
        if (sourceRows > 0 && skipped.size() > mapping.maxBadRowShare() * sourceRows) {
            StringBuilder msg = new StringBuilder(file + ": " + skipped.size() + " of " + sourceRows
                    + " lines are unusable, more than the allowed share " + mapping.maxBadRowShare() + "; first ones:");
            skipped.stream().limit(10).forEach(s -> msg.append("\n  ").append(s));
            throw new ModelException(msg.toString());
        }
        int rows = acc.rows;
        if (rows == 0) {
            throw new ModelException(file + ": no usable lines");
        }
        List<Feature> features = new ArrayList<>();
        double[][] trimmed = new double[acc.selected.length][];
        for (int j = 0; j < acc.selected.length; j++) {
            features.add(Feature.numeric(catalogue.get(acc.selected[j]).id()));
            trimmed[j] = Arrays.copyOf(acc.cols[j], rows);
        }
        Dataset d = Dataset.of(features, trimmed, Arrays.copyOf(acc.target, rows), Arrays.copyOf(acc.lines, rows),
                acc.groupNames, Arrays.copyOf(acc.industry, rows),
                acc.allTruePd ? Arrays.copyOf(acc.truePd, rows) : new double[0]);
        List<String> notes = new ArrayList<>();
        if (!acc.allTruePd) {
            notes.add("not every outcome has a true PD: no oracle metrics");
        }
        return new LoadResult(d, sourceRows, skipped, notes);
    }
}
