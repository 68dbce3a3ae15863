/**
 * JMH benchmarks of the input and feature hot paths: strict JSON read of a typical application,
 * feature extraction, and synthetic record generation. Sub-packages hold the scoring, rule and
 * trained-model (exported GBM against Smile) benchmarks. Build with
 * {@code mvn -B -q package -DskipTests}, run with
 * {@code java -jar credit-bench/target/benchmarks.jar <regex> -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc}.
 */
package org.creditkit.bench;
