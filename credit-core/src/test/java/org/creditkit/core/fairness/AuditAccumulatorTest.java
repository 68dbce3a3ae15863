package org.creditkit.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.creditkit.core.CreditDataException;
import org.junit.jupiter.api.Test;

class AuditAccumulatorTest {

    private static AuditConfig config() {
        return AuditConfig.builder().grouping(Grouping.of("zone")).grouping(Grouping.of("industry"))
                .grouping(Grouping.parse("industry*zone")).reference("industry", "C").build();
    }

    private static List<AuditRecord> portfolio() {
        return SyntheticBiasTest.portfolio(5L, Map.of("H", 0.09), Map.of("H", 0.8));
    }

    @Test
    void valuesFedOneAtATime_reuseOneArray_andGiveTheReportOfTheRecords() {
        AuditAccumulator acc = new AuditAccumulator(config());
        assertThat(acc.attributes()).containsExactly("industry", "zone");
        String[] values = new String[2];
        for (AuditRecord r : portfolio()) {
            values[0] = r.attributes().get("industry");
            values[1] = r.attributes().get("zone");
            acc.add(values, r.favourable(), r.pd(), r.score(), r.outcome());
        }
        values[0] = "overwritten after the last add";
        assertThat(acc.count()).isEqualTo(8000);
        assertThat(FairnessReports.json(acc.report())).isEqualTo(FairnessReports.json(FairnessAudit.run(portfolio(),
                config())));
    }

    @Test
    void groupAuc_summedFromCells_equalsTheAucOverTheGroupsRecords() {
        List<AuditRecord> data = portfolio();
        AuditReport report = FairnessAudit.run(data, config());
        for (String industry : List.of("C", "H")) {
            List<AuditRecord> group = data.stream().filter(r -> r.attributes().get("industry").equals(industry)).toList();
            double[] risk = group.stream().mapToDouble(r -> r.pd().getAsDouble()).toArray();
            boolean[] bad = new boolean[group.size()];
            for (int i = 0; i < bad.length; i++) {
                bad[i] = group.get(i).outcome() == Outcome.BAD;
            }
            GroupResult g = report.groupings().get(1).groups().stream().filter(x -> x.group().equals(industry))
                    .findFirst().orElseThrow();
            assertThat(g.outcomes().orElseThrow().auc().getAsDouble()).isCloseTo(Stats.auc(risk, bad), within(1e-12));
        }
    }

    @Test
    void recordsLackingAnAttribute_areListedByPosition_andTheReportRefused() {
        AuditAccumulator acc = new AuditAccumulator(config());
        acc.add(AuditRecord.of(Map.of("industry", "C", "zone", "EAST"), true));
        acc.add(AuditRecord.of(Map.of("industry", "C"), true));
        acc.add(AuditRecord.of(Map.of("industry", "H", "zone", "WEST"), false));
        assertThatThrownBy(acc::report).isInstanceOf(CreditDataException.class)
                .hasMessageContaining("record 2").hasMessageContaining("no attribute 'zone'");
    }

    @Test
    void aPdOutsideZeroToOne_isRefusedAndNotCounted() {
        AuditAccumulator acc = new AuditAccumulator(config());
        assertThatThrownBy(() -> acc.add(new String[] {"C", "EAST"}, true, OptionalDouble.of(1.5),
                OptionalDouble.empty(), Outcome.UNKNOWN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> acc.add(new String[] {"C"}, true, OptionalDouble.empty(), OptionalDouble.empty(),
                Outcome.UNKNOWN)).hasMessageContaining("1 attribute values for the 2 attributes [industry, zone]");
        assertThat(acc.count()).isZero();
        assertThatThrownBy(acc::report).hasMessageContaining("no records to audit");
    }
}
