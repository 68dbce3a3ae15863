/**
 * Testing rule sets: {@link org.creditkit.rules.testing.Scenario} cases a risk team writes as JSON
 * (expected tier, conditions, limit, price for one input), {@link org.creditkit.rules.testing.Scenarios}
 * to load and run them (the default policy's own scenarios gate every hot reload), and
 * {@link org.creditkit.rules.testing.SyntheticRuleInputs} for seeded random inputs in cross-checks
 * and benchmarks.
 */
package org.creditkit.rules.testing;
