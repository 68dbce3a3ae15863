package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TierTest {

    @Test
    void isApproval_instantApprovalAndMitigationOnly() {
        assertThat(Tier.INSTANT_APPROVAL.isApproval()).isTrue();
        assertThat(Tier.MITIGATION.isApproval()).isTrue();
        assertThat(Tier.MANUAL_REVIEW.isApproval()).isFalse();
        assertThat(Tier.DECLINE.isApproval()).isFalse();
    }

    @Test
    void mostSevere_declineBeatsEverything_instantApprovalNothing() {
        for (Tier t : Tier.values()) {
            assertThat(Tier.DECLINE.mostSevere(t)).isEqualTo(Tier.DECLINE);
            assertThat(t.mostSevere(Tier.INSTANT_APPROVAL)).isEqualTo(t);
        }
        assertThat(Tier.MANUAL_REVIEW.mostSevere(Tier.MITIGATION)).isEqualTo(Tier.MITIGATION);
    }
}
