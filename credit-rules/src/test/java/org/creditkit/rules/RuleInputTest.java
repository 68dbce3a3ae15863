package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.creditkit.core.quality.DataQualityFlag;

class RuleInputTest {

    @Test
    void build_absentRevenue_isExplicitZeroWithFlagFalse() {
        RuleInput in = RuleInput.builder("A", Inputs.TODAY).requested(BigDecimal.TEN, 6).industry("C", "C34")
                .score(0.1, 600, "BB").build();
        assertThat(in.hasAnnualRevenue()).isFalse();
        assertThat(in.annualRevenue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(in.repairDate()).isEqualTo(RuleInput.NO_DATE);
        assertThat(in.monthsSinceLastSeriousPenalty()).isEqualTo(RuleInput.NO_PENALTY);
        assertThat(in.monthsSinceRepair()).isEqualTo(-1);
    }

    @Test
    void build_repairedListing_countsWholeMonthsFromRepairDate() {
        assertThat(Inputs.clean("A").repairedDishonestDebtor(LocalDate.of(2025, 11, 22)).build().monthsSinceRepair())
                .isEqualTo(11);
        assertThat(Inputs.clean("A").repairedDishonestDebtor(LocalDate.of(2025, 11, 21)).build().monthsSinceRepair())
                .isEqualTo(12);
    }

    @Test
    void build_invalidFields_nameTheFieldAndWhatIsValid() {
        assertThatThrownBy(() -> Inputs.clean("A").score(1.2, 600, "BB").build())
                .isInstanceOf(RuleInputException.class).hasMessage("RuleInput A: pd must be in [0, 1], got 1.2");
        assertThatThrownBy(() -> Inputs.clean("A").industry("C", "F48").build())
                .hasMessageContaining("industryDivision must be the section letter plus two digits (e.g. C39), got 'F48'");
        assertThatThrownBy(() -> Inputs.clean("A").repairedDishonestDebtor(Inputs.TODAY.plusDays(1)).build())
                .hasMessageContaining("repairDate must be a date on or before the decision date 2026-11-21");
        assertThatThrownBy(() -> Inputs.clean("A").requested(BigDecimal.ZERO, 12).build())
                .hasMessageContaining("requestedAmount must be > 0 CNY, got 0");
        assertThatThrownBy(() -> Inputs.clean("A").annualRevenue(new BigDecimal("-1")).build())
                .hasMessageContaining("annualRevenue must be >= 0 CNY, got -1");
    }

    @Test
    void flags_areCopiedImmutably() {
        EnumSet<DataQualityFlag> flags = EnumSet.of(DataQualityFlag.STALE_SOURCE);
        RuleInput in = Inputs.clean("A").dataQualityFlags(flags).build();
        flags.add(DataQualityFlag.TIMESTAMP_ANOMALY);
        assertThat(in.dataQualityFlags()).containsExactly(DataQualityFlag.STALE_SOURCE);
        assertThatThrownBy(() -> in.dataQualityFlags().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void flags_iterateInDeclarationOrder_soReasonTextIsTheSameInEveryJvm() {
        // Set.copyOf iterates in an order salted per JVM start: decide wrote flags in a different order each run.
        java.util.List<DataQualityFlag> all = java.util.List.of(DataQualityFlag.values());
        java.util.Set<DataQualityFlag> given = new java.util.LinkedHashSet<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            given.add(all.get(i));
        }
        RuleInput in = Inputs.clean("A").dataQualityFlags(given).build();
        assertThat(in.dataQualityFlags()).containsExactlyElementsOf(all);
    }
}
