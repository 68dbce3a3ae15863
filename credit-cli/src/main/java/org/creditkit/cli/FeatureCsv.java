package org.creditkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.input.LabeledApplication;

/**
 * The feature table for model teams: {@code id,industry,zone,size,<one column per feature>,defaulted12m,truePd};
 * a missing feature and an unknown outcome are empty cells.
 */
final class FeatureCsv {

    private final Writer out;
    private final FeatureExtractor extractor = FeatureExtractor.standard();
    private final StringBuilder line = new StringBuilder(1024);
    private long rows;
    private long missingCells;

    FeatureCsv(Writer out) {
        this.out = out;
        FeatureCatalogue c = extractor.catalogue();
        line.append("id,industry,zone,size");
        for (int i = 0; i < c.size(); i++) {
            line.append(',').append(c.get(i).id());
        }
        line.append(",defaulted12m,truePd\n");
        flushLine();
    }

    /** Extracts and writes one row; returns the vector. */
    FeatureVector add(LabeledApplication l) {
        var a = l.application();
        FeatureVector v = extractor.extract(a);
        line.append(quote(a.id())).append(',').append(a.enterprise().industry().code()).append(',')
                .append(a.enterprise().region().zone()).append(',').append(a.enterprise().sizeClass());
        for (int i = 0; i < v.size(); i++) {
            line.append(',');
            if (v.isMissing(i)) {
                missingCells++;
            } else {
                number(line, v.value(i));
            }
        }
        line.append(',');
        l.outcome().ifPresent(o -> line.append(o.defaulted12m() ? '1' : '0'));
        line.append(',');
        l.outcome().ifPresent(o -> o.truePd().ifPresent(p -> number(line, p)));
        line.append('\n');
        flushLine();
        rows++;
        return v;
    }

    long rows() {
        return rows;
    }

    /** Share of feature cells that are missing. */
    double missingShare() {
        long cells = rows * extractor.catalogue().size();
        return cells == 0 ? 0 : (double) missingCells / cells;
    }

    private void flushLine() {
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feature table", e);
        }
        line.setLength(0);
    }

    /** Integral values without a fraction; others in shortest round-trip form. */
    static void number(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
        } else {
            sb.append(v);
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
