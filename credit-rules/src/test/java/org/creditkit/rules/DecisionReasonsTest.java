package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.Product;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.Test;

/** A decision's reasons are those of its outcome; the trail keeps every verdict. */
class DecisionReasonsTest {

    @Test
    void reasons_leaveOutWhatTheOutcomeContradicts_theTrailKeepsEverything() {
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(600).seed(4242L).build());
        int overriddenInstant = 0;
        int declinesWithAnOfferComputed = 0;
        try (CreditEngine engine = CreditEngine.defaults()) {
            for (int i = 0; i < 600; i++) {
                LoanApplication a = g.generate(i).application();
                // every third as a technology loan, so that ineligible low-risk firms are declined after the
                // instant-approval, limit and price rules fired
                if (i % 3 == 0) {
                    a = new LoanApplication(a.id(), a.applicationTime(), Product.TECHNOLOGY, a.amount(), a.termMonths(),
                            a.purpose(), a.guarantee(), a.dataUseConsent(), a.enterprise(), a.sources());
                }
                Decision d = engine.decide(a);
                Set<String> codes = d.reasons().stream().map(Reason::code).collect(Collectors.toSet());
                String finalVerdict = "tier=" + d.tier().name();
                for (RuleVerdict v : d.trail()) {
                    String code = v.reason().code();
                    if (v.verdict().equals(finalVerdict)) {
                        assertThat(codes).as("decisive %s of %s", code, d.tier()).contains(code);
                    }
                    if (d.tier() != Tier.INSTANT_APPROVAL && v.verdict().equals("tier=INSTANT_APPROVAL")) {
                        assertThat(codes).as("overridden %s in a %s", code, d.tier()).doesNotContain(code);
                        overriddenInstant++;
                    }
                    if (d.tier() == Tier.DECLINE && (v.verdict().startsWith("limit=") || v.verdict().startsWith("price="))) {
                        assertThat(codes).as("offer reason %s in a decline", code).doesNotContain(code);
                        declinesWithAnOfferComputed++;
                    }
                    if (d.tier() == Tier.MANUAL_REVIEW && v.verdict().startsWith("limit=")) {
                        assertThat(codes).as("the proposed limit's reason in a review").contains(code);
                    }
                }
                assertThat(d.firedRules()).containsExactlyElementsOf(
                        d.trail().stream().map(RuleVerdict::rule).distinct().toList());
            }
        }
        assertThat(overriddenInstant).as("decisions where instant approval was overridden").isPositive();
        assertThat(declinesWithAnOfferComputed).as("declines whose limit and price rules fired").isPositive();
    }
}
