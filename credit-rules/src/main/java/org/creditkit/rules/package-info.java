/**
 * Risk-tier decisions with Drools: the embedder's API of credit-rules.
 *
 * <ul>
 *   <li>Start here: {@link org.creditkit.rules.CreditEngine} (application in, {@link org.creditkit.rules.Decision}
 *       out; thread-safe, {@link java.lang.AutoCloseable}, hot reload of the rules with
 *       {@link org.creditkit.rules.ReloadResult}).</li>
 *   <li>Values: {@link org.creditkit.rules.Decision} (tier, offer, conditions, reasons, trail,
 *       versions, timings), {@link org.creditkit.rules.Tier}, {@link org.creditkit.rules.Reason},
 *       {@link org.creditkit.rules.RuleVerdict}, {@link org.creditkit.rules.DecisionTimings}.</li>
 *   <li>Fact types the DRL sees (rules import {@code org.creditkit.rules.*}):
 *       {@link org.creditkit.rules.Case} (the one fact a decision inserts), {@link org.creditkit.rules.RuleInput}
 *       (everything the policy sees, flat and domain-free), {@link org.creditkit.rules.PolicyParameters},
 *       {@link org.creditkit.rules.ProductPolicy}, {@link org.creditkit.rules.IndustryMultiple},
 *       {@link org.creditkit.rules.MitigationMeasure}, {@link org.creditkit.rules.DebtorStatus},
 *       {@link org.creditkit.rules.ListStanding} (the major tax violation, abnormal-operation and
 *       serious-violation lists).</li>
 *   <li>Rule sets: {@link org.creditkit.rules.RuleSetSource} (classpath default or a directory of
 *       .drl files plus {@code parameters.json}), {@link org.creditkit.rules.RuleSets} (check and
 *       compile; problems as {@link org.creditkit.rules.RuleProblem} {@code file:line:column}),
 *       {@link org.creditkit.rules.CompiledRuleSet}, {@link org.creditkit.rules.DecisionLimits},
 *       {@link org.creditkit.rules.RuleEngine} (rules only, for callers that build the
 *       {@code RuleInput} themselves), {@link org.creditkit.rules.RuleDecider} and
 *       {@link org.creditkit.rules.PlainJavaPolicy} (the default policy in plain Java, a cross-check
 *       and benchmark baseline).</li>
 *   <li>Errors: everything thrown is an {@link org.creditkit.core.CreditException}:
 *       {@link org.creditkit.rules.RuleInputException} (data tier; {@link org.creditkit.rules.DecisionLimitException}
 *       when rules run away on one application), {@link org.creditkit.rules.RuleSetException}
 *       (rule-set tier), {@link org.creditkit.core.CreditModelException} (a bundle that does not fit),
 *       {@link org.creditkit.core.CreditDecisionException} (the rules failed on one application).</li>
 * </ul>
 *
 * <p>Elsewhere: scenarios and rule testing in {@link org.creditkit.rules.testing}, the decision log
 * and counterfactual probes in {@link org.creditkit.rules.audit}; {@code org.creditkit.rules.internal}
 * is unsupported. The default policy lives in {@code org/creditkit/rules/default-policy/}:
 * {@code hard-stops.drl}, {@code risk-tiers.drl}, {@code mitigation.drl}, {@code limit-and-price.drl},
 * {@code parameters.json} and {@code scenarios/*.json}. Rules never see the domain model; the engine
 * maps an application and its score to a {@code RuleInput}.
 */
package org.creditkit.rules;
