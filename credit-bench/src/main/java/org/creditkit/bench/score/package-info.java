/**
 * JMH benchmarks of the scoring runtime: a 40-feature scorecard with reason codes, a 300-tree depth-6
 * ensemble, the expert base-plus-industry composite, a score-cache hit, and a batch of one million
 * scores across the cores. Run from the project root after {@code mvn -q -B package -DskipTests}:
 * {@code java -jar credit-bench/target/benchmarks.jar org.creditkit.bench.score -prof gc}.
 */
package org.creditkit.bench.score;
