package org.creditkit.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * What scoring, deciding or matching a dataset gives: every input row either as its results (one row
 * when scoring or deciding, one row per product when matching) or as one rejected row with its problems. The two views are filters of {@link #rows()}; call
 * {@link #persist()} before using both if the input is expensive to recompute (the {@link BatchJob}
 * does).
 *
 * @param rows the result rows and rejected rows: the result columns plus {@code problems}, null on a good row
 * @param results the good rows ({@link Schemas#DECISIONS}, {@link Schemas#SCORES} or {@link Schemas#MATCHES})
 * @param rejected the bad rows ({@link Schemas#REJECTED}): source, line, id when readable, problems
 */
public record BatchResult(Dataset<Row> rows, Dataset<Row> results, Dataset<Row> rejected) {

    /**
     * Checks the parts.
     *
     * @param rows see {@link #rows()}
     * @param results see {@link #results()}
     * @param rejected see {@link #rejected()}
     */
    public BatchResult {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(rejected, "rejected");
    }

    /**
     * Splits the one-pass rows into results and rejections.
     *
     * @param rows the rows with their {@code problems} column
     * @return the result
     */
    static BatchResult of(Dataset<Row> rows) {
        return new BatchResult(rows, rows.filter(col("problems").isNull()).drop("problems"),
                rows.filter(col("problems").isNotNull()).select(col("source"), col("line"), col("applicationId"),
                        col("problems")));
    }

    /**
     * Persists the rows (memory, spilling to disk) so that writing both results and rejections
     * evaluates each input row once.
     *
     * @return the result over the persisted rows
     */
    public BatchResult persist() {
        return of(rows.persist(StorageLevel.MEMORY_AND_DISK()));
    }

    /** Releases what {@link #persist()} kept. */
    public void unpersist() {
        rows.unpersist();
    }
}
