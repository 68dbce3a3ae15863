package org.creditkit.spark;

import static org.apache.spark.sql.functions.col;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.creditkit.core.fairness.AuditConfig;
import org.creditkit.core.fairness.AuditRecord;
import org.creditkit.core.fairness.AuditReport;
import org.creditkit.core.fairness.CheckStatus;
import org.creditkit.core.fairness.FairnessAudit;
import org.creditkit.core.fairness.FairnessReports;
import org.creditkit.core.fairness.Grouping;
import org.creditkit.core.fairness.Outcome;

/**
 * The fairness audit of decisions held in Spark: Spark counts the decisions per cell — one cell per
 * combination of the audited group attributes, approval, observed outcome, PD and score — and the
 * driver runs credit-core's {@link FairnessAudit} over those cells, so every statistic, test and
 * report is the core's own and equals the in-JVM audit of the same decisions.
 *
 * <p>What travels to the driver is the cell table, not the decisions: for approval and outcome tallies
 * alone it is tiny (groups x 2 x 3); the PD and score columns, which the core needs per record for the
 * calibration bands and the per-group AUC, make it as long as the number of distinct (PD, score)
 * values per group, and the core audit then holds one reference per decision. See
 * {@code docs/spark.md} for the sizes this allows.
 *
 * <pre>{@code
 * AuditReport report = SparkAudit.audit(decisions.results(), SparkAudit.standardConfig("run 2026-11-30"));
 * FairnessReports.writeAll(report, Path.of("audit"));
 * }</pre>
 */
public final class SparkAudit {

    /** The group attributes of a decision row that the standard audit uses. */
    public static final List<String> STANDARD_GROUPS = List.of("industrySection", "zone", "sizeClass", "ownership",
            "industrySection*zone");

    private SparkAudit() {
    }

    /**
     * The standard audit of decisions: industry section (reference C, manufacturing), zone, size class,
     * ownership and industry x zone; approval is the favourable decision; PD, score and outcome
     * (when the input carried one) included.
     *
     * @param dataSource what was audited, for the report
     * @return the configuration
     */
    public static AuditConfig standardConfig(String dataSource) {
        AuditConfig.Builder b = AuditConfig.builder().title("creditkit fairness audit (Spark)").dataSource(dataSource);
        for (String g : STANDARD_GROUPS) {
            b.grouping(Grouping.parse(g));
        }
        return b.reference("industrySection", "C").build();
    }

    /**
     * Counts decisions per cell: the attributes the configuration's groupings use, {@code approved},
     * {@code defaulted12m}, {@code pd}, {@code score}, and {@code count}.
     *
     * @param decisions rows of {@link Schemas#DECISIONS} (or any table with those columns)
     * @param config the audit
     * @return the cells
     */
    public static Dataset<Row> cells(Dataset<Row> decisions, AuditConfig config) {
        List<Column> keys = new ArrayList<>();
        for (String a : attributes(config)) {
            keys.add(col(a));
        }
        keys.add(col("approved"));
        keys.add(col("defaulted12m"));
        keys.add(col("pd"));
        keys.add(col("score"));
        return decisions.groupBy(keys.toArray(Column[]::new)).count();
    }

    /**
     * Audits decisions held in Spark.
     *
     * @param decisions rows of {@link Schemas#DECISIONS}
     * @param config the audit
     * @return the core's report
     * @throws org.creditkit.core.CreditDataException as {@link FairnessAudit#run} does
     */
    public static AuditReport audit(Dataset<Row> decisions, AuditConfig config) {
        List<String> attributes = attributes(config);
        List<Row> cells = cells(decisions, config).collectAsList();
        List<Cell> list = new ArrayList<>(cells.size());
        long total = 0;
        for (Row c : cells) {
            Map<String, String> attrs = new TreeMap<>();
            for (int i = 0; i < attributes.size(); i++) {
                attrs.put(attributes.get(i), c.getString(i));
            }
            int k = attributes.size();
            AuditRecord r = record(attrs, c.getBoolean(k), c.isNullAt(k + 1) ? null : c.getBoolean(k + 1),
                    c.getDouble(k + 2), c.getDouble(k + 3));
            long n = c.getLong(k + 4);
            list.add(new Cell(r, n));
            total += n;
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(total + " decisions: the core audit counts in int; audit at most "
                    + Integer.MAX_VALUE + " at once (for example one day, or one province)");
        }
        return FairnessAudit.run(new Expanded(list, (int) total), config);
    }

    /**
     * The audit record of one decision; the in-JVM audit and the Spark audit both use this mapping.
     *
     * @param attributes group attributes
     * @param approved whether the decision was an approval (the favourable decision)
     * @param defaulted12m the observed outcome, or null when not observed
     * @param pd the PD
     * @param score the score
     * @return the record
     */
    public static AuditRecord record(Map<String, String> attributes, boolean approved, Boolean defaulted12m,
            double pd, double score) {
        Outcome outcome = defaulted12m == null ? Outcome.UNKNOWN : defaulted12m ? Outcome.BAD : Outcome.GOOD;
        return AuditRecord.of(attributes, approved).withPd(pd).withScore(score).withOutcome(outcome);
    }

    /**
     * The audit step of the {@link BatchJob}: audits, writes the reports, prints the verdict.
     *
     * @param decisions the decisions
     * @param dir where report.html, report.json and report.md go
     * @param out where the verdict is printed
     * @return 2 when the verdict is FAIL, else 0
     */
    static int runJobAudit(Dataset<Row> decisions, Path dir, PrintStream out) {
        AuditReport report = audit(decisions, standardConfig("credit-spark batch decisions"));
        FairnessReports.writeAll(report, dir);
        out.printf("fairness audit: %s (%d decisions, %d checks) -> %s%n", report.verdict(), report.records(),
                report.checks().size(), dir);
        return report.verdict() == CheckStatus.FAIL ? 2 : 0;
    }

    private static List<String> attributes(AuditConfig config) {
        Set<String> names = new LinkedHashSet<>();
        config.groupings().forEach(g -> names.addAll(g.attributes()));
        return List.copyOf(names);
    }

    /** One cell: a record standing for {@code count} equal decisions. */
    private record Cell(AuditRecord record, long count) {
    }

    /** The decisions of the cells, each cell's record repeated count times, without storing them. */
    private static final class Expanded extends AbstractCollection<AuditRecord> {
        private final List<Cell> cells;
        private final int size;

        Expanded(List<Cell> cells, int size) {
            this.cells = Collections.unmodifiableList(cells);
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<AuditRecord> iterator() {
            return new Iterator<>() {
                int cell;
                long left = cells.isEmpty() ? 0 : cells.get(0).count();

                @Override
                public boolean hasNext() {
                    while (left == 0 && cell + 1 < cells.size()) {
                        left = cells.get(++cell).count();
                    }
                    return left > 0;
                }

                @Override
                public AuditRecord next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    left--;
                    return cells.get(cell).record();
                }
            };
        }
    }
}
