/**
 * JMH benchmarks of the decision rules: one Drools decision next to the plain-Java baseline of the
 * same policy, the same on two threads, and rule-set build and hot-reload time.
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar 'org.creditkit.bench.rules' -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
package org.creditkit.bench.rules;
