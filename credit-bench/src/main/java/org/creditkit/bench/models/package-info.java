/**
 * JMH benchmarks of trained models: a Smile {@code GradientTreeBoost} exported to the core
 * {@code TreeEnsemble}, timed against Smile's own {@code predict} on the same model and rows (the
 * runtime never calls Smile; this measures what the export buys). Run from the project root after
 * {@code mvn -q -B package -DskipTests}:
 * {@code java -jar credit-bench/target/benchmarks.jar org.creditkit.bench.models -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
package org.creditkit.bench.models;
