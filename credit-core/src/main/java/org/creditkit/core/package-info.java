/**
 * creditkit core runtime: the two exception families and the problem value they carry.
 *
 * <p>Sub-packages: {@code domain} (immutable application records), {@code codes} (USCC, GB/T 4754
 * industry, GB/T 2260 region, SME size class), {@code input} (strict JSON reading), {@code quality}
 * (data-quality flags), {@code feature} (indicator catalogue and extraction), {@code score}
 * (scoring runtime), {@code fairness} (audit metrics), {@code synth} (synthetic portfolio).
 */
package org.creditkit.core;
