package org.creditkit.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;

/**
 * The one Spark session of the test JVM ({@code local[2]}, no UI, few shuffle partitions), started on
 * first use and stopped when the JVM exits. On a JDK where Spark cannot start for a known reason the
 * calling test is skipped, saying why.
 */
final class SparkTests {

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
}
