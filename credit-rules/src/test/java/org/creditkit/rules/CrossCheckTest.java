package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.creditkit.rules.testing.SyntheticRuleInputs;
import org.junit.jupiter.api.Test;

class CrossCheckTest {

    static final int COUNT = 100_000;

    @Test
    void droolsAndPlainJava_agreeOn100kRandomInputs_noIneligibleProductOffered_andEveryMitigationIsWithinAppetite() {
        PlainJavaPolicy plain = PlainJavaPolicy.defaultPolicy();
        Map<Tier, Integer> tiers = new EnumMap<>(Tier.class);
        Set<String> fired = new TreeSet<>();
        int disagreements = 0;
        int mitigatedOutsideAppetite = 0;
        PolicyParameters params = PolicyParameters.fromFiles(RuleSetSource.defaultPolicy().files());
        int offeredWhileIneligible = 0;
        int ineligibleSeen = 0;
        StringBuilder first = new StringBuilder();
        try (CompiledRuleSet rules = RuleSets.compile(RuleSetSource.defaultPolicy())) {
            Random r = new Random(20261121L);
            for (int i = 0; i < COUNT; i++) {
                RuleInput in = SyntheticRuleInputs.next(r, "X" + i);
                Decision drools = rules.decide(in);
                Decision java = plain.decide(in);
                if (!drools.sameOutcome(java) || !drools.reasons().equals(java.reasons())
                        && !Set.copyOf(drools.reasons()).equals(Set.copyOf(java.reasons()))) {
                    if (disagreements++ < 3) {
                        first.append("\n").append(in).append("\n  drools: ").append(drools).append("\n  java:   ")
                                .append(java);
                    }
                }
                if (drools.tier() == Tier.MITIGATION
                        && !LossModel.withinAppetite(drools.expectedLoss(), params.product(in.product()))) {
                    mitigatedOutsideAppetite++;
                }
                boolean eligible = params.product(in.product()).eligibility().failures(in).isEmpty();
                ineligibleSeen += eligible ? 0 : 1;
                if (!eligible && (drools.tier() != Tier.DECLINE || java.tier() != Tier.DECLINE
                        || drools.approvedAmount().signum() != 0)) {
                    offeredWhileIneligible++;
                }
                tiers.merge(drools.tier(), 1, Integer::sum);
                fired.addAll(drools.firedRules());
            }
            assertThat(disagreements).as("disagreements, first ones:%s", first).isZero();
            assertThat(offeredWhileIneligible).as("decisions offering a product the enterprise is not eligible for")
                    .isZero();
            assertThat(ineligibleSeen).as("ineligible applications generated").isGreaterThan(COUNT / 20);
            assertThat(mitigatedOutsideAppetite).as("mitigated decisions whose EL after measures exceeds the appetite")
                    .isZero();
            // the generator must exercise every tier and every rule, or agreement proves little
            assertThat(tiers.keySet()).containsExactlyInAnyOrder(Tier.values());
            assertThat(tiers.values()).allSatisfy(n -> assertThat(n).isGreaterThan(COUNT / 50));
            assertThat(fired).containsAll(rules.ruleNames());
        }
    }
}
