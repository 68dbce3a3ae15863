/**
 * Risk-tier decisions with Drools: the public API of credit-rules.
 *
 * <ul>
 *   <li>Facts and values: {@link org.creditkit.rules.RuleInput} (everything the policy sees, flat and
 *       domain-free), {@link org.creditkit.rules.Decision} (tier, offer, conditions, reasons, trail,
 *       versions, timings), {@link org.creditkit.rules.Case} (the one fact a decision inserts: input,
 *       parameters, product policy and the {@link org.creditkit.rules.Verdicts} collector rules write to).</li>
 *   <li>Rule sets: {@link org.creditkit.rules.RuleSetSource} (classpath default or a directory of
 *       .drl files plus {@code parameters.json}), {@link org.creditkit.rules.RuleSets} (check and
 *       compile with the executable model; problems as {@code file:line:column}),
 *       {@link org.creditkit.rules.CompiledRuleSet}, {@link org.creditkit.rules.PolicyParameters}.</li>
 *   <li>Serving: {@link org.creditkit.rules.RuleEngine} (thread-safe, hot reload gated on scenarios,
 *       in-flight decisions pinned to their version).</li>
 *   <li>Testing: {@link org.creditkit.rules.Scenarios} (JSON cases for risk teams) and
 *       {@link org.creditkit.rules.PlainJavaPolicy} (the default policy in plain Java, a cross-check
 *       and benchmark baseline).</li>
 * </ul>
 *
 * <p>The default policy lives in {@code org/creditkit/rules/default-policy/}: {@code hard-stops.drl},
 * {@code risk-tiers.drl}, {@code mitigation.drl}, {@code limit-and-price.drl}, {@code parameters.json}
 * and {@code scenarios/*.json}. Rules never see the domain model; the engine maps an application and
 * its score to a {@code RuleInput}.
 */
package org.creditkit.rules;
