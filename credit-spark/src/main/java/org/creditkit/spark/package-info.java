/**
 * creditkit on Apache Spark: batch scoring, decisions, product matching and the fairness audit over a
 * cluster.
 *
 * <p>Entry points: {@link org.creditkit.spark.CreditSpark} (score, decide and match against the products
 * a {@code Dataset<Row>} of applications, read JSON Lines with line numbers), {@link org.creditkit.spark.SparkAudit} (the fairness
 * audit from counts aggregated in Spark) and {@link org.creditkit.spark.BatchJob} (the
 * {@code spark-submit} job). The model bundle and the rule set travel to the executors as text in one
 * broadcast {@link org.creditkit.spark.EngineSpec}; each executor JVM builds one engine per (bundle
 * checksum, ruleset version) and shares it between its task threads. Spark is a {@code provided}
 * dependency: the cluster brings it. See {@code docs/spark.md}.
 */
package org.creditkit.spark;
