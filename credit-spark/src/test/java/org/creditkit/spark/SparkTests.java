package org.creditkit.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assumptions;

/**
 * The one Spark session of the test JVM ({@code local[2]}, no UI, few shuffle partitions), started on
 * first use and stopped when the JVM exits. On a JDK where Spark cannot start for a known reason the
 * calling test is skipped, saying why.
 */
final class SparkTests {

    /** JSON text input: source, line, value. */
    static final StructType TEXT = DataTypes.createStructType(List.of(
            DataTypes.createStructField("source", DataTypes.StringType, true),
            DataTypes.createStructField("line", DataTypes.LongType, true),
            DataTypes.createStructField("value", DataTypes.StringType, true)));

    private static SparkSession session;

    private SparkTests() {
    }

    static synchronized SparkSession spark() {
        if (session == null) {
            try {
                session = SparkSession.builder()
                        .master("local[2]")
                        .appName("credit-spark-tests")
                        .config("spark.ui.enabled", "false")
                        .config("spark.sql.shuffle.partitions", "4")
                        .config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1")
                        .getOrCreate();
            } catch (UnsupportedOperationException | ExceptionInInitializerError e) {
                // Hadoop before 3.5 calls Subject.getSubject, which JDK 23+ refuses (see docs/spark.md)
                Assumptions.abort("Spark cannot start on Java " + Runtime.version() + ": " + e
                        + "; the credit-spark tests run on Java 17, 21 and 25 with Spark 4.2");
            }
            SparkSession started = session;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-spark"));
        }
        return session;
    }

    /**
     * Lines as JSON text input, source {@code mem} and lines numbered from 1, in two slices (one per
     * local core) and without a shuffle of the text.
     */
    static Dataset<Row> text(List<String> lines) {
        List<Row> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            rows.add(RowFactory.create("mem", (long) i + 1, lines.get(i)));
        }
        JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark().sparkContext()).parallelize(rows, 2);
        return spark().createDataFrame(rdd, TEXT);
    }
}
