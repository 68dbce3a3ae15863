/** Benchmarks of post-loan monitoring: early-warning signals and levels per loan-month, and roll-forward re-scoring. */
package org.creditkit.bench.monitor;
